"""Every error as RFC 9457 ``application/problem+json``; one table maps exceptions to statuses."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import (
    Conflict,
    GazetteerError,
    GeoEventsError,
    InvalidInput,
    NotFound,
    RateLimited,
    RequestTooLarge,
    StoreError,
    TextTooLong,
    Unauthorized,
    UnknownRegion,
    UriTooLong,
)

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://geoevents.invalid/problems/"

#: The one exception -> HTTP status table. Subclasses not listed take their parent's status.
STATUS: dict[type[GeoEventsError], int] = {
    InvalidInput: 400,
    Unauthorized: 401,
    NotFound: 404,
    Conflict: 409,
    UnknownRegion: 404,
    TextTooLong: 413,
    RequestTooLarge: 413,
    UriTooLong: 414,
    RateLimited: 429,
    GazetteerError: 503,
    StoreError: 503,
    GeoEventsError: 500,
}


def status_for(exc: GeoEventsError) -> int:
    """HTTP status of a domain error, by the nearest class in :data:`STATUS`."""
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 500


def problem(
    status: int, slug: str, title: str, detail: str, instance: str, **extra: object
) -> JSONResponse:
    """A problem+json response."""
    body = {
        "type": TYPE_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
        **extra,
    }
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
    if status == 429 and "retry_after" in extra:
        headers["Retry-After"] = str(extra["retry_after"])
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def domain_problem(exc: GeoEventsError, method: str, path: str) -> JSONResponse:
    """The problem response of a domain error (also used by the middlewares)."""
    status = status_for(exc)
    if status >= 500:
        log.error("%s %s: %s", method, path, exc.log_message)
        detail = exc.title  # never echo internals on a 5xx
    else:
        detail = exc.detail
    return problem(status, exc.slug, exc.title, detail, path, **exc.extra)


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, GeoEventsError)
    return domain_problem(exc, request.method, request.url.path)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {
            "loc": [str(p) for p in e.get("loc", ())],
            "msg": e.get("msg", ""),
            "type": e.get("type", ""),
        }
        for e in exc.errors()
    ]
    # Query and path parameters are the client's URL: 400, as OGC API asks. Bodies: 422.
    in_url = all(e["loc"][:1] in (["query"], ["path"]) for e in errors)
    status = 400 if in_url else 422
    detail = "; ".join(f"{'.'.join(e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in errors)
    return problem(
        status, "invalid-input", "Invalid input", detail, request.url.path, errors=errors
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    slug = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
    return problem(exc.status_code, slug, str(exc.detail), str(exc.detail), request.url.path)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem(500, "internal-error", "Internal error", "Internal error", request.url.path)


def add_exception_handlers(app: FastAPI) -> None:
    """Install the handlers on an app."""
    app.add_exception_handler(GeoEventsError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)

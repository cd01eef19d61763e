"""Domain exceptions. Each carries a type slug, a title and a safe message for users.

The HTTP status of each class lives in one table, ``app.api.problems.STATUS``; the CLI maps
all of them to exit code 2. ``detail`` is shown to users; ``log_message`` only to logs.
"""

from __future__ import annotations

from collections.abc import Sequence


class GeoEventsError(Exception):
    """Base class of every error the service reports to a user."""

    slug = "error"
    title = "Request failed"

    def __init__(
        self,
        detail: str | None = None,
        *,
        log_message: str | None = None,
        extra: dict[str, object] | None = None,
    ) -> None:
        self.detail = detail or self.title
        self.log_message = log_message or self.detail
        self.extra = extra or {}
        super().__init__(self.log_message)


class InvalidInput(GeoEventsError):
    """A parameter or body value is malformed or out of range."""

    slug = "invalid-input"
    title = "Invalid input"


class NotFound(GeoEventsError):
    """The requested resource does not exist."""

    slug = "not-found"
    title = "Not found"


class Conflict(GeoEventsError):
    """The resource exists already (a feed URL registered twice)."""

    slug = "conflict"
    title = "Already exists"


class UnknownRegion(NotFound):
    """A region name or code matches nothing in the gazetteer."""

    slug = "unknown-region"
    title = "Unknown region"

    def __init__(self, name: str, suggestions: Sequence[str]) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(
            f"No region matches {name!r}{hint}", extra={"suggestions": list(suggestions)}
        )


class TextTooLong(GeoEventsError):
    """A report text exceeds the configured limit."""

    slug = "text-too-long"
    title = "Text too long"


class RequestTooLarge(GeoEventsError):
    """A request body or query string exceeds a configured limit."""

    slug = "request-too-large"
    title = "Request too large"


class UriTooLong(GeoEventsError):
    """A query string exceeds the configured limit."""

    slug = "uri-too-long"
    title = "URI too long"


class RateLimited(GeoEventsError):
    """Too many requests of one kind from one key or address in the current window."""

    slug = "rate-limited"
    title = "Too many requests"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail, extra={"retry_after": retry_after})
        self.retry_after = retry_after


class Unauthorized(GeoEventsError):
    """A write (or read, when configured) came without a valid API key."""

    slug = "unauthorized"
    title = "API key required"


class GazetteerError(GeoEventsError):
    """The gazetteer files are missing or malformed."""

    slug = "gazetteer-unavailable"
    title = "Gazetteer unavailable"


class StoreError(GeoEventsError):
    """The event store failed; details go to the log, not to the user."""

    slug = "store-unavailable"
    title = "Event store unavailable"

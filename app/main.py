"""The application factory: ``uvicorn app.main:create_app --factory``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from anyio import to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app import __version__
from app.api import (
    changes,
    events,
    extraction,
    features,
    gazetteer,
    health,
    live,
    map,
    observability,
    regions,
    reports,
)
from app.api.guard import InputGuard
from app.api.limits import RateLimiter
from app.api.observability import RequestContext
from app.api.problems import add_exception_handlers
from app.api.security import SecurityHeaders, add_cors
from app.heap_trim import HeapTrimmer
from app.ingest import Ingestor
from app.live.clock import SystemClock
from app.live.notify import ChangeNotifier
from app.live.runner import LiveRunner
from app.metrics import Metrics
from app.settings import Settings
from app.startup import freeze_served_startup, load_extractor, thaw_served_startup
from app.store import open_store
from app.store.counters import open_counters

STATIC_DIR = Path(__file__).resolve().parent / "static"
DESCRIPTION = """
Conflict events from news reports about Iraq and Syria, geocoded offline against a shipped
gazetteer. Errors are RFC 9457 `application/problem+json` bodies.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; heavy resources are opened in the lifespan, not here."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Sync routes run in AnyIO's thread pool (40 threads by default); each thread opens
        # its own SQLite connections with their page caches, so the pool size bounds memory.
        to_thread.current_default_thread_limiter().total_tokens = settings.api.worker_threads
        app.state.extractor = load_extractor(settings)
        app.state.gazetteer = app.state.extractor.gazetteer
        app.state.gazetteer.load_polygons()  # a bad outline file fails start-up, not a query
        app.state.store = open_store(
            settings.store.database_url, sqlite_cache_mib=settings.store.sqlite_cache_mib
        )
        app.state.counters = open_counters(settings.store.database_url)
        app.state.ingestor = Ingestor(app.state.extractor, app.state.gazetteer, app.state.store)
        app.state.notifier = ChangeNotifier(app.state.store, settings.live.live_notify_seconds)
        await app.state.notifier.start()
        trimmer = HeapTrimmer()  # freed heap memory back to the system (see heap_trim)
        await trimmer.start()
        runner = None
        if settings.live.live_runner:
            runner = LiveRunner(
                app.state.ingestor,
                SystemClock(),
                interval=settings.live.live_interval_seconds,
                timeout=settings.live.http_timeout_seconds,
                backoff=tuple(settings.live.webhook_backoff_seconds),
                allow_private=settings.live.outbound_allow_private,
            )
            await runner.start()
        freeze_served_startup()  # the collector never walks what start-up built again
        try:
            yield
        finally:
            thaw_served_startup()
            if runner is not None:
                await runner.stop()
            await trimmer.stop()
            await app.state.notifier.stop()
            app.state.counters.close()
            app.state.store.close()

    app = FastAPI(
        title="geoevents", version=__version__, description=DESCRIPTION, lifespan=lifespan
    )
    app.state.settings = settings
    app.state.metrics = Metrics(lambda: app.state.store)
    add_exception_handlers(app)
    # Added last runs first: request id and metrics around everything, then the security
    # headers, CORS, the rate limits (hostile requests count too), the input guard (nothing
    # hostile reaches a route).
    app.add_middleware(InputGuard, limits=settings.api)
    app.add_middleware(RateLimiter, settings=settings.limits, counters=lambda: app.state.counters)
    add_cors(app, settings.api)
    app.add_middleware(SecurityHeaders)
    routers = (
        health.router,
        observability.router,
        gazetteer.router,
        regions.router,
        extraction.router,
        reports.router,
        changes.router,  # before /events/{id}
        events.router,
        live.router,
        map.router,
        features.router,
    )
    routes = [route for router in routers for route in router.routes]
    app.add_middleware(RequestContext, metrics=app.state.metrics, routes=routes)
    for router in routers:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app

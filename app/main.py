"""The application factory: ``uvicorn app.main:create_app --factory``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

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
    regions,
    reports,
)
from app.api.problems import add_exception_handlers
from app.extraction.pipeline import Extractor
from app.gazetteer.geocoder import Gazetteer
from app.ingest import Ingestor
from app.live.clock import SystemClock
from app.live.notify import ChangeNotifier
from app.live.runner import LiveRunner
from app.settings import Settings
from app.store import open_store

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
        app.state.gazetteer = Gazetteer.load(
            settings.gazetteer.gazetteer_dir, settings.gazetteer.resolved_user_dir()
        )
        app.state.extractor = Extractor(
            app.state.gazetteer,
            settings.extraction.extra_actor_files(),
            max_chars=settings.api.max_text_chars,
        )
        app.state.store = open_store(settings.store.database_url)
        app.state.ingestor = Ingestor(app.state.extractor, app.state.gazetteer, app.state.store)
        app.state.notifier = ChangeNotifier(app.state.store, settings.live.live_notify_seconds)
        await app.state.notifier.start()
        runner = None
        if settings.live.live_runner:
            runner = LiveRunner(
                app.state.ingestor,
                SystemClock(),
                interval=settings.live.live_interval_seconds,
                timeout=settings.live.http_timeout_seconds,
                backoff=tuple(settings.live.webhook_backoff_seconds),
            )
            await runner.start()
        try:
            yield
        finally:
            if runner is not None:
                await runner.stop()
            await app.state.notifier.stop()
            app.state.store.close()

    app = FastAPI(
        title="geoevents", version=__version__, description=DESCRIPTION, lifespan=lifespan
    )
    app.state.settings = settings
    add_exception_handlers(app)
    app.include_router(health.router)
    app.include_router(gazetteer.router)
    app.include_router(regions.router)
    app.include_router(extraction.router)
    app.include_router(reports.router)
    app.include_router(changes.router)  # before /events/{id}
    app.include_router(events.router)
    app.include_router(live.router)
    app.include_router(map.router)
    app.include_router(features.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app

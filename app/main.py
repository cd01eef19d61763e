"""The application factory: ``uvicorn app.main:create_app --factory``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app import __version__
from app.api import events, extraction, features, gazetteer, health, map, regions, reports
from app.api.problems import add_exception_handlers
from app.extraction.pipeline import Extractor
from app.gazetteer.geocoder import Gazetteer
from app.ingest import Ingestor
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
        app.state.extractor = Extractor.configured(app.state.gazetteer, settings)
        app.state.store = open_store(settings.store.database_url)
        app.state.ingestor = Ingestor(app.state.extractor, app.state.gazetteer, app.state.store)
        try:
            yield
        finally:
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
    app.include_router(events.router)
    app.include_router(map.router)
    app.include_router(features.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app

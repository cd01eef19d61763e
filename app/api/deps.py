"""Resources on app.state, reached by routes only through these dependencies."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.extraction.pipeline import Extractor
from app.gazetteer.geocoder import Gazetteer
from app.settings import Settings
from app.store.base import EventStore


def get_settings(request: Request) -> Settings:
    """The app's settings."""
    settings: Settings = request.app.state.settings
    return settings


def get_gazetteer(request: Request) -> Gazetteer:
    """The gazetteer loaded in the lifespan."""
    gazetteer: Gazetteer = request.app.state.gazetteer
    return gazetteer


def get_extractor(request: Request) -> Extractor:
    """The extraction pipeline built in the lifespan."""
    extractor: Extractor = request.app.state.extractor
    return extractor


def get_store(request: Request) -> EventStore:
    """The event store opened in the lifespan."""
    store: EventStore = request.app.state.store
    return store


SettingsDep = Annotated[Settings, Depends(get_settings)]
GazetteerDep = Annotated[Gazetteer, Depends(get_gazetteer)]
StoreDep = Annotated[EventStore, Depends(get_store)]
ExtractorDep = Annotated[Extractor, Depends(get_extractor)]

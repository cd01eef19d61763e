"""Liveness and readiness."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter

from app import __version__
from app.api.deps import GazetteerDep, StoreDep
from app.api.schemas import Health

router = APIRouter(tags=["service"])


@router.get("/healthz", response_model=Health)
def healthz(gazetteer: GazetteerDep, store: StoreDep) -> Health:
    """200 once the gazetteer is loaded and the store answers; 503 problem otherwise."""
    return Health(
        status="ok",
        version=__version__,
        gazetteer={
            "places": len(gazetteer),
            "regions": sum(1 for _ in gazetteer.regions),
            "load_seconds": round(gazetteer.load_seconds, 3),
        },
        store=asdict(store.health()),
    )

"""Event stores behind one protocol; pick one with :func:`open_store`."""

from __future__ import annotations

from app.errors import StoreError
from app.store.base import EventStore
from app.store.sqlite import SQLiteStore


def open_store(database_url: str, finish_imports: bool = True) -> EventStore:
    """Open the backend named by the URL scheme.

    ``finish_imports=False`` leaves an interrupted import's index build to the next import.
    """
    match database_url.split("://", 1)[0]:
        case "sqlite":
            return SQLiteStore.from_url(database_url, finish_imports)
        case "postgresql" | "postgres":
            try:
                from app.store.postgis import PostGISStore
            except ImportError as exc:
                raise StoreError(
                    "The PostGIS backend needs its driver: pip install 'geoevents[postgis]'"
                ) from exc
            return PostGISStore.from_url(database_url, finish_imports)
        case other:
            raise StoreError(f"Unknown database scheme {other!r}")


__all__ = ["EventStore", "SQLiteStore", "open_store"]

"""Event stores behind one protocol; pick one with :func:`open_store`."""

from __future__ import annotations

from app.errors import StoreError
from app.store.base import EventStore
from app.store.sqlite import SQLiteStore


def open_store(
    database_url: str, finish_imports: bool = True, sqlite_cache_mib: int | None = None
) -> EventStore:
    """Open the backend named by the URL scheme.

    ``finish_imports=False`` leaves an interrupted import's index build to the next import;
    ``sqlite_cache_mib`` sets the page cache of each SQLite connection (default 16 MiB).
    """
    match database_url.split("://", 1)[0]:
        case "sqlite":
            store = SQLiteStore.from_url(database_url, finish_imports)
            if sqlite_cache_mib is not None:
                store.cache_kib = sqlite_cache_mib * 1024
            return store
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

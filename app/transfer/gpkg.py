"""GeoPackage export through geopandas/pyogrio, written in batches (memory stays flat)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geopandas as gpd
import orjson
import pyogrio
from shapely.geometry import shape

BATCH = 50_000
_SCALARS = (
    "event_type",
    "category",
    "acled_event_type",
    "acled_sub_event_type",
    "date",
    "date_end",
    "date_precision",
    "reported_at",
    "geo_precision",
    "fatalities",
    "summary",
    "confidence",
)


def flat(feature: dict[str, Any]) -> dict[str, Any]:
    """A row: scalar properties as columns, nested ones (actors, evidence...) as JSON text."""
    p = feature["properties"]
    row = {"event_id": feature.get("id")} | {k: p.get(k) for k in _SCALARS}
    loc = p.get("location") or {}
    row |= {
        "location": loc.get("name"),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "origin": (p.get("origin") or {}).get("name"),
        # One column type: an id given as a number is written as its text.
        "external_id": None if p.get("external_id") is None else str(p["external_id"]),
    }
    for nested in ("actors", "strength", "evidence", "sources"):
        row[nested] = orjson.dumps(p.get(nested)).decode()
    return row


def write_gpkg(features: Iterable[str], path: Path, layer: str = "events") -> int:
    """Write Feature texts to a GeoPackage layer; returns how many were written."""
    if path.exists():
        path.unlink()
    written = 0
    rows: list[dict[str, Any]] = []
    geoms: list[Any] = []

    def flush() -> None:
        nonlocal written, rows, geoms
        frame = gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")
        pyogrio.write_dataframe(frame, path, layer=layer, driver="GPKG", append=written > 0)
        written += len(rows)
        rows, geoms = [], []

    for text in features:
        feature = orjson.loads(text)
        rows.append(flat(feature))
        geoms.append(shape(feature["geometry"]) if feature.get("geometry") else None)
        if len(rows) >= BATCH:
            flush()
    if rows or not written:
        flush()
    return written

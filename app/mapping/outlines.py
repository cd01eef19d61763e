"""Governorate and country outlines for the map's basemap, simplified once per gazetteer."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping

from app.gazetteer.geocoder import Gazetteer
from app.gazetteer.loader import default_gazetteer_dir

#: About 1 km at this latitude: fine at the zooms where outlines matter, and a small page.
TOLERANCE = 0.01


def _collection(rows: list[tuple[dict[str, Any], shapely.Geometry]]) -> dict[str, Any]:
    features = []
    for properties, geom in rows:
        simple = shapely.set_precision(geom.simplify(TOLERANCE, preserve_topology=True), 1e-3)
        features.append(
            {
                "type": "Feature",
                "properties": properties,
                "geometry": mapping(shapely.orient_polygons(simple)),
            }
        )
    return {"type": "FeatureCollection", "features": features}


@lru_cache(maxsize=4)
def outlines(gazetteer: Gazetteer) -> tuple[dict[str, Any], dict[str, Any]]:
    """(governorates, countries) as GeoJSON FeatureCollections for the page."""
    governorates = _collection(
        [
            ({"code": r.code, "name": r.name}, r.geometry)
            for r in gazetteer.data.regions
            if r.kind == "admin1"
        ]
    )
    countries = _collection([({"code": c.code}, c.geometry) for c in gazetteer.data.countries])
    return governorates, countries


def _water(directory: Path | None, name: str) -> dict[str, Any]:
    path = (directory or default_gazetteer_dir()) / name
    if not path.exists():
        return {"type": "FeatureCollection", "features": []}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=4)
def rivers(directory: Path | None = None) -> dict[str, Any]:
    """River lines for the basemap (``rivers.geojson`` of the gazetteer; none if it has none)."""
    return _water(directory, "rivers.geojson")


@lru_cache(maxsize=4)
def lakes(directory: Path | None = None) -> dict[str, Any]:
    """Named lake polygons for the basemap (``lakes.geojson``; none if the gazetteer has none)."""
    return _water(directory, "lakes.geojson")

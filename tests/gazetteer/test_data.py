"""The shipped gazetteer files: complete, current codes, small, consistent with the code."""

import csv
import json

import geopandas as gpd
import shapely

from app.gazetteer.loader import default_gazetteer_dir
from app.gazetteer.normalize import NORMALIZER_VERSION
from app.gazetteer.regions import RETIRED_CODES

DATA = default_gazetteer_dir()
CURATED = DATA.parent / "curated"
IRAQ = {
    "AN",
    "AR",
    "BA",
    "BB",
    "BG",
    "DA",
    "DI",
    "DQ",
    "KA",
    "KI",
    "MA",
    "MU",
    "NA",
    "NI",
    "QA",
    "SD",
    "SU",
    "WA",
}
SYRIA = {"DI", "DR", "DY", "HA", "HI", "HL", "HM", "ID", "LA", "QU", "RA", "RD", "SU", "TA"}
CURRENT = {f"IQ-{c}" for c in IRAQ} | {f"SY-{c}" for c in SYRIA}


def _rows(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_files_are_small_and_attributed():
    total = sum(p.stat().st_size for p in DATA.iterdir())
    assert total < 5_000_000
    assert (DATA / "ATTRIBUTION.md").read_text().count("|") > 20


def test_manifest_matches_the_normaliser():
    manifest = json.loads((DATA / "manifest.json").read_text())
    assert manifest["normalizer_version"] == NORMALIZER_VERSION
    assert all(len(s["sha256"]) == 64 for s in manifest["sources"].values())


def test_every_place_in_iraq_and_syria_has_a_current_governorate_code():
    for row in _rows(DATA / "places.csv"):
        if row["country"] in ("IQ", "SY") and row["kind"] not in (
            "country",
            "region",
            "river",
            "lake",
            "mountain",
        ):
            assert row["admin1"] in CURRENT, row
        assert row["admin1"] not in RETIRED_CODES


def test_curated_rows_are_cited_and_plentiful():
    rows = _rows(CURATED / "places.csv")
    assert len(rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["source"].strip() for r in rows)
    kinds = {r["kind"] for r in rows}
    assert {
        "base",
        "camp",
        "oil_field",
        "border_crossing",
        "dam",
        "mountain",
        "river",
        "town",
    } <= kinds


def test_regions_cover_every_governorate_once():
    regions = gpd.read_file(DATA / "regions.geojson")
    admin1 = regions[regions["kind"] == "admin1"]
    assert set(admin1["code"]) == CURRENT
    assert admin1.is_valid.all()
    named = regions[regions["kind"] == "region"]
    assert "IQ-KR" in set(named["code"])
    projected = admin1.to_crs(3857).geometry
    overlaps = projected.area.sum() - projected.union_all().area
    assert overlaps < 1e6  # square metres: governorates do not overlap


def test_country_outlines_for_the_region_and_neighbours():
    codes = set(gpd.read_file(DATA / "countries.geojson")["code"])
    assert {"IQ", "SY", "TR", "IR", "JO", "SA", "KW", "LB"} <= codes


def test_rivers_cover_the_tigris_and_euphrates():
    collection = json.loads((default_gazetteer_dir() / "rivers.geojson").read_text())
    lines = shapely.geometry.shape(collection["features"][0]["geometry"])
    assert lines.geom_type == "MultiLineString" and len(lines.geoms) > 50
    # The Tigris runs through Baghdad and Mosul, the Euphrates through Ramadi and Raqqa.
    for lat, lon in ((33.34, 44.40), (36.34, 43.13), (33.43, 43.30), (35.95, 39.01)):
        assert lines.distance(shapely.Point(lon, lat)) < 0.05, (lat, lon)


def test_lakes_are_named_valid_polygons_where_the_lakes_lie():
    collection = json.loads((default_gazetteer_dir() / "lakes.geojson").read_text())
    lakes = {
        f["properties"]["name"]: shapely.geometry.shape(f["geometry"])
        for f in collection["features"]
    }
    assert all(lake.geom_type == "Polygon" and lake.is_valid for lake in lakes.values())
    # A point in each of the main lakes of Iraq and Syria GSHHG holds (lon, lat).
    inside = {
        "Lake Tharthar": (43.25, 33.95),
        "Lake Razzaza": (43.65, 32.75),
        "Lake Habbaniyah": (43.45, 33.30),
        "Lake Dukan": (44.94, 36.08),
        "Lake Darbandikhan": (45.82, 35.20),
        "Lake Qattinah": (36.56, 34.64),
    }
    for name, (lon, lat) in inside.items():
        assert lakes[name].contains(shapely.Point(lon, lat)), name
    # Fallujah and Ramadi are on the shore, not in the water.
    assert not any(lake.contains(shapely.Point(43.78, 33.35)) for lake in lakes.values())
    assert 8 <= len(lakes) and 20_000 > len(json.dumps(collection))

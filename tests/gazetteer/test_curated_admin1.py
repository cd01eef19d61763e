"""A curated governorate code wins over the generalised outline, and a wrong one stops the build."""

import csv
import json

import pytest
import shapely
from shapely.geometry import box

from app.domain import km
from app.errors import NotFound
from app.gazetteer.loader import default_gazetteer_dir
from tools.build_gazetteer import CURATED_ADMIN1_MAX_KM, MERGE_RADIUS_KM, Admin1Codes, Regions

GAZETTEER = default_gazetteer_dir()
CURATED = GAZETTEER.parent / "curated"
CURATED_FILES = (
    "places.csv",
    "districts.csv",
    "localities.csv",
    "subdistricts.csv",
    "landmarks.csv",
)


def _regions():
    # Two governorates side by side along 36.5°E, and one of another country far east.
    return Regions(
        {
            "SY-ID": [box(36.0, 35.0, 36.5, 36.0)],
            "SY-HM": [box(36.5, 34.5, 37.5, 35.5)],
            "IQ-NI": [box(42.0, 35.0, 44.0, 37.0)],
        }
    )


def _place(lat, lon, pid="cur:x", country="SY"):
    return {"id": pid, "name": pid, "lat": lat, "lon": lon, "country": country}


def test_a_curated_code_wins_over_the_outline_near_a_border():
    codes = Admin1Codes(_regions())
    # 0.5 km west of the line: the outline says Idlib, the curated row says Hama.
    assert codes.resolve(_place(35.3, 36.4945), "SY-HM") == "SY-HM"
    codes.check()
    override = codes.overrides["cur:x"]
    assert (override.curated, override.outline) == ("SY-HM", "SY-ID")
    assert 0.3 < override.km < 0.7


def test_a_place_with_no_curated_code_takes_the_outline():
    codes = Admin1Codes(_regions())
    assert codes.resolve(_place(35.3, 36.4945), "") == "SY-ID"
    assert codes.resolve(_place(35.3, 36.6), "SY-HM") == "SY-HM"
    codes.check()
    assert codes.overrides == {}


def test_a_curated_code_far_from_its_outline_stops_the_build():
    codes = Admin1Codes(_regions())
    # About 27 km west of Hama's outline: a wrong code or a wrong point.
    codes.resolve(_place(35.3, 36.2), "SY-HM")
    with pytest.raises(SystemExit, match=r"cur:x .*SY-HM is 2\d\.\d km from its outline"):
        codes.check()


def test_the_tolerance_is_measured_in_km():
    regions = _regions()
    inside = regions.distance_km("SY-HM", 36.6, 35.0)
    near = regions.distance_km("SY-HM", 36.45, 35.0)
    assert inside == 0.0
    assert near == pytest.approx(km(35.0, 36.45, 35.0, 36.5), abs=0.01)
    assert near < CURATED_ADMIN1_MAX_KM


@pytest.mark.parametrize("code", ["IQ-NI", "SY-XX", "SY-HM "])
def test_a_code_of_another_country_or_no_governorate_stops_the_build(code):
    codes = Admin1Codes(_regions())
    codes.resolve(_place(35.3, 36.6), code)
    with pytest.raises(SystemExit, match="no governorate of SY"):
        codes.check()


def test_two_curated_rows_of_one_place_must_agree():
    codes = Admin1Codes(_regions())
    codes.resolve(_place(35.3, 36.6, pid="gn:1"), "SY-HM")
    codes.resolve(_place(35.3, 36.6, pid="gn:1"), "SY-ID")
    with pytest.raises(SystemExit, match="gn:1: curated SY-HM and SY-ID"):
        codes.check()


def test_regions_still_locate_by_the_outline():
    regions = _regions()
    assert regions.locate(36.4945, 35.3, country="SY") == "SY-ID"
    assert regions.locate(43.0, 36.0, country="SY") is None
    assert shapely.Point(36.6, 35.0).within(regions.geoms[regions.codes.index("SY-HM")])


# The shipped data, as `make gazetteer` wrote it.


def _curated_rows():
    for name in CURATED_FILES:
        with (CURATED / name).open(encoding="utf-8", newline="") as fh:
            yield from csv.DictReader(fh)


def test_kafr_nabudah_ships_in_hama(gazetteer):
    assert gazetteer.get("cur:kafr-nabudah").admin1 == "SY-HM"
    assert {h.place.admin1 for h in gazetteer.search("Kafr Nabudah", limit=1)} == {"SY-HM"}


@pytest.mark.parametrize(
    ("pid", "code"),
    [
        ("cur:zamalka", "SY-RD"),
        ("cur:ein-tarma", "SY-RD"),
        ("cur:beit-jinn", "SY-RD"),
        ("oa:OS67", "SY-DI"),  # the curated Mezzeh Airbase row, merged into OurAirports
        ("cur:haidariya", "IQ-NA"),
        ("oa:OS57", "SY-ID"),
    ],
)
def test_places_the_outline_put_across_a_border_ship_with_their_curated_code(gazetteer, pid, code):
    assert gazetteer.get(pid).admin1 == code


def test_every_curated_code_ships(gazetteer):
    """Each curated row's code is its place's, whether it was added or merged into a
    registry row (then the place sharing its name within the merge radius)."""
    wrong = []
    for row in _curated_rows():
        if row["country"] not in ("IQ", "SY") or not row["admin1"]:
            continue
        try:
            shipped = {gazetteer.get(row["id"]).admin1}
        except NotFound:
            lat, lon = float(row["lat"]), float(row["lon"])
            shipped = {
                h.place.admin1
                for h in gazetteer.search(row["name"], limit=10)
                if km(lat, lon, h.place.lat, h.place.lon) <= MERGE_RADIUS_KM
            }
        if row["admin1"] not in shipped:
            wrong.append((row["id"], row["admin1"], sorted(str(s) for s in shipped)))
    assert wrong == []


def test_the_manifest_lists_the_codes_kept_against_the_outline():
    manifest = json.loads((GAZETTEER / "manifest.json").read_text(encoding="utf-8"))
    kept = manifest["curated_admin1_over_outline"]
    assert kept["cur:kafr-nabudah"][:2] == ["SY-HM", "SY-ID"]
    assert all(0 <= entry[2] <= CURATED_ADMIN1_MAX_KM for entry in kept.values())

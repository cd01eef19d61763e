"""Sub-district (nahiya) seats: every listed seat is found by its names, in its governorate."""

import csv

import pytest

from app.domain import km
from app.gazetteer.loader import default_gazetteer_dir
from tools.build_gazetteer import MERGE_RADIUS_KM

SEATS = default_gazetteer_dir().parent / "curated" / "subdistricts.csv"


def _seats():
    with SEATS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _arabic(row):
    return [a for a in row["aliases"].split("|") if any("\u0600" <= c <= "\u06ff" for c in a)]


def test_every_seat_has_a_district_a_source_an_arabic_name_and_a_flag():
    rows = _seats()
    assert len(rows) >= 200
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["country"] for r in rows} == {"IQ", "SY"}
    for row in rows:
        assert row["id"].startswith("cur:nahiya-") and row["kind"] == "town", row
        assert row["district"] and row["source"], row
        assert row["admin1"].startswith(row["country"] + "-"), row
        assert row["approximate"] in ("", "yes"), row
        # A point taken from the registry is not approximate; one of ours always is.
        assert (row["approximate"] == "") == ("; point of " in row["source"]), row
        assert _arabic(row), row


def test_every_seat_lies_in_its_governorate(gazetteer):
    wrong = [
        (
            r["name"],
            r["admin1"],
            gazetteer.admin1_at(float(r["lon"]), float(r["lat"]), r["country"]),
        )
        for r in _seats()
    ]
    assert [w for w in wrong if w[1] != w[2]] == []


def _found(gazetteer, query, row):
    lat, lon = float(row["lat"]), float(row["lon"])
    return any(
        hit.place.admin1 == row["admin1"]
        and hit.place.kind in ("town", "village", "city")
        and km(lat, lon, hit.place.lat, hit.place.lon) <= MERGE_RADIUS_KM
        for hit in gazetteer.search(query, limit=3)
    )


@pytest.mark.parametrize("script", ["latin", "arabic"])
def test_every_seat_resolves_by_its_name_in_the_top_three(gazetteer, script):
    missing = []
    for row in _seats():
        queries = [row["name"]] if script == "latin" else _arabic(row)[:1]
        missing += [(q, row["admin1"]) for q in queries if not _found(gazetteer, q, row)]
    assert missing == []


def test_a_seat_missing_from_the_registry_is_added_at_its_own_point(gazetteer):
    place = gazetteer.get("cur:nahiya-tell-aran")
    assert (place.admin1, place.kind) == ("SY-HL", "town")
    assert "approximate point" in place.source
    assert "تل عرن" in place.aliases

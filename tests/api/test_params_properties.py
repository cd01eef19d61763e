"""Property tests of the query parsers: any text gives a checked value or a 4xx error."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from app.api.ogc_responses import parse_datetime
from app.api.params import parse_bbox, parse_near
from app.errors import InvalidInput, UnknownRegion
from app.gazetteer.geocoder import Gazetteer

NUMBER_TEXT = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-1000, 1000).map(str),
    st.sampled_from(["nan", "inf", "-inf", "1e999", "", " ", "0x10", "١٢", "1_0", "--1"]),
)
LONS = st.floats(-180, 180, allow_nan=False)
LATS = st.floats(-90, 90, allow_nan=False)
DATES = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))


@given(st.one_of(st.text(max_size=60), st.lists(NUMBER_TEXT, max_size=6).map(",".join)))
def test_bbox_of_any_text_is_checked_or_refused(text: str) -> None:
    try:
        minx, miny, maxx, maxy = parse_bbox(text)
    except InvalidInput as exc:
        assert exc.detail.startswith("bbox")
        return
    assert -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90


@given(LONS, LATS, LONS, LATS)
def test_bbox_round_trips(x1: float, y1: float, x2: float, y2: float) -> None:
    box = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
    assert parse_bbox(",".join(repr(v) for v in box)) == box


def _datetime_text() -> st.SearchStrategy[str]:
    part = st.one_of(
        DATES.map(dt.date.isoformat),
        st.datetimes(dt.datetime(1, 1, 2), dt.datetime(9999, 12, 30)).map(
            lambda d: d.isoformat() + "Z"
        ),
        st.sampled_from(["..", "", "2024-02-30", "2024-13-01", "T", "Z", "24:00", "9" * 30]),
        st.text(max_size=25),
    )
    return st.one_of(part, st.tuples(part, part).map("/".join), st.text(max_size=60))


@given(_datetime_text())
def test_datetime_of_any_text_is_an_ordered_interval_or_refused(text: str) -> None:
    try:
        start, end = parse_datetime(text)
    except InvalidInput as exc:
        assert "datetime" in exc.detail
        return
    assert start is not None or end is not None
    if start is not None and end is not None:
        assert start <= end


@given(DATES, DATES)
def test_datetime_intervals_round_trip(a: dt.date, b: dt.date) -> None:
    first, last = min(a, b), max(a, b)
    assert parse_datetime(f"{first.isoformat()}/{last.isoformat()}") == (first, last)
    assert parse_datetime(f"../{last.isoformat()}") == (None, last)
    assert parse_datetime(first.isoformat()) == (first, first)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_region_of_any_text_resolves_or_names_close_ones(gazetteer: Gazetteer, text: str) -> None:
    try:
        region = gazetteer.regions.resolve(text)
    except UnknownRegion as exc:
        assert isinstance(exc.extra["suggestions"], list)
        return
    assert gazetteer.regions.resolve(region.code) == region


def test_every_region_resolves_by_its_code_and_names(gazetteer: Gazetteer) -> None:
    for region in gazetteer.regions:
        assert gazetteer.regions.resolve(region.code) == region
        assert gazetteer.regions.resolve(region.code.lower()).code == region.code


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(max_size=30),
        st.tuples(NUMBER_TEXT, NUMBER_TEXT).map(",".join),
        st.tuples(LATS, LONS).map(lambda p: f"{p[0]},{p[1]}"),
    ),
    st.floats(0.001, 1000),
)
def test_near_of_any_text_is_a_point_in_the_world_or_refused(
    gazetteer: Gazetteer, text: str, radius: float
) -> None:
    try:
        lat, lon, km = parse_near(text, radius, gazetteer)
    except InvalidInput as exc:
        assert exc.detail.startswith("near")
        return
    assert -90 <= lat <= 90 and -180 <= lon <= 180 and km == radius

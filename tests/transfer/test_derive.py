"""Lenient input: each derivation rule of docs/imports.md, and what cannot be derived."""

import datetime as dt
from typing import get_args

import orjson
import pytest

from app.errors import InvalidInput
from app.events import EventType, latest_date
from app.extraction.event_types import BY_NAME
from app.ingest import parse_feature, stamp_many
from app.transfer.acled import FROM_SUB_EVENT, acled_pair, interval, type_from_acled
from app.transfer.derive import NAME_RADIUS_KM, complete, nearest_place, parse_when
from app.transfer.rows import decode, import_key, prepare_rows

KIRKUK = [44.39, 35.47]  # lon, lat: Kirkuk city


def minimal(**props):
    base = {"event_type": "airstrike", "date": "2024-03-05"}
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": KIRKUK},
        "properties": base | props,
    }


def derived(gazetteer, record):
    """The stored form: completed, validated, place codes stamped."""
    return stamp_many(gazetteer, [parse_feature(complete(record, gazetteer))])[0]


@pytest.mark.parametrize("event_type", get_args(EventType))
def test_category_and_acled_pair_come_from_our_type(gazetteer, event_type):
    p = derived(gazetteer, minimal(event_type=event_type)).properties
    spec = BY_NAME.get(event_type)
    assert p.category == (spec.category if spec else "development")
    assert (p.acled_event_type, p.acled_sub_event_type) == acled_pair(event_type)
    assert p.event_type == event_type


@pytest.mark.parametrize(("pair", "ours"), sorted(FROM_SUB_EVENT.items()))
def test_our_type_comes_from_acleds_pair(gazetteer, pair, ours):
    record = minimal(event_type=pair[0], sub_event_type=pair[1])
    p = derived(gazetteer, record).properties
    assert p.event_type == ours
    assert (p.acled_event_type, p.acled_sub_event_type) == pair  # ACLED's pair is kept
    acled_keys = minimal(acled_event_type=pair[0], acled_sub_event_type=pair[1])
    del acled_keys["properties"]["event_type"]
    assert derived(gazetteer, acled_keys).properties.event_type == ours


def test_an_unknown_acled_sub_event_falls_back_on_its_event_type():
    assert type_from_acled("Battles", "Something new") == "armed_clash"
    assert type_from_acled("protests", "peaceful protest") == "protest"  # any case
    assert type_from_acled("Gardening", "") is None


@pytest.mark.parametrize("given", ["bombardment", "", None])
def test_an_unknown_event_type_is_an_error(gazetteer, given):
    record = minimal(event_type=given)
    if given is None:
        del record["properties"]["event_type"]
    with pytest.raises(InvalidInput, match="event_type") as caught:
        complete(record, gazetteer)
    assert caught.value.extra == {"field": "properties.event_type"}


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("2024-03-05", "2024-03-05", "2024-03-05", "day"),
        ("2024-03-05T22:10:00Z", "2024-03-05", "2024-03-05", "day"),
        ("5 March 2024", "2024-03-05", "2024-03-05", "day"),
        ("05-Mar-2024", "2024-03-05", "2024-03-05", "day"),
        ("2024-W10", "2024-03-04", "2024-03-10", "week"),
        ("2024-02", "2024-02-01", "2024-02-29", "month"),
        ("2023", "2023-01-01", "2023-12-31", "year"),
        ("2024-03-01/2024-03-05", "2024-03-01", "2024-03-05", "week"),
        ("2024-03-01/2024-03-20", "2024-03-01", "2024-03-20", "month"),
        ("2024-01-01/2024-06-30", "2024-01-01", "2024-06-30", "year"),
    ],
)
def test_date_interval_and_precision_come_from_the_date(gazetteer, text, start, end, precision):
    p = derived(gazetteer, minimal(date=text)).properties
    assert (p.date.isoformat(), p.date_end.isoformat(), p.date_precision) == (
        start,
        end,
        precision,
    )


def test_a_month_or_year_not_over_ends_tomorrow():
    this_month = latest_date() - dt.timedelta(days=1)
    start, end, precision = parse_when(f"{this_month:%Y-%m}")
    assert precision == "month" and start == this_month.replace(day=1)
    assert end <= latest_date()
    assert parse_when(str(this_month.year))[1] <= latest_date()


def test_a_given_end_gives_the_precision_by_length(gazetteer):
    p = derived(gazetteer, minimal(date="2024-03-01", date_end="2024-03-31")).properties
    assert (p.date_end.isoformat(), p.date_precision) == ("2024-03-31", "month")


@pytest.mark.parametrize("text", ["yesterday", "2024-13", "2024-02-30", "31/12/2024", ""])
def test_a_bad_date_is_an_error(gazetteer, text):
    with pytest.raises(InvalidInput, match="date"):
        complete(minimal(date=text), gazetteer)
    record = minimal()
    del record["properties"]["date"]
    with pytest.raises(InvalidInput, match="date: missing"):
        complete(record, gazetteer)


def test_a_point_is_named_after_the_nearest_place_and_coded_by_the_polygons(gazetteer):
    event = derived(gazetteer, minimal())
    loc = event.properties.location
    assert loc.name == "Kirkuk" and loc.gazetteer_id is None  # the point is the file's
    assert (loc.country, loc.admin1) == ("IQ", "IQ-KI")
    assert (loc.lat, loc.lon) == (35.47, 44.39)
    assert event.properties.geo_precision == 1
    assert event.properties.summary == "Airstrike at Kirkuk"
    assert event.properties.evidence == [] and event.properties.actors == []
    assert event.properties.confidence == 1.0 and event.properties.reported_at is None


def test_a_point_far_from_any_place_is_named_by_its_coordinates(gazetteer):
    lat, lon = 32.5, 41.0  # the western desert of Anbar
    near = nearest_place(gazetteer, lat, lon)
    assert near is None, near
    loc = derived(gazetteer, minimal() | {"geometry": point(lon, lat)})
    assert loc.properties.location.name == "32.5000, 41.0000"
    assert loc.properties.location.admin1 == "IQ-AN"


def point(lon, lat):
    return {"type": "Point", "coordinates": [lon, lat]}


def test_the_naming_radius_holds(gazetteer):
    place = nearest_place(gazetteer, 35.47, 44.39)
    assert place is not None
    # About 1.5 radii due north of an isolated desert point: nothing is named.
    assert nearest_place(gazetteer, 32.5 + NAME_RADIUS_KM * 1.5 / 111, 41.0) is None


def test_points_outside_iraq_and_syria_follow_the_plausibility_rules(gazetteer):
    loc = derived(gazetteer, minimal() | {"geometry": point(2.35, 48.86)}).properties.location
    assert (loc.name, loc.country, loc.admin1) == ("Paris", "FR", None)
    with pytest.raises(InvalidInput, match="less than or equal to 90"):
        derived(gazetteer, minimal() | {"geometry": point(44.0, 95.0)})


@pytest.mark.parametrize(
    ("given", "name", "precision"),
    [
        ("Kerkuk", "Kirkuk", 1),
        ({"name": "Hawler"}, "Erbil", 1),
        ({"name": "Diyala Governorate", "country": "IQ"}, "Diyala", 3),
    ],
)
def test_a_place_name_gives_the_point(gazetteer, given, name, precision):
    record = minimal(location=given)
    del record["geometry"]
    event = derived(gazetteer, record)
    loc = event.properties.location
    assert loc.name == name and loc.gazetteer_id is not None
    place = gazetteer.get(loc.gazetteer_id)
    assert event.geometry.coordinates == (place.lon, place.lat)
    assert event.properties.geo_precision == precision
    assert loc.admin1 == place.admin1 or place.kind in ("admin1", "country")


def test_no_point_and_no_known_name_is_an_error(gazetteer):
    for location in ("Narnia", {"name": "Xqzzv"}, None):
        record = minimal(location=location)
        del record["geometry"]
        if location is None:
            del record["properties"]["location"]
        with pytest.raises(InvalidInput, match="no place"):
            complete(record, gazetteer)
    with pytest.raises(InvalidInput, match="no place"):
        complete(minimal() | {"geometry": None}, gazetteer)


def test_a_location_with_a_point_gives_the_geometry(gazetteer):
    record = minimal(location={"lat": 35.47, "lon": 44.39})
    del record["geometry"]
    event = derived(gazetteer, record)
    assert event.geometry.coordinates == (44.39, 35.47)
    assert event.properties.location.name == "Kirkuk"


def test_a_line_gives_origin_and_destination(gazetteer):
    record = minimal(event_type="troop_movement")
    record["geometry"] = {"type": "LineString", "coordinates": [[44.01, 36.19], KIRKUK]}
    p = derived(gazetteer, record).properties
    assert (p.origin.name, p.location.name) == ("Erbil", "Kirkuk")
    assert p.category == "movement"


def test_given_values_are_kept_not_derived(gazetteer):
    record = minimal(
        category="development",
        summary="As the analyst wrote it",
        confidence=0.4,
        geo_precision=2,
        location={"name": "K-1 outskirts", "lat": 35.47, "lon": 44.39},
        acled_event_type="Battles",
        acled_sub_event_type="Armed clash",
    )
    p = derived(gazetteer, record).properties
    assert (p.category, p.summary, p.confidence, p.geo_precision) == (
        "development",
        "As the analyst wrote it",
        0.4,
        2,
    )
    assert p.location.name == "K-1 outskirts"
    assert (p.acled_event_type, p.acled_sub_event_type) == ("Battles", "Armed clash")


def test_a_complete_feature_is_not_changed(gazetteer):
    full = derived(gazetteer, minimal()).model_dump(mode="json")
    again = complete(orjson.loads(orjson.dumps(full)), gazetteer)
    assert again == full


def test_the_import_key_of_a_minimal_feature_is_its_completed_content(gazetteer):
    raw = orjson.dumps(minimal())
    (row,), rejected = prepare_rows(gazetteer, [(1, raw)])
    assert not rejected and row[0].startswith("sha256:")
    assert prepare_rows(gazetteer, [(7, raw)])[0][0][0] == row[0]  # stable
    spelled_out = complete(minimal(), gazetteer)  # the same event written in full
    assert import_key(decode(orjson.dumps(spelled_out))) == row[0]


def test_the_strict_path_refuses_what_it_cannot_complete(gazetteer):
    ((_, reason),) = prepare_rows(gazetteer, [(3, orjson.dumps(minimal(date="soon")))])[1]
    assert "date 'soon' is not a date" in reason
    with pytest.raises(InvalidInput, match="category"):
        decode(orjson.dumps(minimal()))  # without a gazetteer: strict, nothing derived


def test_an_acled_week_or_month_not_over_ends_tomorrow():
    recent = latest_date() - dt.timedelta(days=2)
    first, last, precision = interval(recent, 2)
    assert (first, last, precision) == (recent - dt.timedelta(days=3), latest_date(), "week")
    first, last, precision = interval(recent, 3)
    assert first == recent.replace(day=1) and last <= latest_date() and precision == "month"
    assert interval(dt.date(2024, 2, 10), 3)[1] == dt.date(2024, 2, 29)

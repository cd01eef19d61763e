"""The msgspec fast path accepts, refuses and writes exactly what the pydantic model does."""

import copy

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import InvalidInput
from app.ingest import prepare
from app.store.event_columns import with_id
from app.transfer.derive import complete
from app.transfer.rows import decode, import_key, prepare_rows
from tests.factories import make_event


def record(**changes):
    base = make_event(actors=[("ISIS", "actor"), ("Civilians (Iraq)", "target")])
    data = base.model_dump(mode="json")
    for path, value in changes.items():
        target = data
        *parents, last = path.split("__")
        for key in parents:
            target = target[key]
        if value is DELETE:
            del target[last]
        else:
            target[last] = value
    return data


DELETE = object()
MOVEMENT = {
    "geometry": {"type": "LineString", "coordinates": [[44.0, 36.19], [44.39, 35.47]]},
    "properties__event_type": "troop_movement",
    "properties__category": "movement",
    "properties__origin": {
        "name": "Erbil",
        "gazetteer_id": None,
        "kind": "city",
        "country": "IQ",
        "admin1": None,
        "admin2": None,
        "lat": 36.19,
        "lon": 44.0,
    },
    "properties__strength": {
        "text": "40 soldiers",
        "personnel": {"low": 40, "high": 40},
        "vehicles": None,
    },
}
VALID = [
    {},
    {"id": "acled-1"},
    {"id": 17},
    {"properties__external_id": 9, "id": "ignored-when-external-id-is-set"},
    {"properties__fatalities": 3, "properties__date_end": "2024-09-06"},
    {"properties__location": None, "geometry": None, "properties__geo_precision": None},
    MOVEMENT,
    {"geometry": {"type": "Point", "coordinates": [44.123456789, 35.987654321]},
     "properties__location__lat": 35.987654321, "properties__location__lon": 44.123456789},
    {"properties__summary": 'quotes " \\ and \n controls \x01 \u2028 and عربي 🙂'},
    # Lax inputs the model converts (the fast path refuses them and asks the model).
    {"properties__fatalities": "3"},
    {"properties__confidence": "0.5"},
    {"properties__geo_precision": 2.0},
    {"properties__location__lat": 35, "geometry": {"type": "Point", "coordinates": [44.39, 35]}},
    {"id": 4.0},
    # Absent properties are derived (app/transfer/derive.py), on both paths.
    {"properties__summary": DELETE},
    {"properties__reported_at": DELETE},
    {"properties__category": DELETE, "properties__acled_event_type": DELETE},
]  # fmt: skip
INVALID = [
    {"properties__event_type": "picnic"},
    {"properties__confidence": 1.5},
    {"properties__date_end": "2024-08-01"},
    {"properties__date_end": "2026-08-06"},
    {"properties__fatalities": -1},
    {"properties__surprise": 1},
    {"properties__date": DELETE},
    {"geometry": {"type": "Polygon", "coordinates": []}},
    {"geometry": {"type": "Point", "coordinates": [44.39, 95.0]}},
    {"geometry": {"type": "Point", "coordinates": [40.0, 30.0]}},
    {"geometry": {"type": "LineString", "coordinates": [[44.39, 35.47]]}},
    {"properties__actors": [{"name": "X", "role": "villain", "kind": "other"}]},
    {"properties__evidence": [{"field": "sentence", "text": "x", "start": -1, "end": 1}]},
    {"type": "FeatureCollection"},
    {"id": 1.5},
    {"id": [1]},
]


def pydantic_text(gazetteer, data):
    """The model's answer for a feature completed as POST /events completes it."""
    try:
        completed = complete(copy.deepcopy(data), gazetteer)
    except InvalidInput as exc:
        return None, exc.detail
    events, errors = prepare(gazetteer, [completed])
    if errors:
        return None, errors[0][1]
    return with_id(events[0], 7), None


def fast_text(gazetteer, data):
    rows, rejected = prepare_rows(gazetteer, [(1, orjson.dumps(data))])
    if rejected:
        return None, rejected[0][1]
    return f'{{"type":"Feature","id":"7",{rows[0].body}', None


@pytest.mark.parametrize("changes", VALID)
def test_valid_features_come_out_identical(gazetteer, changes):
    data = record(**changes)
    expected, problem = pydantic_text(gazetteer, data)
    assert problem is None
    assert fast_text(gazetteer, data) == (expected, None)


@pytest.mark.parametrize("changes", INVALID)
def test_invalid_features_are_refused_with_the_models_message(gazetteer, changes):
    data = record(**changes)
    _, problem = pydantic_text(gazetteer, data)
    assert problem is not None
    assert fast_text(gazetteer, data) == (None, problem)


def test_junk_is_refused():
    for raw in (b"{not json", b"[1, 2]", b"\xff\xfe", b'"text"'):
        with pytest.raises(InvalidInput):
            decode(raw)


def test_keys_come_from_the_id_or_the_content():
    assert import_key(decode(orjson.dumps(record(id="a-1")))) == "id:a-1"
    assert import_key(decode(orjson.dumps(record(id=12)))) == "id:12"
    one = record()
    same_content = orjson.loads(orjson.dumps(one, option=orjson.OPT_SORT_KEYS))
    other = record(properties__summary="something else")
    keys = [import_key(decode(orjson.dumps(r))) for r in (one, same_content, other)]
    assert keys[0] == keys[1] != keys[2] and keys[0].startswith("sha256:")


def test_content_keys_leave_out_the_codes_the_import_computes():
    one = record(properties__location__admin1="IQ-KI", properties__location__admin2="Kirkuk")
    claimed = record(properties__location__admin1="IQ-NI", properties__location__country="SY")
    other = record(properties__summary="something else")
    keys = [import_key(decode(orjson.dumps(r))) for r in (one, claimed, other)]
    assert keys[0] == keys[1] != keys[2]
    feature = decode(orjson.dumps(claimed))
    import_key(feature)
    assert feature.properties.location.admin1 == "IQ-NI"  # the feature itself is unchanged
    # A country-wide place keeps the country it names (the import keeps it too).
    country = {"properties__location__kind": "country", "properties__location__admin1": None}
    iraq = record(**country, properties__location__country="IQ")
    syria = record(**country, properties__location__country="SY")
    assert import_key(decode(orjson.dumps(iraq))) != import_key(decode(orjson.dumps(syria)))


coordinate = st.floats(min_value=-179.999, max_value=179.999, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(lon=coordinate, lat=st.floats(min_value=-89.9, max_value=89.9), conf=st.floats(0, 1))
def test_any_coordinates_round_and_encode_alike(gazetteer, lon, lat, conf):
    data = record(
        geometry={"type": "Point", "coordinates": [lon, lat]},
        properties__location__lat=lat,
        properties__location__lon=lon,
        properties__confidence=conf,
    )
    assert fast_text(gazetteer, data) == pydantic_text(gazetteer, data)


def test_negative_zero_stays_as_the_model_writes_it(gazetteer):
    data = record(
        geometry={"type": "Point", "coordinates": [-0.0, 0.0]},
        properties__location__lat=0.0,
        properties__location__lon=0.0,
    )
    assert fast_text(gazetteer, data) == pydantic_text(gazetteer, data)

"""Property test: any valid event feature comes back from the store exactly as it went in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, get_args

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import EventQuery
from app.events import (
    ActorKind,
    ActorRole,
    EventFeature,
    EventType,
    EvidenceField,
    latest_date,
)
from app.store import open_store
from app.store.base import EventStore

TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)
LON = st.floats(-180, 180, allow_nan=False).map(lambda v: round(v, 7))
LAT = st.floats(-90, 90, allow_nan=False).map(lambda v: round(v, 7))


@st.composite
def locations(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "name": draw(TEXT),
        "gazetteer_id": draw(st.none() | TEXT),
        "kind": draw(st.sampled_from(["city", "village", "base", "admin1", "site"])),
        "country": draw(st.none() | st.sampled_from(["IQ", "SY", "TR"])),
        "admin1": draw(st.none() | st.sampled_from(["IQ-KI", "IQ-NI", "SY-HA"])),
        "admin2": draw(st.none() | TEXT),
        "lat": draw(LAT),
        "lon": draw(LON),
    }


@st.composite
def features(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(st.dates(dt.date(1900, 1, 1), latest_date()))
    end = draw(st.dates(start, min(latest_date(), start + dt.timedelta(days=366))))
    location = draw(locations())
    origin = draw(st.none() | locations())
    point = [location["lon"], location["lat"]]
    geometry = (
        {"type": "LineString", "coordinates": [[origin["lon"], origin["lat"]], point]}
        if origin
        else {"type": "Point", "coordinates": point}
    )
    low = draw(st.integers(0, 10_000))
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "event_type": draw(st.sampled_from(get_args(EventType))),
            "category": draw(st.sampled_from(["movement", "security_incident", "development"])),
            "acled_event_type": draw(TEXT),
            "acled_sub_event_type": draw(TEXT),
            "date": start.isoformat(),
            "date_end": end.isoformat(),
            "date_precision": draw(st.sampled_from(["day", "week", "month", "year"])),
            "reported_at": draw(st.none() | st.just(end.isoformat())),
            "actors": draw(
                st.lists(
                    st.fixed_dictionaries(
                        {
                            "name": TEXT,
                            "role": st.sampled_from(get_args(ActorRole)),
                            "kind": st.sampled_from(get_args(ActorKind)),
                        }
                    ),
                    max_size=3,
                )
            ),
            "location": location,
            "origin": origin,
            "geo_precision": draw(st.sampled_from([1, 2, 3])),
            "fatalities": draw(st.none() | st.integers(0, 5000)),
            "strength": draw(
                st.none()
                | st.fixed_dictionaries(
                    {
                        "text": TEXT,
                        "personnel": st.none() | st.just({"low": low, "high": low + 5}),
                        "vehicles": st.none(),
                    }
                )
            ),
            "summary": draw(TEXT),
            "evidence": draw(
                st.lists(
                    st.fixed_dictionaries(
                        {
                            "field": st.sampled_from(get_args(EvidenceField)),
                            "text": TEXT,
                            "start": st.integers(0, 100),
                            "end": st.integers(100, 200),
                        }
                    ),
                    max_size=3,
                )
            ),
            "confidence": draw(st.floats(0, 1)),
            "sources": draw(st.lists(TEXT, max_size=2)),
        },
    }


@pytest.fixture(scope="module")
def roundtrip_store(module_database_url: str) -> Iterator[EventStore]:
    """One store for every example, once per backend (a function-scoped store would not be
    fresh per example anyway: hypothesis runs the examples inside one test call)."""
    store = open_store(module_database_url)
    try:
        yield store
    finally:
        store.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=features())
def test_a_feature_round_trips_through_the_store(
    roundtrip_store: EventStore, raw: dict[str, Any]
) -> None:
    event = EventFeature.model_validate(raw)
    (event_id,) = roundtrip_store.add_events([event], "property-test")
    stored = orjson.loads(roundtrip_store.get(event_id))
    assert stored.pop("id") == str(event_id)
    assert EventFeature.model_validate(stored) == event.model_copy(update={"id": None})
    # And through a query of its own box and dates.
    lon, lat = raw["properties"]["location"]["lon"], raw["properties"]["location"]["lat"]
    page = roundtrip_store.query(
        EventQuery(
            bbox=(lon, lat, lon, lat),
            start=event.properties.date,
            end=event.properties.date_end,
            sort="-id",
            limit=10_000,
        )
    )
    assert any(orjson.loads(f)["id"] == str(event_id) for f in page.features)

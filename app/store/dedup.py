"""When two reports describe the same event.

Two located events are one when all of these hold:
- the same category and a compatible type (the same type, or both violent: clash, attack,
  IED, airstrike, drone or rocket attack, suicide bombing; both detentions; both unrest);
- their points (a movement's destination) are at most :data:`MERGE_RADIUS_KM` apart;
- their date intervals overlap, allowing :data:`DATE_SLACK_DAYS` either side;
- their actors are compatible: when both name actors in the ``actor`` role, they share one.
The merged event keeps the first report's reading and lists both reports as sources; each
report's own reading is kept, so ``POST /events/{id}/split`` can undo a wrong merge.
"""

from __future__ import annotations

import datetime as dt
from datetime import timedelta
from typing import NamedTuple

from app.domain import km
from app.events import EventFeature, EventProperties

MERGE_RADIUS_KM = 10.0
DATE_SLACK_DAYS = 1
_FAMILIES = (
    {
        "armed_clash",
        "attack",
        "ied_explosion",
        "airstrike",
        "drone_or_rocket_attack",
        "suicide_bombing",
    },
    {"arrest", "kidnapping", "prisoner_release"},
    {"protest", "riot"},
    {"troop_deployment", "troop_withdrawal", "troop_movement"},
)


def compatible_types(a: str, b: str) -> bool:
    """Same type, or two types of one family."""
    return a == b or any(a in family and b in family for family in _FAMILIES)


class Reading(NamedTuple):
    """What the rule compares of a located event (cheap to build, pickle and compare)."""

    category: str
    event_type: str
    lat: float
    lon: float
    date: dt.date
    date_end: dt.date
    actors: frozenset[str]  # names in the ``actor`` role


def reading_of(props: EventProperties) -> Reading | None:
    """The compared fields of an event's properties; None for an unplaced event."""
    if props.location is None:
        return None
    return Reading(
        props.category,
        props.event_type,
        props.location.lat,
        props.location.lon,
        props.date,
        props.date_end,
        frozenset(x.name for x in props.actors if x.role == "actor"),
    )


def same_reading(a: Reading, b: Reading) -> bool:
    """Whether two readings describe one event (the rule in this module's docstring)."""
    if a.category != b.category or not compatible_types(a.event_type, b.event_type):
        return False
    if km(a.lat, a.lon, b.lat, b.lon) > MERGE_RADIUS_KM:
        return False
    slack = timedelta(days=DATE_SLACK_DAYS)
    if a.date > b.date_end + slack or b.date > a.date_end + slack:
        return False
    return not (a.actors and b.actors and not a.actors & b.actors)


def same_event(a: EventProperties, b: EventProperties) -> bool:
    """Whether two events' properties describe one event (see :func:`same_reading`)."""
    ra, rb = reading_of(a), reading_of(b)
    return ra is not None and rb is not None and same_reading(ra, rb)


def merged_event(current: EventFeature, event: EventFeature) -> EventFeature:
    """``current`` after folding in a repeat: ``event``'s new sources appended, the higher
    confidence of the two kept; the first reading's place, date and type stay."""
    props = current.properties
    sources = [*props.sources, *(s for s in event.properties.sources if s not in props.sources)]
    update = {"sources": sources, "confidence": max(props.confidence, event.properties.confidence)}
    return current.model_copy(update={"properties": props.model_copy(update=update)})

"""Edits of an event's Feature shared by the backends: adding or removing a source, diffing
two versions."""

from __future__ import annotations

import orjson

from app.events import EventFeature


def with_source(event: EventFeature, source: str) -> EventFeature:
    """The event with ``source`` appended to its sources (unchanged when already listed)."""
    if source in event.properties.sources:
        return event
    props = event.properties.model_copy(update={"sources": [*event.properties.sources, source]})
    return event.model_copy(update={"properties": props})


def without_source(event: EventFeature, source: str) -> EventFeature:
    """The event with ``source`` taken out of its sources."""
    sources = [s for s in event.properties.sources if s != source]
    props = event.properties.model_copy(update={"sources": sources})
    return event.model_copy(update={"properties": props})


def diff(old: str, new: str) -> str:
    """What changed between two Feature texts, as the audit trail records it (JSON)."""
    before = orjson.loads(old)
    after = orjson.loads(new)
    changes = {
        k: {"from": before["properties"].get(k), "to": v}
        for k, v in after["properties"].items()
        if before["properties"].get(k) != v
    }
    if before.get("geometry") != after.get("geometry"):
        changes["geometry"] = {"from": before.get("geometry"), "to": after.get("geometry")}
    return orjson.dumps(changes).decode()

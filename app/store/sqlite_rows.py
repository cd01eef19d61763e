"""From an event feature to what the SQLite store indexes: columns, bounding box, text."""

from __future__ import annotations

from app.events import EventFeature

_HEAD = '{"type":"Feature","id":'


def with_id(event: EventFeature, event_id: int) -> str:
    """The Feature text as served, carrying its store id (no model copy: a hot path)."""
    text = event.model_dump_json()
    if event.id is not None or not text.startswith(_HEAD):
        return event.model_copy(update={"id": str(event_id)}).model_dump_json()
    after = text[len(_HEAD) :].partition(",")[2]  # drop the old id value (null or a string)
    return f'{_HEAD}"{event_id}",{after}'


def bbox(event: EventFeature) -> tuple[float, float, float, float] | None:
    """(minx, maxx, miny, maxy) of the geometry, R*Tree order; None without geometry."""
    geometry = event.geometry
    if geometry is None:
        return None
    if geometry.type == "Point":
        x, y = geometry.coordinates[0], geometry.coordinates[1]
        return x, x, y, y
    xs = [c[0] for c in geometry.coordinates]
    ys = [c[1] for c in geometry.coordinates]
    return min(xs), max(xs), min(ys), max(ys)


def event_row(
    event_id: int, event: EventFeature, text: str, now: str
) -> tuple[tuple[object, ...], tuple[float, float, float, float] | None]:
    """The indexed columns of an event (destination for a movement) and its box."""
    p = event.properties
    loc = p.location
    actors = "|" + "|".join(a.name for a in p.actors) + "|" if p.actors else ""
    row = (
        event_id,
        text,
        p.event_type,
        p.category,
        p.date.isoformat(),
        p.date_end.isoformat(),
        loc.country if loc else None,
        loc.admin1 if loc else None,
        loc.lat if loc else None,
        loc.lon if loc else None,
        p.confidence,
        p.geo_precision,
        actors,
        int(event.geometry is not None),
        now,
    )
    return row, bbox(event)


def fts_body(event: EventFeature) -> str:
    """The words ``q=`` searches: summary, evidence, places and actors."""
    p = event.properties
    parts = [p.summary, *(e.text for e in p.evidence), *(a.name for a in p.actors)]
    if p.location is not None:
        parts.append(p.location.name)
    if p.origin is not None:
        parts.append(p.origin.name)
    return "\n".join(parts)

"""Events made ready to store away from the writer: plain values, cheap to pass between
processes, so the one writer of a batch ingest does no model work for a new event.

A report's events are read before the report has a store id, yet each event lists
``/reports/{id}`` among its sources. The Feature text is therefore written with a
placeholder source that the writer replaces with the real one (:func:`stored_text`); the
Feature text is otherwise exactly what ``EventFeature.model_dump_json`` gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.events import EventFeature
from app.store.dedup import Reading, reading_of
from app.store.event_columns import bbox, fts_body

#: Stands for the report's source until the report has an id (see the module docstring).
PENDING_SOURCE = "/reports/pending"
_PENDING_TOKEN = f'"{PENDING_SOURCE}"'
_HEAD = '{"type":"Feature","id":null,'


@dataclass(frozen=True, slots=True)
class PreparedEvent:
    """One event of a report: its Feature text (no id yet, placeholder source) and the
    values the store indexes and de-duplicates on."""

    text: str
    event_type: str
    category: str
    date: str
    date_end: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    confidence: float
    geo_precision: int | None
    actors: str  # "|name|name|", as the actors column keeps them
    box: tuple[float, float, float, float] | None  # (minx, maxx, miny, maxy)
    words: str  # what q= searches
    span: int  # date_end - date, in days
    reading: Reading | None  # None: unplaced, never merged

    @property
    def located(self) -> bool:
        """Whether the event has a geometry."""
        return self.box is not None


def prepare_event(event: EventFeature) -> PreparedEvent:
    """An extracted (and stamped) event as the writer takes it."""
    props = event.properties
    if PENDING_SOURCE not in props.sources:
        props = props.model_copy(update={"sources": [*props.sources, PENDING_SOURCE]})
        event = event.model_copy(update={"properties": props})
    loc = props.location
    return PreparedEvent(
        text=event.model_dump_json(),
        event_type=props.event_type,
        category=props.category,
        date=props.date.isoformat(),
        date_end=props.date_end.isoformat(),
        country=loc.country if loc else None,
        admin1=loc.admin1 if loc else None,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        confidence=props.confidence,
        geo_precision=props.geo_precision,
        actors="|" + "|".join(a.name for a in props.actors) + "|" if props.actors else "",
        box=bbox(event),
        words=fts_body(event),
        span=(props.date_end - props.date).days,
        reading=reading_of(props) if event.geometry is not None else None,
    )


def stored_text(prepared: str, source: str, event_id: int | None) -> str:
    """The Feature text with the report's real source and (when given) its store id.

    The placeholder is a JSON string token of its own, so it is replaced by position when
    it occurs exactly once; otherwise (a report quoting the placeholder word for word) the
    Feature is rebuilt through the model, which is exact in every case.
    """
    if prepared.count(_PENDING_TOKEN) == 1 and prepared.startswith(_HEAD):
        text = prepared.replace(_PENDING_TOKEN, f'"{source}"')
        if event_id is None:
            return text
        return f'{{"type":"Feature","id":"{event_id}",{text[len(_HEAD) :]}'
    event = EventFeature.model_validate_json(prepared)
    sources = [source if s == PENDING_SOURCE else s for s in event.properties.sources]
    props = event.properties.model_copy(update={"sources": sources})
    update: dict[str, object] = {"properties": props}
    if event_id is not None:
        update["id"] = str(event_id)
    return event.model_copy(update=update).model_dump_json()

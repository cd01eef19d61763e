"""What both stores keep of an event beside its Feature text, whichever model it comes in.

The indexed columns (type, category, dates, place codes, point, confidence, precision,
actors), the geometry's box and the words ``q=`` searches are the same on SQLite and on
PostGIS, and are read the same from the pydantic ``EventFeature`` (API, ingest, store
copies) and from the msgspec ``Feature`` of a bulk import (``app.transfer.fast_check``):
both have these attribute names, which the protocols below spell out. Each backend only
places them among its own columns (SQLite's ``located`` is 0/1, PostGIS adds ``geom``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from app.events import EventFeature

#: The columns :func:`indexed` gives, in its order (``ImportRow`` keeps them in this order too).
INDEXED = (
    "event_type, category, date, date_end, country, admin1, lat, lon, confidence, "
    "geo_precision, actors"
)
Indexed = tuple[
    str, str, str, str, str | None, str | None, float | None, float | None, float, int | None, str
]
_HEAD = '{"type":"Feature","id":'


class _Named(Protocol):
    @property
    def name(self) -> str: ...


class _Text(Protocol):
    @property
    def text(self) -> str: ...


class _Place(_Named, Protocol):
    @property
    def country(self) -> str | None: ...
    @property
    def admin1(self) -> str | None: ...
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...


class _Properties(Protocol):
    """An event's properties as either model gives them (read-only)."""

    @property
    def event_type(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def date_end(self) -> dt.date: ...
    @property
    def location(self) -> _Place | None: ...
    @property
    def origin(self) -> _Place | None: ...
    @property
    def actors(self) -> Sequence[_Named]: ...
    @property
    def evidence(self) -> Sequence[_Text]: ...
    @property
    def summary(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def geo_precision(self) -> int | None: ...


def indexed(p: _Properties) -> Indexed:
    """The :data:`INDEXED` columns (a movement is indexed at its destination)."""
    loc = p.location
    actors = p.actors
    return (
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
        "|" + "|".join(a.name for a in actors) + "|" if actors else "",
    )


def words(p: _Properties) -> str:
    """The words ``q=`` searches: summary, evidence, actors and places."""
    parts = [p.summary, *(e.text for e in p.evidence), *(a.name for a in p.actors)]
    if p.location is not None:
        parts.append(p.location.name)
    if p.origin is not None:
        parts.append(p.origin.name)
    return "\n".join(parts)


def fts_body(event: EventFeature) -> str:
    """:func:`words` of an event."""
    return words(event.properties)


def with_id(event: EventFeature, event_id: int) -> str:
    """The Feature text as served, carrying its store id (no model copy: a hot path)."""
    text = event.model_dump_json()
    if event.id is not None or not text.startswith(_HEAD):
        return event.model_copy(update={"id": str(event_id)}).model_dump_json()
    after = text[len(_HEAD) :].partition(",")[2]  # drop the old id value (null or a string)
    return f'{_HEAD}"{event_id}",{after}'


def feature_text(event_id: int, body: str) -> str:
    """A bulk import's Feature text (``ImportRow.body``: all after the id) with its id."""
    return f'{_HEAD}"{event_id}",{body}'


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

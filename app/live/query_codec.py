"""An EventQuery as JSON, so a subscription keeps the filters it was made with."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import orjson

from app.domain import EventQuery

_TUPLES = {"admin1", "types", "actors", "bbox", "near"}
_DATES = {"start", "end"}


def dump_query(query: EventQuery) -> str:
    """The query's filters as a JSON object (paging fields left out)."""
    fields = dataclasses.asdict(query)
    for name in ("sort", "limit", "cursor", "offset"):
        fields.pop(name)
    return orjson.dumps(fields, default=str).decode()


def load_query(text: str) -> EventQuery:
    """The EventQuery :func:`dump_query` wrote."""
    fields: dict[str, Any] = orjson.loads(text)
    for name in _TUPLES:
        if fields.get(name) is not None:
            fields[name] = tuple(fields[name])
    for name in _DATES:
        if fields.get(name):
            fields[name] = dt.date.fromisoformat(fields[name])
    return EventQuery(**fields)

"""From an event feature to the row the SQLite store keeps (see ``event_columns``)."""

from __future__ import annotations

from app.events import EventFeature
from app.store.event_columns import bbox, indexed


def event_row(
    event_id: int, event: EventFeature, text: str, now: str
) -> tuple[tuple[object, ...], tuple[float, float, float, float] | None]:
    """The columns of ``INSERT_EVENT`` (id, feature, the indexed ones, located, updated_at)
    and the event's box."""
    row = (event_id, text, *indexed(event.properties), int(event.geometry is not None), now)
    return row, bbox(event)

"""Small builders for events and reports used across the tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain import NewReport
from app.events import EventFeature
from app.ingest import content_hash


def make_event(
    *,
    lat: float = 35.47,
    lon: float = 44.39,
    event_type: str = "attack",
    category: str = "security_incident",
    date: str = "2024-08-06",
    date_end: str | None = None,
    actors: list[tuple[str, str]] | None = None,
    summary: str = "Attack in Kirkuk",
    confidence: float = 0.8,
    admin1: str | None = "IQ-KI",
    country: str | None = "IQ",
    located: bool = True,
    fatalities: int | None = None,
) -> EventFeature:
    """An event feature with sensible defaults (a point in Kirkuk city)."""
    location: dict[str, Any] | None = (
        {
            "name": "Kirkuk",
            "gazetteer_id": "gn:94787",
            "kind": "city",
            "country": country,
            "admin1": admin1,
            "admin2": None,
            "lat": lat,
            "lon": lon,
        }
        if located
        else None
    )
    return EventFeature.model_validate(
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]} if located else None,
            "properties": {
                "event_type": event_type,
                "category": category,
                "acled_event_type": "Violence against civilians",
                "acled_sub_event_type": "Attack",
                "date": date,
                "date_end": date_end or date,
                "date_precision": "day",
                "reported_at": None,
                "actors": [{"name": n, "role": r, "kind": "other"} for n, r in (actors or [])],
                "location": location,
                "geo_precision": 1 if located else None,
                "fatalities": fatalities,
                "summary": summary,
                "evidence": [
                    {"field": "sentence", "text": summary, "start": 0, "end": len(summary)}
                ],
                "confidence": confidence,
            },
        }
    )


def make_report(
    text: str = "Gunmen attacked a checkpoint in Kirkuk on Monday.",
    url: str | None = None,
    published: str = "2024-08-08",
) -> NewReport:
    """A report ready for the store."""
    return NewReport(
        text=text,
        published=dt.date.fromisoformat(published),
        content_hash=content_hash(text),
        url=url,
    )

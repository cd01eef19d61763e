"""Event drafts (mutable while a report is read) and their GeoJSON features (the contract)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.events import (
    ActorRef,
    DatePrecision,
    EventFeature,
    EventProperties,
    Evidence,
    LocationRef,
    Strength,
)
from app.extraction.actors import Actor, ActorMention
from app.extraction.confidence import confidence
from app.extraction.dates import DateMention
from app.extraction.event_types import Trigger, TypeSpec
from app.extraction.quantities import Found
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

_PRECISION_BY_FAMILY = {
    "site": 1,
    "populated": 1,
    "admin2": 2,
    "admin1": 3,
    "region": 3,
    "mountain": 3,
    "water": 3,
    "country": 3,
}
#: Kinds whose precision is not their family's: an area is placed like a site, but the point
#: stands for a plain or a valley, not for a spot on the ground.
_PRECISION_BY_KIND = {"area": 3}
_DRONE_WORDS = ("drone", "uav")


@dataclass
class EventDraft:
    """An event being assembled from one sentence and what follows it."""

    spec: TypeSpec
    trigger: Trigger
    sentence: Sentence
    location: ResolvedMention | None = None
    origin: ResolvedMention | None = None
    inherited_location: bool = False
    near: bool = False
    date: dt.date = dt.date.min
    date_end: dt.date = dt.date.min
    precision: DatePrecision = "day"
    date_mention: DateMention | None = None
    actors: list[tuple[Actor, str, ActorMention | None]] = field(default_factory=list)
    fatalities: Found | None = None
    strength: tuple[Strength, int, int] | None = None
    reported_at: dt.date | None = None

    @property
    def category(self) -> str:
        """The map layer of the event."""
        return self.spec.category

    def set_date(
        self, first: dt.date, last: dt.date, precision: DatePrecision, mention: DateMention | None
    ) -> None:
        """Set the interval the event happened in."""
        self.date, self.date_end, self.precision, self.date_mention = (
            first,
            last,
            precision,
            mention,
        )

    def relocate(self, place: ResolvedMention) -> None:
        """Place the event where a rule found it happened, at that place itself (not near it,
        not inherited from the sentences before)."""
        self.location = place
        self.inherited_location = False
        self.near = False

    def add_actor(self, actor: Actor, role: str, mention: ActorMention | None) -> None:
        """Add an actor once (the first role given wins)."""
        if not any(a.name == actor.name for a, _, _ in self.actors):
            self.actors.append((actor, role, mention))


def _location_ref(mention: ResolvedMention | None) -> LocationRef | None:
    if mention is None or mention.place is None:
        return None
    p = mention.place
    return LocationRef(
        name=p.name,
        gazetteer_id=p.id,
        kind=p.kind,
        country=p.country,
        admin1=p.admin1,
        admin2=p.admin2,
        lat=round(p.lat, 6),
        lon=round(p.lon, 6),
    )


def _geo_precision(draft: EventDraft) -> int | None:
    if draft.location is None or draft.location.place is None:
        return None
    place = draft.location.place
    precision = _PRECISION_BY_KIND.get(place.kind) or _PRECISION_BY_FAMILY.get(place.family, 3)
    if draft.near and precision == 1:
        precision = 2
    return precision


def _acled(draft: EventDraft) -> tuple[str, str]:
    name = draft.spec.name
    if name == "attack" and not any(
        a.kind == "civilians" for a, role, _ in draft.actors if role == "target"
    ):
        return "Battles", "Armed clash"
    if name == "drone_or_rocket_attack" and draft.trigger.text.lower().startswith(_DRONE_WORDS):
        return "Explosions/Remote violence", "Air/drone strike"
    return draft.spec.acled


def _summary(draft: EventDraft, location: LocationRef | None, origin: LocationRef | None) -> str:
    parts = [draft.spec.label]
    if origin is not None and location is not None and origin.name != location.name:
        parts.append(f"from {origin.name} to {location.name}")
    elif location is not None:
        parts.append(f"{'near' if draft.near else 'in'} {location.name}")
    else:
        parts.append("(place not resolved)")
    actors = [a.name for a, role, _ in draft.actors if role == "actor"]
    targets = [a.name for a, role, _ in draft.actors if role == "target"]
    if actors:
        parts.append(f"by {', '.join(actors)}")
    if targets:
        parts.append(f"against {', '.join(targets)}")
    text = " ".join(parts)
    if draft.fatalities is not None:
        text += f"; {draft.fatalities.value} killed"
    if draft.strength is not None:
        text += f"; strength: {draft.strength[0].text}"
    return text


def _evidence(draft: EventDraft, text: str) -> list[Evidence]:
    s = draft.sentence
    items = [
        Evidence(field="sentence", text=s.text, start=s.start, end=s.end),
        Evidence(
            field="event_type",
            text=draft.trigger.text,
            start=draft.trigger.start,
            end=draft.trigger.end,
        ),
    ]
    for name, mention in (("location", draft.location), ("origin", draft.origin)):
        if mention is not None:
            m = mention.mention
            items.append(Evidence(field=name, text=m.text, start=m.start, end=m.end))
    for _, _, am in draft.actors:
        if am is not None:  # a default actor ("Protesters") has no words in the text
            items.append(Evidence(field="actor", text=am.text, start=am.start, end=am.end))
    if draft.date_mention is not None:
        d = draft.date_mention
        items.append(Evidence(field="date", text=d.text, start=d.start, end=d.end))
    if draft.fatalities is not None:
        f = draft.fatalities
        items.append(Evidence(field="fatalities", text=f.text, start=f.start, end=f.end))
    if draft.strength is not None:
        _, start, end = draft.strength
        # The report's text, not the sentence's: a later sentence may give the strength.
        items.append(Evidence(field="strength", text=text[start:end], start=start, end=end))
    return items


def build_feature(draft: EventDraft, source: str | None, text: str) -> EventFeature:
    """The GeoJSON feature of a draft; ``text`` is the report's (cleaned) text."""
    location, origin = _location_ref(draft.location), _location_ref(draft.origin)
    geometry: dict[str, Any] | None = None
    if location is not None:
        geometry = {"type": "Point", "coordinates": [location.lon, location.lat]}
        if origin is not None and (origin.lat, origin.lon) != (location.lat, location.lon):
            geometry = {
                "type": "LineString",
                "coordinates": [[origin.lon, origin.lat], [location.lon, location.lat]],
            }
    acled_type, acled_sub = _acled(draft)
    properties = EventProperties(
        event_type=draft.spec.name,
        category=draft.spec.category,
        acled_event_type=acled_type,
        acled_sub_event_type=acled_sub,
        date=draft.date,
        date_end=draft.date_end,
        date_precision=draft.precision,
        reported_at=draft.reported_at,
        actors=[ActorRef(name=a.name, role=role, kind=a.kind) for a, role, _ in draft.actors],
        location=location,
        origin=origin,
        geo_precision=_geo_precision(draft),
        fatalities=draft.fatalities.value if draft.fatalities is not None else None,
        strength=draft.strength[0] if draft.strength is not None else None,
        summary=_summary(draft, location, origin),
        evidence=_evidence(draft, text),
        confidence=confidence(draft),
        sources=[source] if source else [],
    )
    return EventFeature.model_validate({"geometry": geometry, "properties": properties})

"""The group that led an offensive stands behind the generic words for its side.

From 27 November to 8 December 2024 the Syrian opposition's offensive ("Deterrence of
Aggression") that took Aleppo, Hama, Homs and Damascus was led by Hayat Tahrir al-Sham:
"rebels swept into Hama", "opposition fighters entered Homs" in those days are HTS's acts as
much as the opposition's (in the dev split's gold, HTS is a party to 9 of the 10 events of
those days whose sentence names the rebels generically and the rebels take part; the
Turkish-backed factions' parallel offensive is named as theirs, "Turkish-backed rebels").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from app.extraction.actors import Actor
from app.extraction.event_builder import EventDraft


@dataclass(frozen=True)
class LedOffensive:
    """An offensive whose generic side (``side``) was led by ``leader`` in ``country``."""

    side: str
    leader: str
    country: str
    start: dt.date
    end: dt.date


LED_OFFENSIVES = (
    LedOffensive(
        "Syrian opposition factions", "HTS", "SY", dt.date(2024, 11, 27), dt.date(2024, 12, 8)
    ),
)
#: Groups that were parties to these offensives in their own name: named, they stand alone.
_OWN_NAMES = frozenset({"HTS", "SNA"})


def add_leader(draft: EventDraft, catalog: Mapping[str, Actor]) -> None:
    """Add the offensive's leader beside its generic side, with the same role."""
    place = draft.location.place if draft.location is not None else None
    if place is None or any(a.name in _OWN_NAMES for a, _, _ in draft.actors):
        return
    for offensive in LED_OFFENSIVES:
        if place.country != offensive.country:
            continue
        if not offensive.start <= draft.date <= offensive.end:
            continue
        role = next((r for a, r, _ in draft.actors if a.name == offensive.side), None)
        leader = catalog.get(offensive.leader)
        if role is not None and leader is not None:
            draft.add_actor(leader, role, None)

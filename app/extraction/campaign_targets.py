"""Whom a campaign's strike hit when the sentence names no target.

The US-led coalition was formed to fight the Islamic State and struck almost nothing else:
"Coalition aircraft carried out 17 strikes near Kobani", "the coalition said its aircraft hit
targets around the city 13 times" are strikes on ISIS though the sentence does not say so. A
strike that names an armed target ("coalition strikes on a regime convoy") or civilians hit
keeps what it names.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.extraction.actors import Actor
from app.extraction.event_builder import EventDraft

#: Attacker -> the enemy its campaign was declared against.
CAMPAIGN_ENEMY = {"US-led coalition": "ISIS"}
_STRIKES = frozenset({"airstrike", "drone_or_rocket_attack"})


def add_campaign_target(draft: EventDraft, catalog: Mapping[str, Actor]) -> None:
    """Give a strike by a campaign's force that names no target the campaign's enemy."""
    if draft.spec.name not in _STRIKES or any(role == "target" for _, role, _ in draft.actors):
        return
    for actor, role, _ in list(draft.actors):
        enemy = catalog.get(CAMPAIGN_ENEMY.get(actor.name, "")) if role == "actor" else None
        if enemy is not None:
            draft.add_actor(enemy, "target", None)
            return

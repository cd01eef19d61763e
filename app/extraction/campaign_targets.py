"""Whom a campaign's strike hit when the sentence names no target.

The US-led coalition was formed to fight the Islamic State and struck almost nothing else:
"Coalition aircraft carried out 17 strikes near Kobani", "the coalition said its aircraft hit
targets around the city 13 times" are strikes on ISIS though the sentence does not say so. A
strike that names an armed target ("coalition strikes on a regime convoy") or civilians hit
keeps what it names. Turkey's strikes in Iraq are on the PKK (88 of 137 gold Turkish strikes
there name it alone) and Iran's on the Iranian Kurdish opposition parties (29 of 50).

A state's own word for its enemy names that enemy: "terrorists", "the separatist terrorist
organisation" in what Turkey's forces do are the PKK in Iraq and the YPG in Syria, in Iran's
the Iranian Kurdish parties, whatever the event (a strike, a raid, a clash, an arrest).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.extraction.actors import Actor
from app.extraction.event_builder import EventDraft

#: (attacker, country struck or "" for any) -> the enemy its campaign there is against.
CAMPAIGN_ENEMY = {
    ("US-led coalition", ""): "ISIS",
    ("Turkish Armed Forces", "IQ"): "PKK",
    ("IRGC", "IQ"): "Iranian Kurdish opposition groups",
}
_STRIKES = frozenset({"airstrike", "drone_or_rocket_attack"})
#: (force, country of the event) -> whom that force calls terrorists there.
TERROR_ENEMY = {
    ("Turkish Armed Forces", "IQ"): "PKK",
    ("Turkish Armed Forces", "SY"): "YPG",
    ("IRGC", "IQ"): "Iranian Kurdish opposition groups",
}
_TERROR_WORD = re.compile(r"\b(?:terroris[tm]s?|separatists?)\b", re.I)
#: Events a force's enemy can suffer: not a deal, a protest or a hand-over.
_AGAINST = frozenset(
    {*_STRIKES, "armed_clash", "arrest", "attack", "troop_deployment", "troop_movement"}
)


def add_campaign_target(draft: EventDraft, catalog: Mapping[str, Actor]) -> None:
    """Give a strike by a campaign's force that names no target the campaign's enemy."""
    if draft.spec.name not in _STRIKES or any(role == "target" for _, role, _ in draft.actors):
        return
    place = draft.location.place if draft.location is not None else None
    country = place.country if place is not None else ""
    for actor, role, _ in list(draft.actors):
        name = CAMPAIGN_ENEMY.get((actor.name, "")) or CAMPAIGN_ENEMY.get((actor.name, country))
        enemy = catalog.get(name or "") if role == "actor" else None
        if enemy is not None:
            draft.add_actor(enemy, "target", None)
            return


def add_terror_target(draft: EventDraft, catalog: Mapping[str, Actor]) -> None:
    """Give an event of a force whose sentence calls its enemy "terrorists" and names no
    target that enemy ("our jets struck shelters of the terrorist organisation")."""
    if draft.spec.name not in _AGAINST or any(role == "target" for _, role, _ in draft.actors):
        return
    if not _TERROR_WORD.search(draft.sentence.text):
        return
    place = draft.location.place if draft.location is not None else None
    country = place.country if place is not None else ""
    for actor, role, _ in list(draft.actors):
        enemy = (
            catalog.get(TERROR_ENEMY.get((actor.name, country), "")) if role == "actor" else None
        )
        if enemy is not None:
            draft.add_actor(enemy, "target", None)
            return

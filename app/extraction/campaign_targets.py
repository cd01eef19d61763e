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

The campaigns (force, country, enemy) are data, ``data/lexicon/campaigns.csv``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.errors import GazetteerError
from app.extraction.actors import Actor
from app.extraction.event_builder import EventDraft
from app.extraction.lexicon_tables import Campaign

_STRIKES = frozenset({"airstrike", "drone_or_rocket_attack"})
_TERROR_WORD = re.compile(r"\b(?:terroris[tm]s?|separatists?)\b", re.I)
#: A target named by that word alone ("the terrorists", "the terrorist organisation"), not a
#: body named for fighting it ("the Counter-Terrorism Group", "counter-terrorist units").
_TERROR_NAME = re.compile(r"(?<!counter-)(?<!counter )\b(?:terrorists?|separatists?)\b", re.I)
#: Events a force's enemy can suffer: not a deal, a protest or a hand-over.
_AGAINST = frozenset(
    {*_STRIKES, "armed_clash", "arrest", "attack", "troop_deployment", "troop_movement"}
)


class CampaignTargets:
    """The lexicon's campaigns: whom a force's strikes and "terrorists" are."""

    def __init__(self, campaigns: Sequence[Campaign], known: Mapping[str, Actor]) -> None:
        """``campaigns``: :attr:`Lexicon.campaigns`; ``known``: the actors by name, which
        every row must name."""
        #: reading -> (force, country struck or "" for any) -> the enemy.
        self._enemy: dict[str, dict[tuple[str, str], str]] = {"strike": {}, "terrorists": {}}
        for row in campaigns:
            for name in (row.force, row.enemy):
                if name not in known:
                    raise GazetteerError(log_message=f"{row.source}: unknown actor {name!r}")
            self._enemy[row.reading][(row.force, row.country)] = row.enemy

    def _add(self, draft: EventDraft, catalog: Mapping[str, Actor], reading: str) -> None:
        enemy = self._enemy_of(draft, catalog, reading)
        if enemy is not None:
            draft.add_actor(enemy, "target", None)

    def _enemy_of(
        self, draft: EventDraft, catalog: Mapping[str, Actor], reading: str
    ) -> Actor | None:
        place = draft.location.place if draft.location is not None else None
        country = place.country if place is not None else ""
        table = self._enemy[reading]
        for actor, role, _ in draft.actors:
            name = table.get((actor.name, "")) or table.get((actor.name, country))
            enemy = catalog.get(name or "") if role == "actor" else None
            if enemy is not None:
                return enemy
        return None

    def add_campaign_target(self, draft: EventDraft, catalog: Mapping[str, Actor]) -> None:
        """Give a strike by a campaign's force that names no target the campaign's enemy."""
        if draft.spec.name in _STRIKES and not any(r == "target" for _, r, _ in draft.actors):
            self._add(draft, catalog, "strike")

    def add_terror_target(self, draft: EventDraft, catalog: Mapping[str, Actor]) -> None:
        """Give an event of a force whose sentence calls its enemy "terrorists" and names no
        target that enemy ("our jets struck shelters of the terrorist organisation"). A target
        read from that word alone (the "terrorists" taken for the PKK of a "PKK/YPG" named
        before, in Syria) is that enemy too."""
        if draft.spec.name not in _AGAINST or not _TERROR_WORD.search(draft.sentence.text):
            return
        targets = [(a, r, m) for a, r, m in draft.actors if r == "target"]
        if any(m is None or not _TERROR_NAME.search(m.text) for _, _, m in targets):
            return
        enemy = self._enemy_of(draft, catalog, "terrorists")
        if enemy is None:
            return
        draft.actors = [x for x in draft.actors if x not in targets]
        draft.add_actor(enemy, "target", targets[0][2] if targets else None)

"""A group at war with everyone is never on its enemies' side of a fight.

Islamic State fought every state force in Iraq and Syria, the coalition and the Kurdish-led
forces. When the sentence rules leave it and one of those enemies both as the actor of one
violent event ("CTS units cleared the last houses, clashing with ISIS holdouts"; "the SDF took
the plant from Islamic State"), one of them is the target:

- in an air strike or an arrest, the group is the target: it flies no aircraft, and what it
  calls arrests are abductions; fighters who surrender to an enemy are taken by it ("200 IS
  fighters surrendered to the Peshmerga", which word order had made the actor);
- both given as the target of a fight in which nobody acts, the same reading picks the side
  that acted ("ISIS fighters attacked army posts; the attack was repelled").
- otherwise the side named first in the sentence acts ("Peshmerga fighters overran the town
  held by IS", "IS fighters overran the post, killing eleven soldiers"), unless a passive verb
  of harm follows its name ("two SDF fighters were killed when IS attacked"), or the group was
  named only by the report's context (no mention in the sentence: its enemy there acts).

The groups and their non-state enemies are data, ``data/lexicon/outlaws.csv``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.errors import GazetteerError
from app.extraction.actors import Actor, ActorMention
from app.extraction.event_builder import EventDraft
from app.extraction.lexicon_tables import Named

#: Kinds of an outlaw group's enemies (its non-state enemies are named in the lexicon).
_ENEMY_KINDS = frozenset({"state_forces", "external_forces"})
#: Events of state powers: the outlaw group is what they act on.
_STATE_ACTS = frozenset({"airstrike", "arrest"})
#: Fighters giving themselves up.
_SURRENDER = re.compile(
    r"\b(?:surrender(?:ed|s|ing)?|(?:hand(?:ed|ing|s)?|g[ai]ven?|giving)\s+themselves\s+"
    r"(?:over|up))\b",
    re.I,
)
#: Violence with two sides.
_VIOLENT = frozenset(
    {
        "armed_clash",
        "attack",
        "airstrike",
        "arrest",
        "drone_or_rocket_attack",
        "ied_explosion",
        "suicide_bombing",
    }
)
#: A passive verb of harm right after a name (or the name of its men): its bearer suffered
#: the event ("two SDF fighters were martyred", "4 PMF fighters killed.", "died in a raid").
_HARMED_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,3}?\s+(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+"
    r"(?:\w+ly\s+)?(?:killed|wounded|injured|martyred|shot|attacked|ambushed|targeted|hit|"
    r"struck)\b|(?:lost|loses)\b|(?:killed|wounded|injured|martyred|shot\s+dead|died|dead)"
    r"(?=\s*(?:[,;.:]|$|and\b|when\b|in\b|on\b|at\b|near\b|after\b|by\b|as\b|while\b)))",
    re.I,
)
#: An agent phrase before a name: "planted by the militants", "shot dead by ISIS cell members".
_AGENT_BEFORE = re.compile(
    r"\b(?:\w+ed|shot(?:\s+dead)?|hit|struck|set\s+off)\s+by\s+(?:the\s+)?$", re.I
)


def _agent(draft: EventDraft, mention: ActorMention) -> bool:
    sentence = draft.sentence
    at = mention.start - sentence.start
    return _AGENT_BEFORE.search(sentence.text[max(0, at - 30) : at]) is not None


def harmed(draft: EventDraft, mention: ActorMention) -> bool:
    """Whether a passive verb of harm follows the mention: its bearer suffered the event."""
    sentence = draft.sentence
    after = sentence.text[mention.end - sentence.start : mention.end - sentence.start + 60]
    return _HARMED_AFTER.match(after) is not None


def _outlaw_acts(
    draft: EventDraft, outlaw: ActorMention | None, enemy: ActorMention | None
) -> bool:
    """Whether the outlaw group, not its enemy, is the actor."""
    if draft.spec.name in _STATE_ACTS or outlaw is None:
        return False
    if enemy is None:
        return True
    if _agent(draft, outlaw) != _agent(draft, enemy):
        return _agent(draft, outlaw)  # "shot dead by ISIS cell members"
    first, second = (outlaw, enemy) if outlaw.start < enemy.start else (enemy, outlaw)
    acts_first = not harmed(draft, first) or harmed(draft, second)
    return (first is outlaw) == acts_first


class OutlawSides:
    """The lexicon's outlaw groups and their enemies."""

    def __init__(self, enemies: Sequence[Named], catalog: Mapping[str, Actor]) -> None:
        """``enemies``: (outlaw group, enemy) rows (:attr:`Lexicon.enemies`); ``catalog``:
        the actors by name, which every row must name."""
        found: dict[str, set[str]] = {}
        for row in enemies:
            for name in (row.name, row.value):
                if name not in catalog:
                    raise GazetteerError(log_message=f"{row.source}: unknown actor {name!r}")
            found.setdefault(row.name, set()).add(row.value)
        self._enemies = {outlaw: frozenset(names) for outlaw, names in found.items()}

    def _enemy(self, actor: Actor, outlaw: Actor) -> bool:
        return actor.kind in _ENEMY_KINDS or actor.name in self._enemies[outlaw.name]

    def _surrendered(self, draft: EventDraft, outlaw: Actor) -> bool:
        """Outlaw fighters who surrender to an enemy named in the sentence are taken by it,
        whatever the word order made them ("200 IS fighters surrendered to the Peshmerga")."""
        if draft.spec.name != "arrest" or not _SURRENDER.search(draft.sentence.text):
            return False

        def taker(actor: Actor, role: str, mention: ActorMention | None) -> bool:
            return mention is not None and role == "target" and self._enemy(actor, outlaw)

        if not any(taker(a, role, m) for a, role, m in draft.actors):
            return False
        draft.actors = [
            (a, "target" if a is outlaw else "actor" if taker(a, role, m) else role, m)
            for a, role, m in draft.actors
        ]
        return True

    def _one_acts(self, draft: EventDraft) -> None:
        """An outlaw group and its enemy both given as the target of a fight nobody acts in:
        one of them fought ("ISIS fighters attacked army posts; the attack was repelled")."""
        hit = [(a, m) for a, role, m in draft.actors if role == "target"]
        outlaw = next(((a, m) for a, m in hit if a.name in self._enemies), None)
        if outlaw is None:
            return
        enemy = next(((a, m) for a, m in hit if self._enemy(a, outlaw[0])), None)
        if enemy is None or outlaw[1] is None or enemy[1] is None:
            return
        if _outlaw_acts(draft, outlaw[1], enemy[1]):
            winners = {outlaw[0].name}
        else:
            winners = {a.name for a, _ in hit if self._enemy(a, outlaw[0])}
        draft.actors = [
            (a, "actor" if a.name in winners else role, m) for a, role, m in draft.actors
        ]

    def separate(self, draft: EventDraft) -> None:
        """Make an outlaw group and its enemy, both given as the actor (or both as the
        target) of one violent event, the two sides of it."""
        if draft.spec.name not in _VIOLENT:
            return
        acting = [(a, m) for a, role, m in draft.actors if role == "actor"]
        outlaw = next(((a, m) for a, m in acting if a.name in self._enemies), None)
        if outlaw is not None and self._surrendered(draft, outlaw[0]):
            return
        if not acting:
            self._one_acts(draft)
            return
        if outlaw is None:
            return
        enemy = next(((a, m) for a, m in acting if self._enemy(a, outlaw[0])), None)
        if enemy is None:
            return
        if _outlaw_acts(draft, outlaw[1], enemy[1]):
            losers = {a.name for a, _ in acting if self._enemy(a, outlaw[0])}
        else:
            losers = {outlaw[0].name}
        draft.actors = [
            (a, "target" if a.name in losers else role, m) for a, role, m in draft.actors
        ]

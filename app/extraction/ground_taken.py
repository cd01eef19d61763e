"""Ground taken from an enemy, read as a battle.

A movement word taking ground in a sentence that tells a fight ("took control of Kafr Nabl
after clashes", "captured Kafr Nabudah" beside a clash word) is that fight, not a second
event (:func:`taken_in_fight`). And "took control of X" told
with no sign that nobody resisted is a battle of its own (:func:`taken_by_force`):

"Turkish-backed factions took control of Jalameh village", "the SDF took control of the old
city's central mosque area": an armed side taking a place in a war takes it by force, a battle.
It is a deployment only when the sentence says the ground was given up or handed over: the
other side withdrew ("after Peshmerga units pulled back"), a deal gave it ("hours after the
rebels agreed to hand over the crossing"), or nobody fought ("met little resistance",
"almost without a fight"), or a crowd took it ("inmates took control of part of the
building"). The words of ground given up are data/lexicon/unopposed.csv.

A force going into a place that the sentence says was fought for ("entered Tal Kaif and
declared it liberated", "pushed into the town from three directions") is a battle too
(:func:`taken_with_a_fight`); those words are data/lexicon/fought_for.csv.
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search
from app.extraction.event_types import BY_NAME, CROWD, Trigger, TriggerFinder
from app.extraction.lexicon import shipped_alternation
from app.extraction.patterns import lazy_compile
from app.extraction.text import Sentence

#: A movement word that takes ground ("took", "entered", "seized", "advancing").
_TAKING = re.compile(r"\b(?:took|control|entered|captured|seized|advanc)", re.I)
#: "captured Kafr Nabudah": the arrest word taking a place.
_CAPTURED = re.compile(r"captured$", re.I)
#: The taking of a place, told as the deployment trigger reads it.
_TOOK_CONTROL = re.compile(r"took (?:full |complete )?control of$", re.I)
#: "met little resistance", "without a fight", "handed over": ground given up.
_UNOPPOSED = re.compile(r"\b" + shipped_alternation("unopposed.csv") + r"\b", re.I)
#: A movement word going into a place ("entered", "pushed into", "swept into", "took over").
_GOING_IN = lazy_compile(
    r"\b(?:(?:re-?)?entered|entering|(?:swept|pushed|advanced|stormed|moved) (?:[\w-]+ ){0,2}?into"
    r"|took (?:over|(?:full |complete )?control)|moved in)\b",
    re.I,
)
#: "declared it liberated", "put up scattered resistance": the place fought for.
_FOUGHT_FOR = lazy_compile(r"\b" + shipped_alternation("fought_for.csv") + r"\b", re.I)
#: Types whose word in the sentence says the ground was left or given, not fought for.
_GIVEN = ("troop_withdrawal", "agreement")


def ground_taken(
    finder: TriggerFinder, sentence: Sentence, triggers: list[Trigger]
) -> list[Trigger]:
    """``triggers`` with ground taken read as a battle: in a fight the sentence tells
    (:func:`taken_in_fight`), or by "took control of" with no sign it was given up
    (:func:`taken_by_force`)."""
    fought = taken_with_a_fight(finder, sentence, taken_in_fight(finder, sentence, triggers))
    return taken_by_force(finder, sentence, fought)


def taken_in_fight(
    finder: TriggerFinder, sentence: Sentence, triggers: list[Trigger]
) -> list[Trigger]:
    """ "took control of Kafr Nabl after clashes": ground taken in a fight is a clash."""
    taking = [
        t
        for t in triggers
        if (t.spec.category == "movement" and _TAKING.search(t.text))
        or (t.spec.name == "arrest" and _CAPTURED.match(t.text))  # "captured Kafr Nabudah"
    ]
    if not taking:
        return triggers
    clashes = [t for t in triggers if t.spec.name == "armed_clash"]
    if clashes and all(_earlier_taking(sentence, t) for t in clashes):
        # "took control of Qalaat al-Madiq on Thursday, a day after seizing Kafr Nabuda": the
        # clash told is the day before's; the ground taken is a battle of its own.
        battle = BY_NAME["armed_clash"]
        return [t for t in triggers if t not in taking] + [
            Trigger(battle, t.start, t.end, t.text) for t in taking if t.spec.category == "movement"
        ]
    if clashes:
        return [t for t in triggers if t not in taking]
    taking = [t for t in taking if t.spec.category == "movement"]
    if not taking:
        return triggers
    clash = finder.first("armed_clash", sentence.text, sentence.start)
    if clash is None:
        return triggers
    return [t for t in triggers if t not in taking] + [clash]


#: "a day after seizing Kafr Nabuda": a taking told after "after", in a participle clause.
_AFTER_TAKING = lazy_compile(r"\bafter\s+$", re.I)
_PARTICIPLE = lazy_compile(r"\w+ing\b", 0)


def _earlier_taking(sentence: Sentence, clash: Trigger) -> bool:
    """Whether a clash's word is a taking told in an "after" participle clause."""
    at = clash.start - sentence.start
    return bool(_PARTICIPLE.match(clash.text)) and bool(
        _AFTER_TAKING.search(sentence.text, max(0, at - 8), at)
    )


def taken_with_a_fight(
    finder: TriggerFinder, sentence: Sentence, triggers: list[Trigger]
) -> list[Trigger]:
    """``triggers`` with a force going into a place read as a battle when the sentence says
    the place was fought for ("entered Tal Kaif and declared it liberated") and nothing says
    it was given up (a withdrawal, a deal, no resistance, a crowd)."""
    going_in = [t for t in triggers if t.spec.category == "movement" and _GOING_IN.search(t.text)]
    if not going_in or not _FOUGHT_FOR.search(sentence.text):
        return triggers
    if any(t.spec.name in _GIVEN for t in triggers) or any(
        finder.first(name, sentence.text, sentence.start) for name in _GIVEN
    ):
        return triggers
    if _UNOPPOSED.search(sentence.text) or CROWD.search(sentence.text):
        return triggers
    clash = BY_NAME["armed_clash"]
    return [Trigger(clash, t.start, t.end, t.text) if t in going_in else t for t in triggers]


def taken_by_force(
    finder: TriggerFinder, sentence: Sentence, triggers: list[Trigger]
) -> list[Trigger]:
    """``triggers`` with "took control of" read as a battle when the sentence tells no other
    violence and nothing that tells the ground given up (a withdrawal, a deal, no resistance,
    a crowd)."""
    taking = [
        t for t in triggers if t.spec.name == "troop_deployment" and _TOOK_CONTROL.match(t.text)
    ]
    if not taking or any(t.spec.group == "violence" for t in triggers):
        return triggers  # a fight told in other words: the rules of violence read it
    if any(finder.first(name, sentence.text, sentence.start) for name in _GIVEN):
        return triggers
    if cued_search(_UNOPPOSED, sentence.text) or cued_search(CROWD, sentence.text):
        return triggers  # given up, or "inmates took control of a wing": no army's battle
    clash = BY_NAME["armed_clash"]
    return [Trigger(clash, t.start, t.end, t.text) if t in taking else t for t in triggers]

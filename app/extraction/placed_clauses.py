"""Another clause with an act of violence, a crowd or a moving force at a place of its own
tells an occurrence of its own.

"Rockets hit near the base at Kirkuk airport, and a drone targeted the landing strip at
Sinjar", "jets pounded Maarat Harma, while rebels shelled army posts near Khan Tuman": the
trigger finder reads one trigger per group and sentence, so the other clause's act is lost.
Another clause of the sentence (before or after a join: "; ", ", and", ", while", ", where")
that names a place the read act's clause does not name, nor holds (a province around it, its
country), is read as a sentence of its own; its violent triggers the sentence's reading left
out are one more event each, and so is a crowd's verb ("and others rallied in Karbala") when
a crowd is told, and a move ("while tribal fighters moved towards Shirqat") when a move
is told. A death toll ("killing four", "and two were wounded") is the act's outcome,
a claim is no act told, and an act told again ("the attack", "fighting went on") is the one
told. The new event's place is one its own clause names.

:mod:`app.extraction.dated_clauses` reads such a clause when it has a date of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from app.domain import Place
from app.extraction.event_types import Trigger
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

#: Where a later clause begins: "; ", ", and", ", while", ", whereas".
_JOIN = re.compile(r";|,\s+(?:and|while|whereas|where|but|before|then)\b", re.I)
#: The outcome of an act, no act of its own: "killed", "two were wounded", "dead".
_TOLL = re.compile(r"\b(?:kill\w*|wound\w*|injur\w*|dead|died|deaths?|casualt\w*)\b", re.I)
#: A side's claim of an act, not the act told: "claimed an attack on", "took responsibility".
_CLAIM = re.compile(r"\b(?:claim\w*|responsibility)\b", re.I)
#: A crowd's own act, told by its verb ("rallied", "marched", "took to the streets"): a
#: noun in a later clause ("videos of both gatherings") goes back to the crowd told.
_CROWD_VERB = re.compile(r"(?:ed|streets)$", re.I)
#: Families of places that hold others (a toll or an act told over a province is the same).
_HOLDING = frozenset({"country", "region", "admin1", "admin2"})

#: Groups whose act a later clause tells again at a place of its own.
_GROUPS = ("violence", "unrest", "movement")

#: Reads the triggers of a clause as if it were a sentence (:func:`occurrences`, bound).
Reader = Callable[[Sentence], list[Trigger]]


def placed_clauses(
    sentence: Sentence,
    triggers: list[Trigger],
    mentions: Sequence[ResolvedMention],
    read: Reader,
    goes_on: Callable[[Sentence, Trigger], bool],
) -> list[tuple[Trigger, tuple[int, int]]]:
    """Violent triggers of the later clauses of a sentence whose first violent act is read
    (``triggers``), each in a clause with no trigger yet that names a place of its own, with
    the clause's bounds (its place is one the clause names)."""
    if not _JOIN.search(sentence.text):
        return []
    cuts = [sentence.start + m.end() for m in _JOIN.finditer(sentence.text)]
    bounds = list(zip([sentence.start, *cuts], [*cuts, sentence.end], strict=True))
    here = [m for m in mentions if sentence.start <= m.mention.start < sentence.end and m.place]
    more: list[tuple[Trigger, tuple[int, int]]] = []
    for group in _GROUPS:
        first = next((t for t in triggers if t.spec.group == group), None)
        if first is None:
            continue
        home = next(b for b in bounds if b[0] <= first.start < b[1])
        theirs = [m.place for m in here if home[0] <= m.mention.start < home[1] and m.place]
        if theirs:
            more += _later(
                sentence,
                [b for b in bounds if b != home],
                group,
                theirs,
                here,
                [*triggers, *(t for t, _ in more)],
                read,
                goes_on,
            )
    return more


def _later(
    sentence: Sentence,
    bounds: list[tuple[int, int]],
    group: str,
    theirs: list[Place],
    here: list[ResolvedMention],
    known: list[Trigger],
    read: Reader,
    goes_on: Callable[[Sentence, Trigger], bool],
) -> list[tuple[Trigger, tuple[int, int]]]:
    """The triggers of ``group`` in the clauses ``bounds`` (the read act's left out), one a
    clause, each in a clause with no trigger of ``known`` that names a place none of
    ``theirs`` is or lies in."""
    more: list[tuple[Trigger, tuple[int, int]]] = []
    for start, end in bounds:
        if any(start <= t.start < end for t in known):
            continue
        mine = [m.place for m in here if start <= m.mention.start < end and m.place]
        if not any(_new(p, theirs) for p in mine):
            continue
        text = sentence.text[start - sentence.start : end - sentence.start]
        if _CLAIM.search(text):
            continue  # "IRI claimed an attack on Harir": a claim, told or not
        for trigger in read(Sentence(sentence.index, start, end, text)):
            if trigger.spec.group != group or _TOLL.search(trigger.text):
                continue
            if group == "unrest" and not _CROWD_VERB.search(trigger.text):
                continue  # "riot police held them back with water cannon", "both gatherings"
            if goes_on(sentence, trigger):
                continue
            if not any(t.start < trigger.end and trigger.start < t.end for t in known):
                more.append((trigger, (start, end)))
                known = [*known, trigger]
                break
    return more


def _new(place: Place, theirs: list[Place]) -> bool:
    """Whether ``place`` is none of ``theirs`` and holds none of them."""
    for other in theirs:
        if place.id == other.id:
            return False
        if place.family in _HOLDING and _holds(place, other):
            return False
    return True


def _holds(wide: Place, place: Place) -> bool:
    """Whether an admin area (or country) holds ``place``."""
    if wide.family == "country" or wide.family == "region":
        return wide.country == place.country
    if wide.family == "admin1":
        return wide.admin1 is not None and wide.admin1 == place.admin1
    return wide.admin2 is not None and wide.admin2 == place.admin2

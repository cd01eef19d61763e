"""A second occurrence of the same kind in one sentence, told with its own date.

"Iraqi forces recaptured Tal Afar on 31 August, and recaptured Hawija on 5 October", "gunmen
attacked a checkpoint in Baiji on Monday; on Wednesday they attacked a patrol": the trigger
finder reads one trigger per kind and sentence; a later verb of the same kind, in a clause of
its own ("and", ";") that has a date of its own, different from the first one's, is one more
event (its place and date are read as for any trigger: the nearest ones).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from app.extraction.dates import DateMention
from app.extraction.event_types import Trigger, TriggerFinder, irrealis
from app.extraction.irrealis import CLAUSE_VERB
from app.extraction.occurrences import without_month_may
from app.extraction.patterns import lazy_compile
from app.extraction.text import Sentence

#: Where a second clause begins: "..., and", "; ", "and then", "before ... again".
_JOIN = re.compile(
    r";|,?\s+and\b|,\s+(?:then|before|while)\b|,\s+(?:[\w-]+\s+){0,3}?(?:after|following)\b",
    re.I,
)
#: Kinds told by a verb that a writer repeats for a second occurrence.
_KINDS = frozenset(
    {
        "armed_clash",
        "attack",
        "airstrike",
        "drone_or_rocket_attack",
        "ied_explosion",
        "arrest",
        "kidnapping",
        "protest",
        "troop_deployment",
        "troop_withdrawal",
    }
)


def repeats(
    finder: TriggerFinder,
    sentence: Sentence,
    triggers: list[Trigger],
    dates: list[DateMention],
    dated_reference: Callable[[Trigger], bool] | None = None,
    goes_on: re.Pattern[str] | None = None,
) -> list[Trigger]:
    """Later triggers of a kind already read, each with a date of its own in its clause
    (one that refers to another event counts when ``dated_reference`` says it gives that
    event's own date, as in :func:`app.extraction.occurrences.occurrences`)."""
    told = [d for d in dates if d.role == "event"]
    if len(told) < 2:
        return []
    plain = without_month_may(sentence.text)
    more: list[Trigger] = []
    for first in triggers:
        if first.spec.name not in _KINDS or any(t.spec is first.spec for t in more):
            continue
        previous = first
        for later in finder.each(
            first.spec.name, sentence.text, sentence.start, first.end - sentence.start
        ):
            if any(t.start < later.end and later.start < t.end for t in triggers):
                continue
            if not _own_date(sentence, previous, later, told) or _goes_on(sentence, later, goes_on):
                continue
            if not irrealis(plain, later.start - sentence.start, False) or (
                dated_reference is not None and dated_reference(later)
            ):
                more.append(later)
                previous = later
    return more


def _own_date(
    sentence: Sentence, previous: Trigger, later: Trigger, dates: list[DateMention]
) -> bool:
    """Whether ``later`` opens a clause after ``previous`` and each has its own date."""
    between = sentence.text[previous.end - sentence.start : later.start - sentence.start]
    joins = list(_JOIN.finditer(between))
    if not joins:
        return False
    cut = previous.end + joins[-1].start()
    mine = [d for d in dates if d.start >= later.start - 40 and d.start > cut]
    mine = [
        d
        for d in mine
        if not _JOIN.search(sentence.text, later.end - sentence.start, d.start - sentence.start)
    ]
    theirs = [d for d in dates if previous.start - 60 <= d.start < cut]
    return (
        bool(mine)
        and bool(theirs)
        and (mine[0].first, mine[0].last)
        != (
            theirs[-1].first,
            theirs[-1].last,
        )
    )


#: "the abduction ended when ...": the occurrence told already, named again.
_NAMED_AGAIN = re.compile(r"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+)?$", re.I)
#: "on the Euphrates ": where the place before lies, not a noun naming the occurrence again.
_PLACE_BEFORE = lazy_compile(r"\b(?:on|in|near|at|along|by) the\s+[A-Z][a-z][\w-]*\s+$", 0)
#: "; the SDF recaptured Hajin": a named side as the subject of its own verb.
_NAMED_SUBJECT = lazy_compile(r"\s[A-Z][\w-]*\s+$", 0)


def _goes_on(sentence: Sentence, trigger: Trigger, goes_on: re.Pattern[str] | None) -> bool:
    """ "the abduction was reported", "and fighting went on through Monday" (``goes_on``:
    the lexicon's ``goes_on`` cue words): the occurrence told, named again or lasting; not
    "the SDF recaptured" (a side's own verb) nor "on the Euphrates fell" (a place's)."""
    at = trigger.start - sentence.start
    again = _NAMED_AGAIN.search(sentence.text[max(0, at - 25) : at])
    if again and not (
        CLAUSE_VERB.match(trigger.text)
        and (
            _PLACE_BEFORE.search(sentence.text[max(0, at - 40) : at])
            or _NAMED_SUBJECT.search(again.group())
        )
    ):
        # not "al-Qaim on the Euphrates fell": a place told by where it lies, then its verb
        return True
    near = sentence.text[max(0, at - 15) : at + len(trigger.text) + 20]
    return goes_on is not None and goes_on.search(near) is not None


class Repeats:
    """:func:`repeats` over one trigger finder, with the lexicon's ``goes_on`` cue words."""

    def __init__(self, finder: TriggerFinder, cues: Mapping[str, Sequence[str]]) -> None:
        self.finder = finder
        words = cues.get("goes_on", ())
        self.goes_on = lazy_compile(r"\b(?:" + "|".join(words) + r")\b", re.I) if words else None

    def goes_on_about(self, sentence: Sentence, trigger: Trigger) -> bool:
        """Whether the trigger names an occurrence told already, or its lasting."""
        return _goes_on(sentence, trigger, self.goes_on)

    def find(
        self,
        sentence: Sentence,
        triggers: list[Trigger],
        dates: list[DateMention],
        dated_reference: Callable[[Trigger], bool] | None = None,
    ) -> list[Trigger]:
        """The second occurrences of a sentence (see :func:`repeats`)."""
        return repeats(self.finder, sentence, triggers, dates, dated_reference, self.goes_on)

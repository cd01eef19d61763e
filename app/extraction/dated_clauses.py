"""A later clause with a date of its own tells an occurrence of its own.

"On 16 July two rockets landed inside Ain al-Asad, and on 30 July a US air strike in Musayyib
killed four men", "Turkish drones hit a clinic in Sikeniye in August 2021, and in January 2020
a strike killed two commanders near Khanasor": the trigger finder reads one trigger per group
and sentence, so the second clause's event, of the same group, is lost. A clause that opens
after a join ("..., and", ";") and names an event date unlike every date before it is read as
a sentence of its own; its triggers that the sentence's reading left out are one more event
each (their place and date are read as for any trigger: the nearest ones). A day counted on from
an earlier clause's ("On 25 December a drone hit Erbil, and the next day US jets struck Hillah",
"two days later") is such a date too, when an earlier clause names its own.

:mod:`app.extraction.repeats` finds the same verb said again ("recaptured Tal Afar on 31 August
and recaptured Hawija on 5 October"); this finds another word of the group.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.extraction.cues import cued_search
from app.extraction.date_patterns import WHEN_AFTER
from app.extraction.dates import DateMention
from app.extraction.event_types import Trigger
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

#: Where a later clause begins: "..., and", "; ", ", while", ", before", ", where", ", though";
#: and a consequence told with its own date ("killed three soldiers, prompting air strikes in early
#: February"), or the deed it answers ("in retaliation for a gas attack on Douma a week ago").
#: Not ", when": the date before it is the when-clause's ("on 28 January, when").
_JOIN = re.compile(
    r";|,\s+(?:and|while|before|but|where|prompting|triggering|sparking|though|although|then)\b|"
    r"\bin (?:retaliation|response|revenge) (?:for|to)\b",
    re.I,
)

#: A taking told inside the sentence of a release ("the boy who was kidnapped in Dael on
#: Sunday was released today", "released two shepherds they had detained last week"): a
#: clause from the pronoun to the end of its own date.
_TAKEN_CLAUSE = re.compile(
    r"\b(?:who|whom|that|they|he|she)\s+(?:was|were|had\s+been|had)\s+(?:\w+\s+)?"
    r"(?P<verb>kidnapped|abducted|detained|arrested|seized)\b",
    re.I,
)
_RELEASE = re.compile(r"\b(?:released|freed|set free)\b", re.I)
#: How far from its verb a taking clause's date may stand, and how many days before the
#: release it may be to be told as an event of its own.
_TAKEN_REACH = 60
_TAKEN_DAYS = 31

#: A toll or a death, not an act ("at least 70 fighters killed since Friday"), unless the
#: verb has an object ("a strike killed several commanders", "a bomb killed 30 people").
_TOLL = re.compile(r"(?:killed|dead|died|slain)$", re.I)
_OBJECT = re.compile(
    r"\s+(?:at least |more than |about |some |nearly )?(?:\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|dozens|scores|hundreds|a|an|the|his|her|their|its)\b",
    re.I,
)
#: Dates too wide to set an occurrence apart ("this year", "in 2015").
_WIDE = frozenset({"year"})

#: The end or start of a stretch, not an occurrence's own day: "continued until midday 30 Aug".
_LASTING = re.compile(r"\b(?:until|till|through|since)\s+(?:[\w-]+\s+)?$", re.I)

#: Reads the triggers of a sentence (:func:`app.extraction.occurrences.occurrences`, bound to
#: its finder and the report's checks).
Reader = Callable[[Sentence], list[Trigger]]


def dated_clauses(
    sentence: Sentence,
    triggers: list[Trigger],
    dates: list[DateMention],
    read: Reader,
    goes_on: Callable[[Sentence, Trigger], bool],
) -> list[Trigger]:
    """Triggers of the sentence's clauses that each have an event date of their own and no
    trigger of ``triggers`` (the sentence's reading), while another clause has one; ``goes_on``
    tells a trigger that names an occurrence told already ("fighting went on through
    Monday")."""
    # "... on 7 August, and the following day jets bombed ...": a day counted on from the
    # first clause's is a day of its own too.
    told = [d for d in dates if d.role == "event" or (d.role == "follow" and d.offset_days > 0)]
    if len(told) < 2 or not triggers or all(d.role == "follow" for d in told):
        return []
    cuts = [sentence.start + m.end() for m in _JOIN.finditer(sentence.text)]
    # "the deadliest since July, when a bomb killed 30": the when-clause opens at its date.
    cuts = sorted(
        {*cuts, *(d.start for d in told if WHEN_AFTER.match(sentence.text, d.end - sentence.start))}
    )
    cuts = sorted({*cuts, *_taken_clauses(sentence, told)})
    bounds = list(zip([sentence.start, *cuts], [*cuts, sentence.end], strict=True))
    more: list[Trigger] = []
    for start, end in bounds:
        mine = [
            d
            for d in told
            if start <= d.start < end
            and d.precision not in _WIDE
            and not _LASTING.search(sentence.text, 0, d.start - sentence.start)
        ]
        others = [d for d in told if not start <= d.start < end]
        if not mine or not others:
            continue
        if any((d.first, d.last) == (m.first, m.last) for d in others for m in mine):
            continue
        known = triggers + more
        if any(start <= t.start < end for t in known):
            continue  # the clause's event is read already
        text = sentence.text[start - sentence.start : end - sentence.start]
        for trigger in read(Sentence(sentence.index, start, end, text)):
            after = sentence.text[trigger.end - sentence.start :]
            if (_TOLL.search(trigger.text) and not _OBJECT.match(after)) or goes_on(
                sentence, trigger
            ):
                continue
            if not any(t.start < trigger.end and trigger.start < t.end for t in known):
                more.append(trigger)
    return more


def _taken_clauses(sentence: Sentence, told: list[DateMention]) -> list[int]:
    """Where a taking clause with a recent date of its own opens (at its verb: the relative
    pronoun before it would read as background) and closes (after that date); a taking long
    before the release ("abducted more than two years ago") is background."""
    out: list[int] = []
    if not cued_search(_RELEASE, sentence.text):
        return out  # "demanding the fate of an activist who was abducted": background
    for m in _TAKEN_CLAUSE.finditer(sentence.text):
        verb, end = sentence.start + m.start("verb"), sentence.start + m.end()
        own = [d for d in told if end <= d.start <= end + _TAKEN_REACH]
        if not own:
            continue
        first = min(own, key=lambda d: d.start)
        if any(d is not first and abs((d.first - first.first).days) <= _TAKEN_DAYS for d in told):
            out += [verb, first.end]
    return out


def placed_bounds(
    sentence: Sentence,
    first: list[Trigger],
    later: list[Trigger],
    mentions: list[ResolvedMention],
) -> dict[tuple[int, int], tuple[int, int]]:
    """Where the places of a sentence's events lie when later clauses with dates of their own
    tell more of them (``later``: their triggers, read by this module or by
    :mod:`app.extraction.repeats`; ``first``: the sentence's own reading): "Rutba, a town on
    the road to Jordan, was retaken in May 2016, and al-Qaim fell on 3 November 2017". Each
    later event is placed in its own clause, and an event told before the first of them in
    the words before it; only a part that names a place bounds (trigger start and end -> the
    bounds its places lie in)."""
    if not later:
        return {}

    def names_place(low: int, high: int) -> bool:
        return any(low <= m.mention.start < high and m.place is not None for m in mentions)

    cuts = [sentence.start + m.end() for m in _JOIN.finditer(sentence.text)]
    bounds = list(zip([sentence.start, *cuts], [*cuts, sentence.end], strict=True))
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for t in later:
        own = next((b for b in bounds if b[0] <= t.start < b[1]), None)
        if own is not None and own[0] > sentence.start and names_place(*own):
            out[(t.start, t.end)] = own
    if not out:
        return out
    opening = min(b[0] for b in out.values())
    if names_place(sentence.start, opening):
        for t in first:
            if t.end <= opening and (t.start, t.end) not in out:
                out[(t.start, t.end)] = (sentence.start, opening)
    return out

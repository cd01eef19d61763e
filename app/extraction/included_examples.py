"""An example given of a series, told with a date of its own, is an occurrence of its own.

"Militias have carried out a run of drone attacks on US sites, including the attack on Erbil
airport on 14 April", "several attempts to retake the town failed, including an assault in
March 2016": the series is no one event (and the trigger finder reads one word per group and
sentence, so the example's word is lost behind the series'). The clause after "including"
or "among them" that opens with the example's own trigger word and names an event date of its
own (a day, or a month or a year named) is read as a sentence of its own: its triggers are one
more event each, placed in that clause.
"""

from __future__ import annotations

from collections.abc import Callable

from app.extraction.cues import cued_finditer
from app.extraction.dates import DateMention
from app.extraction.event_types import Trigger
from app.extraction.patterns import lazy_compile
from app.extraction.text import Sentence

#: The word that opens an example of the series told before it.
_INCLUDING = lazy_compile(r"\b(?:including|among them)\s+", 0)
#: Where the example's clause ends: the next clause of the sentence.
_CLAUSE_END = lazy_compile(r";|,\s+(?:and|but|while|whereas)\b|,\s+(?:which|who)\b", 0)
#: A month named by its name ("in April"), not "last month".
_MONTH_NAME = lazy_compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b",
    0,
)
#: How far into the example's clause its trigger word may begin ("a 15 February salvo").
_OPENING = 40

#: Reads the triggers of a sentence (:func:`app.extraction.occurrences.occurrences`, bound to
#: its finder and the report's checks).
Reader = Callable[[Sentence], list[Trigger]]


def _own(date: DateMention) -> bool:
    """A date that sets one occurrence apart: a day, or a month or a year in words or figures."""
    return date.role == "event" and (
        date.precision == "day"
        or any(c.isdigit() for c in date.text)
        or bool(_MONTH_NAME.search(date.text))
    )


def included_examples(
    sentence: Sentence, triggers: list[Trigger], dates: list[DateMention], read: Reader
) -> list[tuple[Trigger, tuple[int, int]]]:
    """Triggers of the examples a sentence gives after "including" or "among them", each
    with a date of its own in its clause and no trigger of ``triggers`` there, with the
    clause's bounds."""
    text = sentence.text
    if "including" not in text and "among them" not in text:
        return []
    more: list[tuple[Trigger, tuple[int, int]]] = []
    for match in cued_finditer(_INCLUDING, text):
        stop = _CLAUSE_END.search(text, match.end())
        start = sentence.start + match.end()
        end = sentence.start + (stop.start() if stop else len(text))
        if not any(start <= d.start < end and _own(d) for d in dates):
            continue
        known = [*triggers, *(t for t, _ in more)]
        if any(start <= t.start < end for t in known):
            continue  # the example's event is read already
        clause = Sentence(sentence.index, start, end, text[match.end() : end - sentence.start])
        for trigger in read(clause):
            if trigger.start - start > _OPENING:
                continue  # "including sites used by militias that were hit": not its subject
            if not any(t.start < trigger.end and trigger.start < t.end for t in known):
                more.append((trigger, (start, end)))
    return more

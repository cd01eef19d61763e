"""A date said of an event's own name: background told as a noun with its day or month.

"the settlement deal of July 2018", "the attack of 28 January on Tower 22", "the
Sinjar Agreement, which Baghdad and Erbil signed in Baghdad on 9 October 2020", "the truce
agreed in Ankara on 17 October": the event named again carries the day it was made, so it
is that event, told in background (issue 9), not a mere mention of a known thing. Without such
a date ("under the agreement") it stays a mention; so does a date before the noun ("the 10
March agreement", "the March 2020 ceasefire"): on dev it named the deal again in statements
about something else far more often than the analysts counted it (7 false alarms, 3 found).
"""

from __future__ import annotations

import re

from app.extraction.dates import DateMention
from app.extraction.event_types import Trigger
from app.extraction.text import Sentence

#: Right after the noun: "of 10 March 2025", "of July 2018".
_OF = re.compile(r"\s+of\s+$", re.I)
#: Right after the noun, a clause telling when it was made: "signed on 10 March", ", which
#: Baghdad and Erbil signed in Baghdad on 9 October 2020", "reached in Ankara on 17 October";
#: not the day it took effect (a truce negotiated on 9 September took effect on the 12th).
_MADE = re.compile(
    r"^,?\s+(?:(?:which|that)\s+(?:[^,;:()]{0,70}?\s)?)?"
    r"(?:(?:was|were|had been)\s+)?"
    r"(?:signed|reached|concluded|struck|brokered|agreed|announced)"
    r"(?:\s+[^,;:()]{0,40}?)?(?:\s+(?:on|in))?\s*$",
    re.I,
)
#: A date that names its day, month or year in figures, or a month ("in March").
_FIGURES = re.compile(r"\d")
_PRECISE = frozenset({"day", "month"})


def named_date(
    sentence: Sentence, trigger: Trigger, dates: list[DateMention]
) -> DateMention | None:
    """The date said of the trigger's noun itself, if any (see the module)."""
    for d in dates:
        if d.role != "event" or d.precision not in _PRECISE:
            continue
        if d.end <= trigger.start:
            continue
        between = sentence.text[trigger.end - sentence.start : d.start - sentence.start]
        if _FIGURES.search(d.text) and _OF.fullmatch(between):
            return d
        if _MADE.match(between):
            return d
    return None

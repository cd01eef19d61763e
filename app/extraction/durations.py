"""How long an undated operation lasted: "completed a 24-day sweep of the camp" (issue 9).

An event the text gives no day of is put in the week before its report; when the sentence
says the operation it belongs to lasted N days ("a 24-day sweep", "a ten-day campaign"),
it is put in the N days up to that day instead; so is an event whose one day is said, when
its sentence says it lasted N days ("fought for five days; by Tuesday ...").
"""

from __future__ import annotations

import datetime as dt
import re

from app.extraction.cues import cued_finditer

_COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
#: "a 24-day sweep", "the ten-day security operation", "a three-day siege".
_NUMBER = r"(\d{1,3}|" + "|".join(_COUNT_WORDS) + r")"
_SPAN = re.compile(
    r"\b" + _NUMBER + r"[- ]day(?:-long)?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:sweep|campaign|operation|offensive|siege|search|crackdown|battle|assault|"
    r"blockade|raids?|strikes?|bombardment|fighting|clashes|standoff|sit-in|protests?)\b|"
    # "fighting raged for five days", "for two straight days", "over seven days, convoys took"
    r"\b(?:for|[Oo]ver) "
    + _NUMBER.replace("(", "(?P<count>", 1)
    + r" (?:straight |consecutive |full )?days\b|"
    # "took the town on Monday after two days of heavy fighting": the fighting before it
    r"\bafter " + _NUMBER.replace("(", "(?P<after>", 1) + r" days of (?:[\w-]+\s+){0,2}?"
    r"(?:fighting|clashes|combat|battles?|shelling|bombardment|strikes|raids|siege|"
    r"resistance)\b",
    re.I,
)
#: The longest span taken as one operation; longer ones are campaigns of many events.
MAX_DAYS = 120


def stated_days(sentence: str) -> int | None:
    """The number of days the sentence says its one operation lasted, if it says so once
    ("a 24-day sweep"; not a verb's "for two days", which may be any clause's)."""
    said = stated_span(sentence)
    return said[0] if said is not None and not said[2] else None


def stated_span(sentence: str) -> tuple[int, int, bool, int] | None:
    """The days the sentence says its one operation lasted, where it says so (the offsets in
    ``sentence`` of the words' start, then of their end), and whether a verb's "for N days"
    or an "after N days of fighting" says it (which dates only its clause)."""
    found = list(cued_finditer(_SPAN, sentence))
    if len(found) != 1:
        return None
    verb = found[0][1] is None
    after = found[0]["after"]
    word = (after or found[0]["count"] if verb else found[0][1]).lower()
    days = int(word) if word.isdigit() else _COUNT_WORDS[word]
    if after is not None:
        days += 1  # the N days before the day said, and that day
    return (days, found[0].start(), verb, found[0].end()) if 2 <= days <= MAX_DAYS else None


def span_before(end: dt.date, days: int) -> tuple[dt.date, dt.date]:
    """The ``days`` days ending on ``end``, both included."""
    return end - dt.timedelta(days=days - 1), end


def opening_span(sentence: str, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The days a sentence opening with a span ("Over seven days, convoys took ...") says
    its operation took, ending on ``last`` (of the days it goes on from); else those days."""
    said = stated_span(sentence)
    if said is None or said[1] != 0:
        return first, last
    return span_before(last, said[0])

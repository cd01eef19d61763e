"""Dates counted from an occurrence the report named before (issue 9).

"Hours after the vote, two rockets landed ...", "a day after the agreement", "on the first
day of the offensive": the phrase names no date, but an earlier sentence of the report told
when the vote, the agreement or the offensive happened ("parliament voted on Sunday",
"Turkey launched its offensive on 9 October"). The phrase is dated from that day, looked up
report-wide: the latest earlier sentence naming the thing (the noun or its verb: "the vote",
"voted") with a day said within a few words of it. A phrase whose thing the report never
dates keeps its usual reading (counted from the event told before).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from app.extraction.cues import cued_finditer
from app.extraction.dates import DateMention
from app.extraction.event_builder import EventDraft
from app.extraction.text import Sentence

#: "hours after the vote", "a day after the agreement", "two days before the election".
_AFTER_THE = re.compile(
    r"\b(hours|minutes|(?:a|one|two|three) days?|the day|the morning|the night)\s+"
    r"(after|before)\s+(?:the|this|that|its|their)\s+([a-z]{4,})\b",
    re.I,
)
#: "on the first day of the offensive", "on the second day" (of the campaign told before).
_NTH_DAY_OF = re.compile(
    r"\bon (?:the )?(first|second|third) day\b(?:\s+of\s+(?:the|its|their)\s+([a-z]{4,})\b)?",
    re.I,
)
_ORDINAL = {"first": 0, "second": 1, "third": 2}
_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "the": 1}
#: What "the first day" of a report counts from when it names no noun: a campaign begun.
_CAMPAIGNS = ("offensive", "operation", "campaign", "assault", "incursion")
#: Nouns that name no occurrence of their own ("hours after the start", "a day after the
#: news"): nothing to look up.
_NOT_OCCURRENCES = frozenset(
    {"start", "beginning", "outbreak", "news", "announcement", "statement", "report", "fact"}
)
#: How near the thing named a date of the earlier sentence must be to be its date.
_NEAR = 60
#: Words that close a clause between the thing named and a date.
_BREAK = re.compile(r"[;:]|,\s*(?:and|but|while|when|after|before)\b")


def anchored(sentences: list[Sentence], dates: dict[int, list[DateMention]]) -> None:
    """Date the phrases of each sentence that count from an occurrence told earlier in the
    report (see the module's docstring), in ``dates`` (by sentence index) in place."""
    for sentence in sentences:
        text = sentence.text
        if "after the" not in text and "before the" not in text and " day" not in text:
            continue
        for match, offset, nouns in _references(text):
            day = _told_day(sentences, dates, sentence.index, nouns)
            if day is None:
                continue
            start, end = sentence.start + match.start(), sentence.start + match.end()
            own = [d for d in dates[sentence.index] if not (d.start < end and start < d.end)]
            when = day + timedelta(days=offset)
            dates[sentence.index] = sorted(
                [*own, DateMention(start, end, match.group(), when, when, "day", "event")],
                key=lambda d: d.start,
            )


def _references(text: str) -> list[tuple[re.Match[str], int, tuple[str, ...]]]:
    """Each phrase of ``text`` counting from a thing named, the days it counts on (negative
    before it) and the nouns the thing may be called by."""
    found: list[tuple[re.Match[str], int, tuple[str, ...]]] = []
    for m in cued_finditer(_AFTER_THE, text):
        noun = m[3].lower()
        if noun in _NOT_OCCURRENCES:
            continue
        unit = m[1].lower()
        days = 0 if unit.startswith(("hours", "minutes")) else _COUNT[unit.split()[0]]
        found.append((m, days if m[2].lower() == "after" else -days, (noun,)))
    for m in cued_finditer(_NTH_DAY_OF, text):
        nouns = (m[2].lower(),) if m[2] else _CAMPAIGNS
        found.append((m, _ORDINAL[m[1].lower()], nouns))
    return found


def _stem(noun: str) -> str:
    """The part of a noun its verb shares too: "vote"/"voted", "agreement"/"agreed"."""
    return noun[: max(4, len(noun) - 4)]


def _told_day(
    sentences: list[Sentence],
    dates: dict[int, list[DateMention]],
    before: int,
    nouns: tuple[str, ...],
) -> date | None:
    """The day the latest sentence before index ``before`` says the thing happened."""
    words = re.compile(r"\b(?:" + "|".join(_stem(n) for n in nouns) + r")\w*", re.I)
    for index in range(before - 1, -1, -1):
        sentence = sentences[index]
        days = [d for d in dates[index] if d.role == "event" and d.precision == "day"]
        if not days:
            continue
        for word in words.finditer(sentence.text):
            at = sentence.start + word.start()
            near = [d for d in days if _near(sentence, at, sentence.start + word.end(), d)]
            if near:
                chosen = min(near, key=lambda d: abs(d.start - at))
                return chosen.first if chosen.first == chosen.last else None
    return None


def _near(sentence: Sentence, start: int, end: int, mention: DateMention) -> bool:
    """Whether a date is said of the word at ``start``-``end``: close by, in its clause."""
    lo, hi = (end, mention.start) if mention.start >= end else (mention.end, start)
    if hi - lo > _NEAR:
        return False
    return not _BREAK.search(sentence.text, lo - sentence.start, hi - sentence.start)


def from_last_told(
    index: int, dates: list[DateMention], told: dict[int, list[DateMention]]
) -> list[DateMention]:
    """The dates of sentence ``index`` with its follow-ups ("Hours later", "the next day")
    counted from the last day an earlier sentence told, when no event was drafted before
    to count them from ("Gunmen killed an activist on Wednesday ... Hours later, the prime
    minister dismissed the police chief": Wednesday, not the publication day)."""
    if not any(d.role == "follow" for d in dates):
        return dates
    day = next(
        (
            d
            for i in range(index - 1, -1, -1)
            for d in reversed(told.get(i, []))
            if d.role == "event" and d.precision == "day" and d.first == d.last
        ),
        None,
    )
    if day is None:
        return dates
    return [
        d
        if d.role != "follow"
        else DateMention(
            d.start,
            d.end,
            d.text,
            day.first + timedelta(days=d.offset_days),
            day.first + timedelta(days=d.offset_days) + (d.last - d.first),
            "day" if d.first == d.last else "week",
            "event",
        )
        for d in dates
    ]


def last_told_since(
    index: int, dates: list[DateMention], told: dict[int, list[DateMention]], last: EventDraft
) -> list[DateMention]:
    """The dates of the latest sentence between the ``last`` event drafted and sentence
    ``index`` that told an event's date, when sentence ``index`` counts from the event told
    before and that date goes back before the last event's ("Gunmen shot an activist on
    9 May. His death was filmed. A day later, ...": 9 May, not the day of the march told
    first); none otherwise (a later day, "still searching on Monday", goes on with it)."""
    if not any(d.role == "follow" for d in dates):
        return []
    for i in range(index - 1, last.sentence.index, -1):
        said = [d for d in told.get(i, []) if d.role == "event"]
        if said:
            return told[i] if said[-1].last < last.date else []
    return []

"""Scanning a text for date patterns, before any anchor date resolves what they match.

:func:`app.extraction.dates.find_dates` resolves a scan; a sentence that says when it was
reported is resolved twice (against the publication date, then against the date it was
reported), and scanned once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extraction.cues import cued_finditer, holds_any
from app.extraction.cues import lowered as lower_cased
from app.extraction.date_patterns import (
    CUES,
    DIGIT,
    HINT,
    HINT_WORDS,
    MONTH_WORD,
    NEEDS,
    PATTERNS,
    WEEKDAY_WORD,
)


@dataclass(frozen=True, slots=True)
class DateScan:
    """What the date patterns match in a text, pattern by pattern, before an anchor resolves
    them: :func:`app.extraction.dates.find_dates` may resolve one scan against two anchors."""

    #: Whether the text holds a digit or a date word at all (else nothing is a date there).
    hinted: bool
    matches: list[tuple[str, list[re.Match[str]]]]


def scan_dates(text: str) -> DateScan:
    """The date patterns' matches in ``text`` (see :class:`DateScan`)."""
    lowered = lower_cased(text)
    digit = DIGIT.search(text)
    if lowered is not None:
        if digit is None and not holds_any(lowered, HINT_WORDS):
            return DateScan(False, [])
    elif not HINT.search(text):
        return DateScan(False, [])
    # Skip the patterns that cannot match: most sentences name no month or no weekday.
    present = {
        need
        for need, seen in (
            ("d", digit),
            ("m", MONTH_WORD.search(text)),
            ("w", WEEKDAY_WORD.search(text)),
        )
        if seen is not None
    }
    return DateScan(
        True,
        [
            (name, list(cued_finditer(pattern, text)))
            for name, pattern in PATTERNS
            if _NEEDS[name] <= present and _has_cue(name, text, lowered)
        ],
    )


_NEEDS = {name: frozenset(NEEDS.get(name, "")) for name, _ in PATTERNS}


def _has_cue(name: str, text: str, lowered: str | None) -> bool:
    """Whether ``text`` holds a word the pattern cannot match without (True when unsure)."""
    cues = CUES.get(name)
    if cues is None:
        return True
    words, ignore_case = cues
    if not ignore_case:
        return holds_any(text, words)
    return lowered is None or holds_any(lowered, words)

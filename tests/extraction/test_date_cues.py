"""The cheap checks before the date patterns skip only what the patterns could not match."""

from __future__ import annotations

import pytest

from app.extraction.cues import has_case_trap
from app.extraction.date_patterns import DIGIT, HINT, HINT_WORDS, PATTERNS
from app.extraction.date_scan import _has_cue

PHRASES = [
    "yesterday",
    "Today",
    "TONIGHT",
    "last night",
    "This morning",
    "earlier this week",
    "The day before",
    "two days later",
    "a day earlier",
    "the following morning",
    "the same day",
    "later that day",
    "overnight",
    "during the night",
    "in recent days",
    "over the past few weeks",
    "mid-July",
    "Early March 2024",
    "end of May",
    "over the following three days",
    "on the 5th, when",
    "overnight into Tuesday",
    "overnight on 3 May",
    "on Tuesday",
    "Since 2020",
    "ON TUESDAY, THE DAY BEFORE",
    "the ſame day",  # a long s: re.I reads it as "s"
    "late \u212aelvin",
    "nothing to date here",
]


@pytest.mark.parametrize("text", PHRASES)
def test_a_pattern_that_matches_has_its_cue(text: str) -> None:
    lowered = None if has_case_trap(text) else text.lower()
    for name, pattern in PATTERNS:
        if pattern.search(text):
            assert _has_cue(name, text, lowered), name


@pytest.mark.parametrize("text", PHRASES)
def test_hint_words_find_what_hint_finds(text: str) -> None:
    if has_case_trap(text):
        assert _has_cue("relative", text, None)  # unsure: the pattern runs
        return
    lowered = text.lower()
    cheap = DIGIT.search(text) is not None or any(w in lowered for w in HINT_WORDS)
    assert cheap is (HINT.search(text) is not None)


def test_a_sentence_with_a_weekday_alone_skips_the_relative_words() -> None:
    assert not _has_cue("relative", "on Tuesday", "on tuesday")
    assert _has_cue("relative", "the day before", "the day before")

"""Cue words in front of case-blind patterns: they skip only what the pattern cannot match."""

from __future__ import annotations

import pytest

from app.extraction.cues import has_case_trap, lowered
from app.extraction.irrealis import _HABITUAL_CUES, _TALLY_CUES, HABITUAL, TALLY


def test_lowered_text_is_given_unless_re_i_could_read_a_letter_otherwise() -> None:
    assert lowered("Mosul’s Old City") == "mosul’s old city"
    assert lowered("the ſame day") is None
    assert lowered("\u0130dlib") is None
    assert has_case_trap("3 \u212a") and not has_case_trap("Raqqa")


HABITS = [
    "a routine patrol",
    "Usually",
    "OFTEN",
    "every week",
    "for years",
    "for decades",
    "common",
    "has become",
    "have long",
    "remains",
    "still",
    "typically",
    "regularly",
    "increasingly",
    "repeatedly",
    "several times",
    "many times",
    "has been shelled daily since",
    "in total",
    "so far this year",
    "since the start",
    "dozens of air strikes",
    "Thousands of attacks",
    "documented",
    "the tally",
    "the toll has risen",
]


@pytest.mark.parametrize("text", HABITS)
def test_each_habitual_phrase_has_a_cue(text: str) -> None:
    assert HABITUAL.search(text)
    folded = lowered(text)
    assert folded is not None and any(cue in folded for cue in _HABITUAL_CUES)


@pytest.mark.parametrize(
    "text",
    [
        "have been killed",
        "has carried out dozens",
        "Total documented",
        "total documented",
        "in recent weeks",
    ],
)
def test_each_tally_phrase_has_a_cue(text: str) -> None:
    assert TALLY.search(text)
    assert any(cue in text for cue in _TALLY_CUES)

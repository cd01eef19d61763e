"""Events dated by a count of days from another (sentences written here)."""

import pytest

from app.extraction.days_after import days_after
from app.extraction.event_types import BY_NAME, Trigger
from app.extraction.text import Sentence


def _lag(text: str, word: str, kind: str = "kidnapping") -> int:
    kind = "drone_or_rocket_attack" if word == "rockets" else kind
    at = text.index(word)
    return days_after(
        Sentence(0, 0, len(text), text), Trigger(BY_NAME[kind], at, at + len(word), word)
    )


@pytest.mark.parametrize(
    ("text", "word", "lag"),
    [
        ("The engineer was freed on Sunday, three days after he was kidnapped.", "kidnapped", 3),
        ("The engineer was freed on Sunday, two weeks after he was kidnapped.", "kidnapped", 14),
        ("Jets struck Batifa on 3 May, a week before gunmen were abducted there.", "abducted", -7),
        ("The engineer was freed on Sunday, a few days after he was kidnapped.", "kidnapped", 0),
        ("The engineer was freed on Sunday after he was kidnapped in Hawija.", "kidnapped", 0),
        # the noun after a firing verb is the act itself
        (
            "Jets struck a depot on Tuesday, a day after militants fired rockets at Erbil.",
            "rockets",
            1,
        ),
    ],
)
def test_days_counted_back_from_the_sentences_date(text, word, lag):
    assert _lag(text, word) == lag


def test_a_trigger_that_is_the_noun_of_another_verb_keeps_the_sentences_date():
    text = "Troops shelled Afrin on Sunday, a day after jets opened the offensive on the district."
    assert _lag(text, "offensive", "armed_clash") == 0

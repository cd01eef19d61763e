"""Where a quoted speaker sat is no place of the act (sentences written for these tests)."""

import pytest

from tests.extraction.helpers import events


@pytest.mark.parametrize(
    "text",
    [
        "Border police took over four posts near Penjwen on Sunday, officials in Baghdad said.",
        "Border police took over four posts near Penjwen on Sunday, officials in Baghdad and "
        "Erbil told reporters.",
    ],
)
def test_the_place_of_officials_quoted_after_the_act_is_not_its_place(extractor, text):
    assert {e[2] for e in events(extractor, text)} == {"IQ-SU"}


def test_a_lone_speaker_place_gives_way_to_the_story_place(extractor):
    text = (
        "Iraqi troops pushed into the outskirts of Fallujah on Friday. "
        "Jets struck militant positions around the town on Saturday, a coalition spokesman "
        "in Baghdad said."
    )
    found = events(extractor, text)
    assert found and all(e[2] == "IQ-AN" for e in found), found


def test_a_speaker_told_before_the_act_may_speak_from_its_place(extractor):
    text = "A police officer in Kirkuk told reporters that two suspects were arrested on Monday."
    assert {e[2] for e in events(extractor, text)} == {"IQ-KI"}

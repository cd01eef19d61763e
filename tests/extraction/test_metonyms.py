"""Place names that stand for a state (app/extraction/metonyms.py)."""

from tests.extraction.helpers import events


def test_the_government_in_a_capital_is_the_state_not_the_place(extractor):
    text = (
        "Hundreds rallied in Qamishli in support of the new government in Damascus, and "
        "Asayish units detained six of them."
    )
    assert {e[1] for e in events(extractor, text)} == {"Qamishli"}


def test_the_authorities_of_a_town_are_where_they_act(extractor):
    text = "Security forces in Kirkuk detained six men on Monday."
    assert [e[1] for e in events(extractor, text)] == ["Kirkuk"]

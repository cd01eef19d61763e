"""Places that made an agreement (sentences written for these tests)."""

import pytest

from tests.extraction.helpers import events


def deals(extractor, text):
    return [e[1] for e in events(extractor, text) if e[0] == "agreement"]


@pytest.mark.parametrize(
    "text",
    [
        "Elders of Tafas and Nawa reached a settlement agreement with the government on Tuesday.",
        "The towns of Inkhil and Jasim struck their own deals with the army last week.",
    ],
)
def test_a_list_of_towns_making_a_deal_is_one_deal_in_each(extractor, text):
    assert len(deals(extractor, text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        # the list only qualifies the party that made the deal
        "The council of the Tafas and Nawa districts reached an agreement with the army on "
        "Tuesday.",
        # a deal under way, not made by the list
        "Tafas and Nawa were negotiating a settlement agreement with the army on Tuesday.",
        # the list is what rebels fled, not who made the deal
        "Rebels who had fled Tafas and Nawa after weeks of shelling reached an agreement with "
        "the army on Tuesday.",
    ],
)
def test_a_list_that_is_no_party_makes_one_deal(extractor, text):
    assert len(deals(extractor, text)) <= 1

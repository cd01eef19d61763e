"""The governments party to an agreement (sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def agreement(extractor, text, published=dt.date(2023, 5, 20)):
    found = [e for e in events(extractor, text, published) if e[0] == "agreement"]
    assert len(found) == 1, events(extractor, text, published)
    return found[0][3]


@pytest.mark.parametrize(
    ("text", "governments"),
    [
        (
            "The Iranian and Turkish foreign ministers signed a border security accord in "
            "Baghdad on Thursday.",
            {"Iranian government", "Turkish government"},
        ),
        (
            "Baghdad and Ankara agreed on Thursday to reopen the Ibrahim Khalil crossing.",
            {"Iraqi government", "Turkish government"},
        ),
        (
            "A water-sharing deal was signed in Erbil on Thursday between Baghdad and Erbil.",
            {"Iraqi government", "Kurdistan Regional Government"},
        ),
    ],
)
def test_states_named_by_their_people_or_seats_are_the_parties(extractor, text, governments):
    actors = agreement(extractor, text)
    assert {name for name, role in actors.items() if role == "actor"} >= governments


def test_syria_s_government_party_follows_the_date(extractor):
    text = "Syria's president and a Kurdish delegation signed a deal in Damascus on Thursday."
    before = agreement(extractor, text, dt.date(2023, 5, 20))
    after = agreement(extractor, text, dt.date(2025, 5, 20))
    assert before.get("Syrian government") == "actor"
    assert after.get("Syrian transitional government") == "actor"


def test_a_mediating_state_is_associated_not_a_party(extractor):
    actors = agreement(
        extractor,
        "A US-brokered truce between the Iraqi government and Kurdish forces was agreed "
        "in Erbil on Thursday.",
    )
    assert actors.get("United States government") == "associated"

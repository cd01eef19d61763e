"""What a complaint, charge or demand names is no event (sentences written for these
tests)."""

import datetime as dt

import pytest

from app.extraction.demands import demanded
from tests.extraction.helpers import events


def _demanded(sentence: str, word: str) -> bool:
    return demanded(sentence, sentence.index(word))


def test_a_noun_inside_a_complaint_or_a_demand_is_demanded():
    assert _demanded(
        "Shopkeepers in Kirkuk complain of power cuts, rising rents and the arrest of journalists.",
        "arrest",
    )
    assert _demanded(
        "Activists call openly for the release of detainees and an end to checkpoints.",
        "release",
    )
    assert _demanded(
        "Opposition groups accuse the government of a campaign of fear, including the "
        "abduction of students.",
        "abduction",
    )


def test_a_verb_telling_an_act_is_not_demanded():
    assert not _demanded(
        "Families demand answers after police arrested ten students in Basra.", "arrested"
    )
    assert not _demanded("Police began the arrest of suspects in Basra on Monday.", "arrest")


def test_a_past_demand_is_no_standing_grievance():
    assert not _demanded(
        "Crowds marched in Sweida on Friday, and the police ordered the release of two men.",
        "release",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Shopkeepers in Kirkuk complain of power cuts, rising rents and the arrest of journalists.",
        "Activists in Sweida call openly for the release of detainees and an end to checkpoints.",
    ],
)
def test_a_grievance_adds_no_event(extractor, text):
    assert events(extractor, text, dt.date(2021, 6, 20)) == []


def test_the_act_told_beside_a_demand_is_an_event(extractor):
    text = (
        "Police arrested a student leader in Basra on Monday, and his family demanded his release."
    )
    found = [e[0] for e in events(extractor, text, dt.date(2021, 6, 20))]
    assert "arrest" in found
    assert "prisoner_release" not in found

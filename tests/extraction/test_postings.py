"""Forces named by where they are posted tell no deployment of their own (sentences written
for these tests)."""

import datetime as dt

from app.extraction.postings import posted_description
from tests.extraction.helpers import events


def _posted(sentence: str, word: str) -> bool:
    return posted_description(sentence, sentence.index(word))


def test_a_posting_that_describes_the_subject_of_another_verb_is_no_deployment():
    assert _posted("Our units deployed near the crossing came under mortar fire.", "deployed")
    assert _posted("Soldiers stationed at the airport were wounded by shrapnel.", "stationed")
    assert _posted("Troops positioned along the river have been shelled twice.", "positioned")


def test_a_posting_still_to_be_made_is_no_deployment():
    assert _posted("They agreed on a joint force to be deployed along the road.", "deployed")
    assert _posted("They asked for police who should be stationed in the market.", "stationed")


def test_a_deployment_told_as_a_finite_verb_stays():
    assert not _posted("Army units deployed in Tal Afar on Monday, officials said.", "deployed")
    assert not _posted("Army units were deployed in Tal Afar on Monday.", "deployed")
    assert not _posted("Troops deployed along the road, and were later attacked.", "deployed")


def test_the_posted_forces_add_no_deployment_event(extractor):
    text = (
        "Turkish troops deployed near the village of Kani Masi came under rocket fire on "
        "Tuesday, the Turkish defence ministry said."
    )
    found = [e[0] for e in events(extractor, text, dt.date(2023, 5, 10))]
    assert "troop_deployment" not in found

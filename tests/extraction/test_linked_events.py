"""An agreement linked to another occurrence keeps its own side's actors (own sentences)."""

import datetime as dt

from app.extraction.linked_events import link_at
from tests.extraction.helpers import events

_DAY = dt.date(2023, 9, 12)


def test_troops_in_the_subject_are_no_party_to_the_deal(extractor):
    text = (
        "The arrival of Russian troops in Qamishli on Sunday follows the Syrian government's "
        "signing of an agreement with the SDF."
    )
    deals = [e for e in events(extractor, text, _DAY) if e[0] == "agreement"]
    assert deals, events(extractor, text, _DAY)
    assert all("Russian Armed Forces" not in e[3] for e in deals), deals


def test_signatories_before_the_link_are_kept(extractor):
    text = (
        "The agreement signed in Baghdad by the Iraqi government and the KRG on Monday came "
        "hours after Turkish jets bombed villages near Amadiya."
    )
    deals = [e for e in events(extractor, text, _DAY) if e[0] == "agreement"]
    assert deals, events(extractor, text, _DAY)
    assert all("Turkish Armed Forces" not in e[3] for e in deals), deals


def test_a_link_verb_after_a_short_subject():
    assert link_at("The raid came hours after gunmen fled.") is not None
    assert link_at("The convoy came under fire near the bridge.") is None
    assert link_at("Clashes followed by airstrikes hit the town.") is None


def test_the_event_after_a_link_verb_is_not_the_one_its_subject_names(extractor):
    text = (
        "Seven protesters were killed in Karbala on Friday when gunmen stormed their sit-in. "
        "Police said nobody had been arrested. The health office appealed for blood donations. "
        "The attack came hours after thousands of students rallied in Basra on Friday "
        "against unemployment."
    )
    found = events(extractor, text, dt.date(2021, 3, 14))
    assert ("protest", "Basrah") in {(e[0], e[1]) for e in found}

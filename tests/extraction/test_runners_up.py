"""A group's next trigger word, when the one the finder chose tells no occurrence
(app/extraction/runners_up.py), read through the pipeline."""

import datetime as dt

from tests.extraction.helpers import events


def test_a_move_told_before_a_referenced_convoy_is_read(extractor):
    text = (
        "Government troops moved into the last rebel-held quarters of Daraa al-Balad on "
        "Monday after the final convoy of buses carrying fighters left the district."
    )
    found = events(extractor, text, dt.date(2021, 9, 8))
    assert "troop_deployment" in [e[0] for e in found]


def test_a_referenced_move_alone_is_still_no_event(extractor):
    text = "Shops reopened in Tafas on Monday after the convoy of buses carrying fighters left."
    assert events(extractor, text, dt.date(2021, 9, 8)) == []


def test_a_move_told_after_a_set_aside_withdrawal_is_found(extractor):
    text = (
        "Army units moved into the old quarter of Daraa al-Balad on Thursday after the last "
        "buses carrying rebel fighters left the district."
    )
    assert "troop_deployment" in [e[0] for e in events(extractor, text, dt.date(2019, 3, 14))]


def test_a_move_only_referred_to_stays_set_aside(extractor):
    text = "Residents returned to Hajin on Thursday after the withdrawal of the militants."
    found = {e[0] for e in events(extractor, text, dt.date(2019, 3, 14))}
    assert not {"troop_withdrawal", "troop_deployment"} & found

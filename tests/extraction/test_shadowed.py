"""A trigger set aside no longer hides another word of its group (sentences written for these
tests)."""

import datetime as dt

from tests.extraction.helpers import events


def types(extractor, text, published=dt.date(2019, 3, 14)):
    return [e[0] for e in events(extractor, text, published)]


def test_a_move_told_after_a_set_aside_withdrawal_is_found(extractor):
    text = (
        "Army units moved into the old quarter of Daraa al-Balad on Thursday after the last "
        "buses carrying rebel fighters left the district."
    )
    assert "troop_deployment" in types(extractor, text)


def test_a_move_only_referred_to_stays_set_aside(extractor):
    text = "Residents returned to Hajin on Thursday after the withdrawal of the militants."
    assert not {"troop_withdrawal", "troop_deployment"} & set(types(extractor, text))

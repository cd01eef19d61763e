"""The terms of a deal the story already told are no second deal (sentences written for
these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def _types(extractor, text):
    return [e[0] for e in events(extractor, text, dt.date(2021, 6, 20))]


def test_terms_told_after_the_deal_are_the_same_deal(extractor):
    text = (
        "Tribal leaders and the army signed a ceasefire in Hawija on Saturday. "
        "Shops reopened in the market the next morning, residents said. "
        "Many families had fled during the fighting. "
        "The two sides agreed to form joint committees to monitor the roads around Riyadh "
        "and Abbasi."
    )
    assert _types(extractor, text).count("agreement") == 1


def test_a_second_deal_with_a_day_of_its_own_is_another_event(extractor):
    text = (
        "Tribal leaders and the army signed a ceasefire in Hawija on Saturday. "
        "Shops reopened in the market the next morning, residents said. "
        "On 2 June, the two sides had agreed to exchange prisoners in Kirkuk."
    )
    assert _types(extractor, text).count("agreement") == 2

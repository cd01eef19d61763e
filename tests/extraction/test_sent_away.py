"""Where people were sent off to is not where a deal, a release or an abduction happened
(app/extraction/sent_away.py; sentences written for these tests)."""

from tests.extraction.helpers import events


def test_a_deal_is_not_placed_where_the_fighters_were_sent(extractor):
    text = (
        "Rebels in Zabadani laid down heavy arms on Sunday. "
        "Under a deal reached on Monday, the fighters who refused it were to leave for Idlib."
    )
    found = [(e[0], e[1]) for e in events(extractor, text)]
    assert ("agreement", "Az Zabadānī") in found
    assert all(place != "Idlib" for kind, place in found if kind == "agreement")


def test_an_abduction_is_not_placed_where_the_captives_were_taken(extractor):
    text = (
        "Militants overran Palmyra in May. "
        "Dozens of its residents were abducted on Tuesday and taken to Raqqa."
    )
    found = [(e[0], e[1]) for e in events(extractor, text)]
    assert ("kidnapping", "Raqqa") not in found
    assert any(kind == "kidnapping" for kind, _ in found)


def test_a_deal_signed_in_a_city_keeps_that_city(extractor):
    text = "The two sides signed a ceasefire agreement in Ankara on Tuesday."
    assert [(e[0], e[1]) for e in events(extractor, text)] == [("agreement", "Ankara")]


def test_a_journey_told_beside_a_deal_ends_where_the_buses_went(extractor):
    text = (
        "Buses carrying some 400 gunmen and their relatives left the town of Qudsaya on "
        "Tuesday night towards Idlib province, as part of a local settlement agreement."
    )
    found = [(e[0], e[2]) for e in events(extractor, text)]
    assert ("troop_withdrawal", "SY-ID") in found
    assert ("agreement", "SY-ID") not in found


def test_a_deal_is_not_placed_where_a_convoy_was_heading(extractor):
    text = (
        "A convoy of fighters left Harasta at dawn heading for Jarablus under the agreement "
        "reached last week."
    )
    found = [(e[0], e[1]) for e in events(extractor, text)]
    assert ("troop_withdrawal", "Jarablus") in found
    assert ("agreement", "Jarablus") not in found

"""A journey's later leg is not where the move went (app/extraction/onward.py; sentences
written for these tests)."""

from tests.extraction.helpers import events


def test_a_convoy_is_placed_at_its_first_stop_not_where_it_goes_on_to(extractor):
    text = (
        "A convoy carrying gunmen and their relatives left Talbiseh on Sunday towards al-Bab "
        "under the deal, from where they will continue to Idlib."
    )
    found = [(e[0], e[2]) for e in events(extractor, text)]
    assert ("troop_withdrawal", "SY-HL") in found
    assert all(admin1 != "SY-ID" for _, admin1 in found)


def test_and_on_to_names_a_later_leg(extractor):
    text = "Under the deal, the last fighters were bussed from Harasta to Jarablus and on to Idlib."
    found = [(e[0], e[1]) for e in events(extractor, text)]
    assert ("troop_withdrawal", "Jarablus") in found
    assert all(place != "Idlib" for _, place in found)


def test_where_others_were_taken_in_a_while_clause_is_not_the_convoys_place(extractor):
    text = (
        "Buses carried 600 fighters toward Idlib province on Monday, while civilians were "
        "taken to shelters in Qudsaya."
    )
    found = [(e[0], e[2]) for e in events(extractor, text)]
    assert ("troop_withdrawal", "SY-ID") in found
    assert all(admin1 != "SY-RD" for _, admin1 in found)

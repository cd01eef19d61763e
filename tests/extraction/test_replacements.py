"""A force moving into the places another has just left (sentences written for these tests)."""

from tests.extraction.helpers import events


def _moves(extractor, text):
    return sorted(e[1] for e in events(extractor, text) if e[0] != "troop_withdrawal")


def test_a_move_behind_them_is_at_every_place_left(extractor):
    text = (
        "On Tuesday, Kurdish units pulled out of Tal Tamr and Ain Issa, and army units moved in "
        "behind them."
    )
    assert _moves(extractor, text) == ["Ain Issa", "Tal Tamr"]


def test_a_move_in_their_place_is_at_every_place_left(extractor):
    text = (
        "On Friday the SDF withdrew from Tabqa and Raqqa; government units deployed in their place."
    )
    assert _moves(extractor, text) == ["Raqqa", "Tabqa"]


def test_a_move_with_a_place_of_its_own_keeps_it(extractor):
    text = "On Friday the SDF withdrew from Tabqa and Raqqa; government units deployed in Hasakah."
    assert _moves(extractor, text) == ["Hasakah"]

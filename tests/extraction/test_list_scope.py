"""Places of the lists a sentence's act reaches (app/extraction/list_scope.py; sentences
written for these tests)."""

from tests.extraction.helpers import events


def test_a_second_object_of_the_same_strike_with_its_own_place_is_one_more_event(extractor):
    text = (
        "On Monday drones struck party bases in Koya and Degala and a party office in "
        "Penjwen, officials said."
    )
    assert [e[0] for e in events(extractor, text)] == ["drone_or_rocket_attack"] * 3


def test_a_place_said_of_the_first_object_alone_is_one_event(extractor):
    text = "On Sunday jets struck an ammunition depot near Khan Sheikhoun, rescuers said."
    assert [e[0] for e in events(extractor, text)] == ["airstrike"]


def test_an_area_naming_the_towns_of_it_is_no_event_of_its_own(extractor):
    text = "Artillery shelled the Eastern Ghouta towns of Douma, Harasta and Arbin on Tuesday."
    assert [e[1] for e in events(extractor, text)] == ["Douma", "Harasta", "Arbin"]


def test_an_area_then_towns_after_a_comma_gives_the_towns(extractor):
    text = "Jets pounded villages in Eastern Ghouta, Douma and Harasta, late on Tuesday."
    assert [e[1] for e in events(extractor, text)] == ["Douma", "Harasta"]


def test_an_area_alone_is_still_the_place(extractor):
    text = "Artillery shelled the Eastern Ghouta on Tuesday, monitors said."
    assert [e[1] for e in events(extractor, text)] == ["Eastern Ghouta"]

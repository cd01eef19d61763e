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

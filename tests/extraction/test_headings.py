"""Headings of situation-report items (app/extraction/headings.py) and where their events are."""

import pytest

from app.extraction.headings import heading_end
from tests.extraction.helpers import events


@pytest.mark.parametrize(
    ("sentence", "colon"),
    [
        ("Diyala: gunmen attacked a checkpoint.", 6),
        ("Iraq - Nineveh: a bomb exploded.", 14),
        ("Jisr al-Shughur (Idlib): jets struck the town.", 23),
        ("Deir ez-Zor countryside: clashes went on.", 23),
        ("The ministry said: troops will stay.", -1),
        ("Note: figures are provisional.", 4),
        ("At 10:30 a blast was heard.", -1),
    ],
)
def test_a_heading_is_names_before_a_colon(sentence, colon):
    assert heading_end(sentence) == colon


def test_the_item_own_place_wins_over_a_heading_naming_one_area(extractor):
    text = "Nineveh: gunmen attacked a police checkpoint in Tal Afar yesterday."
    assert [e[1] for e in events(extractor, text)] == ["Tal Afar"]


def test_a_heading_listing_places_keeps_them(extractor):
    text = "Tal Tamr, Ain Issa: Turkish artillery shelled both towns yesterday."
    assert [e[1] for e in events(extractor, text)] == ["Tal Tamr", "Ain Issa"]


def test_a_place_abroad_in_the_item_does_not_replace_the_heading(extractor):
    text = (
        "Idlib countryside: a Russian air strike hit a market yesterday, Ankara said, "
        "killing five civilians."
    )
    assert {e[2] for e in events(extractor, text)} == {"SY-ID"}


def test_a_far_namesake_under_a_heading_is_not_the_place_meant(extractor):
    # al-Hamidiyah in the gazetteer is a town of Tartus; the item is about Quneitra.
    text = "Quneitra: Israeli troops entered the village of al-Hamidiyah and detained a farmer."
    assert {e[2] for e in events(extractor, text)} == {"SY-QU"}


def test_a_heading_giving_its_day_after_a_comma_is_one_area(extractor):
    text = "Eastern Ghouta, Monday: jets bombed Douma and Saqba, killing six civilians."
    assert [e[1] for e in events(extractor, text)] == ["Douma", "Saqba"]


def test_the_towns_of_an_item_win_over_a_heading_area_named_as_a_site(extractor):
    text = "Eastern Ghouta: shells hit Douma and Saqba yesterday, killing four civilians."
    assert [e[1] for e in events(extractor, text)] == ["Douma", "Saqba"]


def test_a_road_named_for_a_town_in_the_item_does_not_replace_the_heading(extractor):
    text = "Shahba: gunmen clashed with a tribal force on Monday near the Damascus highway."
    assert {e[2] for e in events(extractor, text)} == {"SY-SU"}


def test_an_item_with_no_place_is_under_its_heading_line_not_the_item_before(extractor):
    text = (
        "KIRKUK\n"
        "- 10 Mar: Police fired tear gas at protesters blocking the road to the K1 base.\n\n"
        "SULAYMANIYAH\n"
        "- 12 Mar: Protesters stormed and burned the offices of a ruling party.\n"
    )
    assert [e[1] for e in events(extractor, text)] == ["K-1 Air Base", "Sulaymaniyah"]

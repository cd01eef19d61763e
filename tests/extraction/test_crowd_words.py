"""Crowds: tear gas and water cannon mean a demonstration was dispersed, burning tyres and
blocking roads are a protest when a crowd does it, storming buildings is a riot, crowds out to
celebrate are a demonstration (sentences written for these tests)."""

import datetime as dt

from tests.extraction.helpers import events

PUBLISHED = dt.date(2019, 11, 29)  # a Friday


def types(extractor, text):
    return [e[0] for e in events(extractor, text, PUBLISHED)]


def test_tear_gas_fired_at_a_crowd_is_a_protest(extractor):
    text = (
        "Police in Kut fired tear gas and water cannon on Wednesday at hundreds of teachers "
        "who had gathered outside the education directorate."
    )
    assert types(extractor, text) == ["protest"]


def test_live_rounds_and_tear_gas_with_deaths_stay_a_protest(extractor):
    text = (
        "- Thu 28 Nov, Baghdad: 3 killed near Sinak bridge as police used live rounds and tear gas."
    )
    assert types(extractor, text) == ["protest"]


def test_activists_blocking_roads_and_burning_tyres_protest(extractor):
    text = "Angry activists blocked the main roads into Diwaniyah on Monday and burned tyres."
    assert types(extractor, text) == ["protest"]


def test_militants_blocking_a_road_are_no_protest(extractor):
    text = "Islamic State fighters blocked the road between Kirkuk and Tikrit on Sunday."
    assert "protest" not in types(extractor, text)


def test_demonstrators_storming_government_buildings_riot(extractor):
    text = "In July 2018, demonstrators in Basra stormed government buildings over power cuts."
    assert types(extractor, text) == ["riot"]


def test_gunmen_storming_government_buildings_attack(extractor):
    text = "Gunmen stormed government buildings in Tikrit on Monday, killing four guards."
    assert "riot" not in types(extractor, text)


def test_celebrations_in_two_towns_are_two_demonstrations(extractor):
    text = "Celebrations broke out in Qamishli and Amuda late on Monday."
    assert types(extractor, text) == ["protest", "protest"]


def test_protesters_killed_by_gunmen_are_an_attack_on_them(extractor):
    text = "- 28 Nov: Three protesters were killed by gunmen in civilian clothes in Kut."
    assert types(extractor, text) == ["attack"]


def test_protesters_killed_by_the_police_stay_a_protest(extractor):
    text = "Three protesters were killed by riot police in Kut on Thursday."
    assert types(extractor, text) == ["protest"]


def test_gunmen_and_police_firing_together_stay_a_protest(extractor):
    text = (
        "Three protesters were killed when masked gunmen and security forces opened fire on a "
        "sit-in in Kut on Thursday."
    )
    assert types(extractor, text) == ["protest"]

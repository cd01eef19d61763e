"""The leader of an offensive stands behind its side's generic words (sentences written for
these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def test_rebels_in_the_late_2024_offensive_are_hts_too(extractor):
    text = "Rebel fighters stormed army positions on the edge of Hama on Wednesday, residents said."
    found = events(extractor, text, dt.date(2024, 12, 5))
    assert found, found
    assert found[0][3].get("HTS") == "actor"
    assert found[0][3].get("Syrian opposition factions") == "actor"


def test_rebels_of_another_year_are_not_hts(extractor):
    text = "Rebel fighters stormed army positions on the edge of Hama on Wednesday, residents said."
    found = events(extractor, text, dt.date(2016, 9, 1))
    assert found and "HTS" not in found[0][3], found


def test_rebels_beside_turkish_troops_in_syria_are_the_sna(extractor):
    text = "Turkish troops and allied rebels captured the village of Qabasin on Tuesday."
    found = events(extractor, text, dt.date(2017, 2, 2))
    assert found, found
    assert found[0][3].get("SNA") == "actor"


def test_rebels_backed_by_turkey_are_the_sna(extractor):
    text = "Syrian rebels backed by Turkey seized the town of Tal Abyad on Sunday, a monitor said."
    found = events(extractor, text, dt.date(2019, 10, 14))
    assert found, found
    assert found[0][3].get("SNA") == "actor"


def test_rebels_fighting_alone_are_not_the_sna(extractor):
    text = "Syrian rebels seized the town of Morek on Sunday, a monitor said."
    found = events(extractor, text, dt.date(2016, 10, 3))
    assert found and "SNA" not in found[0][3], found

"""Cities named by an epithet (app/extraction/epithets.py, data/lexicon/epithets.csv)."""

import pytest

from tests.extraction.helpers import events


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (
            "Soldiers and policemen pulled out of Iraq's second-largest city on Tuesday, "
            "witnesses said.",
            "Mosul",
        ),
        (
            "Rebel fighters shelled government positions inside Syria's third-largest city "
            "on Sunday.",
            "Homs",
        ),
        (
            "A drone struck an empty warehouse near the airport of the capital of the "
            "Kurdistan Region on Thursday night.",
            "Erbil",
        ),
        ("Two car bombs exploded in a market of the Iraqi capital on Monday.", "Baghdad"),
    ],
)
def test_an_epithet_places_the_event_in_its_city(extractor, text, city):
    assert [e[1] for e in events(extractor, text)] == [city]


def test_a_city_named_then_called_by_its_epithet_is_one_place(extractor):
    text = (
        "Gunmen attacked a checkpoint in Aleppo, Syria's second city, on Monday, and clashes "
        "with police went on until dawn."
    )
    assert {e[1] for e in events(extractor, text)} == {"Aleppo"}


def test_the_country_of_a_possessive_not_said_of_a_city_stays(extractor):
    text = "Turkish jets bombed targets in Iraq's northern mountains on Sunday."
    assert all(e[1] != "Mosul" for e in events(extractor, text))


def test_a_bad_epithet_row_is_named_with_its_line(tmp_path):
    from app.errors import GazetteerError
    from app.extraction.lexicon import read_epithets

    path = tmp_path / "epithets.csv"
    path.write_text("phrase,place,note\nIraq's (second city,Mosul,unbalanced\n")
    with pytest.raises(GazetteerError, match="epithets.csv:2: bad pattern"):
        read_epithets([path])
    path.write_text("phrase,place,note\nthe Iraqi capital,,no city\n")
    with pytest.raises(GazetteerError, match="epithets.csv:2"):
        read_epithets([path])

"""A place across the border that the report never goes to is a namesake at home."""

import datetime as dt

from app.extraction.report_input import ReportInput


def governorates(extractor, text):
    events = extractor.extract(ReportInput(text, dt.date(2017, 3, 30))).events
    return [e.properties.location.admin1 for e in events if e.properties.location is not None]


MOSUL = (
    "Federal police pushed deeper into the old city of Mosul on Monday, officers said. "
    "Snipers slowed the advance near Bab al-Tob and around the Nuri mosque. "
)
AFRIN = (
    "Turkish-backed fighters tightened their grip around Afrin on Monday. "
    "Thousands of residents fled towards Nubl and Zahraa overnight. "
)


def test_a_quarter_of_a_city_of_the_report_is_not_a_namesake_abroad(extractor):
    text = MOSUL + "On Tuesday a mortar round killed four civilians in Yarmouk."
    places = governorates(extractor, text)
    assert "SY-DI" not in places
    assert places[-1] == "IQ-NI"


def test_a_village_of_the_report_is_not_a_town_of_the_other_country(extractor):
    text = AFRIN + "On Tuesday clashes broke out near Mahmudiya, killing six fighters."
    places = governorates(extractor, text)
    assert "IQ-BG" not in places
    assert places[-1] == "SY-HL"


def test_a_report_that_names_the_other_country_keeps_its_place(extractor):
    text = AFRIN + "In Iraq, a bomb exploded in a market in Mahmudiya on Tuesday, killing six."
    assert governorates(extractor, text)[-1] == "IQ-BG"


def test_a_town_just_across_the_border_stays_there(extractor):
    text = (
        "Iraqi forces shelled positions near al-Qaim and Rawa on Monday. "
        "Militants moved into Akashat and the desert north of al-Qaim. "
        "On Tuesday a drone strike hit a convoy on the edge of Albu Kamal, killing five."
    )
    assert governorates(extractor, text)[-1] == "SY-DY"

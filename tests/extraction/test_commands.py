"""A regional command acts in its own area when its sentence names no other place."""

import datetime as dt

from app.extraction.report_input import ReportInput


def governorates(extractor, text):
    events = extractor.extract(ReportInput(text, dt.date(2023, 5, 14))).events
    return [e.properties.location.admin1 for e in events if e.properties.location is not None]


def test_a_police_command_places_its_arrests(extractor):
    text = (
        "Rival crowds clashed outside the provincial council in Erbil on Friday. "
        "The Kirkuk Police Command said on Saturday its officers detained nine suspects."
    )
    assert governorates(extractor, text)[-1] == "IQ-KI"


def test_an_operations_command_places_its_curfew(extractor):
    text = (
        "Protesters blocked the main road into Nasiriyah on Friday. "
        "The Basra Operations Command announced a curfew in the city on Saturday night."
    )
    assert governorates(extractor, text)[-1] == "IQ-BA"


def test_a_place_of_the_sentence_comes_first(extractor):
    text = "The Nineveh Operations Command said its forces detained four suspects in Tal Afar."
    events = extractor.extract(ReportInput(text, dt.date(2023, 5, 14))).events
    assert [e.properties.location.name for e in events] == ["Tal Afar"]

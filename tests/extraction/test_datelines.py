"""Datelines: where and when a report was filed, not its events' place or date (own sentences)."""

import datetime as dt

import pytest

from app.extraction.datelines import dateline_end
from app.extraction.report_input import ReportInput

THURSDAY = dt.date(2024, 3, 14)


def events(extractor, text, published=THURSDAY):
    return [e.properties for e in extractor.extract(ReportInput(text, published)).events]


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("MOSUL, Iraq - Gunmen", "MOSUL, Iraq - "),
        ("DEIR EZ-ZOR - Gunmen", "DEIR EZ-ZOR - "),
        ("HASAKAH, Syria, Mar 14 (wire) - Gunmen", "HASAKAH, Syria, Mar 14 (wire) - "),
        ("DUHOK, Kurdistan Region – Gunmen", "DUHOK, Kurdistan Region – "),
        ("TAMPA, Florida - On Monday", "TAMPA, Florida - "),
        ("ERBIL, Iraq/HASAKAH, Mar 14 - Gunmen", "ERBIL, Iraq/HASAKAH, Mar 14 - "),
    ],
)
def test_a_dateline_is_the_capitals_head_up_to_its_dash(text, head):
    assert text[: dateline_end(text)] == head


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed two shepherds near Hawija - police said.",
        "US-led coalition jets struck Hajin on Monday.",
        "Mosul - a city of two million - was quiet.",
    ],
)
def test_ordinary_openings_are_no_dateline(text):
    assert dateline_end(text) == 0


def test_the_event_is_where_the_sentence_says_not_where_it_was_filed(extractor):
    text = (
        "SULAIMANI, Kurdistan Region - Three Peshmerga were killed on Tuesday when militants "
        "attacked their post in the Kifri area, the ministry said."
    )
    (event,) = events(extractor, text)
    assert event.location.name == "Kifri"
    assert event.location.admin1 == "IQ-DI"


def test_a_second_filing_city_after_a_country_is_no_place_of_the_event(extractor):
    text = (
        "DUHOK, Iraq/RAQQA, Mar 14 - Gunmen stormed a police post in the town of Tal Abyad "
        "on Wednesday, killing three officers, the ministry said."
    )
    (event,) = events(extractor, text)
    assert event.location.admin1 == "SY-RA"
    assert event.location.name == "Tal Abyad"


def test_the_dateline_city_stays_the_place_when_the_sentence_names_no_other(extractor):
    text = "KIRKUK, Iraq - A car bomb exploded at a busy market on Tuesday, police said."
    (event,) = events(extractor, text)
    assert event.location.admin1 == "IQ-KI"


def test_the_filing_date_dates_no_event(extractor):
    # Filed on Thursday 14 March; the fighters "said on Wednesday" they had taken the town,
    # which happened some time before that, not on the day of the dateline.
    text = (
        "BEIRUT, Mar 14 (wire) - Kurdish-led fighters said on Wednesday they had captured "
        "the town of Tabqa from Islamic State."
    )
    (event,) = events(extractor, text)
    assert event.date_end == dt.date(2024, 3, 13)


def test_a_dateline_after_a_headline_counts_too(extractor):
    text = (
        "Three Peshmerga killed in night attack\n\n"
        "SULAIMANI, Kurdistan Region - Three Peshmerga were killed on Tuesday when militants "
        "attacked their post in the Kifri area, the ministry said."
    )
    (event,) = events(extractor, text)
    assert event.location.admin1 == "IQ-DI"


def test_a_dateline_yields_to_no_country_or_region(extractor):
    text = "QAMISHLI, Syria - Turkish drones struck targets across north-east Syria on Tuesday."
    (event,) = events(extractor, text)
    assert event.location.admin1 == "SY-HA"


def test_an_undated_item_falls_in_the_week_the_report_covers(extractor):
    text = (
        "Weekly notes - Nineveh and Anbar, 1-7 May 2024\n\n"
        "Police arrested a smuggler near Sinjar on 3 May.\n\n"
        "Border guards arrested two gunmen near the town of Rutba."
    )
    events = extractor.extract(ReportInput(text, dt.date(2024, 5, 10))).events
    rutba = [e.properties for e in events if e.properties.location.name == "Rutba"]
    assert rutba and (rutba[0].date, rutba[0].date_end) == (
        dt.date(2024, 5, 1),
        dt.date(2024, 5, 7),
    )


def test_this_week_in_a_weekly_note_is_the_week_it_covers(extractor):
    # Out on a Monday: the calendar week of publication would be that Monday alone.
    text = (
        "Anbar and Salahuddin summary, 6-10 May 2024\n\n"
        "Police arrested a smuggler near Rutba on 7 May.\n\n"
        "Army units massed near Baiji this week ahead of a sweep of the desert."
    )
    events = extractor.extract(ReportInput(text, dt.date(2024, 5, 13))).events
    baiji = [e.properties for e in events if e.properties.location.name == "Baiji"]
    assert baiji and (baiji[0].date, baiji[0].date_end) == (
        dt.date(2024, 5, 6),
        dt.date(2024, 5, 10),
    )


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Slemani - Gunmen shot dead a shop owner in the old market on Tuesday evening.", 10),
        ("Deir Ezzor, SANA - Army units repelled an attack on a checkpoint east of the city.", 19),
        # A header line (an office and its department) is no dateline.
        ("Kurdistan Region - Ministry of Interior\nPress release", 0),
    ],
)
def test_a_local_outlets_plain_case_dateline(text, head):
    assert dateline_end(text) == head


def test_a_plain_case_dateline_city_gives_way_to_the_sentence_place(extractor):
    text = (
        "Slemani - A truce was agreed on Saturday between rival militias in Tuz Khurmatu "
        "after two days of clashes, officials said."
    )
    found = {e.location.admin1 for e in events(extractor, text) if e.location is not None}
    assert found == {"IQ-SD"}, found

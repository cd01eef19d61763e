"""A daily note's heading day is what its items count from (app/extraction/daily_headings.py)."""

import datetime as dt

from app.extraction.daily_headings import heading_day
from app.extraction.report_input import ReportInput

PUB = dt.date(2024, 6, 12)  # a Wednesday


def test_a_heading_ending_with_a_day_names_the_notes_day():
    text = "Raqqa countryside, 10 June:\n\n- Gunmen shot dead a shepherd near Maadan."
    assert heading_day(text, PUB) == dt.date(2024, 6, 10)


def test_a_heading_with_a_weekday_names_the_notes_day():
    text = "Hasakah notes, Monday:\n\n- A mine wounded two boys near Tal Tamr."
    assert heading_day(text, PUB) == dt.date(2024, 6, 10)


def test_no_heading_day_for_a_bare_date_a_week_or_a_sentence():
    item = "\n\n- A mine wounded two boys near Tal Tamr."
    assert heading_day("10/06/2024" + item, PUB) is None
    assert heading_day("Weekly report, week ending 9 June" + item, PUB) is None
    assert heading_day("Gunmen shot dead a shepherd near Maadan on 10 June." + item, PUB) is None
    assert heading_day("Raqqa countryside, 12 June:" + item, PUB) is None  # the day published


def test_items_of_a_daily_note_count_from_its_day(extractor):
    text = (
        "Daraa notes, 10 June:\n\n"
        "- Unknown gunmen shot dead a former rebel commander in Tafas overnight.\n"
        "- A landmine killed a farmer near Nawa.\n"
    )
    found = {
        (e.properties.event_type, str(e.properties.date), str(e.properties.date_end))
        for e in extractor.extract(ReportInput(text, PUB)).events
    }
    assert ("attack", "2024-06-09", "2024-06-10") in found
    assert ("ied_explosion", "2024-06-10", "2024-06-10") in found

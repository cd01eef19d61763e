"""Examples of a series told with a date of their own (sentences written here)."""

import datetime as dt

from app.extraction.report_input import ReportInput

SUNDAY = dt.date(2024, 3, 10)


def _events(extractor, text):
    found = extractor.extract(ReportInput(text, SUNDAY)).events
    return {
        (e.properties.event_type, e.properties.date, e.properties.location.name)
        for e in found
        if e.properties.location is not None
    }


def test_an_example_with_its_own_day_is_an_event(extractor):
    text = (
        "A roadside bomb hit a patrol near Tarmiyah on Saturday. Armed factions have launched "
        "a series of rocket attacks on bases used by foreign troops, including the attack on "
        "Balad air base on 3 February."
    )
    found = _events(extractor, text)
    assert any(d == dt.date(2024, 2, 3) and place.startswith("Balad") for _, d, place in found)


def test_an_example_without_a_date_is_no_event(extractor):
    text = (
        "A roadside bomb hit a patrol near Tarmiyah on Saturday. Armed factions have launched "
        "a series of rocket attacks on bases used by foreign troops, including the attack on "
        "Balad air base."
    )
    found = _events(extractor, text)
    assert not any(place.startswith("Balad") for _, _, place in found)


def test_an_example_of_people_is_no_event(extractor):
    text = (
        "A roadside bomb hit a patrol near Tarmiyah on Saturday, killing five men, among "
        "them two officers who had been deployed in Balad on 3 February."
    )
    found = _events(extractor, text)
    assert not any(d == dt.date(2024, 2, 3) for _, d, _ in found)

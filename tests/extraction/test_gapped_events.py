"""A sentence that names only places and a date after an event tells the same kind of event
again (app/extraction/gapped_events.py), read through the pipeline."""

import datetime as dt

from app.extraction.report_input import ReportInput
from tests.extraction.helpers import events


def test_a_town_that_followed_on_a_later_day_is_a_second_event(extractor):
    text = (
        "Government troops captured the town of Saraqib in Idlib province on 3 March after "
        "a week of fighting, a war monitor said. Kafranbel followed on 9 March."
    )
    found = events(extractor, text, dt.date(2019, 4, 10))
    assert [(e[0], e[1]) for e in found] == [
        ("armed_clash", "Saraqib"),
        ("armed_clash", "Kafr Nabl"),
    ]
    assert "Syrian government forces" in found[1][3]


def test_two_towns_that_followed_are_one_event_each(extractor):
    text = (
        "Rebel fighters in the town of Harasta withdrew on 22 March under a deal with the "
        "government. Zamalka and Arbin followed in April."
    )
    found = [(e[0], e[1]) for e in events(extractor, text, dt.date(2018, 6, 1))]
    assert ("troop_withdrawal", "Zamalka") in found
    assert ("troop_withdrawal", "Arbin") in found


def test_a_town_that_followed_takes_its_date(extractor):
    text = (
        "Government troops captured the town of Saraqib in Idlib province on 3 March after "
        "a week of fighting, a war monitor said. Kafranbel followed on 9 March."
    )
    feature = [
        f
        for f in extractor.extract(ReportInput(text, dt.date(2019, 4, 10))).events
        if f.properties.location and f.properties.location.name == "Kafr Nabl"
    ]
    assert [f.properties.date for f in feature] == [dt.date(2019, 3, 9)]


def test_a_lull_that_followed_is_no_event(extractor):
    text = (
        "Government troops captured the town of Saraqib in Idlib province on 3 March after "
        "a week of fighting, a war monitor said. A lull followed on 9 March."
    )
    assert len(events(extractor, text, dt.date(2019, 4, 10))) == 1


def test_a_town_that_followed_long_after_the_event_is_no_event(extractor):
    text = (
        "Government troops captured the town of Saraqib in Idlib province on 3 March. "
        "Residents said the bakeries had been closed for weeks. "
        "The council asked for aid to reach the displaced. "
        "Kafranbel followed on 9 March."
    )
    found = [(e[0], e[1]) for e in events(extractor, text, dt.date(2019, 4, 10))]
    assert ("armed_clash", "Kafr Nabl") not in found


def test_a_town_that_followed_goes_the_way_of_the_main_clause(extractor):
    text = (
        "Rebels seized Saraqib on 3 March after government troops withdrew. "
        "Kafranbel followed on 9 March after two days of heavy fighting."
    )
    found = [(e[0], e[1]) for e in events(extractor, text, dt.date(2019, 4, 10))]
    assert ("armed_clash", "Kafr Nabl") in found
    assert ("troop_withdrawal", "Kafr Nabl") not in found


def test_a_later_gapped_clause_with_its_own_day_is_one_more_event(extractor):
    text = (
        "Rebels seized Saraqib on 28 November, a monitor said. Maarat al-Numan followed on "
        "2 December and Khan Shaykhun on Saturday night."
    )
    found = extractor.extract(ReportInput(text, dt.date(2022, 12, 12))).events
    placed = sorted(
        (f.properties.location.name, f.properties.date)
        for f in found
        if f.properties.location is not None
    )
    assert ("Khan Shaykhun", dt.date(2022, 12, 10)) in placed
    assert ("Maarat al-Numan", dt.date(2022, 12, 2)) in placed


def test_a_weekday_after_and_is_no_gapped_clause(extractor):
    text = (
        "Rebels seized Saraqib on 28 November, a monitor said. Maarat al-Numan followed on "
        "Monday and Tuesday."
    )
    found = events(extractor, text, dt.date(2022, 12, 12))
    assert [e[1] for e in found] == ["Saraqib", "Maarat al-Numan"]


def test_a_gapped_clause_after_a_comma_is_one_more_town_taken(extractor):
    text = (
        "Kafr Nabudah, the largest town in the area, fell on 26 May after weeks of shelling, "
        "and Qalaat al-Madiq on 9 June."
    )
    found = {(e[0], e[1]) for e in events(extractor, text, dt.date(2019, 6, 20))}
    assert ("armed_clash", "Kafr Nabudah") in found
    assert ("armed_clash", "Qalaat al-Madiq") in found


def test_a_place_listed_with_its_own_date_is_not_told_twice(extractor):
    text = "Rebels took Kafr Nabudah on 26 May, and Qalaat al-Madiq on 9 June."
    found = [e[1] for e in events(extractor, text, dt.date(2019, 6, 20))]
    assert found.count("Qalaat al-Madiq") == 1

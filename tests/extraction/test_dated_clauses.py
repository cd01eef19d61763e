"""A later clause with a date of its own tells an occurrence of its own
(app/extraction/dated_clauses.py), read through the pipeline."""

import datetime as dt

from app.extraction.report_input import ReportInput
from tests.extraction.helpers import events


def test_a_rocket_and_an_air_strike_on_other_days_are_two_events(extractor):
    text = (
        "On 3 May, three rockets landed inside Camp Taji without causing damage, and on 19 May "
        "a US air strike near Jurf al-Sakhar destroyed a militia depot."
    )
    found = sorted((e[0], e[1]) for e in events(extractor, text, dt.date(2024, 5, 25)))
    assert ("airstrike", "Jurf al-Sakhar") in found
    assert len(found) == 2


def test_a_strike_in_another_month_is_a_second_strike(extractor):
    text = (
        "In March 2021 a Turkish drone hit a car near Sinune, killing two fighters, and in "
        "October 2022 a strike killed three commanders near Khanasor."
    )
    found = events(extractor, text, dt.date(2023, 1, 10))
    assert len(found) == 2


def test_fighting_that_lasted_until_a_later_day_is_no_second_event(extractor):
    text = (
        "Sadrist supporters stormed the governorate building in Kut on 2 March; armed clashes "
        "with police and militia units in the city centre continued until midday 4 March."
    )
    assert [e[0] for e in events(extractor, text, dt.date(2024, 3, 14))] == ["riot"]


def test_a_toll_since_a_day_is_no_second_event(extractor):
    text = (
        "Rebels stormed the village of Tal Sousin on 4 June; at least 40 fighters killed "
        "since Friday."
    )
    assert len(events(extractor, text, dt.date(2024, 6, 9))) == 1


def test_protests_spreading_before_a_dated_storming_elsewhere_are_read(extractor):
    text = (
        "Demonstrations spread in early May to Kut and Diwaniyah and to Basra, where "
        "protesters stormed the provincial council on 9 May."
    )
    found = sorted((e[0], e[1]) for e in events(extractor, text, dt.date(2024, 5, 20)))
    assert [t for t, _ in found].count("protest") == 2


def test_a_dated_strike_prompting_strikes_on_a_later_day_is_two_events(extractor):
    text = (
        "The truce broke down on 9 March, when a rocket attack on the Harir base killed two "
        "contractors, prompting Turkish air strikes on Sinjar in late March."
    )
    found = {
        (e.properties.event_type, str(e.properties.date))
        for e in extractor.extract(ReportInput(text, dt.date(2024, 4, 2))).events
    }
    assert ("drone_or_rocket_attack", "2024-03-09") in found
    assert ("airstrike", "2024-03-21") in found


def test_the_dated_deed_a_strike_answers_is_an_event_of_its_own(extractor):
    text = (
        "Turkish jets bombed PKK positions near Zakho on Monday in retaliation for a rocket "
        "attack on a Turkish base in Bamerni two weeks ago."
    )
    found = {
        (e.properties.event_type, str(e.properties.date), str(e.properties.date_end))
        for e in extractor.extract(ReportInput(text, dt.date(2024, 5, 15))).events
    }
    assert found == {
        ("airstrike", "2024-05-13", "2024-05-13"),
        ("drone_or_rocket_attack", "2024-04-28", "2024-05-04"),
    }


def test_the_when_clause_after_a_since_date_is_an_event_of_that_date(extractor):
    text = (
        "Tuesday's attack was the deadliest in the province since April, when a bomb at a busy "
        "market in Tuz Khurmatu killed more than 20 people."
    )
    found = {
        (str(e.properties.date), str(e.properties.date_end))
        for e in extractor.extract(ReportInput(text, dt.date(2024, 6, 12))).events
    }
    assert ("2024-04-01", "2024-04-30") in found


def test_a_taking_with_its_own_recent_day_inside_a_release_is_an_event(extractor):
    text = (
        "A shopkeeper who was kidnapped in Dael on Sunday was released on Tuesday after his "
        "family paid a ransom."
    )
    found = sorted((e[0], e[1]) for e in events(extractor, text, dt.date(2022, 5, 10)))
    assert found == [("kidnapping", "Dael"), ("prisoner_release", "Dael")]


def test_a_taking_long_before_the_release_stays_background(extractor):
    text = (
        "A doctor who was abducted in Tikrit more than two years ago was released on Tuesday, his "
        "family said."
    )
    found = [e[0] for e in events(extractor, text, dt.date(2022, 5, 10))]
    assert "kidnapping" not in found


def test_a_taking_in_a_sentence_with_no_release_stays_background(extractor):
    text = (
        "Activists blocked roads in Nasiriyah on Monday, demanding news of a colleague who "
        "was abducted on Saturday."
    )
    found = [e[0] for e in events(extractor, text, dt.date(2022, 5, 10))]
    assert "kidnapping" not in found


def test_a_clause_dated_days_after_the_first_tells_a_second_event(extractor):
    text = (
        "On 4 March 2023 a rocket hit the K1 base near Kirkuk, wounding two guards, and two "
        "days later US jets struck a militia depot near Jurf al-Sakhar."
    )
    found = {e[0] for e in events(extractor, text, dt.date(2023, 5, 1))}
    assert "airstrike" in found
    assert "drone_or_rocket_attack" in found


def test_a_clause_after_though_with_its_own_day_is_a_second_event(extractor):
    text = "On 3 May 2023 a rocket hit the K1 base near Kirkuk, though on 9 May a drone hit Harir."
    assert len(events(extractor, text, dt.date(2023, 6, 1))) == 2


def test_each_dated_clause_keeps_the_place_it_names(extractor):
    text = (
        "Baiji, a refinery town north of Tikrit, was recaptured from the militants in October "
        "2015, and Haditha on the Euphrates fell to the army on 3 November 2016."
    )
    found = {(e[0], e[1]) for e in events(extractor, text, dt.date(2017, 1, 10))}
    assert ("armed_clash", "Baiji") in found
    assert ("armed_clash", "Haditha") in found


def test_a_named_side_taking_back_a_town_on_a_later_day_is_a_second_event(extractor):
    text = (
        "Clan fighters stormed SDF positions in Diban on Tuesday; the SDF recaptured Diban on "
        "Friday."
    )
    found = sorted((e[0], e[1]) for e in events(extractor, text, dt.date(2024, 5, 25)))
    assert found == [("armed_clash", "Dhiban"), ("armed_clash", "Dhiban")]

"""References to earlier events that are events of their own (sentences written here)."""

import datetime as dt

from app.extraction.report_input import ReportInput

SUNDAY = dt.date(2024, 3, 10)


def _dated(extractor, text):
    found = extractor.extract(ReportInput(text, SUNDAY)).events
    return {(e.properties.event_type, e.properties.date) for e in found}


def test_the_day_a_state_began_with_is_an_event_of_that_day(extractor):
    text = "Kirkuk remains tense after 2 March, when gunmen shot dead two policemen there."
    assert ("attack", dt.date(2024, 3, 2)) in _dated(extractor, text)


def test_a_strike_named_days_after_a_dated_event_is_one_of_its_own_day(extractor):
    text = "The army moved tanks into Tabqa on 6 March, three days after air strikes on Raqqa."
    assert ("airstrike", dt.date(2024, 3, 3)) in _dated(extractor, text)


def test_a_strike_named_days_after_an_undated_event_is_a_reference(extractor):
    text = "The army moved tanks into Tabqa, three days after air strikes on Raqqa."
    assert "airstrike" not in {t for t, _ in _dated(extractor, text)}


def test_a_blast_named_hours_after_a_dated_event_is_one_of_that_day(extractor):
    text = (
        "Troops closed the roads into Tikrit on 6 March, hours after a car bomb exploded in Baiji."
    )
    assert ("ied_explosion", dt.date(2024, 3, 6)) in _dated(extractor, text)


def test_an_event_planned_for_a_day_to_come_is_no_event_of_that_day(extractor):
    text = (
        "- 8 Mar: Riot police took up positions in Habboubi Square ahead of a large rally "
        "planned for 21 March."
    )
    found = _dated(extractor, text)
    assert ("troop_deployment", dt.date(2024, 3, 8)) in found
    assert not any(t == "protest" for t, _ in found)
    assert all(d == dt.date(2024, 3, 8) for _, d in found)


def test_an_attack_responded_to_the_previous_night_is_one_of_the_day_before(extractor):
    text = (
        "Turkish drones struck a car near Qamishli on Saturday, killing two men. Ankara said "
        "its forces were responding to a rocket fired at one of its bases near Jarablus the "
        "previous night."
    )
    assert ("drone_or_rocket_attack", dt.date(2024, 3, 8)) in _dated(extractor, text)


def test_a_clash_since_which_a_month_is_named_is_an_event_of_that_month(extractor):
    text = (
        "Gunmen shot dead a policeman in Baiji on Friday. It was the worst loss for the town "
        "since militants overran Tuz Khurmatu last October."
    )
    assert ("armed_clash", dt.date(2023, 10, 1)) in _dated(extractor, text)


def test_a_clash_since_last_month_stays_a_reference(extractor):
    text = (
        "Gunmen shot dead a policeman in Baiji on Friday. It was the worst loss for the town "
        "since militants overran Tuz Khurmatu last month."
    )
    assert "armed_clash" not in {t for t, _ in _dated(extractor, text)}


def test_a_relative_clause_with_a_month_named_is_an_event_of_that_month(extractor):
    text = (
        "A bomb killed two soldiers near Tuz Khurmatu on Friday. About 300 Iranian advisers "
        "are based at a camp near Amerli, who were deployed there in November."
    )
    assert ("troop_deployment", dt.date(2023, 11, 1)) in _dated(extractor, text)


def test_a_relative_clause_with_last_month_is_no_event(extractor):
    text = (
        "A bomb killed two soldiers near Tuz Khurmatu on Friday. About 300 Iranian advisers "
        "are based at a camp near Amerli, who were deployed there last month."
    )
    assert "troop_deployment" not in {t for t, _ in _dated(extractor, text)}


def test_a_dated_strike_elsewhere_is_no_repeat_of_that_days_raids(extractor):
    text = (
        "Russian warplanes have pounded villages around Maarat al-Numan since Thursday. "
        "The escalation came hours after a drone attack on a parade at the army base in Hama "
        "on Thursday, in which 30 officers were killed."
    )
    found = extractor.extract(ReportInput(text, SUNDAY)).events
    places = {e.properties.location.name for e in found if e.properties.location is not None}
    assert any(name.startswith(("Hama", "Ḩamāh")) for name in places)


def test_an_attack_a_link_sentence_counts_back_from_is_one_of_that_day(extractor):
    # The subject ("The raid") names again the strike told with its day two sentences before.
    text = (
        "US jets bombed a militia depot near al-Qaim on Friday. Four guards were wounded. "
        "The raid came two days after militants fired rockets at Erbil airport."
    )
    found = _dated(extractor, text)
    assert ("airstrike", dt.date(2024, 3, 8)) in found
    assert ("drone_or_rocket_attack", dt.date(2024, 3, 6)) in found


def test_a_link_sentence_with_a_day_of_its_own_counts_from_that_day(extractor):
    text = (
        "US jets bombed a militia depot near al-Qaim on Friday. The raid came after talks "
        "failed on 5 March, a day after militants fired rockets at Erbil airport."
    )
    assert ("drone_or_rocket_attack", dt.date(2024, 3, 6)) not in _dated(extractor, text)


def test_a_link_sentence_after_an_undated_event_dates_nothing_back(extractor):
    text = (
        "US jets have bombed militia depots near al-Qaim. "
        "The raids came two days after militants fired rockets at Erbil airport."
    )
    dated = {d for t, d in _dated(extractor, text) if t == "drone_or_rocket_attack"}
    assert dt.date(2024, 3, 8) not in dated and dt.date(2024, 3, 6) not in dated


def test_it_as_the_link_subject_names_the_event_just_told(extractor):
    text = (
        "US jets bombed a militia depot near al-Qaim on Friday. "
        "It came a day after militants fired rockets at Erbil airport."
    )
    assert ("drone_or_rocket_attack", dt.date(2024, 3, 7)) in _dated(extractor, text)

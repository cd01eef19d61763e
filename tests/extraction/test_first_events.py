"""Sentences that used to give no event at all (issue 9, recall of first events; sentences
written here): an event told before a claim's clause, a day's raid of dozens of strikes, a
background event whose own date follows an aside about the place, and one of another kind
than an event drafted on the same day."""

import copy
import datetime as dt

import pytest

from app.extraction.report_input import ReportInput

THURSDAY = dt.date(2024, 3, 14)


def _events(extractor, text, published=THURSDAY):
    found = extractor.extract(ReportInput(text, published)).events
    return [e.properties for e in found]


def _kinds(extractor, text, published=THURSDAY):
    return {(p.event_type, p.date) for p in _events(extractor, text, published)}


def test_an_event_told_before_a_claim_in_the_same_sentence_is_drafted(extractor):
    text = (
        "A roadside bomb struck an army vehicle near Tikrit on Tuesday, wounding three "
        "soldiers; Islamic State claimed the attack on its Amaq channel."
    )
    assert ("ied_explosion", dt.date(2024, 3, 12)) in _kinds(extractor, text)


def test_the_claimant_of_an_event_told_in_its_own_sentence_is_its_actor(extractor):
    text = (
        "A roadside bomb struck an army vehicle near Tikrit on Tuesday, wounding three "
        "soldiers; Islamic State claimed the attack on its Amaq channel."
    )
    (bomb,) = [p for p in _events(extractor, text) if p.event_type == "ied_explosion"]
    assert "ISIS" in {a.name for a in bomb.actors if a.role == "actor"}


def test_a_claim_alone_still_refers_to_the_event_told_before(extractor):
    text = (
        "A roadside bomb struck an army vehicle near Tikrit on Tuesday. "
        "Islamic State claimed the attack on its Amaq channel; nobody else did."
    )
    assert [p.event_type for p in _events(extractor, text)] == ["ied_explosion"]


def test_dozens_of_strikes_carried_out_on_a_day_are_that_days_raid(extractor):
    text = (
        "Russian jets carried out dozens of strikes on the hills west of Palmyra on "
        "Tuesday, the defence ministry said."
    )
    assert ("airstrike", dt.date(2024, 3, 12)) in _kinds(extractor, text)


def test_hundreds_of_strikes_carried_out_on_a_day_are_that_days_raid(extractor):
    text = (
        "Turkish jets carried out hundreds of strikes across the Qandil area on "
        "Tuesday, hitting caves and depots, the ministry said."
    )
    assert ("airstrike", dt.date(2024, 3, 12)) in _kinds(extractor, text)


def test_thousands_of_strikes_are_a_campaigns_tally(extractor):
    text = "Coalition jets carried out thousands of strikes on the Euphrates valley."
    assert "airstrike" not in {t for t, _ in _kinds(extractor, text)}


def test_dozens_of_strikes_as_a_tally_are_still_no_event(extractor):
    text = "Russian jets have carried out dozens of strikes on the hills west of Palmyra."
    assert "airstrike" not in {t for t, _ in _kinds(extractor, text)}


def test_a_background_event_dated_after_an_aside_about_its_place(extractor):
    text = (
        "US jets struck militia depots near Qaim on Thursday. The strikes were a response "
        "to the drone attack on Harir, a small base north of Erbil used by coalition "
        "advisers, on 2 February, which wounded two soldiers."
    )
    assert ("drone_or_rocket_attack", dt.date(2024, 2, 2)) in _kinds(extractor, text)


def test_a_background_event_of_another_kind_than_the_days_event(extractor):
    text = (
        "Turkish jets struck PKK positions near Zakho on Tuesday. The escalation came "
        "hours after a roadside bomb attack on a Turkish convoy near Amadiya on Tuesday, "
        "in which two soldiers were killed."
    )
    kinds = _kinds(extractor, text)
    assert ("airstrike", dt.date(2024, 3, 12)) in kinds
    assert ("ied_explosion", dt.date(2024, 3, 12)) in kinds


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Local officials said fighting was continuing around Tal Afar on Tuesday.", "armed_clash"),
        (
            "Karbala: a local radio presenter, shot twice in the head outside his home on "
            "Tuesday night; in hospital.",
            "attack",
        ),
        ("- Strikes were also recorded on Khan Shaykhun on Tuesday.", "airstrike"),
        ("On Tuesday the Peshmerga evacuated positions near Bashiqa.", "troop_withdrawal"),
        (
            "The coalition handed the Qayyarah air base to the Iraqi army on Tuesday.",
            "troop_withdrawal",
        ),
        (
            "Three farmers were hurt near Kafr Nabl on Tuesday by a shell fired at their field.",
            "drone_or_rocket_attack",
        ),
        (
            "Hawija: on Tuesday a fire destroyed some 80 dunams of barley in villages west "
            "of Hawija.",
            "insurgent_activity",
        ),
    ],
)
def test_a_sentence_with_a_new_trigger_phrase_gives_its_event(extractor, text, event_type):
    rules = copy.copy(extractor)
    rules.learned = None  # the lexicon row alone, without the learned classifier
    assert event_type in {t for t, _ in _kinds(rules, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot dead a protest organiser in Nasiriyah on Tuesday, police said.",
        "Gunmen shot dead a schoolteacher in Basra on Tuesday, the latest in a string of "
        "attacks on figures of the protest movement.",
    ],
)
def test_protest_people_named_as_victims_leave_the_killing_an_attack(extractor, text):
    assert ("attack", dt.date(2024, 3, 12)) in _kinds(extractor, text)


def test_a_protest_movement_that_erupted_is_still_a_protest(extractor):
    text = "The protest movement erupted in Baghdad on Tuesday, when crowds filled the square."
    assert "protest" in {t for t, _ in _kinds(extractor, text)}


def test_a_country_wide_raid_is_no_summary_of_a_raid_in_another_country(extractor):
    text = (
        "Turkish warplanes struck PKK positions across northern Iraq on Tuesday. Later that "
        "day Turkish jets also bombed a village near Qamishli."
    )
    found = {(p.event_type, p.location.country) for p in _events(extractor, text) if p.location}
    assert {("airstrike", "IQ"), ("airstrike", "SY")} <= found


def test_a_country_wide_raid_still_sums_up_raids_on_its_own_towns(extractor):
    text = (
        "Turkish warplanes struck PKK positions across northern Iraq on Tuesday. Turkish jets "
        "bombed a village near Amadiya and a hill outside Zakho."
    )
    found = [p for p in _events(extractor, text) if p.event_type == "airstrike"]
    assert found
    assert all(p.location is not None and p.location.admin1 for p in found)


def test_a_patrol_that_took_place_is_a_movement(extractor):
    rules = copy.copy(extractor)
    rules.learned = None
    text = (
        "The second joint Russian-Turkish patrol took place on Tuesday west of Amuda, with "
        "armoured vehicles of both armies."
    )
    assert "movement" in {p.category for p in _events(rules, text)}


def test_a_run_that_is_how_an_act_was_done_is_that_days_event(extractor):
    text = (
        "The army opened its push on Tal Afar on Tuesday with a wave of air strikes on the "
        "western districts."
    )
    assert ("airstrike", dt.date(2024, 3, 12)) in _kinds(extractor, text)


def test_a_string_of_car_bombs_that_tore_through_lines_is_an_event(extractor):
    text = (
        "A string of three suicide car bombs tore through army lines east of Ramadi on "
        "Tuesday, killing nine soldiers."
    )
    assert ("suicide_bombing", dt.date(2024, 3, 12)) in _kinds(extractor, text)


def test_a_string_of_attacks_in_background_is_still_no_event(extractor):
    text = "Police in Basra have been on edge since a string of car bombings last year."
    assert "ied_explosion" not in {t for t, _ in _kinds(extractor, text)}


def test_a_violent_word_told_before_a_series_reference_is_the_event(extractor):
    rules = copy.copy(extractor)
    rules.learned = None
    text = (
        "Two shepherds were killed on Tuesday when a drone hit their truck near Makhmour, "
        "the latest in a series of Turkish strikes in the area."
    )
    found = {(p.category, p.date) for p in _events(rules, text)}
    assert ("security_incident", dt.date(2024, 3, 12)) in found


def test_an_event_named_again_before_a_series_reference_is_no_event(extractor):
    rules = copy.copy(extractor)
    rules.learned = None
    text = (
        "The attack on the Khurmala field follows a series of drone strikes on oil fields "
        "near Erbil."
    )
    assert not _events(rules, text)

"""Dates counted from a thing the report told before (app/extraction/event_anchors.py)."""

import datetime as dt

from app.extraction.dates import find_dates
from app.extraction.event_anchors import anchored
from app.extraction.report_input import ReportInput
from app.extraction.text import split_sentences

WEDNESDAY = dt.date(2024, 5, 15)


def dated(extractor, text, published=WEDNESDAY):
    """(type, place, first day, last day) of each event."""
    return [
        (p.event_type, p.location.name if p.location else None, p.date, p.date_end)
        for p in (e.properties for e in extractor.extract(ReportInput(text, published)).events)
    ]


def anchored_dates(text, published=WEDNESDAY):
    """The dates of each sentence after the look-up, as (text, first, role)."""
    sentences = split_sentences(text)
    dates = {s.index: find_dates(s.text, published, s.start) for s in sentences}
    anchored(sentences, dates)
    return [[(d.text, d.first, d.role) for d in dates[s.index]] for s in sentences]


def test_hours_after_a_vote_told_before_is_the_day_of_the_vote(extractor):
    text = (
        "The provincial council voted on Monday to close the border crossing.\n\n"
        "Hours after the vote, two rockets struck the Green Zone in Baghdad."
    )
    rockets = [e for e in dated(extractor, text) if e[0] == "drone_or_rocket_attack"]
    assert [e[2:] for e in rockets] == [(dt.date(2024, 5, 13), dt.date(2024, 5, 13))]


def test_a_day_after_an_agreement_counts_on_from_its_day():
    text = (
        "The two sides signed an agreement on 9 May in Erbil. "
        "A day after the agreement, fighters left the hills near Sinjar."
    )
    assert ("A day after the agreement", dt.date(2024, 5, 10), "event") in anchored_dates(text)[1]


def test_the_first_day_of_an_offensive_is_the_day_it_was_launched(extractor):
    text = (
        "Turkey launched its offensive on 2 May against Kurdish fighters.\n\n"
        "Turkish jets bombed Tal Abyad on the first day, and allied rebels captured Suluk "
        "on 6 May."
    )
    strikes = [e for e in dated(extractor, text) if e[0] == "airstrike"]
    assert strikes and strikes[0][2] == dt.date(2024, 5, 2)


def test_a_thing_the_report_never_dates_keeps_the_usual_reading():
    text = "Police made arrests in Kirkuk. Hours after the raid, a bomb went off in the city."
    assert [d[0] for d in anchored_dates(text)[1]] == ["Hours after"]
    assert anchored_dates(text)[1][0][2] == "follow"


def test_the_start_of_something_is_no_thing_to_look_up():
    text = "Fighting began on Monday in Hasakah. Hours after the start, jets struck the city."
    assert anchored_dates(text)[1][0][2] == "follow"


def test_a_date_far_from_the_thing_named_is_not_its_date():
    text = (
        "On Monday, officials in Baghdad met tribal leaders from the western desert and the "
        "north of the country to discuss the coming vote. Hours after the vote, gunmen fired "
        "on a polling station."
    )
    assert anchored_dates(text)[1][0][2] == "follow"


def test_hours_later_counts_from_the_day_told_when_no_event_came_before(extractor):
    text = (
        "Parliament met on Monday to debate the budget.\n\n"
        "Hours later, a roadside bomb exploded near a police patrol in Kirkuk."
    )
    found = dated(extractor, text)
    assert [e[2:] for e in found] == [(dt.date(2024, 5, 13), dt.date(2024, 5, 13))]


def test_a_day_later_counts_from_the_day_told_after_the_last_event(extractor):
    # The stabbing of 3 May is told in a clause no event is read from; "a day later" counts
    # from it, not from the Tuesday march drafted before.
    text = (
        "Thousands of demonstrators marched in Basra on Tuesday.\n\n"
        "The march followed the death of a local teacher, who died in hospital on 3 May. "
        "Her family has asked for an inquiry. "
        "A day later, gunmen shot and wounded a lawyer in Amarah."
    )
    shootings = [e for e in dated(extractor, text) if e[0] == "attack"]
    assert [e[2:] for e in shootings] == [(dt.date(2024, 5, 4), dt.date(2024, 5, 4))]


def test_a_day_earlier_dates_every_event_of_its_sentence_alike(extractor):
    text = (
        "On Monday, gunmen abducted two drivers near Rutba.\n\n"
        "A day earlier, soldiers killed three militants and arrested a fourth in a raid "
        "near Haditha."
    )
    events = dated(extractor, text)
    sunday = dt.date(2024, 5, 12)
    raid = [e[2:] for e in events if e[0] in ("armed_clash", "arrest")]
    assert raid and set(raid) == {(sunday, sunday)}


def test_within_a_day_is_the_day_after_the_event_told_before(extractor):
    text = (
        "Police detained a tribal leader in Kirkuk on Saturday.\n\n"
        "Within a day, his supporters had attacked two police posts in Hawija."
    )
    posts = [e[2:] for e in dated(extractor, text) if e[0] in ("armed_clash", "attack")]
    sunday = dt.date(2024, 5, 12)
    assert posts and set(posts) == {(sunday, sunday)}

"""Which clause a date belongs to (app/extraction/date_clauses.py), read through the pipeline."""

import datetime as dt

from app.extraction.date_clauses import since_before
from app.extraction.dates import DateMention
from app.extraction.report_input import ReportInput

WEDNESDAY = dt.date(2024, 5, 15)


def dated(extractor, text, published=WEDNESDAY):
    """(type, place, first day, last day) of each event."""
    return [
        (p.event_type, p.location.name if p.location else None, p.date, p.date_end)
        for p in (e.properties for e in extractor.extract(ReportInput(text, published)).events)
    ]


def day(text, when, start=0):
    """A day mention at ``start``."""
    return DateMention(start, start + len(text), text, when, when, "day", "event")


def test_a_date_in_a_relative_clause_dates_that_clause_only(extractor):
    text = (
        "Hours after the talks, troops reached the Yarubiyah crossing, which militants had "
        "seized in March 2019, a monitor said."
    )
    found = [e for e in dated(extractor, text) if e[0] == "troop_deployment"]
    assert found and all(e[2] >= dt.date(2024, 5, 8) for e in found)


def test_a_relative_clause_telling_when_the_thing_began_still_dates_it(extractor):
    text = (
        "Clashes between two clans in Mayadin, which began on Sunday, ended on Tuesday "
        "after tribal elders intervened."
    )
    clashes = [e for e in dated(extractor, text) if e[0] == "armed_clash"]
    assert clashes and clashes[0][2] == dt.date(2024, 5, 12)


def test_by_a_day_is_that_day_or_the_one_before(extractor):
    text = "Kurdish fighters had captured the town of Manbij by Tuesday, a commander said."
    found = dated(extractor, text)
    assert found and found[0][2:] == (dt.date(2024, 5, 13), dt.date(2024, 5, 14))


def test_by_a_day_spans_back_to_a_day_said_before_it():
    began, cleared = day("2 May", dt.date(2024, 5, 2)), day("by 5 May", dt.date(2024, 5, 5), 40)
    assert since_before([began, cleared], cleared) == dt.date(2024, 5, 2)
    far = day("1 April", dt.date(2024, 4, 1))
    assert since_before([far, cleared], cleared) == dt.date(2024, 5, 4)


def test_a_date_after_and_belongs_to_the_verb_it_follows(extractor):
    text = (
        "Iraqi forces declared the eastern bank of Mosul cleared on 3 May and opened their "
        "assault on the old city on 9 May."
    )
    found = dated(extractor, text)
    assert any(e[2] == dt.date(2024, 5, 9) for e in found)


def test_an_item_date_stops_at_a_clause_that_moves_on(extractor):
    text = (
        "Ground troops and allied factions advanced through the border districts during March, "
        "capturing Rajo and Bulbul, before pushing into the Jinderes plain in early April."
    )
    bulbul = [e for e in dated(extractor, text) if e[1] == "Bulbul"]
    assert bulbul and bulbul[0][2:] == (dt.date(2024, 3, 1), dt.date(2024, 3, 31))


def test_going_on_with_a_campaign_begun_earlier_spans_from_its_first_day(extractor):
    text = (
        "Police continued on Tuesday the sweep launched on Monday in the Hay al-Askari "
        "district of Mosul, arresting 12 suspects."
    )
    arrests = [e for e in dated(extractor, text) if e[0] == "arrest"]
    assert arrests and arrests[0][2:] == (dt.date(2024, 5, 13), dt.date(2024, 5, 14))


def test_a_date_a_superlative_measures_against_is_not_the_events(extractor):
    text = (
        "Gunmen stormed two police posts in Hawija, the deadliest raid in the district since "
        "the army retook it in October 2017, officials said."
    )
    raids = [e for e in dated(extractor, text) if e[1] == "Hawija"]
    assert raids and all(e[2] >= dt.date(2024, 5, 8) for e in raids)


def test_a_date_said_before_the_measure_still_dates_the_event(extractor):
    text = "Gunmen stormed a police post in Hawija on Monday, the first such raid since 2019."
    raids = [e for e in dated(extractor, text) if e[1] == "Hawija"]
    assert raids and raids[0][2] == dt.date(2024, 5, 13)


def test_a_second_verb_takes_the_date_said_after_its_aside_not_the_first_verbs(extractor):
    text = (
        "Rebels stormed the Wadi Deif camp in late March 2024 and seized Hish, a few miles "
        "to the north, on 2 May."
    )
    hish = [d for d in dated(extractor, text) if d[1] == "Hish"]
    assert hish and hish[0][2:] == (dt.date(2024, 5, 2), dt.date(2024, 5, 2))


def test_a_date_in_a_relative_clause_after_the_second_verb_is_not_its_own(extractor):
    text = (
        "Students blocked the main road in Nasiriyah on Monday and burned tyres, demanding "
        "news of an activist who was abducted at the weekend."
    )
    days = {(d[2], d[3]) for d in dated(extractor, text)}
    assert days == {(dt.date(2024, 5, 13), dt.date(2024, 5, 13))}


def test_what_happened_hours_before_a_dated_event_may_be_of_the_day_before(extractor):
    text = (
        "Coalition jets bombed a militia depot near Jurf al-Sakhar early on Tuesday, "
        "hours after the militia fired a rocket at Ain al-Asad."
    )
    rocket = [d for d in dated(extractor, text) if d[0] == "drone_or_rocket_attack"]
    assert rocket and rocket[0][2:] == (dt.date(2024, 5, 13), dt.date(2024, 5, 14))


def test_a_day_said_inside_the_hours_after_clause_is_its_own(extractor):
    text = (
        "The raids came hours after a drone attack on an army post near Palmyra on Tuesday, "
        "officials said."
    )
    drone = [d for d in dated(extractor, text) if d[0] == "drone_or_rocket_attack"]
    assert drone and drone[0][2:] == (dt.date(2024, 5, 14), dt.date(2024, 5, 14))


def test_a_truce_announced_on_a_weekday_takes_that_day_not_the_withdrawals(extractor):
    text = "Rebel fighters left Tafas on Tuesday under a truce announced late on Sunday."
    truce = [d for d in dated(extractor, text) if d[0] == "agreement"]
    assert truce and truce[0][2:] == (dt.date(2024, 5, 12), dt.date(2024, 5, 12))


def test_a_clause_joined_after_a_dated_subject_goes_on_on_that_day(extractor):
    text = (
        "A truce announced on 10 May took hold in Raqqa, and SDF fighters pulled back from Tabqa."
    )
    pulled = [e for e in dated(extractor, text) if e[0] == "troop_withdrawal"]
    assert pulled == [("troop_withdrawal", "Tabqa", dt.date(2024, 5, 10), dt.date(2024, 5, 10))]


def test_a_date_said_of_a_noun_still_dates_only_it_without_a_joined_clause(extractor):
    text = "After the truce announced on 10 May, SDF fighters pulled back from Tabqa."
    pulled = [e for e in dated(extractor, text) if e[0] == "troop_withdrawal"]
    assert pulled and pulled[0][2] != dt.date(2024, 5, 10)

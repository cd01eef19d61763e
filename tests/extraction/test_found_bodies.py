"""Killings known from a body found (app/extraction/found_bodies.py)."""

import datetime as dt

from app.extraction.report_input import ReportInput

WEDNESDAY = dt.date(2024, 5, 15)


def dated(extractor, text, published=WEDNESDAY):
    return {
        p.event_type: (p.date, p.date_end)
        for p in (e.properties for e in extractor.extract(ReportInput(text, published)).events)
    }


def test_a_body_found_dates_the_killing_from_the_abduction(extractor):
    text = (
        "The body of a farmer was found near Baqubah today, bearing gunshot wounds, three days "
        "after gunmen "
        "abducted him from his field."
    )
    events = dated(extractor, text)
    assert events["kidnapping"] == (dt.date(2024, 5, 12), dt.date(2024, 5, 12))
    assert events["attack"] == (dt.date(2024, 5, 12), WEDNESDAY)


def test_a_body_found_without_an_abduction_keeps_the_day_it_was_found(extractor):
    text = "The body of a farmer shot in the head was found near Baqubah on Monday."
    assert dated(extractor, text)["attack"] == (dt.date(2024, 5, 13), dt.date(2024, 5, 13))


def test_an_abduction_days_earlier_in_a_clause_of_its_own_dates_only_the_abduction(extractor):
    text = (
        "Police said on Monday that the body of a teacher was found shot dead in a canal near "
        "Hilla; "
        "he had been abducted three days earlier."
    )
    events = dated(extractor, text)
    monday, friday = dt.date(2024, 5, 13), dt.date(2024, 5, 10)
    assert events["kidnapping"] == (friday, friday)
    first, last = events["attack"]
    assert first <= friday and last == monday


def test_an_abduction_taken_on_a_day_said_after_the_finding_is_of_that_day(extractor):
    text = "15 May: Dibis, Kirkuk - abducted farmer found dead, taken 11 May by masked gunmen."
    assert dated(extractor, text)["kidnapping"] == (dt.date(2024, 5, 11), dt.date(2024, 5, 11))


def test_an_abduction_taken_by_someone_on_a_day_is_of_that_day(extractor):
    text = (
        "The body of an abducted shepherd was found near Hawija today, taken by gunmen on 12 May."
    )
    assert dated(extractor, text)["kidnapping"] == (dt.date(2024, 5, 12), dt.date(2024, 5, 12))


def test_a_day_after_the_finding_is_no_abduction_day(extractor):
    text = "An abducted shepherd was found dead near Hawija today; police said he was taken, and "
    text += "buried on 16 May."
    assert dated(extractor, text).get("kidnapping", (WEDNESDAY,))[0] != dt.date(2024, 5, 16)


def sides(extractor, text, published=WEDNESDAY):
    return {
        p.event_type: {(a.name, a.role) for a in p.actors}
        for p in (e.properties for e in extractor.extract(ReportInput(text, published)).events)
    }


def test_the_force_that_finds_a_body_is_no_party_to_the_abduction(extractor):
    text = (
        "Security forces recovered the body of a shopkeeper in Tuz Khurmatu on Tuesday, two days "
        "after gunmen kidnapped him."
    )
    found = sides(extractor, text)["kidnapping"]
    assert ("Unidentified armed group (Iraq)", "actor") in found
    assert not any(name == "Iraqi Security Forces" for name, _ in found)


def test_a_force_that_takes_someone_away_is_still_the_kidnapper(extractor):
    text = "Gunmen kidnapped a shopkeeper in Tuz Khurmatu on Tuesday."
    assert ("Unidentified armed group (Iraq)", "actor") in sides(extractor, text)["kidnapping"]


def test_someone_who_had_been_taken_by_gunmen_was_abducted_not_attacked(extractor):
    text = (
        "The body of a shepherd was found near Daquq on Tuesday. He had been taken by armed men "
        "on 9 May."
    )
    events = dated(extractor, text)
    assert events["kidnapping"] == (dt.date(2024, 5, 9), dt.date(2024, 5, 9))


def test_an_abduction_days_before_an_undated_finding_is_as_long_before_the_reports_week(
    extractor,
):
    text = (
        "Gunmen stabbed three protesters in Baghdad on Tuesday. An activist was found shot dead "
        "in Nasiriyah; he had been abducted two days earlier."
    )
    first, last = dated(extractor, text)["kidnapping"]
    assert last == WEDNESDAY - dt.timedelta(days=2)
    assert (last - first).days == 7  # the week before the report, two days back

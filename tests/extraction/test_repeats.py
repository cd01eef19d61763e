"""A second occurrence of the same kind in one sentence, with its own date (own sentences)."""

import datetime as dt

from app.extraction.report_input import ReportInput

PUBLISHED = dt.date(2018, 1, 10)


def found(extractor, text):
    return sorted(
        (e.properties.event_type, e.properties.location.admin1, e.properties.date)
        for e in extractor.extract(ReportInput(text, PUBLISHED)).events
    )


def test_a_second_verb_of_the_kind_with_its_own_date_is_a_second_event(extractor):
    text = "Iraqi forces recaptured Tal Afar on 31 August, and recaptured Hawija on 5 October."
    assert found(extractor, text) == [
        ("armed_clash", "IQ-KI", dt.date(2017, 10, 5)),
        ("armed_clash", "IQ-NI", dt.date(2017, 8, 31)),
    ]


def test_an_earlier_one_told_after_the_first_with_its_date(extractor):
    text = (
        "A car bomb exploded in Kirkuk on 3 January, a week after a roadside bomb killed two "
        "soldiers in Hawija on 27 December."
    )
    assert [(t, d) for t, _, d in found(extractor, text)] == [
        ("ied_explosion", dt.date(2017, 12, 27)),
        ("ied_explosion", dt.date(2018, 1, 3)),
    ]


def test_the_same_fight_going_on_is_one_event(extractor):
    text = (
        "Clashes erupted in Morek on 3 January, and clashes went on in Morek on 4 January, "
        "activists said."
    )
    assert len(found(extractor, text)) == 1


def test_one_date_for_both_verbs_is_no_second_event(extractor):
    text = "Gunmen attacked a checkpoint in Baiji and attacked a patrol there on Monday."
    assert len(found(extractor, text)) == 1


def test_the_occurrence_named_again_is_no_second_event(extractor):
    text = (
        "Gunmen abducted two traders near Hit on 3 January; the abduction was reported to "
        "police on 5 January."
    )
    assert len(found(extractor, text)) == 1


def test_a_place_told_by_its_river_then_its_verb_is_a_second_event(extractor):
    text = (
        "Baiji, a refinery town north of Tikrit, was recaptured from the militants in October "
        "2015, and Haditha on the Euphrates fell to the army on 3 November 2016."
    )
    days = {date for _, _, date in found(extractor, text)}
    assert dt.date(2016, 11, 3) in days

"""An event named again with the day it was made is that event (sentences written here)."""

import datetime as dt

from app.extraction.dates import DateMention
from app.extraction.event_types import BY_NAME, Trigger
from app.extraction.named_dates import named_date
from app.extraction.report_input import ReportInput
from app.extraction.text import Sentence

REPORTED = dt.date(2024, 6, 20)


def _events(extractor, text):
    found = extractor.extract(ReportInput(text, REPORTED)).events
    return {(e.properties.event_type, e.properties.date) for e in found}


def test_a_deal_named_with_the_day_it_was_signed_is_that_deal(extractor):
    text = (
        "Gunmen attacked a checkpoint in Tal Afar on Tuesday. The attack threatens the Tal Afar "
        "accord, which the two tribes signed in Mosul on 14 February 2023."
    )
    assert ("agreement", dt.date(2023, 2, 14)) in _events(extractor, text)


def test_a_deal_named_with_its_month_after_of_is_that_deal(extractor):
    text = (
        "Police arrested four men in Hit on Monday. They had broken the deal of August "
        "2022 between the two clans of the town."
    )
    assert ("agreement", dt.date(2022, 8, 1)) in _events(extractor, text)


def test_a_deal_named_without_its_day_stays_a_mention(extractor):
    text = (
        "Police arrested four men in Hit on Monday. They had broken the deal between the "
        "two clans of the town, the police said."
    )
    assert "agreement" not in {t for t, _ in _events(extractor, text)}


def _sentence_and_trigger(text, word):
    at = text.index(word)
    return Sentence(0, 0, len(text), text), Trigger(BY_NAME["agreement"], at, at + len(word), word)


def _date(text, said):
    at = text.index(said)
    day = dt.date(2023, 2, 14)
    return DateMention(at, at + len(said), said, day, day, "day", "event")


def test_the_made_clause_reaches_past_a_relative_pronoun_and_a_place():
    text = "It hurts the Tal Afar accord, which the tribes signed in Mosul on 14 February 2023."
    sentence, trigger = _sentence_and_trigger(text, "accord")
    date = _date(text, "14 February 2023")
    assert named_date(sentence, trigger, [date]) is date


def test_the_day_a_truce_took_effect_is_not_the_day_it_was_made():
    text = "The truce that took effect on 14 February 2023 was negotiated in Geneva."
    sentence, trigger = _sentence_and_trigger(text, "truce")
    assert named_date(sentence, trigger, [_date(text, "14 February 2023")]) is None


def test_a_date_before_the_noun_is_not_read_as_its_own():
    text = "Both sides broke the 14 February 2023 accord in Tal Afar."
    sentence, trigger = _sentence_and_trigger(text, "accord")
    assert named_date(sentence, trigger, [_date(text, "14 February 2023")]) is None

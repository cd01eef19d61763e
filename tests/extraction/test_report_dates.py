"""Each sentence's dates and the day a report says it was reported (text written for these
tests)."""

import datetime as dt

from app.extraction.report_dates import reported_day, sentence_dates
from app.extraction.text import clean_text, paragraphs, split_sentences

PUBLISHED = dt.date(2025, 3, 14)  # a Friday


def _dated(text: str):
    text = clean_text(text)
    sentences = split_sentences(text)
    dates = {s.index: sentence_dates(s, PUBLISHED) for s in sentences}
    return dates, paragraphs(text, sentences)


def test_a_weekday_counts_from_the_day_the_sentence_was_reported():
    dates, _ = _dated("A mortar hit Tuz Khurmatu on Tuesday, police said on 10 March.")
    event = [d for d in dates[0] if d.role == "event"]
    assert [d.first for d in event] == [dt.date(2025, 3, 4)]


def test_the_day_said_in_the_lead_is_the_reported_day():
    dates, paragraph_of = _dated(
        "Officials said on Wednesday that a bomb hit a market in Kirkuk on Tuesday."
    )
    assert reported_day(dates, paragraph_of, PUBLISHED) == dt.date(2025, 3, 12)


def test_a_statement_told_further_down_is_no_reported_day():
    dates, paragraph_of = _dated(
        "Kirkuk police arrested three men.\n\nThe attack followed clashes in Hawija.\n\n"
        "The governor announced on 30 January that curfews would end."
    )
    assert reported_day(dates, paragraph_of, PUBLISHED) == PUBLISHED

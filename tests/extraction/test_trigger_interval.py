"""Which interval of a sentence's dates is a trigger's own (sentences written here)."""

import datetime as dt

from app.extraction.dates import find_dates
from app.extraction.event_types import BY_NAME, Trigger
from app.extraction.text import Sentence
from app.extraction.trigger_interval import own_interval, same_clause

SATURDAY = dt.date(2024, 3, 16)


def _interval(text: str, word: str, kind: str, movement: bool = False):
    sentence = Sentence(0, 0, len(text), text)
    at = text.index(word)
    trigger = Trigger(BY_NAME[kind], at, at + len(word), word)
    found = find_dates(text, SATURDAY)
    own = [d for d in found if d.role == "event"]
    follow = [d for d in found if d.role == "follow"]
    first, last, _ = own_interval(own, follow, trigger, sentence, movement)
    return first, last


def test_the_nearest_date_of_the_triggers_clause_is_its_own():
    text = "Gunmen attacked a checkpoint near Hawija on Thursday, after clashes on Monday."
    assert _interval(text, "attacked", "attack") == (dt.date(2024, 3, 14),) * 2


def test_a_third_day_of_fighting_began_two_days_before_the_day_said():
    text = "Fighting raged for a third day around Tal Tamr on Friday."
    assert _interval(text, "Fighting", "armed_clash") == (
        dt.date(2024, 3, 13),
        dt.date(2024, 3, 15),
    )


def test_a_release_days_after_the_kidnapping_dates_the_kidnapping_back():
    text = "The driver was released on Friday, four days after he was kidnapped near Tikrit."
    assert _interval(text, "kidnapped", "kidnapping") == (dt.date(2024, 3, 11),) * 2


def test_a_date_across_a_clause_break_is_another_clauses():
    text = "Police arrested two men on Friday, after a bomb hit the market."
    sentence = Sentence(0, 0, len(text), text)
    at = text.index("bomb")
    trigger = Trigger(BY_NAME["ied_explosion"], at, at + 4, "bomb")
    (friday,) = find_dates(text, SATURDAY)
    assert not same_clause(sentence, trigger, friday)

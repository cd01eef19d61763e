import datetime as dt

import pytest

from app.extraction.dates import find_dates

PUB = dt.date(2024, 8, 8)  # a Thursday


def one(text, anchor=PUB):
    found = find_dates(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, first, last, precision",
    [
        ("on 6 August", "2024-08-06", "2024-08-06", "day"),
        ("on August 6", "2024-08-06", "2024-08-06", "day"),
        ("on 1 Aug 2024", "2024-08-01", "2024-08-01", "day"),
        ("in August 2023", "2023-08-01", "2023-08-31", "month"),
        ("on 2024-07-30", "2024-07-30", "2024-07-30", "day"),
        ("on Tuesday", "2024-08-06", "2024-08-06", "day"),
        ("on Thursday", "2024-08-08", "2024-08-08", "day"),  # the day of publication itself
        ("on Friday", "2024-08-02", "2024-08-02", "day"),
        ("last Thursday", "2024-08-01", "2024-08-01", "day"),  # the one before
        ("last Wednesday", "2024-07-31", "2024-07-31", "day"),  # not "yesterday"
        ("last Monday", "2024-08-05", "2024-08-05", "day"),
        ("early Sunday", "2024-08-04", "2024-08-04", "day"),
        ("today", "2024-08-08", "2024-08-08", "day"),
        ("this morning", "2024-08-08", "2024-08-08", "day"),
        ("overnight into Thursday", "2024-08-07", "2024-08-08", "day"),
        ("fighting raged overnight", "2024-08-07", "2024-08-08", "day"),
        ("in late July", "2024-07-21", "2024-07-31", "week"),
        ("in early August", "2024-08-01", "2024-08-08", "week"),  # not later than the report
        ("in March 2019", "2019-03-01", "2019-03-31", "month"),
        ("in 2019", "2019-01-01", "2019-12-31", "year"),
        ("on 12 March", "2024-03-12", "2024-03-12", "day"),
        ("on March 12, 2016", "2016-03-12", "2016-03-12", "day"),
        ("on 20 August", "2023-08-20", "2023-08-20", "day"),  # not yet this year
        ("on the 5th", "2024-08-05", "2024-08-05", "day"),
        ("on the 12th, when", "2024-07-12", "2024-07-12", "day"),  # not yet this month
        ("from 1 to 6 October", "2023-10-01", "2023-10-06", "week"),
        ("17-23 October 2016", "2016-10-17", "2016-10-23", "week"),
        ("Saturday 19 - Sunday 20 July", "2024-07-19", "2024-07-20", "day"),
        ("Fri 19 Jul - Sun 21 Jul: strikes on Sinjar", "2024-07-19", "2024-07-21", "week"),
        ("between 28 July and 2 August", "2024-07-28", "2024-08-02", "week"),
        ("on July 15-16", "2024-07-15", "2024-07-16", "day"),
        ("between 8 a.m. Monday and 8 a.m. Tuesday", "2024-08-05", "2024-08-06", "day"),
        ("Monday 14 July", "2024-07-14", "2024-07-14", "day"),  # the date wins
        ("on Sunday, March 10", "2024-03-10", "2024-03-10", "day"),
        ("yesterday", "2024-08-07", "2024-08-07", "day"),
        ("last week", "2024-07-29", "2024-08-04", "week"),
        ("last month", "2024-07-01", "2024-07-31", "month"),
        ("earlier this month", "2024-08-01", "2024-08-07", "month"),
        ("in mid-July", "2024-07-11", "2024-07-20", "week"),
        ("in early July", "2024-07-01", "2024-07-10", "week"),
        ("overnight into Tuesday", "2024-08-05", "2024-08-06", "day"),
        # A preposition opening the sentence is still the same expression.
        ("In February, the town fell", "2024-02-01", "2024-02-29", "month"),
        ("During March the camp emptied", "2024-03-01", "2024-03-31", "month"),
        ("In 2017, the siege ended", "2017-01-01", "2017-12-31", "year"),
        ("in recent days", "2024-08-01", "2024-08-08", "week"),
        ("over the past few days", "2024-08-01", "2024-08-08", "week"),
        ("in recent weeks", "2024-07-11", "2024-08-08", "month"),
        ("in the week of 15 July", "2024-07-15", "2024-07-21", "week"),
        ("during the week of August 5", "2024-08-05", "2024-08-08", "week"),  # not after it
        # day.month opening an item of a dated list
        ("02.08: a drone hit a truck near Zakho", "2024-08-02", "2024-08-02", "day"),
        ("28.07 (evening): shells fell on a village", "2024-07-28", "2024-07-28", "day"),
        ("30.07.24 | Duhok | a farm burnt", "2024-07-30", "2024-07-30", "day"),
    ],
)
def test_expressions(text, first, last, precision):
    found = one(text)
    assert (found.first.isoformat(), found.last.isoformat(), found.precision) == (
        first,
        last,
        precision,
    )
    assert found.role == "event"


def test_a_decimal_figure_is_no_day_and_month():
    assert find_dates("Losses reached 2.5 billion dinars: a record", PUB) == []
    assert find_dates("Turnout stood at 41.3 percent", PUB) == []


def test_a_day_month_after_publication_belongs_to_the_year_before():
    assert one("on 20 December", dt.date(2024, 1, 5)).first == dt.date(2023, 12, 20)


def test_reporting_dates_are_kept_apart():
    found = one("officials said on 7 August")
    assert found.role == "report" and found.first == dt.date(2024, 8, 7)
    assert one("The New Arab reported on 6 August").role == "report"


def test_background_years_are_not_event_dates():
    assert one("for the first time since 2020").role == "since"


def test_follow_ups_shift_from_the_previous_event():
    found = one("a day later")
    assert found.role == "follow" and found.offset_days == 1
    assert one("the following day").offset_days == 1


def test_the_previous_evening_is_a_day_back():
    found = one("a truce agreed the previous evening")
    assert (found.role, found.offset_days) == ("follow", -1)


def test_impossible_dates_are_ignored():
    assert find_dates("on 31 February", PUB) == []


def test_offsets_point_into_the_text():
    text = "Clashes broke out on Tuesday near Kirkuk."
    found = find_dates(text, PUB, offset=100)[0]
    assert text[found.start - 100 : found.end - 100] == "on Tuesday"


def test_a_weekday_is_the_latest_on_or_before_the_anchor():
    sunday = dt.date(2024, 3, 10)
    assert one("on Sunday", sunday).first == sunday
    assert one("last Sunday", sunday).first == dt.date(2024, 3, 3)
    assert one("on Saturday", sunday).first == dt.date(2024, 3, 9)
    assert one("on Monday", sunday).first == dt.date(2024, 3, 4)


def test_reporting_dates_with_a_phrase_between():
    assert one("the ministry said in a statement on Friday").role == "report"
    assert one("officials told reporters late on Monday").role == "report"
    assert one("the army said on Friday").role == "report"
    assert one("the Guards said in a statement later on Sunday").role == "report"


def test_bare_overnight_yields_to_a_named_day():
    found = find_dates("Clashes on Tuesday went on overnight", PUB)
    assert [d.text for d in found] == ["on Tuesday"]


def test_ordinals_that_are_not_dates():
    assert find_dates("on the 5th floor of the building", PUB) == []
    assert find_dates("the 12th Brigade", PUB) == []


def test_a_backwards_range_is_not_a_range():
    assert [d.text for d in find_dates("on 9-3 July", PUB)] == ["3 July"]


def test_dates_attached_to_a_noun():
    (possessive,) = find_dates("suspects linked to Thursday's bombing", PUB)
    assert possessive.attached == "next"
    (participle,) = find_dates("under the agreement signed on 1 April", PUB)
    assert participle.attached == "previous"
    (verb,) = find_dates("The agreement was signed on 1 April", PUB)
    assert verb.attached is None


def test_two_weekdays_are_a_range():
    found = one("struck sites on Saturday and Sunday")
    assert (found.first, found.last) == (dt.date(2024, 8, 3), dt.date(2024, 8, 4))


def test_the_reporting_date_moves_relative_dates_only():
    pub, said = dt.date(2025, 7, 21), dt.date(2025, 7, 16)
    found = find_dates("forces withdrew on Tuesday and again on 17 July", pub, reported=said)
    assert [d.first for d in found] == [dt.date(2025, 7, 15), dt.date(2025, 7, 17)]


def test_overnight_into_a_date():
    found = one("withdrew overnight into 17 July", dt.date(2025, 7, 21))
    assert (found.first, found.last) == (dt.date(2025, 7, 16), dt.date(2025, 7, 17))


def test_following_days_are_a_follow_up_span():
    found = one("over the following three days")
    assert found.role == "follow" and found.offset_days == 1
    assert (found.last - found.first).days == 2


@pytest.mark.parametrize(
    "text",
    [
        "the worst violence since November 2023",
        "the first convoy to pass since 3 March",
        "the road stayed shut until 2 August",
        "the fighting went on into Tuesday",
        "shelling that lasted into Sunday",
        "the highway was cut for the third time this month",
        "the 4th rocket attack on the base this week",
    ],
)
def test_a_bound_of_a_span_dates_no_event(text):
    assert [d.role for d in find_dates(text, PUB)] == ["since"]


def test_a_period_with_no_count_before_it_still_dates_the_event():
    assert one("the army shelled the village twice this month").role == "event"
    assert one("a second convoy reached Rutba, and this week more followed").role == "event"


def test_a_date_used_as_an_adjective_dates_only_its_noun():
    (found,) = find_dates("a breach of the 2 June truce", PUB)
    assert found.attached == "next" and found.first == dt.date(2024, 6, 2)
    (found,) = find_dates("the truce held until the 2 June talks", PUB)
    assert found.attached == "next"
    (found,) = find_dates("the town fell on 2 June and", PUB)
    assert found.attached is None


def test_an_ongoing_state_since_a_date_began_then():
    (found,) = find_dates("protesters have held a sit-in since mid-July", PUB)
    assert (found.role, found.first) == ("event", dt.date(2024, 7, 11))


def test_a_date_of_what_is_coming_dates_only_that():
    (found,) = find_dates("troops deployed ahead of the elections on 6 August", PUB)
    assert found.attached == "previous"


def test_the_night_before_a_weekday_is_in_its_interval():
    found = find_dates(
        "During the night, gunmen burned shops; bodies were found on Tuesday morning", PUB
    )
    assert [(d.first, d.last) for d in found] == [(dt.date(2024, 8, 5), dt.date(2024, 8, 6))]


def test_a_bound_followed_by_when_dates_the_when_clause():
    found = one("the deadliest since March, when a car bomb killed 20 people")
    assert (found.role, found.first, found.last) == (
        "event",
        dt.date(2024, 3, 1),
        dt.date(2024, 3, 31),
    )
    assert one("the deadliest since March this side of the river").role == "since"
    assert one("held the town until 16 October 2017, when troops entered").role == "event"


def test_the_past_24_hours_are_the_day_before_and_the_day_itself():
    found = one("Over the past 24 hours, jets flew 40 sorties")
    assert (found.first, found.last, found.role) == (dt.date(2024, 8, 7), PUB, "event")
    assert one("killed in the last twenty-four hours").first == dt.date(2024, 8, 7)
    assert one("police arrived within hours").role == "follow"


def test_throughout_the_week_is_the_week_up_to_the_report():
    found = one("jets struck the district throughout the week")
    assert (found.first, found.last, found.precision) == (dt.date(2024, 8, 1), PUB, "week")
    assert one("fighting went on over the week").first == dt.date(2024, 8, 1)
    assert one("talks held over the weekend").first != dt.date(2024, 8, 1)


def test_a_capitalised_last_opening_a_sentence_is_the_week_before():
    # Published on Thursday 8 August: "Last Wednesday" is not the day before.
    found = one("Last Wednesday, a man was shot near the market.")
    assert (found.text, found.first) == ("Last Wednesday", dt.date(2024, 7, 31))


@pytest.mark.parametrize(
    "text",
    [
        "A truce was announced on Tuesday evening and the shelling stopped.",
        "The guns fell silent under the truce announced on Tuesday.",
        "Militias left the town under a deal announced late on Tuesday.",
        "The truce, announced on Tuesday after talks in Amman, lets families return.",
    ],
)
def test_a_thing_announced_on_a_day_is_dated_not_reported(text):
    (found,) = [d for d in find_dates(text, PUB) if "Tuesday" in d.text]
    assert (found.role, found.first) == ("event", dt.date(2024, 8, 6))


def test_announced_that_is_still_a_reporting_date():
    found = find_dates("It was announced on Tuesday that the convoy left.", PUB)
    assert [d.role for d in found] == ["report"]


def test_friday_prayers_date_nothing_beside_a_date_of_the_sentence():
    found = find_dates("In May 2019, gunmen fired on worshippers leaving Friday prayers.", PUB)
    assert [d.text for d in found] == ["May 2019"]
    (alone,) = find_dates("Crowds marched after Friday prayers.", PUB)
    assert alone.first == dt.date(2024, 8, 2)


def test_a_weekday_of_a_church_service_dates_nothing_beside_a_day_said():
    found = find_dates("A gunman attacked the church during Sunday mass on 14 July.", PUB)
    assert [d.text for d in found] == ["14 July"]


def test_a_weekday_that_recurs_dates_nothing_beside_the_span_it_recurs_in():
    found = find_dates("Since early June, crowds have marched every Friday in Suwayda.", PUB)
    assert "Friday" not in [d.text for d in found]


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("jets hit 9 targets in the 24 hours to Tuesday morning", "2024-08-05", "2024-08-06"),
        ("dozens were executed over the past two weeks", "2024-07-25", "2024-08-08"),
        ("hundreds surrendered in the last three days", "2024-08-05", "2024-08-08"),
    ],
)
def test_spans_counted_back_from_the_reference(text, first, last):
    found = one(text)
    assert (found.first.isoformat(), found.last.isoformat()) == (first, last)


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("03/08 (Sat) - Anbar, al-Qaim: a roadside bomb hit a patrol.", "2024-08-03", "2024-08-03"),
        ("- 28/07/2023: rockets fell near the airport.", "2023-07-28", "2023-07-28"),
        ("- 5/6 Aug: jets struck the Zap area overnight.", "2024-08-05", "2024-08-06"),
    ],
)
def test_day_and_month_in_figures_opening_an_item(text, first, last):
    (found,) = [d for d in find_dates(text, PUB) if d.role == "event" and "/" in d.text]
    assert (found.first.isoformat(), found.last.isoformat()) == (first, last)


def test_figures_with_a_slash_inside_a_sentence_are_no_date():
    assert find_dates("Two thirds (2/3) of the council voted for it.", PUB) == []


def test_declared_on_a_day_that_is_when_it_was_reported():
    text = "Kurdish forces declared on Saturday that they had taken the village of Tal Hamis."
    (said,) = find_dates(text, dt.date(2024, 5, 15))
    assert said.role == "report"
    truce = "Fighting stopped under the truce declared on Saturday by tribal elders."
    (day,) = find_dates(truce, dt.date(2024, 5, 15))
    assert day.role == "event"


def test_a_range_naming_both_months_is_one_span():
    (span,) = find_dates("strikes between Dec. 3 and Dec. 9, 2018.", dt.date(2018, 12, 11))
    assert (span.first, span.last, span.precision) == (
        dt.date(2018, 12, 3),
        dt.date(2018, 12, 9),
        "week",
    )
    (turn,) = find_dates("raids from Dec 29 to Jan 4", dt.date(2019, 1, 6))
    assert (turn.first, turn.last) == (dt.date(2018, 12, 29), dt.date(2019, 1, 4))
    assert find_dates("on May 9 and May 3", dt.date(2019, 6, 1))[0].first == dt.date(2019, 5, 9)


def test_a_heading_in_capitals_names_its_months():
    (span,) = find_dates("WEEKLY SITREP - HOMS, 27 APRIL - 3 MAY 2024", dt.date(2024, 5, 6))
    assert (span.first, span.last) == (dt.date(2024, 4, 27), dt.date(2024, 5, 3))
    (day,) = find_dates("UPDATE 12 JUNE 2024", dt.date(2024, 6, 13))
    assert day.first == dt.date(2024, 6, 12)

"""Habits and running counts are no one occurrence (sentences written for these tests)."""

import pytest

from app.extraction.habits import apart, habitual, tally


def _at(sentence: str, word: str) -> int:
    return sentence.index(word)


def test_a_habit_is_no_occurrence():
    sentence = "Shelling has become routine in the villages near Khanaqin since the spring."
    assert habitual(sentence, _at(sentence, "Shelling"))


def test_a_habit_in_another_clause_leaves_a_dated_event_standing():
    sentence = "Unexploded mines remain a danger: two shepherds were killed on Monday by one."
    assert not habitual(sentence, _at(sentence, "killed"))


def test_a_plain_report_is_no_habit():
    sentence = "Gunmen killed two shepherds near Khanaqin on Monday."
    assert not habitual(sentence, _at(sentence, "killed"))


def test_a_running_count_is_a_tally():
    assert tally("At least 40 people have been killed since the protests began.", False)
    assert tally("The office recorded 17 kidnappings in the province in March.", False)


def test_a_move_in_recent_weeks_is_no_tally():
    sentence = "The army has sent reinforcements to the dam in recent weeks."
    assert tally(sentence, False)
    assert not tally(sentence, True)


def test_todays_strikes_since_dawn_are_no_tally():
    sentence = "Since dawn, jets have carried out more than 20 raids on the hills east of Hama."
    assert not tally(sentence, False)


def test_a_clause_with_its_own_day_stands_apart_from_a_tally():
    sentence = "Protesters stormed the office on Thursday, and 9 people have been killed since May."
    assert apart(sentence, _at(sentence, "have been"), _at(sentence, "stormed"))
    assert not apart(sentence, _at(sentence, "9 people"), _at(sentence, "have been"))


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Coalition jets struck the silos near Tabqa repeatedly on Tuesday.", "struck"),
        ("Rival factions clashed several times near Azaz throughout the week.", "clashed"),
        ("The army shelled Latamneh repeatedly overnight.", "shelled"),
    ],
)
def test_again_and_again_within_a_span_the_report_covers_is_no_habit(sentence, verb):
    assert not habitual(sentence, _at(sentence, verb))


def test_again_and_again_over_years_is_still_a_habit():
    sentence = "Turkish drones have repeatedly struck Sinjar since 2021."
    assert habitual(sentence, _at(sentence, "struck"))

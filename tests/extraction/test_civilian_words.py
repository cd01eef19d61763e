"""People named by their faith, trade or family are the civilians hit (sentences written for
these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def test_men_of_a_faith_killed_are_civilians(extractor):
    text = "Gunmen killed dozens of Yazidi men in a village near Sinjar on Tuesday."
    found = events(extractor, text, dt.date(2015, 3, 5))
    assert found and found[0][3].get("Civilians (Iraq)") == "target", found


def test_a_reporter_taken_by_gunmen_is_a_civilian(extractor):
    text = "Gunmen abducted a reporter in Nasiriyah on Saturday evening, police said."
    found = events(extractor, text, dt.date(2019, 4, 9))
    assert found and found[0][3].get("Civilians (Iraq)") == "target", found


def test_a_candidate_shot_at_is_a_civilian(extractor):
    text = "Unknown gunmen opened fire on a parliamentary candidate in Basra on Monday."
    found = events(extractor, text, dt.date(2021, 10, 6))
    assert found and found[0][3].get("Civilians (Iraq)") == "target", found


def test_members_of_a_tribe_executed_are_civilians(extractor):
    text = "Islamic State executed 40 members of the Albu Nimr tribe near Hit on Friday."
    found = events(extractor, text, dt.date(2014, 11, 1))
    assert found and found[0][3].get("Civilians (Iraq)") == "target", found


def test_schoolchildren_and_a_night_watchman_hit_are_civilians(extractor):
    for text in (
        "Mortar rounds killed three schoolchildren in a Hama suburb on Sunday.",
        "A drone hit a grain silo near Amuda on Sunday, killing a night watchman.",
    ):
        found = events(extractor, text, dt.date(2020, 2, 11))
        assert found and found[0][3].get("Civilians (Syria)") == "target", (text, found)


def test_civilians_counted_in_the_singular_or_by_their_dead_are_hit(extractor):
    for text in (
        "Artillery shells fell on a village near Khanaqin on Monday; 1 civilian killed.",
        "Russian jets struck Tafas in Daraa province on Wednesday, causing civilian casualties.",
    ):
        found = events(extractor, text, dt.date(2018, 6, 28))
        country = "Iraq" if "Khanaqin" in text else "Syria"
        assert found and found[0][3].get(f"Civilians ({country})") == "target", (text, found)


def test_villages_and_neighbourhoods_shelled_hold_the_civilians_hit(extractor):
    for text in (
        "Turkish artillery shelled border villages north of Tal Tamr on Thursday.",
        "Regime helicopters bombed eastern neighbourhoods of Aleppo on Tuesday morning.",
        "Government forces shelled the village of Hamidiya near Khan Shaykhun on Monday.",
    ):
        found = events(extractor, text, dt.date(2019, 5, 14))
        assert found and found[0][3].get("Civilians (Syria)") == "target", (text, found)


def test_fighting_for_villages_is_no_strike_on_civilians(extractor):
    text = "Government forces captured three villages near Khan Shaykhun on Monday."
    found = events(extractor, text, dt.date(2019, 5, 14))
    assert found and "Civilians (Syria)" not in found[0][3], found

"""Agent phrases that come after the event: "fell to X", "at the hands of X" (texts written
for these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def test_a_town_that_fell_to_a_force_was_taken_by_it(extractor):
    found = events(
        extractor,
        "Afrin fell to Turkish-backed Syrian National Army factions on Sunday after a "
        "two-month offensive.",
        dt.date(2018, 3, 20),
    )
    assert found[0][3]["SNA"] == "actor"


def test_killed_at_the_hands_of_a_group(extractor):
    found = events(
        extractor,
        "Two Turkish soldiers were killed on Monday at the hands of the PKK near the border.",
        dt.date(2019, 6, 1),
    )
    assert found[0][3] == {"Turkish Armed Forces": "target", "PKK": "actor"}


def test_soldiers_killed_at_the_hands_of_named_fighters(extractor):
    found = events(
        extractor,
        "Three soldiers were killed at the hands of Hayat Tahrir al-Sham fighters near "
        "Saraqib on Monday.",
        dt.date(2019, 6, 1),
    )
    assert found[0][3] == {"Syrian government forces": "target", "HTS": "actor"}

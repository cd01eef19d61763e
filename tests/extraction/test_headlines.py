"""A headline above the story that tells its event (sentences written for these tests)."""

import datetime as dt

from app.extraction.followup import headline
from app.extraction.text import split_sentences
from tests.extraction.helpers import events


def test_a_headline_told_again_in_the_story_is_one_event(extractor):
    found = events(
        extractor,
        "Rockets hit base in Anbar as talks on US drawdown stall\n\n"
        "Three Katyusha rockets struck the Ain al-Asad air base in Anbar on Tuesday evening, "
        "an Iraqi security official said.",
        dt.date(2021, 3, 3),
    )
    assert [e[0] for e in found] == ["drone_or_rocket_attack"]
    assert found[0][1].startswith("Ain al-Asad")


def test_a_headline_the_story_does_not_tell_again_stays(extractor):
    found = events(
        extractor,
        "Protesters block road to Umm Qasr port\n\n"
        "Trade through the port slowed on Sunday, officials said.",
        dt.date(2021, 3, 3),
    )
    assert [e[0] for e in found] == ["protest"]


def test_only_a_first_line_without_a_full_stop_is_a_headline():
    first, second = split_sentences("Blast hits Kirkuk market\n\nA bomb went off on Monday.")
    assert headline(first) and not headline(second)
    (only,) = split_sentences("A bomb went off in Kirkuk on Monday.")
    assert not headline(only)

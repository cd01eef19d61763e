"""An event compared with others names the event already told (sentences written for these
tests)."""

import datetime as dt

from app.extraction.comparisons import compared
from tests.extraction.helpers import events


def _compared(sentence: str, word: str) -> bool:
    return compared(sentence, sentence.index(word))


def test_a_ranked_event_after_a_copula_or_a_comma_is_compared():
    assert _compared("It was the first drone strike on the city since 2019.", "drone strike")
    assert _compared("The raid, the deadliest ambush on the army this year, shocked", "ambush")
    assert _compared("It marked one of the largest protests in years.", "protests")


def test_a_rank_with_nothing_compared_with_is_no_comparison():
    assert not _compared("It was the first drone strike on the city, officials said.", "drone")


def test_a_rank_after_in_tells_the_event_unless_it_is_one_of_several():
    assert not _compared("Crowds gathered in the largest rally since March.", "rally")
    assert _compared("Gunmen hit the post in one of the fiercest raids since March.", "raids")


def test_a_comparison_adds_no_event_of_its_own(extractor):
    text = (
        "Protesters blocked the main road in Nasiriyah on Monday, police said. "
        "It was the largest air strike on Sinjar in years, a Yazidi official said."
    )
    found = [e[0] for e in events(extractor, text, dt.date(2023, 5, 9))]
    assert "airstrike" not in found

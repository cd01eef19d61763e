"""A later clause with a violent act or a crowd's at a place of its own tells an occurrence
of its own (app/extraction/placed_clauses.py), read through the pipeline."""

import datetime as dt

from app.domain import Place
from app.extraction.event_types import BY_NAME, Trigger
from app.extraction.placed_clauses import placed_clauses
from app.extraction.places import Mention
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence
from tests.extraction.helpers import events

DAY = dt.date(2024, 3, 9)


def _places(extractor, text):
    return sorted((e[0], e[1]) for e in events(extractor, text, DAY))


def test_shelling_answered_by_shelling_elsewhere_is_two_events(extractor):
    text = (
        "Government artillery shelled the village of Kafr Nabl on Friday; rebel fighters "
        "responded by shelling army positions in Jurin."
    )
    found = _places(extractor, text)
    assert len(found) == 2
    assert any("Jurin" in place for _, place in found)


def test_the_second_act_takes_its_own_clause_place(extractor):
    text = (
        "On Tuesday mortar rounds landed near the airport in Erbil, and two rockets hit "
        "the Harir base."
    )
    found = _places(extractor, text)
    assert len(found) == 2
    assert any("Harir" in place for _, place in found)


def _mention(text, word, place_id, admin1="SY-DY", kind="town"):
    start = text.index(word)
    place = Place(place_id, word, kind, 35.0, 40.0, "SY", admin1, None, 1000)
    mention = Mention(start, start + len(word), word, word.lower(), None, False)
    return ResolvedMention(mention, place, 90.0, ())


def _clauses(text, first_word, later_word, later_type="attack", places=()):
    sentence = Sentence(0, 0, len(text), text)
    at = text.index(first_word)
    first = Trigger(BY_NAME["airstrike"], at, at + len(first_word), first_word)
    at = text.index(later_word)
    later = Trigger(BY_NAME[later_type], at, at + len(later_word), later_word)
    mentions = [_mention(text, *p) for p in places]
    return placed_clauses(sentence, [first], mentions, lambda s: [later], lambda s, t: False)


def test_a_toll_in_a_later_clause_is_no_second_event():
    text = "Jets struck a depot in Mayadin, and four men were killed in Hajin."
    places = [("Mayadin", "a"), ("Hajin", "b")]
    assert _clauses(text, "struck", "killed", places=places) == []


def test_an_act_in_a_later_clause_at_a_new_place_is_read():
    text = "Jets struck a depot in Mayadin, and gunmen stormed a post in Hajin."
    found = _clauses(text, "struck", "stormed", places=[("Mayadin", "a"), ("Hajin", "b")])
    assert [t.text for t, _ in found] == ["stormed"]
    assert found[0][1] == (text.index(" gunmen"), len(text))


def test_an_act_in_a_clause_before_the_read_one_is_read():
    text = "Gunmen stormed a post in Hajin, and jets struck a depot in Mayadin."
    found = _clauses(text, "struck", "stormed", places=[("Mayadin", "a"), ("Hajin", "b")])
    assert [(t.text, bounds[0]) for t, bounds in found] == [("stormed", 0)]


def test_an_act_in_the_province_around_the_first_place_is_not_read():
    text = "Jets struck a depot in Mayadin, and gunmen stormed a post in Deir ez-Zor province."
    places = [("Mayadin", "a"), ("Deir ez-Zor province", "p", "SY-DY", "admin1")]
    assert _clauses(text, "struck", "stormed", places=places) == []


def test_a_claim_in_a_later_clause_is_no_second_event(extractor):
    text = (
        "A drone was shot down near Erbil airport on Monday; a militia claimed an attack on "
        "the Harir base the same night."
    )
    assert len(events(extractor, text, DAY)) == 1


def test_a_crowd_dispersed_is_no_second_crowd(extractor):
    text = (
        "Hundreds of men marched in Basra on Friday; police held them back at the Shatt "
        "bridge with water cannon."
    )
    assert [e[0] for e in events(extractor, text, DAY)].count("protest") == 1


def test_a_later_clause_in_the_same_place_reads_nothing():
    sentence = Sentence(0, 0, 20, "x" * 20)
    assert placed_clauses(sentence, [], [], lambda s: [], lambda s, t: False) == []


def test_a_second_column_moving_toward_another_town_is_a_second_movement(extractor):
    text = (
        "Army brigades advanced from Baiji on Monday, while tribal fighters moved towards Shirqat."
    )
    found = events(extractor, text, DAY)
    assert [e[0] for e in found] == ["troop_movement", "troop_movement"]

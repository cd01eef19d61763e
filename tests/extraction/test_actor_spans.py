"""Actor mentions by offset: bisect over mentions in text order, a scan otherwise, same answers."""

from __future__ import annotations

import itertools

from app.extraction.actor_spans import ActorSpans
from app.extraction.actors import Actor, ActorMention
from app.extraction.places import Mention

_ISIS = Actor("ISIS", "rebel_group", None, ())


def _actor(start: int, end: int) -> ActorMention:
    return ActorMention(start, end, "x" * (end - start), (_ISIS,))


def _place(start: int, end: int) -> Mention:
    return Mention(start, end, "x" * (end - start), "x", None, False)


def _scan_between(actors: list[ActorMention], start: int, end: int) -> list[ActorMention]:
    return [a for a in actors if start <= a.start < end]


def _scan_covers(actors: list[ActorMention], mention: Mention) -> bool:
    return any(a.start <= mention.start and mention.end <= a.end for a in actors)


ORDERED = [_actor(0, 30), _actor(5, 9), _actor(12, 14), _actor(40, 44), _actor(40, 50)]


def test_ordered_mentions_are_looked_up_by_bisect_with_the_scan_s_answers() -> None:
    spans = ActorSpans(ORDERED)
    assert spans.ordered
    for start, end in itertools.combinations(range(0, 56, 3), 2):
        assert spans.between(start, end) == _scan_between(ORDERED, start, end)
        place = _place(start, end)
        assert spans.covers(place) is _scan_covers(ORDERED, place)
    assert spans.covers(_place(20, 25))  # inside the long first mention, past the short ones
    assert not spans.covers(_place(31, 35))


def test_mentions_out_of_order_are_scanned() -> None:
    unordered = [ORDERED[3], ORDERED[0], ORDERED[2]]
    spans = ActorSpans(unordered)
    assert not spans.ordered
    assert spans.between(0, 41) == [ORDERED[3], ORDERED[0], ORDERED[2]]
    assert spans.covers(_place(41, 43))
    assert not ActorSpans([]).covers(_place(0, 1))

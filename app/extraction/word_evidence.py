"""Names that are also English words need evidence before they count as places.

The gazetteer marks the keys that are common English words ("hit", "tell", "van"; the
``word_keys`` column, checked against word frequencies when it was built). Such a name found
alone in a report is taken as a place only when the text backs it: a kind word ("Hit
district", "Mount ..."), a locative word before it ("in", "near", "north of"), or another place
right next to it ("Hit and Haditha", "Tell, Syria"); a verb of attack or capture before it
("shelled Tell") counts as a locative word. A capitalised word opening a sentence ("Tell
them...", "Five people...") has none of these and stays a word.

A name left once a kind word was split off ("Assad" of "Lake Assad") is treated the same way,
more strictly: only "in", "near", "at"... or its Arabic article ("al-Omar") back it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

#: Words before a name that make it a place: "in Hit", "north of Hit", "between Hit and...".
LOCATIVES = frozenset(
    "in near at from to outside inside into towards toward around across between through via "
    "of outskirts reach reached entered fled evacuated surrounded captured recaptured retook "
    "seized stormed shelled bombed struck hit raided besieged liberated".split()
)
# Text between two mentions that makes them neighbours in a list or a nesting.
_NEIGHBOURING = re.compile(r"\s*(?:,|,?\s*(?:and|or|in|near)\b)\s*", re.I)


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_M = TypeVar("_M", bound=_Span)


#: The locatives that still count before a name that is more often a person's: where people
#: are or go, not what reaches or strikes them ("loyal to Assad", "a message from Assad",
#: "struck Ali" are no places).
STRICT_LOCATIVES = LOCATIVES - frozenset(
    "to from of reach reached shelled bombed struck hit raided outskirts".split()
)


def has_locative(previous_key: str | None, sentence_start: bool, strict: bool = False) -> bool:
    """A locative word (folded) just before the name, in the same sentence."""
    words = STRICT_LOCATIVES if strict else LOCATIVES
    return not sentence_start and previous_key is not None and previous_key in words


def confirmed_by_neighbours(
    text: str, mentions: Sequence[_M], unconfirmed: Sequence[bool]
) -> list[_M]:
    """Mentions that need no evidence, and the unconfirmed ones next to a confirmed one."""
    out: list[_M] = []
    for i, (mention, doubtful) in enumerate(zip(mentions, unconfirmed, strict=True)):
        if not doubtful:
            out.append(mention)
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(mentions) and not unconfirmed[j]:
                left, right = sorted((mention, mentions[j]), key=lambda m: m.start)
                if _NEIGHBOURING.fullmatch(text[left.end : right.start]):
                    out.append(mention)
                    break
    return out


def is_nisba(key: str, places: Callable[[str], tuple[tuple[int, bool], ...]]) -> bool:
    """Whether a one-word name is the adjective of another place's name ("baghdadi" of
    Baghdad, "tikriti" of Tikrit): an Arabic surname as often as a town. Not a spelling of
    the same place ("Tripoli", "Tripol")."""
    if len(key) <= 5 or not key.endswith("i") or " " in key:
        return False
    stem = {index for index, _ in places(key[:-1])}
    return bool(stem) and stem.isdisjoint(index for index, _ in places(key))

"""Features of one sentence for the learned sentence classifier (:mod:`sentence_model`).

A sentence becomes a set of feature names: its lower-cased words and word pairs (numbers
folded to ``<num>``, so "killed 12" and "killed 3" are one pair; a capitalised word after the
first marked ``^``, so the town in "south of Hit" is not the verb), and what the rules found in it
(``rule:<group>`` for each trigger group, ``rule:none`` when they found nothing). The same
function serves training (tools/train_sentence_model.py) and the service, so the two never
disagree on what a feature is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

#: Words (with inner hyphens and apostrophes: "al-Qaeda", "didn't") and numbers.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
NUMBER = "<num>"
NAME = "^"
RULE_NONE = "rule:none"


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a sentence: its folded form and its offsets in the sentence."""

    key: str
    start: int
    end: int


def _key(word: str, first: bool) -> str:
    if word[0].isdigit():
        return NUMBER
    key = word.lower().replace("’", "'")
    # A capitalised word inside the sentence is a name ("south of Hit"), not the word
    # ("were hit"): marked, so the two never share a weight.
    return key if first or not word[0].isupper() or word.isupper() else NAME + key


def words(text: str) -> list[str]:
    """The folded words of a sentence (what the features are made of), in order."""
    found = _WORD.findall(text)
    if not found:
        return []
    # Each word's key inside a sentence is read once and reused (this runs on every
    # sentence): the first word, never marked as a name, is read on its own.
    keys = [_inner_key(w) for w in found]
    keys[0] = _key(found[0], True)
    return keys


@lru_cache(maxsize=100_000)
def _inner_key(word: str) -> str:
    """A word's key when it is not a sentence's first word."""
    return _key(word, False)


def tokens(text: str) -> list[Token]:
    """The folded words of a sentence with their offsets (to point at the evidence word)."""
    return [
        Token(_key(m.group(), i == 0), m.start(), m.end())
        for i, m in enumerate(_WORD.finditer(text))
    ]


def rule_features(groups: Iterable[str]) -> list[str]:
    """``rule:<group>`` for each group the rules found a trigger of, else ``rule:none``."""
    found = sorted(set(groups))
    return [f"rule:{g}" for g in found] if found else [RULE_NONE]


def sentence_features(keys: list[str], groups: Iterable[str]) -> set[str]:
    """Unigrams, bigrams and rule features of one sentence (a set: presence, not counts),
    from its :func:`words`."""
    out = set(keys)
    out.update(map(" ".join, zip(keys, keys[1:], strict=False)))
    out.update(rule_features(groups))
    return out

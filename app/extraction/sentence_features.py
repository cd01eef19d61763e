"""Features of one sentence for the learned sentence classifier (:mod:`sentence_model`).

A sentence becomes a set of feature names: its lower-cased words and word pairs (numbers
folded to ``<num>``, so "killed 12" and "killed 3" are one pair), and what the rules found in it
(``rule:<group>`` for each trigger group, ``rule:none`` when they found nothing). The same
function serves training (tools/train_sentence_model.py) and the service, so the two never
disagree on what a feature is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Words (with inner hyphens and apostrophes: "al-Qaeda", "didn't") and numbers.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
NUMBER = "<num>"
RULE_NONE = "rule:none"


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a sentence: its folded form and its offsets in the sentence."""

    key: str
    start: int
    end: int


def _key(word: str) -> str:
    return NUMBER if word[0].isdigit() else word.lower().replace("’", "'")


def words(text: str) -> list[str]:
    """The folded words of a sentence (what the features are made of), in order."""
    lowered = text.lower()
    found = _WORD.findall(lowered.replace("’", "'") if "’" in lowered else lowered)
    return [NUMBER if w[0].isdigit() else w for w in found]


def tokens(text: str) -> list[Token]:
    """The folded words of a sentence with their offsets (to point at the evidence word)."""
    return [Token(_key(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


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

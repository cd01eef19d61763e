"""Name -> candidate places: exact keys in a dict, fuzzy keys in small rapidfuzz buckets."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from app.domain import Place
from app.gazetteer.normalize import normalize
from app.gazetteer.translit import (
    has_spelled_letters,
    variant_key,
    variant_of_key,
    variant_query_key,
    variant_words,
)

#: Countries whose every alias is offered to fuzzy matching; elsewhere only primary names.
FOCUS_COUNTRIES = frozenset({"IQ", "SY"})
#: Iraq's and Syria's neighbours: their places are in the gazetteer down to towns.
NEIGHBOUR_COUNTRIES = frozenset({"TR", "IR", "JO", "SA", "KW", "LB", "IL", "PS"})
_FUZZY_MIN_LEN = 4
#: Variant keys are shorter and folded harder: fuzzy matching on them wants more.
_VARIANT_FUZZY_MIN_LEN, VARIANT_FUZZY_CUTOFF = 5, 86.0

# Fuzzy candidates are bucketed by a coarse class of the key's first letter, so that a typo
# is compared with hundreds of keys, not tens of thousands. Vowels share a class because
# transliterations swap them freely (Erbil/Irbil/Arbil); so do k/q/c and similar pairs.
_FIRST_CLASS = {
    **dict.fromkeys("aeiouy", "V"),
    **dict.fromkeys("kqcg", "K"),
    **dict.fromkeys("sz", "S"),
    **dict.fromkeys("td", "T"),
    **dict.fromkeys("hx", "H"),
}


def first_class(key: str) -> str:
    """Bucket label of a key."""
    return _FIRST_CLASS.get(key[:1], key[:1])


class NameIndex:
    """Look places up by normalised key; each hit says whether it matched a kind-word form."""

    def __init__(
        self, places: Sequence[Place], keys: Sequence[tuple[tuple[str, ...], tuple[str, ...]]]
    ) -> None:
        exact: dict[str, list[tuple[int, bool]]] = defaultdict(list)
        buckets: dict[str, set[str]] = defaultdict(set)
        variants: dict[str, dict[int, bool]] = defaultdict(dict)
        spaced: dict[str, set[int]] = defaultdict(set)
        for i, (place, (full, cue)) in enumerate(zip(places, keys, strict=True)):
            for key in full:
                exact[key].append((i, False))
            for key in cue:
                exact[key].append((i, True))
            focus = place.country in FOCUS_COUNTRIES or place.kind == "country"
            fuzzy_keys = full if focus else (normalize(place.name),)
            for key in fuzzy_keys:
                if len(key) >= _FUZZY_MIN_LEN:
                    buckets[first_class(key)].add(key)
            if place.country in FOCUS_COUNTRIES:
                # From the normalised keys; names with Turkish or Kurdish letters (ş, x)
                # again from the name, since normalising drops what those letters spell.
                for key in full:
                    if " " in key:
                        spaced[variant_words(key)].add(i)
                pairs = [(variant_of_key(k), False) for k in full]
                pairs += [(variant_of_key(k), True) for k in cue]
                for name in (place.name, *place.aliases):
                    if has_spelled_letters(name):
                        pairs += [(variant_key(name), False), (variant_query_key(name), True)]
                for key, cued in pairs:
                    if key:  # a plain match beats one found only once kind words went
                        variants[key][i] = variants[key].get(i, True) and cued
        self._exact = {k: tuple(v) for k, v in exact.items()}
        self._buckets = {k: sorted(v) for k, v in buckets.items()}
        self._variants = {k: tuple(v.items()) for k, v in variants.items()}
        self._spaced = {k: tuple(sorted(v)) for k, v in spaced.items()}
        variant_buckets: dict[str, list[str]] = defaultdict(list)
        for key in sorted(self._variants):
            if len(key) >= _VARIANT_FUZZY_MIN_LEN:
                variant_buckets[key[:1]].append(key)
        self._variant_buckets = dict(variant_buckets)

    def __len__(self) -> int:
        return len(self._exact)

    def exact(self, key: str) -> tuple[tuple[int, bool], ...]:
        """Places with this key: (place index, matched only after dropping kind words)."""
        return self._exact.get(key, ())

    def fuzzy(self, key: str, limit: int = 10, cutoff: float = 82.0) -> list[tuple[str, float]]:
        """Keys similar to ``key`` (rapidfuzz ratio >= cutoff), best first."""
        if len(key) < _FUZZY_MIN_LEN:
            return []
        choices = self._buckets.get(first_class(key), [])
        hits = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
        return [(choice, float(score)) for choice, score, _ in hits]

    def variant(self, key: str) -> tuple[tuple[int, bool], ...]:
        """Places in Iraq and Syria with this variant key (see :mod:`app.gazetteer.translit`)."""
        return self._variants.get(key, ())

    def variant_of_words(self, key: str) -> tuple[int, ...]:
        """Places in Iraq and Syria whose several-word name has these variant words."""
        return self._spaced.get(key, ())

    def fuzzy_variant(self, key: str, limit: int = 10) -> list[tuple[str, float]]:
        """Variant keys similar to ``key``, best first (same first letter: it is folded)."""
        if len(key) < _VARIANT_FUZZY_MIN_LEN:
            return []
        choices = self._variant_buckets.get(key[:1], [])
        hits = process.extract(
            key, choices, scorer=fuzz.ratio, score_cutoff=VARIANT_FUZZY_CUTOFF, limit=limit
        )
        return [(choice, float(score)) for choice, score, _ in hits]

    def keys(self) -> list[str]:
        """Every exact key (for suggestions and tests)."""
        return list(self._exact)

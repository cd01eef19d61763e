"""Name -> candidate places: exact keys in a dict, fuzzy keys in small rapidfuzz buckets."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from app.domain import Place
from app.gazetteer.normalize import normalize

#: Countries whose every alias is offered to fuzzy matching; elsewhere only primary names.
FOCUS_COUNTRIES = frozenset({"IQ", "SY"})
#: Iraq's and Syria's neighbours: their places are in the gazetteer down to towns.
NEIGHBOUR_COUNTRIES = frozenset({"TR", "IR", "JO", "SA", "KW", "LB", "IL", "PS"})
_FUZZY_MIN_LEN = 4

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
        self._exact = {k: tuple(v) for k, v in exact.items()}
        self._buckets = {k: sorted(v) for k, v in buckets.items()}

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

    def keys(self) -> list[str]:
        """Every exact key (for suggestions and tests)."""
        return list(self._exact)

"""Common English words: the vocabulary that gazetteer keys are checked against.

Build- and test-time only (``wordfreq`` and ``english-words`` are dev dependencies); the
gazetteer records what it found in its ``word_keys`` column, so the service never needs them.

A word is a common English word when

- wordfreq says English uses it at least :data:`COMMON_ZIPF` (Zipf scale: log10 of uses per
  billion words; 3 is once per million words). A news report has about 400 words, so a word
  at Zipf 3 turns up in about one report of every 2,500 on its own, and the ~30,000 English
  words above that line together in every report; below it the words are rare enough
  ("kut", "hawl") that a capitalised one is more likely a name than a word. Zipf 4, the other
  line the issue suggested, would leave "tyre", "hut", "panorama" and 20,000 more words able
  to turn into places;
- an English dictionary lists it, or the stem it is inflected from ("cars" -> "car",
  "killed" -> "kill"), in lower case (Webster's Second International, the ``web2`` list of
  the ``english-words`` package): word frequencies count names too ("syria", "baghdad" are
  frequent), a dictionary's case tells a word from a name;
- it is not the name of a country or of a capital of a million people (the 1934 dictionary
  lists "china", "turkey", "paris" as words: porcelain, the bird, a plant); the caller passes
  those names.

Number words, months and weekdays (:data:`app.gazetteer.words.NEVER_ALONE`) are common words
whatever their case in the dictionary, and so are the few words of ``data/curated/
english_words.csv`` (each with its reason): modern words the 1934 dictionary lacks ("okay",
"metro") and words of this domain that are names of nothing here ("Ramadan", "Allah").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

from english_words import get_english_words_set
from wordfreq import iter_wordlist, zipf_frequency

from app.gazetteer.words import NEVER_ALONE

COMMON_ZIPF = 3.0
CURATED_WORDS = Path(__file__).resolve().parent.parent / "data" / "curated" / "english_words.csv"
_WORD = re.compile(r"[a-z]+")


def _stems(word: str) -> list[str]:
    """The word and the stems it may be inflected from (plural, past, -ing forms)."""
    out = [word]
    if word.endswith("ies") or word.endswith("ied"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    if word.endswith("ed"):
        out += [word[:-2], word[:-1]]
        if len(word) > 5 and word[-3] == word[-4]:
            out.append(word[:-3])  # "stopped" -> "stop"
    if word.endswith("ing") and len(word) > 5:
        out += [word[:-3], word[:-3] + "e"]
        if word[-4] == word[-5]:
            out.append(word[:-4])  # "running" -> "run"
    return out


def common_words(names: Iterable[str] = ()) -> frozenset[str]:
    """Every common English word (lower case, letters only), minus the given ``names``."""
    dictionary = get_english_words_set(["web2"], alpha=True)
    excluded = set(names)
    out: set[str] = set(NEVER_ALONE) | curated_words()
    for word in iter_wordlist("en"):  # most frequent first
        if zipf_frequency(word, "en") < COMMON_ZIPF:
            break
        if not _WORD.fullmatch(word) or word in excluded:
            continue
        if any(stem in dictionary for stem in _stems(word)):
            out.add(word)
    return frozenset(out)


def curated_words() -> set[str]:
    """The curated additions: common words here that the dictionary misses."""
    with CURATED_WORDS.open(encoding="utf-8", newline="") as fh:
        return {row["word"].strip().lower() for row in csv.DictReader(fh)}


def describe() -> dict[str, object]:
    """What the vocabulary was made from, for the gazetteer's manifest."""
    return {
        "wordfreq": version("wordfreq"),
        "english-words": version("english-words"),
        "dictionary": "web2 (lower-case entries)",
        "curated_words": len(curated_words()),
        "min_zipf": COMMON_ZIPF,
    }

"""Word tokens of a report, folded like gazetteer keys, with their spans.

Each word is folded (case, diacritics, Arabic letter variants, apostrophes); a transliterated
article joined by a hyphen to a capitalised word ("al-", "ez-") is marked, so a name can start
after it; a lone letter and a number are joined ("K-1" -> "k1"); "Irbil's" is read as "Irbil".
Most words need no look at their neighbours: what such a word gives is worked out once and
reused (this runs on every word of every report).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from app.gazetteer.normalize import ARTICLES, fold, split_arabic_word

_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
_TOKEN = re.compile(r"[^\W_]+(?:['’ʼʿʾ`][^\W_]+)*")
HYPHENS = "-‐‑–"


class Token(NamedTuple):
    """A word of the report: its folded form and its span (a tuple: a report makes
    hundreds, and a tuple is the cheapest immutable record to build)."""

    text: str
    key: str
    start: int
    end: int
    article: bool = False
    possessive: bool = False


@lru_cache(maxsize=200_000)
def _fold_token(token: str) -> str:
    return fold(token).translate(_APOSTROPHES)


_APOSTROPHES = str.maketrans("", "", "'’ʼʿʾ`")


_HYPHEN_GAPS = frozenset(HYPHENS)  # words joined by exactly one hyphen
_CODE_GAPS = frozenset(("-", " ", "", "‑", "–"))  # "K-1", "K 1", "T4"


def tokenize(text: str) -> list[Token]:
    """Word tokens with articles marked and "K-1" style names joined."""
    # One pass over the words (this runs on every word of every report): an article looks
    # ahead at the next word, a number back at the token before it. Most words need neither:
    # what they give is read once per word (_plain_word) and reused.
    matches = list(_TOKEN.finditer(text))
    last = len(matches) - 1
    tokens: list[Token] = []
    append = tokens.append
    plain_words = _plain_words
    new = tuple.__new__  # Token(...) without the Python-level __new__ of a NamedTuple
    for i, match in enumerate(matches):
        plain = plain_words.get(match.group()) or _plain_word(match.group())
        if plain is not _NOT_PLAIN:
            word, key, cut, short, possessive = plain
            start, end = match.span()
            append(new(Token, (word, key, start + cut, end - short, False, possessive)))
            continue
        word = match.group()
        start, end = match.span()
        possessive = len(word) > 3 and word[-1] in "sS" and word[-2] in "'’"
        if possessive:  # "Irbil's" is read as "Irbil" (_word, inline)
            word, end = word[:-2], end - 2
        if not word.isascii() and _ARABIC_LETTER.match(word):
            cut, key = split_arabic_word(word)  # "وبالموصل": the name starts at "الموصل"
            word, start, possessive = word[cut:], start + cut, False
        else:
            key = _fold_token(word)
        if key in ARTICLES and key != "the" and i < last:
            following, next_start, _, _ = _word(matches[i + 1])
            if not following.isascii() and _ARABIC_LETTER.match(following):
                cut = split_arabic_word(following)[0]
                following, next_start = following[cut:], next_start + cut
            if text[end:next_start] in _HYPHEN_GAPS or following[:1].isupper():
                append(new(Token, (word, key, start, end, True, False)))
                continue
        if tokens and key[:1].isdigit():
            prev = tokens[-1]
            if len(prev.key) == 1 and prev.key.isalpha() and text[prev.end : start] in _CODE_GAPS:
                tokens[-1] = Token(text[prev.start : end], prev.key + key, prev.start, end)
                continue
        append(new(Token, (word, key, start, end, False, possessive)))
    return tokens


#: A word that may be an article or a number: :func:`tokenize` reads it in its context.
_NOT_PLAIN: tuple[str, str, int, int, bool] = ("", "", 0, 0, False)
#: Word as matched -> (word as read, key, characters cut at its start and at its end,
#: possessive) for the words whose token needs no look at their neighbours; emptied when full.
_plain_words: dict[str, tuple[str, str, int, int, bool]] = {}
_MAX_PLAIN_WORDS = 200_000


def _plain_word(matched: str) -> tuple[str, str, int, int, bool]:
    """What :func:`tokenize` makes of a word alone (:data:`_NOT_PLAIN` for a word it must
    read with its neighbours: an article other than "the", or one starting with a digit)."""
    word = matched
    possessive = len(word) > 3 and word[-1] in "sS" and word[-2] in "'’"
    short = 2 if possessive else 0
    if possessive:
        word = word[:-2]
    cut = 0
    if not word.isascii() and _ARABIC_LETTER.match(word):
        cut, key = split_arabic_word(word)
        word, possessive = word[cut:], False
    else:
        key = _fold_token(word)
    found = (
        _NOT_PLAIN
        if (key in ARTICLES and key != "the") or key[:1].isdigit()
        else (word, key, cut, short, possessive)
    )
    if len(_plain_words) >= _MAX_PLAIN_WORDS:
        _plain_words.clear()
    _plain_words[matched] = found
    return found


def _word(match: re.Match[str]) -> tuple[str, int, int, bool]:
    """A word match as (word, start, end, possessive), "Irbil's" read as "Irbil"."""
    word = match.group()
    start, end = match.span()
    if len(word) > 3 and word[-1] in "sS" and word[-2] in "'’":
        return word[:-2], start, end - 2, True
    return word, start, end, False

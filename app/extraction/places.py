"""Toponym detection: gazetteer keys found in text by an Aho-Corasick automaton over tokens.

The text is cut into word tokens (:mod:`app.extraction.tokens`), each folded like a gazetteer
key (case, diacritics, Arabic letter variants); transliterated articles joined by a hyphen
("al-", "ez-") are skipped, a lone letter and a number are joined ("K-1" -> "k1"). Keys match
whole token runs, so offsets map straight back to the report. Guards then drop what is not a
place mention: lower-case words ("a bomb hit"), names inside organisation names ("Deir ez-Zor
Military Council"), names in "X-led"/"X-backed" compounds, person names ("Rabia Hassan"), and
common words at the start of a sentence. Kind words next to a name ("province", "air base",
"Mount") join the mention and become a cue for resolution. Names that are also English words
("Hit", "Tell") need evidence (:mod:`app.extraction.word_evidence`); numbers, months and
weekdays are never a place alone.
"""

from __future__ import annotations

import bisect
import copy
import itertools
import re
from collections.abc import Container
from dataclasses import dataclass

import ahocorasick

from app.domain import Place
from app.extraction.cues import cued_search
from app.extraction.place_words import (
    ADJECTIVAL_SUFFIXES,
    COMMON_WORDS,
    FOLLOWER_WORDS,
    FUNCTION_WORDS,
    ORG_HEADS,
    PERSON_TITLES,
    PLACE_FOLLOWERS,
    PLURAL_KIND_WORDS,
    PREFIX_KIND,
    QUALIFIERS,
)
from app.extraction.tokens import HYPHENS, Token, tokenize
from app.extraction.word_evidence import confirmed_by_neighbours, has_locative, is_nisba
from app.gazetteer.geocoder import Gazetteer
from app.gazetteer.index import FOCUS_COUNTRIES, NEIGHBOUR_COUNTRIES
from app.gazetteer.normalize import KIND_WORDS
from app.gazetteer.words import NEVER_ALONE

# The word lists live in place_words; these stay importable from here.
__all__ = [
    "COMMON_WORDS",
    "PLURAL_KIND_WORDS",
    "Mention",
    "Token",
    "ToponymMatcher",
    "tokenize",
]

# Kind words as token sequences (folded), longest first, for extending a mention.
_KIND_SEQUENCES: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    sorted(
        ((tuple(w.split()), fam) for w, fam in KIND_WORDS if w not in ("mount", "mt")),
        key=lambda x: -len(x[0]),
    )
)
_KIND_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _family in _KIND_SEQUENCES:
    _KIND_BY_FIRST.setdefault(_words[0], []).append((_words, _family))


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in the text; ``kind_cue`` comes from kind words around it."""

    start: int
    end: int
    text: str
    key: str
    kind_cue: str | None
    sentence_start: bool


class ToponymMatcher:
    """Finds gazetteer names in text."""

    def __init__(self, gazetteer: Gazetteer, people: Container[str] = frozenset()) -> None:
        """``people``: words for nations and peoples (token keys), never a place mention."""
        self.gazetteer = gazetteer
        self.people = people
        self.word_keys = gazetteer.data.word_keys
        self._automaton = ahocorasick.Automaton()
        seen: set[str] = set()
        for place, (full, cue) in zip(gazetteer.places, gazetteer.data.keys, strict=True):
            for key in (*full, *cue):
                if key in seen or not _detectable(place, key):
                    continue
                seen.add(key)
                self._automaton.add_word(f" {key} ", key)
        self._automaton.make_automaton()
        # One word left once a kind word was split off ("Assad" of "Lake Assad", "Ali" of
        # "Imam Ali Air Base"), and the full name of no place: found without its kind word,
        # it is more often a person than the place.
        full_keys = {k for full, _ in gazetteer.data.keys for k in full}
        self._bare_cue_keys = (
            frozenset(k for _, cue in gazetteer.data.keys for k in cue if " " not in k) - full_keys
        )

    def with_people(self, people: Container[str]) -> ToponymMatcher:
        """This matcher (its automaton shared) with the lexicon's words for peoples."""
        matcher = copy.copy(self)
        matcher.people = people
        return matcher

    def _nisba(self, key: str) -> bool:
        if not is_nisba(key, self.gazetteer.index.exact):
            return False
        # "Kobani" is no adjective of a "Koban" (Al-Qaboun, Cobán): a surname comes from a
        # place of the region larger than the town that bears the name ("al-Baghdadi").
        places = self.gazetteer.places
        region = FOCUS_COUNTRIES | NEIGHBOUR_COUNTRIES

        def largest(k: str) -> int:
            found = [places[i] for i, _ in self.gazetteer.index.exact(k)]
            return max((p.population for p in found if p.country in region), default=-1)

        return largest(key[:-1]) > largest(key)

    def _named_on(self, key: str, all_tokens: list[Token], tok: Token) -> bool:
        """Whether the word after the article following ``tok`` is a word of a name of the
        place found ("Moadamiyeh al-Sham": "sham" is of Moadamiyet al-Sham's names)."""
        i = bisect.bisect_right(all_tokens, tok.start, key=lambda t: t.start) + 1
        word = all_tokens[i].key
        data = self.gazetteer.data.keys
        return any(
            word in k.split() for p, _ in self.gazetteer.index.exact(key) for k in data[p][0]
        )

    def find(
        self, text: str, sentence_starts: list[int], all_tokens: list[Token] | None = None
    ) -> list[Mention]:
        """Place mentions, longest first and non-overlapping, in text order."""
        all_tokens = tokenize(text) if all_tokens is None else all_tokens
        tokens = [t for t in all_tokens if not t.article]
        if not tokens:
            return []
        keys = [t.key for t in tokens]
        # " key0 key1 ... " and where each key starts in it.
        offsets = list(itertools.accumulate((len(k) + 1 for k in keys[:-1]), initial=1))
        stream = " " + " ".join(keys) + " "
        hits: list[tuple[int, int, str]] = []
        for end, key in self._automaton.iter(stream):
            first = bisect.bisect_left(offsets, end - len(key) - 1 + 1)
            last = first + key.count(" ")
            hits.append((first, last, key))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        mentions: list[Mention] = []
        unconfirmed: list[bool] = []
        taken_until = -1
        for first, last, key in hits:
            if first <= taken_until:
                continue
            accepted = self._accept(text, tokens, all_tokens, first, last, key, sentence_starts)
            if accepted is not None:
                mention, doubtful = accepted
                if (
                    mention.kind_cue == "admin1"
                    and mentions
                    and mentions[-1].kind_cue is None
                    and text[mentions[-1].end : mention.start] in (" and ", ", ")
                ):
                    prev = mentions[-1]
                    mentions[-1] = Mention(
                        prev.start, prev.end, prev.text, prev.key, "admin1", prev.sentence_start
                    )
                mentions.append(mention)
                unconfirmed.append(doubtful)
                taken_until = last + _kind_extension_length(tokens, last)
        return confirmed_by_neighbours(text, mentions, unconfirmed)

    def _accept(
        self,
        text: str,
        tokens: list[Token],
        all_tokens: list[Token],
        first: int,
        last: int,
        key: str,
        sentence_starts: list[int],
    ) -> tuple[Mention, bool] | None:
        """The mention at tokens[first..last], and whether it still needs a neighbour to
        confirm it (a common-word name with no kind word or locative word); None: no place."""
        if key in self.people:
            return None  # "Iraqi", "Arab": a people, whatever place bears the name
        start_tok, end_tok = tokens[first], tokens[last]
        if _name_goes_on(text, all_tokens, end_tok) and not self._named_on(
            key, all_tokens, end_tok
        ):
            return None  # "Tal al-Ahmar": "Tal" of a longer name the gazetteer lacks
        if any(t.possessive for t in tokens[first:last]):
            return None  # "Irbil's airport" is two things, not one name
        initial = start_tok.text[0]
        if initial.isalpha() and initial.isascii() and not initial.isupper():
            return None  # "a roadside bomb hit", "tal" in lower case
        after = text[end_tok.end : end_tok.end + 20]
        if after[:1] in HYPHENS:
            suffix = re.match(r"[\-‐‑–](\w+)", after)
            if suffix and suffix.group(1).lower() in ADJECTIVAL_SUFFIXES:
                return None
        nxt = tokens[last + 1] if last + 1 < len(tokens) else None
        sentence_start = _starts_sentence(text, start_tok.start, sentence_starts)
        if first == last and nxt is not None and nxt.key in FOLLOWER_WORDS:
            return None  # "Sadr supporters stormed the building": a man's followers
        if nxt is not None and nxt.text[:1].isupper() and text[end_tok.end : nxt.start] == " ":
            if nxt.key in ORG_HEADS or _org_ahead(tokens, last + 1):
                return None
            if first == last and nxt.key not in PLACE_FOLLOWERS and nxt.key not in self.people:
                return None  # "Rabia Hassan said": a person's first name
        if (
            _org_ahead(tokens, last + 1)
            and nxt is not None
            and nxt.text[:1].isupper()
            and not text[end_tok.end : nxt.start].strip()  # "in Mosul. Forces..." is no name
        ):
            return None
        prev = _previous_word(all_tokens, start_tok)
        if prev is not None and prev.key in PERSON_TITLES:
            return None
        if prev is not None and prev.article and first == last:
            before = _previous_word(all_tokens, prev)
            if (
                before is not None
                and text[before.end : prev.start] == " "  # not "Talbiseh, al-Rastan"
                and before.text[:1].isupper()
                and before.key not in PLACE_FOLLOWERS
                and before.key not in PREFIX_KIND
                and before.key not in FUNCTION_WORDS
            ):
                return None  # "Bashar al-Assad", "Muqtada al-Sadr"
        if (
            first == last
            and prev is not None
            and not prev.article
            and prev.text[:1].isupper()
            and text[prev.end : start_tok.start] == " "
            and prev.key not in self.people
            and prev.key not in QUALIFIERS
            and prev.key not in PREFIX_KIND
            and prev.key not in PLACE_FOLLOWERS
            and prev.key not in FUNCTION_WORDS
        ):
            return None  # "Rabia Hassan": a surname after a first name
        if sentence_start and first == last and key in COMMON_WORDS:
            return None
        start = start_tok.start
        if (
            prev is not None
            and prev.article
            and text[prev.end : start_tok.start] in ("-", " ", "‑", "–")
            and prev.text[:1].isupper()
            or (
                prev is not None
                and prev.article
                and text[prev.end : start_tok.start] in ("-", "‑", "–")
            )
        ):
            start = prev.start  # "al-Hol", "Al Qaim": the article belongs to the name
        cue: str | None = None
        end = end_tok.end
        extension = _kind_extension(tokens, last)
        if extension is not None:
            end, cue = tokens[extension[0]].end, extension[1]
        elif nxt is not None and nxt.key in PLURAL_KIND_WORDS:
            cue = PLURAL_KIND_WORDS[nxt.key]  # "Salah ad-Din and Kirkuk provinces"
        if (
            prev is not None
            and prev.key in PREFIX_KIND
            and prev.text[:1].isupper()
            and text[prev.end : start_tok.start] == " "
        ):
            start, cue = prev.start, PREFIX_KIND[prev.key]
        if cue is None and cued_search(_ADMIN1_OF, text[max(0, start - 30) : start]):
            cue = "admin1"  # "the province of Suwayda": the governorate, not its capital
        alone = first == last and cue is None
        if alone and key in NEVER_ALONE:
            return None  # "Five soldiers", "March", "Sunday": never a place on their own
        doubtful = False
        if alone and (key in self.word_keys or key in self._bare_cue_keys):
            before = _previous_word(all_tokens, prev) if prev is not None and prev.article else prev
            bare = key in self._bare_cue_keys
            doubtful = not has_locative(
                before.key if before is not None else None, sentence_start, strict=bare
            ) and not (bare and start < start_tok.start and not sentence_start)
        elif alone and self._nisba(key):
            # "al-Baghdadi detonated a vest": "of Baghdad", a surname, unless a locative word
            # ("in al-Baghdadi", "near al-Baghdadi") or a place beside it says it is the town.
            before = _previous_word(all_tokens, prev) if prev is not None and prev.article else prev
            doubtful = not has_locative(
                before.key if before is not None else None, sentence_start, strict=True
            ) and not cued_search(_KIND_OF, text[max(0, start - 30) : start])
        return Mention(start, end, text[start:end], key, cue, sentence_start), doubtful


_ADMIN1_OF = re.compile(r"\b(?:province|governorate|wilayat) of\s+$", re.I)
_KIND_OF = re.compile(r"\b(?:town|village|city|district|area|outskirts) of\s+$", re.I)


def _detectable(place: Place, key: str) -> bool:
    if len(key) < 2 or key.isdigit():
        return False
    if place.country in FOCUS_COUNTRIES or place.kind == "country":
        return len(key) >= 3 or any(ch.isdigit() for ch in key)  # "K1"
    # World context: longer names only, so that short foreign aliases do not fire on English.
    return len(key) >= 4 and key not in COMMON_WORDS


def _previous_word(tokens: list[Token], tok: Token) -> Token | None:
    i = bisect.bisect_left(tokens, tok.start, key=lambda t: t.start)
    return tokens[i - 1] if i > 0 else None


def _name_goes_on(text: str, tokens: list[Token], tok: Token) -> bool:
    """Whether a capitalised word after a hyphened article follows the name: "Tal al-Ahmar",
    "Deir al-Adas" are names of their own, not the town "Tal" or "Deir" of a longer name."""
    i = bisect.bisect_right(tokens, tok.start, key=lambda t: t.start)
    if i + 1 >= len(tokens):
        return False
    article, word = tokens[i], tokens[i + 1]
    return (
        article.article
        and text[tok.end : article.start] == " "
        and text[article.end : word.start] in HYPHENS
        and len(text[article.end : word.start]) == 1
        and word.text[:1].isupper()
    )


#: A letter or a digit.
_ALNUM = re.compile(r"[^\W_]")


def _starts_sentence(text: str, start: int, sentence_starts: list[int]) -> bool:
    """Whether only "The" (or "the") comes before ``start`` in its sentence."""
    i = bisect.bisect_right(sentence_starts, start) - 1
    begin = sentence_starts[i] if i >= 0 else 0
    first = _ALNUM.search(text, begin, start)
    if first is None:
        return True
    if text[first.start()] not in "Tt":
        return False  # a word before it, and no "The" or "the" can start there
    head = text[begin:start]
    return not _ALNUM.search(head.replace("The", "").replace("the", ""))


def _org_ahead(tokens: list[Token], index: int) -> bool:
    """A run of capitalised words ending in an organisation word ("Provincial Council")."""
    for tok in tokens[index : index + 3]:
        if not tok.text[:1].isupper():
            return False
        if tok.key in ORG_HEADS:
            return True
    return False


def _kind_extension(tokens: list[Token], last: int) -> tuple[int, str] | None:
    if tokens[last].possessive:
        return None  # "Irbil's airport" names the city, not the airport
    if last + 1 >= len(tokens):
        return None
    for words, family in _KIND_BY_FIRST.get(tokens[last + 1].key, ()):
        n = len(words)
        window = tokens[last + 1 : last + 1 + n]
        if len(window) == n and tuple(t.key for t in window) == words:
            return last + n, family
    return None


def _kind_extension_length(tokens: list[Token], last: int) -> int:
    extension = _kind_extension(tokens, last)
    return extension[0] - last if extension else 0

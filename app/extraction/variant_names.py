"""Place names in report text written in another transliteration ("Tel Tamir", "Dair al-Zur").

The toponym automaton knows every name and alias as written; a report may spell a name in a
way no alias has. Runs of two to four capitalised words (articles allowed between them) are
looked up word by word by their variant keys (:mod:`app.gazetteer.translit`) among the
several-word names of places in Iraq and Syria. A single word never is: too many capitalised
English words share a variant key with a village ("Media" and Madaya), so one-word names stay
with the automaton and its guards.
"""

from __future__ import annotations

import re

from app.extraction.place_words import ADJECTIVAL_SUFFIXES, ORG_HEADS, PERSON_TITLES
from app.extraction.places import Mention, Token
from app.gazetteer.geocoder import Gazetteer
from app.gazetteer.translit import variant_words

MAX_WORDS = 4
_JOINERS = (" ", "-", "‐", "‑", "–")


def _capitalised(token: Token) -> bool:
    first = token.text[:1]
    return first.isascii() and first.isupper()


def _run(text: str, tokens: list[Token], i: int) -> list[Token]:
    """The capitalised words from tokens[i] on (articles between them kept out)."""
    words = [tokens[i]]
    j = i
    while j + 1 < len(tokens) and len(words) < MAX_WORDS:
        nxt = tokens[j + 1]
        if text[tokens[j].end : nxt.start] not in _JOINERS:
            break
        if not nxt.article and not _capitalised(nxt):
            break
        if not nxt.article:
            words.append(nxt)
        j += 1
    return words


_SUFFIX = re.compile(r"^[-‐‑–](\w+)")


def _guarded(text: str, tokens: list[Token], first: int, last: int, key: str) -> bool:
    """The automaton's guards: a name it knows as written and left out was left out for a
    reason; an organisation ("... Military Council"), an "X-led" adjective, a person."""
    for nxt in tokens[last + 1 : last + 4]:  # "... Military Council", "... Police"
        if not _capitalised(nxt):
            break
        if nxt.key in ORG_HEADS:
            return True
    suffix = _SUFFIX.match(text[tokens[last].end : tokens[last].end + 20])
    if suffix is not None and suffix.group(1).lower() in ADJECTIVAL_SUFFIXES:
        return True
    return first > 0 and tokens[first - 1].key in PERSON_TITLES


def with_variant_mentions(
    text: str, tokens: list[Token], found: list[Mention], gazetteer: Gazetteer
) -> list[Mention]:
    """``found`` plus the places written in another transliteration; a variant name of
    several words replaces a one-word name found inside it ("Dair al-Zur" over "Dair")."""
    single = {(m.start, m.end) for m in found if " " not in m.key}
    taken = [(m.start, m.end) for m in found if (m.start, m.end) not in single]
    added: list[Mention] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        initial = tok.text[:1]  # _capitalised, inline: it is asked of every word
        if (
            tok.article
            or not (initial.isascii() and initial.isupper())
            or any(s <= tok.start < e for s, e in taken)
        ):
            i += 1
            continue
        words = _run(text, tokens, i)
        for n in range(len(words), 1, -1):
            start, end = words[0].start, words[n - 1].end
            key = " ".join(w.key for w in words[:n])
            if any(s < end and start < e for s, e in taken):
                continue
            if gazetteer.index.exact(key) or _guarded(
                text, tokens, i, tokens.index(words[n - 1], i), key
            ):
                continue
            if gazetteer.index.variant_of_words(variant_words(key)):
                added.append(Mention(start, end, text[start:end], key, None, False))
                taken.append((start, end))
                break
        i += 1
    kept = [m for m in found if not any(a.start <= m.start and m.end <= a.end for a in added)]
    return sorted(kept + added, key=lambda m: m.start)

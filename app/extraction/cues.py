"""Cheap checks in front of regular expressions: words a pattern cannot match without.

A case-blind pattern (re.I) of ASCII words matches where the lower-cased text holds the words,
except for four non-ASCII letters that re.I also reads as ASCII ones ("İ", "ı", "ſ", the
Kelvin sign). Text with one of them gives None here, and the pattern runs as before.

:func:`cued_search` and :func:`cued_finditer` put that check in front of any compiled
pattern, with the words read from the pattern itself (:func:`needed_words`).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import ahocorasick

_CASE_TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")


def has_case_trap(text: str) -> bool:
    """Whether the text holds a letter that re.I matches to an ASCII letter of another case."""
    return any(trap in text for trap in _CASE_TRAPS)


def holds_any(text: str, words: Iterable[str]) -> bool:
    """Whether one of the words occurs in the text (``any(w in text for w in words)``, in a
    loop: no generator built on every call of rules that ask it of every sentence)."""
    for word in words:
        if word in text:
            return True
    return False


def lowered(text: str) -> str | None:
    """The lower-cased text, in which ``in`` finds what a case-blind pattern of ASCII words
    would; None when it might not (then run the pattern)."""
    return text.lower() if text.isascii() or not has_case_trap(text) else None


# Words a compiled pattern cannot match without, read from the pattern itself -------------
#
# Python's own parser gives the pattern's tree (the module is deprecated as a public name but
# is what re compiles with). A sequence needs each of its parts that must occur: a run of
# literal ASCII characters, a group, a branch (one word of each alternative) or a repeat at
# least once. Anything else (a class, a look-around, an optional part) needs nothing. The set
# kept is the one whose shortest word is longest; a pattern with none needs no word and always
# runs, so a pattern edited or added later stays right without anyone declaring its cues.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants
    import sre_parse

_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)
#: Up to this many words, ``in`` looks for each; more go into one Aho-Corasick automaton.
_FEW = 10
#: Gates by id(pattern); each keeps its pattern, so an id is never reused while cached.
_gates: dict[int, _Gate] = {}
_MAX_GATES = 4096


@dataclass(frozen=True, slots=True)
class _Gate:
    pattern: re.Pattern[str]
    words: frozenset[str] | None
    automaton: ahocorasick.Automaton | None
    starts: ahocorasick.Automaton | None  # the words every match begins with, if known
    #: "^...": a search tries the start of the text only, cheaper than any look for words.
    at_start: bool = False


def _words_automaton(words: Iterable[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


#: At most this many start words per pattern (a product of alternatives grows fast).
_MAX_STARTS = 256


def _literals(op: Any, av: Any) -> frozenset[str] | None:
    """Every string one part of a pattern matches (lower case), when that is a few plain
    strings: a character, a class of plain characters ("[Ss]"), a group or branch of them,
    an optional one ("" too); None for anything else."""
    if op is sre_constants.LITERAL:
        return frozenset({chr(av).lower()}) if av < 128 else None
    if op is sre_constants.IN:
        if all(o is sre_constants.LITERAL and a < 128 for o, a in av):
            return frozenset(chr(a).lower() for _, a in av)
        return None
    if op is sre_constants.SUBPATTERN:
        return _literal_run(av[-1])
    if op is sre_constants.BRANCH:
        branches = [_literal_run(alternative) for alternative in av[1]]
        if all(b is not None for b in branches):
            found = frozenset().union(*(b for b in branches if b is not None))
            return found if len(found) <= _MAX_STARTS else None
    if op in _REPEATS and av[0] == 0 and av[1] == 1:  # optional: "(?:the )?", "s?"
        once = _literal_run(av[2])
        return once | {""} if once is not None else None
    return None


def _literal_run(items: Iterable[Any]) -> frozenset[str] | None:
    found = frozenset({""})
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # takes no characters
        part = _literals(op, av)
        if part is None or len(found) * len(part) > _MAX_STARTS:
            return None
        found = frozenset(f + p for f in found for p in part)
    return found


def _starts(items: Iterable[Any]) -> frozenset[str] | None:
    """Lower-case strings one of which every match begins with (look-arounds and word
    boundaries, which take no characters, passed over); None when the pattern shows none.
    Plain parts are read on as far as they go ("the (?:cell|faction)": "the cell", "the
    faction"), so that the words are as long, and as rare in text, as the pattern allows."""
    found = frozenset({""})
    items = list(items)
    for k, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        part = _literals(op, av)
        if part is None:
            if op in _REPEATS and av[0] == 0:
                # Optional ("(?:between \\d+ )?Monday"): its own start words, or those after it.
                inner, after = _starts(av[2]), _starts(items[k + 1 :])
                part = inner | after if inner and after else None
            elif op is sre_constants.SUBPATTERN:
                part = _starts(av[-1])
            elif op is sre_constants.BRANCH:
                branches = [_starts(alternative) for alternative in av[1]]
                part = (
                    frozenset().union(*(b for b in branches if b is not None))
                    if all(branches)
                    else None
                )
            elif op in _REPEATS and av[0] >= 1:
                part = _starts(av[2])
            if part is not None and len(found) * len(part) <= _MAX_STARTS:
                found = frozenset(f + p for f in found for p in part)
            break
        if len(found) * len(part) > _MAX_STARTS:
            break
        found = frozenset(f + p for f in found for p in part)
    return found if found and "" not in found else None


def _needs(items: Iterable[Any]) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run = ""

    def offer(words: frozenset[str] | None) -> None:
        nonlocal best
        if words and all(words) and (best is None or min(map(len, words)) > min(map(len, best))):
            best = words

    for op, av in items:
        if op is sre_constants.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        offer(frozenset({run}) if run else None)
        run = ""
        if op is sre_constants.SUBPATTERN:
            offer(_needs(av[-1]))
        elif op is sre_constants.BRANCH:
            branches = [_needs(alternative) for alternative in av[1]]
            if all(branches):
                offer(frozenset().union(*(b for b in branches if b)))
        elif op in _REPEATS and av[0] >= 1:
            offer(_needs(av[2]))
    offer(frozenset({run}) if run else None)
    return best


#: Gates start-up read back from its cache (:mod:`app.pattern_cache`): the gate made for a
#: source and flags, its pattern left out, or None (then it is made here).
known_gate: Callable[[str, int], _Gate | None] | None = None


def _gate(pattern: re.Pattern[str]) -> _Gate:
    gate = _gates.get(id(pattern))
    if gate is not None and gate.pattern is pattern:
        return gate
    known = known_gate(pattern.pattern, pattern.flags) if known_gate is not None else None
    if known is not None:
        if len(_gates) >= _MAX_GATES:
            _gates.clear()
        gate = _gates[id(pattern)] = replace(known, pattern=pattern)
        return gate
    parsed = sre_parse.parse(pattern.pattern, pattern.flags).data
    words = _needs(parsed)
    automaton = _words_automaton(words) if words is not None and len(words) > _FEW else None
    starts = _starts(parsed)
    if len(_gates) >= _MAX_GATES:
        _gates.clear()  # patterns compiled on the fly: keep the cache bounded
    head: tuple[Any, Any] = parsed[0] if parsed else (None, None)
    at_start = (
        head[0] is sre_constants.AT
        and head[1] in (sre_constants.AT_BEGINNING, sre_constants.AT_BEGINNING_STRING)
        and not pattern.flags & re.MULTILINE
    )
    gate = _gates[id(pattern)] = _Gate(
        pattern, words, automaton, _words_automaton(starts) if starts else None, at_start
    )
    return gate


def needed_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings one of which every match of the pattern contains (in the text
    lower-cased); None when the pattern shows none (then it always runs)."""
    return _gate(pattern).words


def _current(pattern: re.Pattern[str]) -> _Gate:
    gate = _gates.get(id(pattern))
    return gate if gate is not None and gate.pattern is pattern else _gate(pattern)


#: The text last lowered and its lower case: the rules of a sentence ask about the same text
#: one after another (one tuple, so that threads never pair one text with another's case).
_last: tuple[str, str | None] = ("", "")


def _passes(gate: _Gate, text: str) -> bool:
    global _last
    if gate.words is None:
        return True
    last = _last
    if last[0] is text:
        folded = last[1]
    else:
        folded = lowered(text)
        _last = (text, folded)
    if folded is None:
        return True
    if gate.automaton is not None:
        return next(gate.automaton.iter(folded), None) is not None
    for word in gate.words:  # a loop, not any(...): no generator built on every call
        if word in folded:
            return True
    return False


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when the pattern cannot match the text (a word it needs is missing)."""
    return _passes(_current(pattern), text)


def cued_search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)``, skipped when a word the pattern needs is missing; when every
    match begins with one of some words, tried only where those words begin, left to right
    (the first match there is the one a search finds: it could begin nowhere else)."""
    gate = _gates.get(id(pattern))  # _current, inline: rules call this hundreds of times
    if gate is None or gate.pattern is not pattern:
        gate = _gate(pattern)
    if gate.at_start:
        return pattern.search(text)
    if not _passes(gate, text):
        return None
    if gate.starts is None:
        return pattern.search(text)
    last = _last  # _passes lowered the text when the gate has words
    folded = last[1] if last[0] is text else lowered(text)
    if folded is None or len(folded) != len(text):
        return pattern.search(text)
    for start in sorted({end - size + 1 for end, size in gate.starts.iter(folded)}):
        match = pattern.match(text, start)
        if match is not None:
            return match
    return None


def cued_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.match(text)``, skipped when a word the pattern needs is missing (looked for
    with ``in`` only: a match is tried at one place, cheaper than a pass over the text)."""
    gate = _current(pattern)
    if gate.at_start or gate.automaton is not None:
        return pattern.match(text)
    return pattern.match(text) if _passes(gate, text) else None


def cued_finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``: empty when a word the pattern needs is missing; when every
    match begins with one of some words, tried only where those words begin (the same
    matches: a scan finds a match only there, and goes on from its end)."""
    gate = _gates.get(id(pattern))  # _current, inline
    if gate is None or gate.pattern is not pattern:
        gate = _gate(pattern)
    if gate.at_start:
        return pattern.finditer(text)
    if not _passes(gate, text):
        return iter(())
    if gate.starts is None:
        return pattern.finditer(text)
    last = _last  # _passes lowered the text when the gate has words
    folded = last[1] if last[0] is text else lowered(text)
    if folded is None or len(folded) != len(text):
        return pattern.finditer(text)
    return _anchored(pattern, text, gate.starts, folded)


def _anchored(
    pattern: re.Pattern[str], text: str, starts: ahocorasick.Automaton, folded: str
) -> Iterator[re.Match[str]]:
    at = sorted({end - size + 1 for end, size in starts.iter(folded)})
    resume = 0
    for start in at:
        if start >= resume and (match := pattern.match(text, start)) is not None:
            resume = match.end()
            yield match

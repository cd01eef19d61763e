"""Cue words in front of case-blind patterns: they skip only what the pattern cannot match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.extraction import cues
from app.extraction.cues import (
    cued_finditer,
    cued_search,
    has_case_trap,
    lowered,
    may_match,
    needed_words,
)
from app.extraction.habits import _HABITUAL_CUES, _TALLY_CUES, HABITUAL, TALLY
from app.extraction.pipeline import Extractor


def test_lowered_text_is_given_unless_re_i_could_read_a_letter_otherwise() -> None:
    assert lowered("Mosul’s Old City") == "mosul’s old city"
    assert lowered("the ſame day") is None
    assert lowered("\u0130dlib") is None
    assert has_case_trap("3 \u212a") and not has_case_trap("Raqqa")


HABITS = [
    "a routine patrol",
    "Usually",
    "OFTEN",
    "every week",
    "for years",
    "for decades",
    "common",
    "has become",
    "have long",
    "remains",
    "still",
    "typically",
    "regularly",
    "increasingly",
    "repeatedly",
    "several times",
    "many times",
    "has been shelled daily since",
    "in total",
    "so far this year",
    "since the start",
    "dozens of air strikes",
    "Thousands of attacks",
    "the tally",
    "the toll has risen",
]


@pytest.mark.parametrize("text", HABITS)
def test_each_habitual_phrase_has_a_cue(text: str) -> None:
    assert HABITUAL.search(text)
    folded = lowered(text)
    assert folded is not None and any(cue in folded for cue in _HABITUAL_CUES)


@pytest.mark.parametrize(
    "text",
    [
        "have been killed",
        "has carried out dozens",
        "Total documented",
        "total documented",
        "in recent weeks",
    ],
)
def test_each_tally_phrase_has_a_cue(text: str) -> None:
    assert TALLY.search(text)
    assert any(cue in text for cue in _TALLY_CUES)


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\b(?:claimed|blamed)\b", {"claimed", "blamed"}),
        (r"(?:air ?)?strikes?", {"strike"}),  # the optional part needs nothing
        (r"shot dead|(?:killed|died)", {"shot dead", "killed", "died"}),
        (r"(?<=\d )May\b", {"may"}),  # a look-around needs nothing; case is folded
        (r"(?:a|b)+rocket", {"rocket"}),  # the longest word wins
        (r"tanks? of the (\w+) army", {" of the "}),
    ],
)
def test_needed_words_are_read_from_the_pattern(pattern: str, words: set[str]) -> None:
    assert needed_words(re.compile(pattern, re.I)) == frozenset(words)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\w+\b",
        r"[A-Z]\w+",
        r"(?:killed|)",
        r"x?\d",
        r"(?:a|\d+)\s+\w",
        r"(?:one|\d)",
    ],
)
def test_a_pattern_with_no_word_it_needs_always_runs(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert needed_words(compiled) is None
    assert may_match(compiled, "")


def test_cued_search_skips_only_text_without_the_words() -> None:
    pattern = re.compile(r"\b(?:killed|shot dead)\b", re.I)
    assert cued_search(pattern, "Two were KILLED") is not None
    assert cued_search(pattern, "nobody was hurt") is None
    assert [m.group() for m in cued_finditer(pattern, "killed, then shot  dead")] == ["killed"]
    assert list(cued_finditer(pattern, "calm")) == []
    nouns = "drone rocket shell mortar missile bomb mine grenade bullet tank jet plane".split()
    many = re.compile(r"\b(?:" + "|".join(nouns) + r")s?\b", re.I)  # a gate of many words
    assert needed_words(many) == frozenset(nouns)
    assert cued_search(many, "Two MORTARS fell") is not None
    assert cued_search(many, "nothing fell") is None
    # A letter that re.I reads as an ASCII one: the pattern runs.
    assert cued_search(re.compile("kill", re.I), "\u212aill") is not None


_PATTERNS = [
    re.compile(p, flags)
    for p, flags in [
        (r"\b(?:claimed|blamed|behind the)\b", re.I),
        (r"(?:air ?|drone )?strikes? (?:on|in) \w+", re.I),
        (r"\bMay\b|killed (?:at least )?\d+", 0),
        (r"(?:shot|hit) (?:dead|hard)", re.I),
    ]
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "claimed",
                "Blamed",
                "behind",
                "the",
                "air",
                "strike",
                "strikes",
                "on",
                "in",
                "Mosul",
                "May",
                "may",
                "killed",
                "at least",
                "3",
                "shot",
                "HIT",
                "dead",
                "hard",
                " ",
                "  ",
                "\u212a",
                "\u0130",
                "-",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_the_gate_never_skips_a_match(text: str) -> None:
    for pattern in _PATTERNS:
        if pattern.search(text) is not None:
            assert may_match(pattern, text)
            assert cued_search(pattern, text) is not None


def _module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern at the top of an extraction module."""
    import importlib
    import pkgutil

    import app.extraction

    found = []
    for info in pkgutil.iter_modules(app.extraction.__path__):
        module = importlib.import_module(f"app.extraction.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{info.name}.{name}", value))
    return found


def test_no_pattern_of_the_pipeline_matches_a_corpus_sentence_its_gate_would_skip() -> None:
    from app.extraction.evaluate import read_corpus
    from app.extraction.text import split_sentences
    from tests.conftest import FIXTURES

    sentences = [
        s.text
        for r in read_corpus(FIXTURES / "corpus" / "reports.jsonl")
        for s in split_sentences(r["text"])
    ]
    patterns = _module_patterns()
    assert len(patterns) > 100
    gated = 0
    for name, pattern in patterns:
        if needed_words(pattern) is None:
            continue
        gated += 1
        for sentence in sentences:
            if pattern.search(sentence) is not None:
                assert may_match(pattern, sentence), (name, sentence)
    assert gated > 50


def test_cued_finditer_reads_every_corpus_report_as_finditer(extractor: Extractor) -> None:
    from app.extraction.evaluate import read_corpus
    from tests.conftest import FIXTURES

    texts = [r["text"] for r in read_corpus(FIXTURES / "corpus" / "reports.jsonl")]
    actors = extractor.actors
    patterns = [p for _, p in _module_patterns()]
    own = [actors._owner_pattern, actors._coordinated, actors._insurgent_pattern]
    patterns += [p for p in own if p is not None]
    assert len(own) == len(patterns) - len(_module_patterns())
    for pattern in patterns:
        for text in texts:
            want = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in cued_finditer(pattern, text)] == want, pattern.pattern


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?<![\w-])(Syrian|Turkish)\s+(?:\w+\s+)?(?i:jets|drones)\b", "Turkish-Syrian drones"),
        (r"\b(?:militants?|jihadists)\b", "militant militants Militants-led xmilitants"),
        (r"(?<=\d )May\b", "3 May, may 4 May"),
        (r"(?:ab|a)b*", "abbb aab ab"),  # overlapping starts: the scan goes on from an end
        (r"^the\b", "the the"),
    ],
)
def test_cued_finditer_finds_what_finditer_finds(pattern: str, text: str) -> None:
    compiled = re.compile(pattern, re.I if pattern.startswith(r"\b") else 0)
    want = [(m.span(), m.group()) for m in compiled.finditer(text)]
    assert [(m.span(), m.group()) for m in cued_finditer(compiled, text)] == want


_STARTS = [
    re.compile(r"(?<![\w-])(Syrian|Turkish|US)\s+(?:[a-z]+\s+){0,2}?(?i:jets?|drones?)\b"),
    re.compile(r"(?<![\w-])(Syrian|Turkish|US)\s+and\s+"),
    re.compile(r"\b(?:militants|(?:terrorist|militant) cells?)\b", re.I),
    re.compile(r"(?:ab|a)b*c?"),
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Syrian",
                "syrian",
                "Turkish",
                "US",
                "us",
                "and",
                "jets",
                "Drones",
                "new",
                " ",
                "-",
                "militants",
                "terrorist",
                "cells",
                "a",
                "b",
                "c",
                "\u212a",
                "\u0130",
            ]
        ),
        max_size=14,
    ).map("".join)
)
def test_cued_finditer_is_finditer(text: str) -> None:
    for pattern in _STARTS:
        want = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in cued_finditer(pattern, text)] == want


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Syrian", "syrian", "US", "us", "and", "jets", "Drones", "new", " ", "-"]
            + ["militants", "terrorist", "cells", "a", "b", "c", "\u212a", "\u0130"]
        ),
        max_size=14,
    ).map("".join)
)
def test_cued_search_is_search(text: str) -> None:
    # Tried only where a start word begins: the leftmost match, as a search finds it.
    for pattern in _STARTS:
        found = cued_search(pattern, text)
        want = pattern.search(text)
        assert (found and (found.span(), found.group())) == (want and (want.span(), want.group()))


def test_cued_search_reads_every_corpus_sentence_as_search(extractor: Extractor) -> None:
    from app.extraction.evaluate import read_corpus
    from app.extraction.text import split_sentences
    from tests.conftest import FIXTURES

    sentences = [
        s.text
        for r in read_corpus(FIXTURES / "corpus" / "reports.jsonl")
        for s in split_sentences(r["text"])
    ]
    actors = extractor.actors
    patterns = [p for _, p in _module_patterns()]
    patterns += [p for p in (actors._owner_pattern, actors._insurgent_pattern) if p is not None]
    for pattern in patterns:
        for sentence in sentences:
            found, want = cued_search(pattern, sentence), pattern.search(sentence)
            assert (found and found.span()) == (want and want.span()), pattern.pattern


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (
            r"\bthe (?:cell|faction)(?:'s members)?\b",
            {"the cell", "the faction", "the cell's members", "the faction's members"},
        ),
        (r"\bthe (?:cell|faction)(?:'s \w+)?\b", {"the cell", "the faction"}),
        (r"\b(?:[Ss]ince|[Ss]o far)\b", {"since", "so far"}),
        (
            r"(?:a|the) (?:second|third) group",
            {"a second group", "a third group", "the second group", "the third group"},
        ),
        (r"(?<![\w-])(Syrian|US)\s+and", {"syrian", "us"}),
        (r"(?:ab|a)b*c?", {"a", "ab"}),
        (r"\b(?:the )?same days?\b", {"the same day", "the same days", "same day", "same days"}),
        (r"(?:the )?\d+ days", None),
        (r"(?:between \d+ )?Monday", {"between ", "monday"}),
        (r"(?:ab)*c", {"ab", "c"}),
        (r"(?:a*)?b", None),
        (r"x*y", {"x", "y"}),
        (r"\d+ km", None),
    ],
)
def test_start_words_read_plain_parts_as_far_as_they_go(
    pattern: str, starts: set[str] | None
) -> None:
    gate = cues._gate(re.compile(pattern, re.I))
    found = set(gate.starts.keys()) if gate.starts is not None else None
    assert found == starts


def test_holds_any_tells_whether_a_word_occurs() -> None:
    assert cues.holds_any("troops were shelled", ("rocket", "shell"))
    assert not cues.holds_any("troops were shelled", ("rocket", "drone"))
    assert not cues.holds_any("anything", ())

import importlib
import re

import pytest

from app import build_cache, pattern_cache
from app.extraction import cues, patterns
from app.extraction.patterns import lazy_compile
from app.pattern_cache import PatternSet, compiled_entry, compiled_patterns

_compiler = importlib.import_module("re._compiler")

# Patterns of the kinds the rule modules write: named and numbered groups, inline and global
# flags, look-arounds, classes, verbose mode, non-ASCII text.
KINDS = [
    (r"\b(?P<n>\d+) (?:people|civilians) (were )?killed\b", re.I),
    (r"(?<![\w-])(?i:al-Qaeda|ISIS)\s+and\s+", 0),
    (r"(?x) ^ \s* Date: \s* (\d{4}-\d{2}-\d{2}) \s* $", re.M),
    (r"[^\W_]", 0),
    (r"(?<=\bin )(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)*)(?= province)", 0),
    (r"شمال\s+(\w+)", re.U),
    (r"\b(?:Monday|Tuesday)\b", re.I | re.A),
]


@pytest.fixture(autouse=True)
def own_gates(monkeypatch):
    """Whatever gates a test hands to cues are taken back after it."""
    monkeypatch.setattr(cues, "known_gate", None)


def fresh(pattern: str, flags: int) -> re.Pattern[str]:
    """What re.compile makes, its cache bypassed."""
    return _compiler.compile(pattern, flags)


@pytest.mark.parametrize(("pattern", "flags"), KINDS)
def test_a_pattern_built_from_its_entry_is_the_one_re_compiles(pattern, flags):
    entry = compiled_entry(pattern, int(flags))
    assert entry is not None
    (rebuilt,) = _rebuild(PatternSet((entry,)))
    expected = fresh(pattern, flags)
    assert rebuilt == expected  # same source, flags and code
    assert rebuilt.groupindex == expected.groupindex and rebuilt.groups == expected.groups
    text = "In Mosul 12 people were killed; 3 Civilians killed in Hit province. شمال بغداد"
    assert [m.span() for m in rebuilt.finditer(text)] == [m.span() for m in expected.finditer(text)]


def _rebuild(found: PatternSet) -> list[re.Pattern[str]]:
    """The patterns of a set, seeded into an empty re cache and read back from it."""
    saved = dict(re._cache)  # type: ignore[attr-defined]
    re.purge()
    try:
        assert found.seed() == len(found.entries)
        return [re.compile(pattern, flags) for pattern, flags, *_ in found.entries]
    finally:
        re.purge()
        re._cache.update(saved)  # type: ignore[attr-defined]


def test_seeded_patterns_are_what_re_compile_returns_and_others_compile_as_before():
    found = PatternSet.of([(r"\bseeded (\w+)", int(re.I))])
    saved = dict(re._cache)  # type: ignore[attr-defined]
    re.purge()
    try:
        found.seed()
        seeded = re._cache[(str, r"\bseeded (\w+)", int(re.I))]  # type: ignore[attr-defined]
        assert re.compile(r"\bseeded (\w+)", re.I) is seeded
        assert re.search(r"\bseeded (\w+)", "Seeded words", re.I).group(1) == "words"
        assert re.compile(r"\bseeded (\w+)") is not seeded  # other flags: another pattern
        assert found.seed() == 0  # those already there are kept
    finally:
        re.purge()
        re._cache.update(saved)  # type: ignore[attr-defined]


def test_a_pattern_whose_rebuilt_form_differs_is_left_to_re(monkeypatch):
    other = re.compile("other")
    monkeypatch.setattr(_compiler, "compile", lambda pattern, flags: other)
    assert compiled_entry(r"\bword\b", 0) is None
    assert PatternSet.of([(r"\bword\b", 0)]).entries == ()


def test_an_engine_that_refuses_the_code_seeds_nothing_and_breaks_nothing(monkeypatch, caplog):
    found = PatternSet.of([(r"\bunusual (pattern)", 0)])
    entry = found.entries[0]
    broken = PatternSet(((entry[0], entry[1], entry[2], [999999], *entry[4:]),))
    saved = dict(re._cache)  # type: ignore[attr-defined]
    re.purge()
    try:
        assert broken.seed() == 0
        assert re.compile(r"\bunusual (pattern)").search("an unusual pattern")
    finally:
        re.purge()
        re._cache.update(saved)  # type: ignore[attr-defined]
    assert "not used" in caplog.text


def test_without_re_internals_nothing_is_recorded_or_seeded(monkeypatch):
    monkeypatch.setattr(re, "_cache", None, raising=False)
    assert compiled_entry("x", 0) is None
    assert PatternSet((("x", 0, 32, [1], 0, {}, ()),)).seed() == 0


def test_a_block_that_imports_nothing_afresh_is_not_recorded(tmp_path):
    importlib.import_module(pattern_cache.PIPELINE)  # its patterns are compiled already
    path = tmp_path / "patterns.pickle"
    with compiled_patterns(path, "key"):
        re.compile(r"\bnot recorded\b")
    assert not path.exists()
    with compiled_patterns(None, ""):
        pass


def test_a_block_records_what_it_compiles_and_the_lazy_patterns_it_makes(tmp_path, monkeypatch):
    monkeypatch.delitem(pattern_cache.sys.modules, pattern_cache.PIPELINE)
    path = tmp_path / "patterns.pickle"
    source = rf"\brecorded (only|here) {id(path)}\b"  # compiled nowhere else
    with compiled_patterns(path, "key"):
        re.compile(source, re.I)
        lazy = lazy_compile(source + " lazily", re.I)
        assert patterns.made is not None
    assert patterns.made is None  # recording ends with the block
    found = build_cache.read(path, "key")
    assert isinstance(found, PatternSet)
    keys = [(e[0], e[1]) for e in found.entries]
    assert keys == [(source, int(re.I)), (lazy.pattern, lazy.flags)]
    assert build_cache.read(path, "other key") is None
    # The next start seeds them: the lazy pattern's first use compiles nothing.
    re.purge()
    with compiled_patterns(path, "key"):
        pass
    calls = []
    real = _compiler.compile
    monkeypatch.setattr(_compiler, "compile", lambda *a: calls.append(a) or real(*a))
    assert lazy_compile(source + " lazily", re.I).search(f"Recorded here {id(path)} lazily")
    assert calls == []


def test_gates_are_read_back_for_the_source_and_flags_they_were_made_for(monkeypatch):
    source = rf"\b(?:gated|cued) (?:words|text) {id(monkeypatch)}\b"
    found = PatternSet.of([(source, int(re.I))])
    final = found.entries[0][2]
    assert set(found.gates) == {(source, int(re.I)), (source, final)}
    expected = cues._gate(fresh(source, re.I))  # made here, from the pattern itself
    cues._gates.clear()
    found.seed()
    assert cues.known_gate is not None
    parsed = []
    real = cues.sre_parse.parse
    monkeypatch.setattr(cues.sre_parse, "parse", lambda *a: parsed.append(a) or real(*a))
    compiled = re.compile(source, re.I)
    lazy = lazy_compile(source, re.I)  # not compiled yet: asked for with the flags given
    for pattern in (compiled, lazy):
        gate = cues._gate(pattern)
        assert gate.pattern is pattern
        assert (gate.words, gate.at_start) == (expected.words, expected.at_start)
    assert parsed == []  # read back, not made
    text = f"Some cued text {id(monkeypatch)} here"
    assert cues.cued_search(compiled, text).group() == compiled.search(text).group()
    assert cues.cued_search(lazy, "nothing of the sort") is None
    # A pattern the cache does not hold is gated as before.
    other = re.compile(r"\bnot in the cache\b")
    assert cues._gate(other).words == frozenset({"not in the cache"})
    assert len(parsed) == 1


def test_a_set_that_cannot_be_built_costs_the_cache_not_the_command(tmp_path, monkeypatch, caplog):
    monkeypatch.delitem(pattern_cache.sys.modules, pattern_cache.PIPELINE)

    def broken(keys):
        raise RuntimeError("no gates today")

    monkeypatch.setattr(PatternSet, "of", broken)
    path = tmp_path / "patterns.pickle"
    with compiled_patterns(path, "key"):
        re.compile(rf"\bnever cached {id(path)}\b")
    assert not path.exists()
    assert "not cached" in caplog.text

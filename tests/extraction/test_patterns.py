import pickle
import re
import threading

import pytest

from app.extraction.cues import cued_finditer, cued_search, needed_words
from app.extraction.patterns import LazyPattern, lazy_compile


def test_nothing_is_compiled_until_first_use(monkeypatch):
    compiled = []
    real = re.compile

    def counting(pattern, flags=0):
        compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(re, "compile", counting)
    pattern = lazy_compile(r"\b(?:shell(?:ed|ing))\b", re.I)
    assert pattern.pattern == r"\b(?:shell(?:ed|ing))\b"
    assert pattern.flags == re.I | re.UNICODE  # what re.compile reports
    assert compiled == []
    assert pattern.search("Artillery SHELLED the town").group() == "SHELLED"
    assert compiled == [r"\b(?:shell(?:ed|ing))\b"]
    pattern.search("shelling")
    assert len(compiled) == 1  # once


@pytest.mark.parametrize(
    ("source", "flags"),
    [(r"(\w+) (?P<place>[A-Z]\w+)", 0), (r"(?i)kirkuk|erbil", 0), ("a.b", re.S)],
)
def test_it_answers_as_the_compiled_pattern_does(source, flags):
    lazy, real = lazy_compile(source, flags), re.compile(source, flags)
    text = "Troops entered Kirkuk and ERBIL\nvia a\nb on Tuesday"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.findall(text) == real.findall(text)
    assert lazy.sub("-", text) == real.sub("-", text)
    assert lazy.split(text) == real.split(text)
    assert (lazy.match(text) is None) == (real.match(text) is None)
    assert (lazy.fullmatch(text) is None) == (real.fullmatch(text) is None)
    assert (lazy.groups, lazy.groupindex) == (real.groups, real.groupindex)
    assert lazy.flags == real.flags  # inline flags too, once compiled


def test_the_cue_gates_read_it_like_a_compiled_pattern():
    lazy = lazy_compile(r"\b(?:car bomb|suicide bomber)s?\b", re.I)
    assert needed_words(lazy) == needed_words(re.compile(lazy.pattern, re.I))
    assert cued_search(lazy, "a Car bomb went off").group() == "Car bomb"
    assert cued_search(lazy, "nothing here") is None
    assert [m.group() for m in cued_finditer(lazy, "car bombs and a suicide bomber")] == [
        "car bombs",
        "suicide bomber",
    ]


def test_a_bad_pattern_fails_at_first_use():
    pattern = lazy_compile("(unclosed")
    with pytest.raises(re.error):
        pattern.search("x")


def test_unknown_attributes_are_still_missing():
    pattern = lazy_compile("x")
    with pytest.raises(AttributeError):
        pattern.no_such_method  # noqa: B018
    assert not hasattr(pattern, "__array__")


def test_it_pickles_as_its_source_and_compares_by_it():
    pattern = lazy_compile(r"\bmortars?\b", re.I)
    pattern.search("mortar")  # compiled: the copy need not be
    copy = pickle.loads(pickle.dumps(pattern))
    assert isinstance(copy, LazyPattern)
    assert copy == pattern and hash(copy) == hash(pattern)
    assert "_compiled" not in vars(copy)
    assert copy.search("two Mortars").group() == "Mortars"
    assert lazy_compile("x") != lazy_compile("x", re.I)
    assert repr(lazy_compile("x")) == "lazy_compile('x', 32)"


def test_threads_racing_on_first_use_share_one_compiled_pattern():
    pattern = lazy_compile(r"\b(?:clash(?:es|ed)?)\b", re.I)
    seen = []
    start = threading.Barrier(8)

    def use():
        start.wait()
        seen.append(pattern.search("Clashes erupted").group())

    threads = [threading.Thread(target=use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == ["Clashes"] * 8
    assert isinstance(pattern, LazyPattern)
    assert pattern.compiled() is pattern.compiled()

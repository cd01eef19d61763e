"""Clauses of a sentence (sentences written for these tests)."""

from app.extraction.clauses import spans


def parts(text):
    return [text[a:b].strip(" ,;") for a, b in spans(text)]


def test_a_sentence_splits_at_conjunctions_that_open_a_clause():
    text = "Army units entered the town after militants withdrew, and police set up checkpoints."
    assert parts(text) == [
        "Army units entered the town",
        "after militants withdrew",
        "and police set up checkpoints.",
    ]


def test_semicolons_and_as_open_a_clause():
    text = "Jets struck the bridge as troops advanced; two soldiers were killed."
    assert parts(text) == [
        "Jets struck the bridge",
        "as troops advanced",
        "two soldiers were killed.",
    ]


def test_a_sentence_with_one_clause_is_whole():
    text = "Gunmen killed two shepherds near Rutba on Monday."
    assert spans(text) == [(0, len(text))]

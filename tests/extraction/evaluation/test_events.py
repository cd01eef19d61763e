"""Scoring of the tiny blind-format sample (tests/fixtures/evaluation), figures by hand."""

import pytest

from app.extraction.evaluate import evaluate, read_corpus
from app.extraction.evaluation.report import summary, tables
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def scores(extractor):
    return evaluate(extractor, read_corpus(FIXTURES / "evaluation" / "dev.jsonl"))


def test_strict_matches(scores):
    assert (scores.events.tp, scores.events.fp, scores.events.fn) == (3, 1, 2)
    assert scores.with_toponyms == 0


def test_fields_over_aligned_pairs(scores):
    g = scores.overall
    # Kirkuk's clash is aligned (same sentence) although the gold puts it in Nineveh.
    assert (g.aligned.hit, g.aligned.total) == (4, 5)
    assert (g.place.hit, g.place.total) == (3, 4)
    assert (g.type.hit, g.date.hit) == (4, 4)


def test_actor_recall_and_roles(scores):
    # ISIS (bomb) is not found; the PKK (a Turkish strike in Iraq naming no target) and the
    # other three are, each with the gold role.
    assert (scores.overall.actor_recall.hit, scores.overall.actor_recall.total) == (4, 5)
    assert scores.actor_recall == pytest.approx(0.8)
    assert (scores.overall.roles.hit, scores.overall.roles.total) == (4, 4)


def test_per_style_and_tag(scores):
    monitor = scores.by_style["monitor"].events
    assert (monitor.tp, monitor.fp, monitor.fn) == (0, 1, 1)
    assert scores.by_style["wire"].events.f1 == 1.0
    assert scores.by_tag["adjective_actor"].actor_recall.value == 0.75
    assert scores.by_tag["multi_event"].events.fn == 1
    assert scores.by_tag["vague_place"].place.value == 0.0


def test_per_type(scores):
    clash = scores.by_type["armed_clash"]
    assert (clash.tp, clash.fp, clash.fn) == (0, 1, 1)
    assert scores.by_type["kidnapping"].fn == 1


def test_errors_carry_the_sentence(scores):
    assert scores.errors[0].startswith("ev-2 missed event armed_clash 2024-03-10 Mosul (IQ-NI);")
    assert "found armed_clash 2024-03-10..2024-03-10 Kirkuk (IQ-KI)" in scores.errors[0]
    assert "sentence: 'Clashes erupted in Kirkuk" in scores.errors[0]
    assert any(e.startswith("ev-2 extra event") for e in scores.errors)
    assert any("missing ['ISIS']" in d for d in scores.details)


def test_every_prediction_has_features(scores):
    assert len(scores.predictions) == 4
    assert all(p.features is not None for p in scores.predictions)
    assert sum(p.right for p in scores.predictions) == 3


def test_summary_and_tables(scores):
    figures = summary(scores)
    assert "toponym_f1" not in figures
    assert figures["by_style"]["statement"]["events"]["recall"] == 0.5
    assert figures["by_tag"]["weekday"]["date"]["value"] == 1.0
    assert sum(b["count"] for b in figures["reliability"]) == 4
    titles = [t.title for t in tables(scores)]
    assert any(t.startswith("Per style") for t in titles)
    assert any(t.startswith("Per annotation tag") for t in titles)

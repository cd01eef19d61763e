"""Accuracy floors on the gold corpora: a regression in extraction fails CI here."""

from typing import Any

import pytest

from app.extraction.evaluate import evaluate, read_corpus
from app.extraction.evaluation.report import summary
from tests.conftest import FIXTURES
from tests.extraction.floors import BLIND, OLD_CORPUS

BLIND_DIR = FIXTURES / "blind"


def _check(figures: dict[str, Any], floors: dict[str, float]) -> None:
    low = {k: (figures[k], floor) for k, floor in floors.items() if figures[k] < floor}
    assert not low, f"under the floor (figure, floor): {low}"


def test_old_corpus_floors(extractor):
    figures = summary(evaluate(extractor, read_corpus(FIXTURES / "corpus" / "reports.jsonl")))
    _check(figures, OLD_CORPUS)


@pytest.mark.parametrize("split", sorted(BLIND))
def test_blind_corpus_floors(extractor, split):
    path = BLIND_DIR / f"{split}.jsonl"
    if not path.exists():
        pytest.skip(f"{path.relative_to(FIXTURES.parent.parent)} is not in this checkout yet")
    _check(summary(evaluate(extractor, read_corpus(path))), BLIND[split])

"""Scoring rules of `geoevents evaluate` on the old corpus format (floors: test_floors.py)."""

import datetime as dt
import json

import pytest

from app.errors import InvalidInput
from app.extraction.evaluate import evaluate, read_corpus, resolved_right
from tests.conftest import FIXTURES

CORPUS = FIXTURES / "corpus" / "reports.jsonl"


def test_corpus_is_large_and_varied():
    records = read_corpus(CORPUS)
    assert len(records) >= 40
    governorates = {t["admin1"] for r in records for t in r["toponyms"] if t.get("admin1")}
    assert len({g for g in governorates if g.startswith("IQ-")}) >= 12
    assert len({g for g in governorates if g.startswith("SY-")}) >= 6


def test_scoring_counts_errors(extractor):
    record = {
        "id": "t1",
        "published": dt.date(2024, 8, 8),
        "text": "Clashes erupted in Kirkuk on Monday. Protesters rallied in Basra.",
        "toponyms": [
            {
                "text": "Kirkuk",
                "start": 19,
                "end": 25,
                "kind": "city",
                "name": "Kirkuk",
                "country": "IQ",
                "admin1": "IQ-KI",
                "lat": 35.47,
                "lon": 44.39,
            },
            {
                "text": "Mosul",
                "start": 0,
                "end": 5,
                "kind": "city",
                "name": "Mosul",
                "country": "IQ",
                "admin1": "IQ-NI",
                "lat": 36.34,
                "lon": 43.13,
            },
        ],
        "events": [
            {
                "event_type": "armed_clash",
                "category": "security_incident",
                "date": "2024-08-05",
                "date_end": "2024-08-05",
                "location": {"admin1": "IQ-KI", "country": "IQ"},
                "actors": [],
            }
        ],
    }
    scores = evaluate(extractor, [record])
    assert (scores.toponyms.tp, scores.toponyms.fn, scores.toponyms.fp) == (1, 1, 1)  # Basra
    assert (scores.events.tp, scores.events.fp, scores.events.fn) == (1, 1, 0)


def test_resolution_rules():
    from app.domain import Place

    kirkuk = Place("x", "Kirkuk", "city", 35.47, 44.39, "IQ", "IQ-KI", None, 1)
    assert resolved_right({"kind": "city", "lat": 35.4, "lon": 44.4}, kirkuk)
    assert not resolved_right({"kind": "city", "lat": 36.3, "lon": 43.1}, kirkuk)
    assert resolved_right({"kind": "village", "resolvable": False}, None)
    assert not resolved_right({"kind": "village", "resolvable": False}, kirkuk)


def test_bad_corpus_line_is_named(tmp_path):
    bad = tmp_path / "c.jsonl"
    bad.write_text(json.dumps({"text": "x"}) + "\n")
    with pytest.raises(InvalidInput, match="c.jsonl:1"):
        read_corpus(bad)

import json

import pytest

from app.errors import InvalidInput
from app.extraction.evaluation.corpus import corpus_file, read_corpus
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "evaluation"


def test_a_directory_gives_its_split():
    assert corpus_file(SAMPLE) == SAMPLE / "dev.jsonl"
    assert corpus_file(SAMPLE, "test") == SAMPLE / "test.jsonl"


def test_a_file_is_itself_and_takes_no_split():
    path = SAMPLE / "dev.jsonl"
    assert corpus_file(path) == path
    with pytest.raises(InvalidInput, match="needs a directory"):
        corpus_file(path, "dev")
    with pytest.raises(InvalidInput, match="unknown split"):
        corpus_file(SAMPLE, "train")


def test_blind_records_need_no_toponyms():
    records = read_corpus(SAMPLE / "dev.jsonl")
    assert [r["style"] for r in records] == ["wire", "monitor", "statement"]
    assert all("toponyms" not in r for r in records)


def test_a_gold_event_without_a_date_is_named(tmp_path):
    record = json.loads((SAMPLE / "dev.jsonl").read_text().splitlines()[1])
    del record["events"][0]["date_end"]
    bad = tmp_path / "c.jsonl"
    bad.write_text("\n" + json.dumps(record) + "\n")
    with pytest.raises(InvalidInput, match=r"c.jsonl:2: not a gold record \('date_end'\)"):
        read_corpus(bad)


def test_an_empty_corpus_is_refused(tmp_path):
    empty = tmp_path / "e.jsonl"
    empty.write_text("\n")
    with pytest.raises(InvalidInput, match="no records"):
        read_corpus(empty)

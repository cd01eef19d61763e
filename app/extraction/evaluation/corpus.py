"""Gold corpora: one JSON object a line (tests/fixtures/corpus format, or the blind format).

The blind format has no ``toponyms`` (events only), a ``style`` per report and ``tags`` per
gold event. A corpus is a JSONL file, or a directory holding ``dev.jsonl`` and ``test.jsonl``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from app.errors import InvalidInput

SPLITS = ("dev", "test")


def corpus_file(path: Path, split: str | None = None) -> Path:
    """The JSONL file to score: ``path`` itself, or ``path/<split>.jsonl`` for a directory."""
    if split is not None and split not in SPLITS:
        raise InvalidInput(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    if path.is_dir():
        return path / f"{split or 'dev'}.jsonl"
    if split is not None:
        raise InvalidInput(f"--split needs a directory holding {split}.jsonl, not the file {path}")
    return path


def read_corpus(path: Path) -> list[dict[str, Any]]:
    """Gold records, one JSON object a line; a bad line is an InvalidInput naming it."""
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            record["published"] = dt.date.fromisoformat(record["published"])
            _ = record["text"], record["events"]
            for event in record["events"]:
                _ = event["category"], event["event_type"], event["location"], event["actors"]
                dt.date.fromisoformat(event["date"])
                dt.date.fromisoformat(event["date_end"])
        except (ValueError, KeyError, TypeError) as exc:
            raise InvalidInput(f"{path}:{number}: not a gold record ({exc})") from exc
        records.append(record)
    if not records:
        raise InvalidInput(f"{path} holds no records")
    return records

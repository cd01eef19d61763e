"""Reading the lexicon's CSV files: rows with their line numbers, and checked fields (a bad
row stops start-up with its file and line)."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.errors import GazetteerError


def rows(path: Path, required: Sequence[str]) -> Iterable[tuple[int, dict[str, str]]]:
    """(line number, row with its values stripped) of a CSV file that has the ``required``
    columns; lines starting with ``#`` before the header are the file's comment."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = fh.readlines()
            comment = next((i for i, line in enumerate(lines) if not line.startswith("#")), 0)
            reader = csv.DictReader(lines[comment:])
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise GazetteerError(log_message=f"{path}: missing columns {', '.join(missing)}")
            for number, row in enumerate(reader, start=comment + 2):
                if None in row:  # a pattern with a comma, not quoted: the row runs on
                    message = f"{path}:{number}: more fields than columns (quote the pattern)"
                    raise GazetteerError(log_message=message)
                yield number, {k: (v or "").strip() for k, v in row.items() if k is not None}
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        raise GazetteerError(log_message=f"cannot read {path}: {exc}") from exc


def checked_pattern(path: Path, number: int, pattern: str) -> str:
    """A regular expression of row ``number`` that compiles."""
    if not pattern:
        raise GazetteerError(log_message=f"{path}:{number}: empty pattern")
    try:
        re.compile(pattern)
    except re.error as exc:
        message = f"{path}:{number}: bad pattern {pattern!r}: {exc}"
        raise GazetteerError(log_message=message) from exc
    return pattern


def row_date(path: Path, number: int, value: str) -> dt.date | None:
    """An ISO date of row ``number``, None for an empty field."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise GazetteerError(log_message=f"{path}:{number}: bad date {value!r}") from exc


def read_words(paths: Iterable[Path], column: str) -> tuple[str, ...]:
    """The words (or names) of a one-column list, in file order: a row with none is refused;
    in a ``pattern`` column, each a regular expression that compiles."""
    found: list[str] = []
    for path in paths:
        for number, row in rows(path, (column,)):
            if column == "pattern":
                found.append(checked_pattern(path, number, row[column]))
                continue
            if not row[column]:
                raise GazetteerError(log_message=f"{path}:{number}: empty {column}")
            found.append(row[column])
    return tuple(found)

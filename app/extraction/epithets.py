"""Cities a report names by an epithet: "Iraq's second city", "the Syrian capital".

A writer who has named Mosul once calls it "Iraq's second-largest city" the next time ("as
they pulled out of Iraq's second-largest city"); an analyst places the event in Mosul, not in
Iraq. The epithets and the cities they stand for are data, ``data/lexicon/epithets.csv``
(phrase: a pattern, matched whole words and case aside from its first letter; place: the
city's name as the gazetteer knows it). An epithet becomes a place mention of the city and
replaces the mentions inside it (the country of "Iraq's").
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from app.errors import GazetteerError
from app.extraction.lexicon import lexicon_dir
from app.extraction.places import Mention
from app.gazetteer.normalize import normalize


def default_file() -> Path:
    """The shipped table."""
    return lexicon_dir() / "epithets.csv"


@cache
def _epithets(path: Path) -> tuple[tuple[re.Pattern[str], str], ...]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise GazetteerError(log_message=f"cannot read {path}: {exc}") from exc
    table: list[tuple[re.Pattern[str], str]] = []
    for number, row in enumerate(rows, start=2):
        phrase, place = row.get("phrase") or "", row.get("place") or ""
        if not phrase or not place:
            raise GazetteerError(log_message=f"{path}:{number}: phrase and place needed")
        table.append((re.compile(rf"(?<![\w'’-])(?:{phrase})(?![\w-])"), place))
    return tuple(table)


def with_epithets(text: str, found: list[Mention], path: Path | None = None) -> list[Mention]:
    """``found`` plus a mention of the city for every epithet of the table in ``text``."""
    added: list[Mention] = []
    for pattern, place in _epithets(path or default_file()):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(a.start < end and start < a.end for a in added):
                continue
            added.append(Mention(start, end, text[start:end], normalize(place), "populated", False))
    if not added:
        return found
    kept = [m for m in found if not any(a.start < m.end and m.start < a.end for a in added)]
    return sorted(kept + added, key=lambda m: m.start)

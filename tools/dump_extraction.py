"""Dump what extraction makes of every fixture report, one JSON line each, for diffing.

A speed change must leave extraction's output as it was: dump before and after, then
compare (``cmp``). Each line holds a report's cleaned text, its reported-at date, every
place mention with its resolution, the events (GeoJSON) and the drafts behind them, then the
same report's ``geoparse`` mentions. Read are the blind corpus (dev and test: the test split
is only compared, never read by anyone tuning), the old corpus, the news-length reports
``bench.extract`` joins from it, and any JSON-lines files given (``bench.reports`` output).

python tools/dump_extraction.py OUT.jsonl [EXTRA.jsonl ...]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput
from app.gazetteer.geocoder import Gazetteer

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
CORPORA = ("blind/dev.jsonl", "blind/test.jsonl", "corpus/reports.jsonl")


def plain(value: Any, depth: int = 0) -> Any:
    """``value`` as JSON can hold it: dataclasses field by field, sets sorted, dates in ISO
    8601, pydantic models dumped; anything else (or nested too deep) as its repr."""
    if depth > 6:
        return repr(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name), depth + 1) for f in dataclasses.fields(value)}
    if isinstance(value, set | frozenset):
        return sorted((plain(x, depth + 1) for x in value), key=repr)
    if isinstance(value, list | tuple):
        return [plain(x, depth + 1) for x in value]
    if isinstance(value, dict):
        return {str(k): plain(v, depth + 1) for k, v in sorted(value.items(), key=repr)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return repr(value)


def reports(extra: list[Path]) -> list[tuple[str, ReportInput]]:
    """Every report to dump, each with a name."""
    found: list[tuple[str, ReportInput]] = []
    for name, path in [*((c, FIXTURES / c) for c in CORPORA), *((str(p), p) for p in extra)]:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            record = json.loads(line)
            published = dt.date.fromisoformat(record["published"])
            found.append((f"{name}:{record.get('id', n)}", ReportInput(record["text"], published)))
    briefs = [r for name, r in found if name.startswith("corpus/")]
    for i in range(0, len(briefs) - 3, 4):  # as bench.extract joins them
        text = "\n\n".join(b.text for b in briefs[i : i + 4])
        found.append((f"news:{i}", ReportInput(text, briefs[i].published)))
    return found


def main() -> None:
    """Write the dump."""
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    extractor = Extractor(Gazetteer.load())
    with out.open("w", encoding="utf-8") as fh:
        for name, report in reports([Path(p) for p in sys.argv[2:]]):
            extraction = extractor.extract(report)
            record = {
                "id": name,
                "text": extraction.text,
                "reported_at": extraction.reported_at.isoformat(),
                "mentions": plain(extraction.mentions),
                "events": [f.model_dump(mode="json") for f in extraction.events],
                "drafts": plain(extraction.drafts),
                "geoparse": plain(extractor.geoparse(report.text)[1]),
            }
            fh.write(json.dumps(record, sort_keys=True) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()

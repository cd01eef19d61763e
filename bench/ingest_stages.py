"""Where ingest's time goes, stage by stage, on one process (CPU seconds per report).

    python -m bench.ingest_stages [--reports 1000] [--batch 400]

Runs the stages ``geoevents ingest`` runs, one after the other on the same short reports
(``bench.reports``), and times each with the process's CPU clock: start-up (the build cache
cold, then warm), reading the JSON lines, extraction, the rest of a worker's reading (content
hash, place codes, events made ready to write), the pickling a worker pool adds (reports out,
results back), and the writer (de-duplication look-ups, then the rest of each transaction)
into a fresh SQLite store. The parent of ``--jobs N`` does the JSON, the unpickling of
results and the writes; the workers the rest. Extraction itself is ``bench.extract``'s
subject.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.store import sqlite_batch
from bench.reports import write

Clock = dict[str, float]


@contextmanager
def timed(clock: Clock, stage: str) -> Iterator[None]:
    """Add the block's CPU seconds to ``clock[stage]``."""
    started = time.process_time()
    try:
        yield
    finally:
        clock[stage] += time.process_time() - started


def wrap(clock: Clock, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, its CPU seconds added to ``clock[stage]``."""

    def timed_call(*args: Any, **kwargs: Any) -> Any:
        with timed(clock, stage):
            return function(*args, **kwargs)

    return timed_call


def main() -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=400)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="geoevents-stages-"))
    os.environ["GEOEVENTS_CACHE_DIR"] = str(work / "cache")
    os.environ["GEOEVENTS_DATABASE_URL"] = f"sqlite:///{work / 'events.db'}"
    source = write(args.reports, work / "reports.jsonl")

    from app import ingest
    from app.extraction.report_input import ReportInput
    from app.settings import Settings
    from app.startup import load_extractor
    from app.store import open_store

    clock: Clock = defaultdict(float)
    settings = Settings.from_env(env_file=None)
    with timed(clock, "start-up, cache cold (build and write)"):
        load_extractor(settings)
    with timed(clock, "start-up, cache warm (read)"):
        extractor = load_extractor(settings)
    gazetteer = extractor.gazetteer
    gazetteer.load_polygons()  # the pool's parent loads them before it forks
    with timed(clock, "parent: JSON lines -> reports"):
        reports = []
        for line in source.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            reports.append(
                ReportInput(obj["text"], dt.date.fromisoformat(obj["published"]), obj.get("title"))
            )
    # Extraction is timed inside read_reports, so the rest of a worker's reading is the
    # difference; content hashes and place codes are timed on their own as well.
    real_extract = extractor.extract
    extractor.extract = wrap(clock, "worker: extraction", real_extract)  # type: ignore[method-assign]
    ingest.content_hash = wrap(clock, "worker:   of which content hash", ingest.content_hash)
    ingest.stamp_many = wrap(clock, "worker:   of which place codes", ingest.stamp_many)
    with timed(clock, "worker: reading (extraction and the rest)"):
        prepared = ingest.prepare_reports(extractor, gazetteer, reports)
    extractor.extract = real_extract  # type: ignore[method-assign]
    chunks = [reports[i : i + 40] for i in range(0, len(reports), 40)]
    results = [prepared[i : i + 40] for i in range(0, len(prepared), 40)]
    with timed(clock, "worker: pickle reports in, results out"):
        sent = [pickle.loads(pickle.dumps(c, pickle.HIGHEST_PROTOCOL)) for c in chunks]
        back = [pickle.dumps(r, pickle.HIGHEST_PROTOCOL) for r in results]
    with timed(clock, "parent: unpickle results"):
        for blob in back:
            pickle.loads(blob)
    del sent
    store = open_store(settings.store.database_url)
    lookups = "parent:   of which de-duplication look-ups"
    sqlite_batch.known_reports = wrap(clock, lookups, sqlite_batch.known_reports)
    sqlite_batch._candidates = wrap(clock, lookups, sqlite_batch._candidates)
    sqlite_batch._linked = wrap(clock, lookups, sqlite_batch._linked)
    sqlite_batch._write = wrap(clock, "parent:   of which the INSERTs", sqlite_batch._write)
    ready = [p for p in prepared if isinstance(p, tuple)]
    with timed(clock, "parent: write transactions"):
        for start in range(0, len(ready), args.batch):
            store.add_reports(ready[start : start + args.batch], "bench")
    n = len(reports)
    print(f"{n:,} reports of 100-250 words, batches of {args.batch}; load {os.getloadavg()[0]:.1f}")
    for stage, seconds in clock.items():
        per = (
            f"{seconds * 1000:8.0f} ms"
            if "start-up" in stage
            else f"{seconds / n * 1000:8.3f} ms/report"
        )
        print(f"  {stage:48} {per}")
    total = sum(v for k, v in clock.items() if "of which" not in k and "start-up" not in k)
    total -= clock["worker: extraction"]  # inside "reading"
    print(f"  {'all but start-up':48} {total / n * 1000:8.3f} ms/report")


if __name__ == "__main__":
    main()

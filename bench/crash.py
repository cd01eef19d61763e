"""Crash safety of `geoevents import` at the issue's size: SIGKILL at chosen steps, resume.

    python -m bench.crash [--events 200000] [--batch 25000] [--backend postgis]

Writes synthetic events (with ids) as GeoJSON lines, kills `geoevents import` with SIGKILL
mid-transaction (twice), while reading, and during the deferred index and FTS build (twice),
checks the database after each kill with the plain driver (SQLite: integrity_check;
PostgreSQL, a throw-away cluster: amcheck on the b-tree indexes, every index valid; and only
whole batches stored), runs the import to the end and prints the events stored.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from app.domain import EventQuery
from app.gazetteer.geocoder import Gazetteer
from app.store import open_store
from tests.pg_cluster import TempCluster
from tests.transfer.crashing import Kill, Run, crash_and_resume, inspect, write_events


def main() -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=25_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--backend", choices=["sqlite", "postgis"], default="sqlite")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="geoevents-crash-"))
    source = write_events(work / "events.geojsonl", args.events, Gazetteer.load())
    cluster = TempCluster().start() if args.backend == "postgis" else None
    url = cluster.new_database() if cluster else f"sqlite:///{work / 'crash.db'}"
    try:
        run(args, source, url)
    finally:
        if cluster is not None:
            cluster.stop()


def run(args: argparse.Namespace, source: Path, url: str) -> None:
    """Kill, inspect, resume; print each run and the end state."""
    kills = [
        Kill("mid-transaction, batch 2", "batch 2: writing", (0.0, 0.3)),
        Kill("mid-transaction, batch 5", "batch 5: writing", (0.0, 0.3)),
        Kill("while reading, before a batch", "indexes deferred", (0.0, 1.0)),
        Kill("during the index and FTS build", "finishing:", (0.2, 2.0)),
        Kill("during the index and FTS build again", "finishing:", (0.0, 1.0)),
    ]
    started = time.perf_counter()

    def show(run: Run) -> None:
        print(
            f"{run.label:38} killed={run.killed!s:5} last step: {run.last_line[:48]:48} "
            f"events {run.events:>8,}  integrity {run.integrity}  "
            f"whole batches only {run.whole_batches}  index build pending {run.pending_build}"
        )

    report = crash_and_resume(source, url, args.events, args.batch, kills, args.seed, show)
    killed = [r for r in report.runs if r.killed]
    lost = sum(not r.whole_batches for r in report.runs)
    events, check, _, pending = inspect(url, args.batch, args.events)
    store = open_store(url)
    words = store.count(EventQuery(q="number"))
    store.close()
    print(
        f"{len(killed)} kills, runs with a batch half present: {lost}; after the last run: "
        f"{events:,} events ({words:,} found by full-text search) of {args.events:,}, "
        f"integrity {check}, index build pending {pending}; "
        f"{time.perf_counter() - started:.0f} s in all"
    )


if __name__ == "__main__":
    main()

"""Crash safety of `geoevents import` at the issue's size: SIGKILL at chosen steps, resume.

    python -m bench.crash [--events 200000] [--batch 25000]

Writes synthetic events (with ids) as GeoJSON lines, kills `geoevents import` with SIGKILL
mid-transaction (twice), while reading, and during the deferred index and FTS build (twice),
checks the database after each kill with plain sqlite3 (integrity_check, only whole batches
stored), runs the import to the end and prints the events stored.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from app.gazetteer.geocoder import Gazetteer
from tests.transfer.crashing import Kill, Run, crash_and_resume, write_events


def main() -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=25_000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="geoevents-crash-"))
    source = write_events(work / "events.geojsonl", args.events, Gazetteer.load())
    db = work / "crash.db"
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
            f"events {run.events:>8,}  integrity_check {run.integrity}  "
            f"whole batches only {run.whole_batches}  index build pending {run.pending_build}"
        )

    report = crash_and_resume(source, db, args.events, args.batch, kills, args.seed, show)
    killed = [r for r in report.runs if r.killed]
    lost = sum(not r.whole_batches for r in report.runs)
    conn = sqlite3.connect(db)
    events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    fts = conn.execute("SELECT count(*) FROM events_fts").fetchone()[0]
    check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    print(
        f"{len(killed)} kills, runs with a batch half present: {lost}; after the last run: "
        f"{events:,} events ({fts:,} in the full-text index) of {args.events:,}, "
        f"integrity_check {check}; {time.perf_counter() - started:.0f} s in all"
    )


if __name__ == "__main__":
    main()

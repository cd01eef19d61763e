"""The lenient import path against the strict one: the same events, written in full or minimal.

    python -m bench.imports [--events 100000] [--jobs 0] [--keep DIR]

Writes the same synthetic events (random points in Iraq and Syria, ``bench.store.synthetic``)
four ways: complete Features (the strict msgspec path), minimal Features (Point, event_type,
date: every other property derived), a plain CSV sheet (latitude,longitude,event_type,date)
and our own CSV export of the first store (ACLED's columns, then ours). Imports each into a
fresh SQLite store and prints wall time, events per second and CPU seconds (this process and
the reading workers). ``--keep DIR`` leaves the files there for ``/usr/bin/time geoevents
import FILE``.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

import orjson

from app.domain import EventQuery
from app.gazetteer.geocoder import Gazetteer
from app.store.sqlite import SQLiteStore
from app.transfer.acled import AdminNames
from app.transfer.csv_events import csv_lines
from app.transfer.importer import run_import
from bench.store import synthetic


def timed(label: str, source: Path, db: Path, gazetteer: Gazetteer, jobs: int) -> SQLiteStore:
    """Import ``source`` into a new store at ``db`` and print the figures."""
    store = SQLiteStore(db)
    before = os.times()
    outcome = run_import(source, store, gazetteer, jobs=jobs)
    after = os.times()
    assert outcome.rejected_total == 0 and outcome.check == "ok", outcome.rejected[:3]
    cpu = after.user + after.system - before.user - before.system
    workers = (
        after.children_user + after.children_system - before.children_user - before.children_system
    )
    created = outcome.counts.created
    print(
        f"{label:34} {created:>9,} events  {outcome.seconds:7.1f} s wall  "
        f"{created / outcome.seconds:>8,.0f} events/s  CPU {cpu:6.1f} s "
        f"(+ {workers:.1f} s in workers)  {1e6 * (cpu + workers) / created:6.0f} us/event"
    )
    return store


def main() -> None:
    """Write the files, import each, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=0, help="reading worker processes")
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="geoevents-imports-"))
    work.mkdir(parents=True, exist_ok=True)
    gazetteer = Gazetteer.load()
    lines = synthetic(args.events, gazetteer)
    full = work / "full.geojsonl"
    full.write_bytes(b"\n".join(lines) + b"\n")
    minimal = work / "minimal.geojsonl"
    sheet = work / "sheet.csv"
    with minimal.open("wb") as short, sheet.open("w") as plain:
        plain.write("latitude,longitude,event_type,date\n")
        for line in lines:
            feature = orjson.loads(line)
            p = feature["properties"]
            lon, lat = feature["geometry"]["coordinates"]
            short.write(
                orjson.dumps(
                    {
                        "type": "Feature",
                        "geometry": feature["geometry"],
                        "properties": {"event_type": p["event_type"], "date": p["date"]},
                    }
                )
                + b"\n"
            )
            plain.write(f"{lat},{lon},{p['event_type']},{p['date']}\n")
    print(f"{args.events:,} events, jobs={args.jobs}, files in {work}")
    first = timed("complete Features (strict path)", full, work / "full.db", gazetteer, args.jobs)
    timed("minimal Features (lenient path)", minimal, work / "minimal.db", gazetteer, args.jobs)
    timed("plain CSV sheet (lenient path)", sheet, work / "sheet.db", gazetteer, args.jobs)
    ours = work / "ours.csv"
    with ours.open("w", newline="") as out:
        for text in csv_lines(
            first.export(EventQuery(located=None)), AdminNames.from_gazetteer(gazetteer)
        ):
            out.write(text)
    timed("our CSV export (complete rows)", ours, work / "ours.db", gazetteer, args.jobs)


if __name__ == "__main__":
    main()

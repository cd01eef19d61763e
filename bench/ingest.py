"""Ingest speed end to end, as a user runs it: `geoevents ingest FILE.jsonl` in a fresh
process on a fresh store, start-up included.

    python -m bench.ingest [--reports 10000] [--jobs 0] [--single]

Writes ``--reports`` short reports (100-250 words, ``bench.reports``) once, then times the
command with every core (``--jobs 0``: the default) and, with ``--single``, on one process
for the ratio. Checks that every report was stored. Prints wall time, CPU time (the command
and its workers) and the machine's load average: the machine is shared, so a wall time
measured under load says less than the CPU time does. Target: >= 1,000 reports/s.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.reports import write

GEOEVENTS = Path(sys.executable).parent / "geoevents"


@dataclass(frozen=True)
class Run:
    """One timed command."""

    wall: float
    cpu: float
    stored: int


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its children) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def ingest(reports: Path, jobs: int, work: Path) -> Run:
    """`geoevents ingest` of the file into a new store."""
    database = work / f"ingest-{jobs}-{time.monotonic_ns()}.db"
    env = {**os.environ, "GEOEVENTS_DATABASE_URL": f"sqlite:///{database}"}
    command = [str(GEOEVENTS), "ingest", str(reports), "--quiet"]
    if jobs:
        command += ["--jobs", str(jobs)]
    wall, cpu = timed(command, env)
    with sqlite3.connect(database) as conn:
        stored = int(conn.execute("SELECT count(*) FROM reports").fetchone()[0])
    return Run(wall, cpu, stored)


def startup(runs: int = 5) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of `geoevents --help` and of a one-report extract."""
    one = Path(tempfile.gettempdir()) / "geoevents-one-report.txt"
    one.write_text("Clashes broke out in Kirkuk on Tuesday between police and gunmen.\n")
    commands = {
        "geoevents --help": [str(GEOEVENTS), "--help"],
        "geoevents extract (one report)": [
            str(GEOEVENTS),
            "extract",
            str(one),
            "--published",
            "2024-08-08",
        ],
    }
    # As installed: Python keeps the modules' bytecode (a sandbox may say not to, which
    # makes every start compile each module from source again).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = {}
    for label, command in commands.items():
        timed(command, env)  # writes the bytecode once
        times = sorted(timed(command, env) for _ in range(runs))
        out[label] = times[len(times) // 2]
    return out


def load() -> str:
    """The machine's load average (1, 5, 15 minutes) and its cores."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} {five:.1f} {fifteen:.1f} on {os.cpu_count()} cores"


def main() -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=0, help="0: the command's default")
    parser.add_argument("--single", action="store_true", help="also time --jobs 1")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="geoevents-ingest-"))
    reports = write(args.reports, work / "reports.jsonl")
    print(f"{args.reports:,} reports of 100-250 words; {load()}")
    for label, (wall, cpu) in startup().items():
        print(f"{label:32}: {wall:.2f} s wall, {cpu:.2f} s CPU (target < 0.5 s)")
    runs = {f"jobs {args.jobs or 'default (all cores)'}": ingest(reports, args.jobs, work)}
    if args.single:
        runs["jobs 1"] = ingest(reports, 1, work)
    for label, run in runs.items():
        print(
            f"geoevents ingest, {label:24}: {run.wall:6.1f} s wall = "
            f"{args.reports / run.wall:7,.0f} reports/s; CPU {run.cpu:6.1f} s = "
            f"{run.cpu / args.reports * 1000:.2f} ms/report; stored {run.stored:,}"
            f"{'' if run.stored == args.reports else ' (NOT every report)'}"
        )
    print(f"{load()} (target: >= 1,000 reports/s)")


if __name__ == "__main__":
    main()

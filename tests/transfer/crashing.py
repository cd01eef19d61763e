"""Kill ``geoevents import`` with SIGKILL at chosen steps, check the database, resume.

Shared by tests/transfer/test_crash.py (small, in ``make test``) and bench/crash.py (the
200,000-event run of the issue).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from app.gazetteer.geocoder import Gazetteer

GEOEVENTS = [sys.executable, "-c", "from app.cli import main; main()"]


def write_events(path: Path, n: int, gazetteer: Gazetteer) -> Path:
    """n synthetic events (bench.store's) with ids e0..e{n-1}, as GeoJSON lines."""
    from bench.store import synthetic

    with path.open("wb") as sink:
        for i, line in enumerate(synthetic(n, gazetteer)):
            data = orjson.loads(line)
            data["id"] = f"e{i}"
            sink.write(orjson.dumps(data) + b"\n")
    return path


@dataclass
class Kill:
    """Where to kill: after a line of ``--verbose`` output starting so, plus a delay."""

    label: str
    after_line: str
    delay: tuple[float, float]  # seconds, drawn uniformly


@dataclass
class Run:
    """One run of the import and what the database held after it."""

    label: str
    killed: bool
    last_line: str
    events: int
    integrity: str
    whole_batches: bool
    pending_build: bool


@dataclass
class CrashReport:
    """Every run, killed or not."""

    runs: list[Run] = field(default_factory=list)


def import_once(
    source: Path, db: Path, batch: int, kill: Kill | None, rng: random.Random
) -> tuple[bool, str]:
    """Run the import; SIGKILL it as ``kill`` says. Returns (killed, last line printed)."""
    env = dict(os.environ, GEOEVENTS_DATABASE_URL=f"sqlite:///{db}")
    command = [*GEOEVENTS, "import", str(source), "--verbose", "--defer-indexes"]
    command += ["--batch", str(batch), "--jobs", "1"]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    last = ""
    for line in process.stderr:
        last = line.strip() or last
        if kill is not None and last.startswith(kill.after_line):
            time.sleep(rng.uniform(*kill.delay))
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True, last
    code = process.wait()
    if code != 0:
        raise AssertionError(f"import exited with {code}; last line: {last}")
    return False, last


def inspect(db: Path, batch: int, total: int) -> tuple[int, str, bool, bool]:
    """(events, integrity_check, whole batches only, an index build pending) read with
    plain sqlite3, before any store opens (and repairs) the file."""
    conn = sqlite3.connect(db)
    try:
        integrity = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
        keys = {r[0] for r in conn.execute("SELECT import_key FROM events")}
        pending = bool(
            conn.execute("SELECT value FROM meta WHERE key = 'indexes_deferred'").fetchone()[0]
        ) or bool(conn.execute("SELECT count(*) FROM import_pending").fetchone()[0])
    finally:
        conn.close()
    count = len(keys)
    # Batches are stored whole and in file order: the keys are those of the first rows.
    whole = (count % batch == 0 or count == total) and keys == {f"id:e{i}" for i in range(count)}
    return count, integrity, whole, pending


def crash_and_resume(
    source: Path,
    db: Path,
    total: int,
    batch: int,
    kills: list[Kill],
    seed: int = 11,
    report: Callable[[Run], None] | None = None,
) -> CrashReport:
    """Kill the import at each step of ``kills`` in turn, then run it to the end."""
    rng = random.Random(seed)
    out = CrashReport()
    for kill in [*kills, None]:
        killed, last = import_once(source, db, batch, kill, rng)
        run = Run(kill.label if kill else "to the end", killed, last, *inspect(db, batch, total))
        out.runs.append(run)
        if report:
            report(run)
    return out

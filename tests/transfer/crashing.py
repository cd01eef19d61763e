"""Kill ``geoevents import`` with SIGKILL at chosen steps, check the database, resume.

Shared by tests/transfer/test_crash.py (small, in ``make test``, on both backends) and
bench/crash.py (the 200,000-event run of the issue). The database is named by its URL:
``sqlite:///PATH`` is inspected with plain sqlite3 (integrity_check), ``postgresql://...``
with psycopg (amcheck's bt_index_check on every b-tree index of the events, and every
index valid).
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
    source: Path, url: str, batch: int, kill: Kill | None, rng: random.Random
) -> tuple[bool, str]:
    """Run the import; SIGKILL it as ``kill`` says. Returns (killed, last line printed)."""
    env = dict(os.environ, GEOEVENTS_DATABASE_URL=url)
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


def inspect(url: str, batch: int, total: int) -> tuple[int, str, bool, bool]:
    """(events, integrity, whole batches only, an index build pending) read with the plain
    driver, before any store opens (and repairs) the database."""
    if url.startswith("sqlite:///"):
        keys, integrity, pending = _inspect_sqlite(Path(url.removeprefix("sqlite:///")))
    else:
        keys, integrity, pending = _inspect_postgresql(url)
    count = len(keys)
    # Batches are stored whole and in file order: the keys are those of the first rows.
    whole = (count % batch == 0 or count == total) and keys == {f"id:e{i}" for i in range(count)}
    return count, integrity, whole, pending


def _inspect_sqlite(db: Path) -> tuple[set[str], str, bool]:
    conn = sqlite3.connect(db)
    try:
        integrity = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
        keys = {r[0] for r in conn.execute("SELECT import_key FROM events")}
        pending = bool(
            conn.execute("SELECT value FROM meta WHERE key = 'indexes_deferred'").fetchone()[0]
        ) or bool(conn.execute("SELECT count(*) FROM import_pending").fetchone()[0])
    finally:
        conn.close()
    return keys, integrity, pending


def _inspect_postgresql(url: str) -> tuple[set[str], str, bool]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
        indexes = conn.execute(
            "SELECT c.relname, i.indisvalid, am.amname FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam "
            "WHERE i.indrelid = 'events'::regclass"
        ).fetchall()
        problems = [f"{name} invalid" for name, valid, _ in indexes if not valid]
        for name, valid, method in indexes:
            if valid and method == "btree":
                try:  # raises on a damaged index
                    conn.execute("SELECT bt_index_check(%s::regclass, true)", (name,))
                except psycopg.Error as exc:
                    problems.append(f"{name}: {exc}")
        keys = {str(r[0]) for r in conn.execute("SELECT import_key FROM events")}
        row = conn.execute("SELECT value FROM meta WHERE key = 'indexes_deferred'").fetchone()
    return keys, "; ".join(problems) or "ok", bool(row and row[0])


def crash_and_resume(
    source: Path,
    url: str,
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
        killed, last = import_once(source, url, batch, kill, rng)
        run = Run(kill.label if kill else "to the end", killed, last, *inspect(url, batch, total))
        out.runs.append(run)
        if report:
            report(run)
    return out

"""kill -9 of `geoevents import` (mid-batch, mid-index-build) and of `geoevents ingest`,
on both backends."""

import json
import os
import signal
import sqlite3
import subprocess
import time

import pytest

from app.domain import EventQuery
from app.store import open_store
from tests.transfer.crashing import GEOEVENTS, Kill, crash_and_resume, write_events

N, BATCH = 20_000, 2_500


@pytest.mark.slow
def test_import_killed_at_five_points_then_completed(tmp_path, gazetteer, database_url):
    source = write_events(tmp_path / "events.geojsonl", N, gazetteer)
    kills = [
        Kill("mid-transaction, batch 2", "batch 2: writing", (0.0, 0.05)),
        Kill("mid-transaction, batch 5", "batch 4: writing", (0.0, 0.05)),
        Kill("while reading, before a batch", "indexes deferred", (0.0, 0.3)),
        Kill("during the index and FTS build", "finishing:", (0.05, 0.25)),
        Kill("during the index and FTS build again", "finishing:", (0.0, 0.1)),
    ]
    report = crash_and_resume(source, database_url, N, BATCH, kills)
    for run in report.runs:
        assert run.integrity == "ok", run
        assert run.whole_batches, run  # no batch half present
    killed = [r for r in report.runs if r.killed]
    assert len(killed) == 5
    # The mid-transaction kills landed before their batch committed.
    assert all(r.last_line.endswith("writing 2500 events") for r in killed[:2])
    assert all(r.last_line.startswith("finishing:") and r.pending_build for r in killed[3:])
    final = report.runs[-1]
    assert not final.killed and final.events == N and not final.pending_build
    store = open_store(database_url)
    assert store.health().events == N
    assert store.count(EventQuery(bbox=(35, 29, 49, 38))) == N  # spatial index complete
    assert store.count(EventQuery(q="number")) == N  # full-text index complete
    store.close()
    if database_url.startswith("sqlite:///"):
        conn = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        assert conn.execute("SELECT count(*) FROM events_fts").fetchone()[0] == N
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def reports(n):
    places = ["Kirkuk", "Mosul", "Basra", "Erbil", "Ramadi", "Tikrit", "Baqubah", "Samarra"]
    kinds = ["Clashes erupted", "An IED exploded", "Protesters rallied", "A drone struck"]
    return [
        {
            "text": f"{kinds[i % 4]} in {places[i % 8]} on Monday, report number {i}, "
            f"officials said. Two people were hurt in the incident near the market {i}.",
            "published": f"2024-0{1 + i % 9}-1{i % 10}",
        }
        for i in range(n)
    ]


def scalars(url, sql):
    """One row of a query, with the plain driver of the URL's backend."""
    if url.startswith("sqlite:///"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"))
        try:
            return conn.execute(sql).fetchone()
        finally:
            conn.close()
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchone()


def stored_reports(url):
    try:
        return scalars(url, "SELECT count(*) FROM reports")[0]
    except Exception:  # not created yet: the first run has not migrated the store
        return 0


@pytest.mark.slow
def test_ingest_killed_twice_then_rerun_stores_every_report_once(
    tmp_path, database_url, second_database_url
):
    source = tmp_path / "reports.jsonl"
    items = reports(120)
    source.write_text("".join(json.dumps(r) + "\n" for r in items))
    db = database_url
    env = dict(os.environ, GEOEVENTS_DATABASE_URL=db)
    for threshold in (20, 60):
        process = subprocess.Popen(
            # Small transactions, so that a kill lands between two of them.
            [*GEOEVENTS, "ingest", str(source), "--batch", "5", "--jobs", "1"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while stored_reports(db) < threshold and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert threshold <= stored_reports(db) < len(items)
    done = subprocess.run(
        [*GEOEVENTS, "ingest", str(source)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "already stored" in done.stdout
    if db.startswith("sqlite:///"):
        assert scalars(db, "PRAGMA integrity_check")[0] == "ok"
    assert scalars(db, "SELECT count(*), count(DISTINCT content_hash) FROM reports") == (
        len(items),
        len(items),
    )
    # Every report's events are there once: the same as one uninterrupted run.
    subprocess.run(
        [*GEOEVENTS, "ingest", str(source)],
        env=dict(env, GEOEVENTS_DATABASE_URL=second_database_url),
        check=True,
        capture_output=True,
    )
    count = "SELECT count(*) FROM events"
    assert scalars(db, count) == scalars(second_database_url, count)

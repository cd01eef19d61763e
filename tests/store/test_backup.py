"""Online backup and checked restore, each while a writer keeps writing."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from app.errors import InvalidInput
from app.events import EventFeature
from app.store import open_store
from app.store.backup import backup, check_copy, restore, sqlite_path
from app.store.sqlite import SQLiteStore
from tests.factories import make_event, make_report


@contextmanager
def writer(database: Path | str) -> Iterator[list[int]]:
    """A thread adding one report with its event after another until the block ends
    (``database``: a SQLite file or any store's URL)."""
    store = open_store(database) if isinstance(database, str) else SQLiteStore(database)
    written: list[int] = []
    stop = threading.Event()
    errors: list[BaseException] = []

    def run() -> None:
        n = 0
        try:
            while not stop.is_set():
                n += 1
                report = make_report(f"Gunmen attacked checkpoint {n} in Kirkuk, writer test.")
                store.add_report(report, [_distinct_event(n)])
                written.append(n)
        except BaseException as exc:  # reported to the test below
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    try:
        while len(written) < 20 and thread.is_alive():
            stop.wait(0.01)
        yield written
    finally:
        stop.set()
        thread.join(timeout=30)
        store.close()
    assert not errors, errors


def _distinct_event(n: int) -> EventFeature:
    """Events that de-duplication keeps apart: 20 km or 3 days from any other."""
    day = dt.date(2000, 1, 1) + dt.timedelta(days=3 * (n // 50))
    return make_event(summary=f"attack {n}", lat=30 + (n % 50) * 0.2, date=day.isoformat())


def _counts(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as conn:
        reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    return reports, events


def test_a_backup_taken_while_writing_is_consistent(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    SQLiteStore(live).close()
    copies = []
    with writer(live) as written:
        for i in range(3):
            copies.append(backup(live, tmp_path / f"copy{i}.db"))
        during = len(written)
    assert during >= 20
    for info in copies:
        assert info.schema_version >= 1
        # One snapshot: every report came with its event, none half-written.
        assert info.reports == info.events and info.reports >= 20
        assert check_copy(info.path) == info
    assert copies[0].reports <= copies[1].reports <= copies[2].reports
    assert not list(tmp_path.glob(".*.partial"))


def test_restore_checks_the_copy_then_replaces_the_content_while_writing(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    store = SQLiteStore(live)
    for n in range(5):
        store.add_report(make_report(f"Clashes number {n} in Mosul."), [_distinct_event(n)])
    store.close()
    saved = backup(live, tmp_path / "saved.db")
    assert (saved.reports, saved.events) == (5, 5)
    with writer(live) as written:
        restore(saved.path, live)
        restored_while_writing = len(written)
    reports, events = _counts(live)
    with sqlite3.connect(live) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        texts = {row[0] for row in conn.execute("SELECT text FROM reports")}
    # The saved reports are back; writes after the restore went on on top of them.
    assert {f"Clashes number {n} in Mosul." for n in range(5)} <= texts
    assert restored_while_writing >= 20
    assert reports == events and reports < restored_while_writing + 5 + 1000
    SQLiteStore(live).close()  # the store opens it again


def test_restore_refuses_a_damaged_copy_and_leaves_the_database_alone(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    store = SQLiteStore(live)
    store.add_report(make_report("Clashes in Mosul."), [make_event()])
    store.close()
    before = live.read_bytes()
    info = backup(live, tmp_path / "good.db")
    damaged = tmp_path / "damaged.db"
    data = bytearray(info.path.read_bytes())
    data[4096 * 2 : 4096 * 2 + 512] = b"\xde\xad" * 256  # a page of garbage
    damaged.write_bytes(bytes(data))
    not_db = tmp_path / "notes.db"
    not_db.write_text("not a database")
    newer = tmp_path / "newer.db"
    newer.write_bytes(info.path.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 99")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("PRAGMA user_version = 1")
    for bad, word in (
        # which check trips depends on the page hit: either way it says why
        (damaged, "fails the integrity check|is not a readable SQLite database"),
        (not_db, "not a"),
        (newer, "schema version 99"),
        (other, "not a geoevents store"),
        (tmp_path / "missing.db", "not a file"),
    ):
        with pytest.raises(InvalidInput, match=word):
            restore(bad, live)
    assert live.read_bytes() == before


def test_backup_refuses_to_overwrite_or_to_copy_onto_itself(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    SQLiteStore(live).close()
    backup(live, tmp_path / "copy.db")
    with pytest.raises(InvalidInput, match="exists"):
        backup(live, tmp_path / "copy.db")
    assert backup(live, tmp_path / "copy.db", overwrite=True).events == 0
    with pytest.raises(InvalidInput, match="itself"):
        backup(live, live, overwrite=True)
    with pytest.raises(InvalidInput, match="no database"):
        backup(tmp_path / "absent.db", tmp_path / "x.db")
    with pytest.raises(InvalidInput, match="memory"):
        sqlite_path("sqlite:///:memory:")


def test_backup_and_restore_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    """The same commands on each backend, backing up and restoring while a writer writes;
    PostGIS's own checks: test_postgis_backup."""
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)
    sqlite = database_url.startswith("sqlite")
    tool = "SQLite's backup API" if sqlite else "pg_dump"
    store = open_store(database_url)
    store.add_report(make_report("Clashes in Mosul."), [make_event()])
    store.close()
    runner = CliRunner()
    with writer(database_url):
        made = runner.invoke(cli, ["backup", str(tmp_path / "b.copy")])
    assert made.exit_code == 0, made.output
    assert "backed up" in made.output and tool in made.output
    assert "postgres@" not in made.output  # a URL (and any password) is never printed
    again = runner.invoke(cli, ["backup", str(tmp_path / "b.copy")])
    assert again.exit_code == 2 and "exists" in again.output
    (tmp_path / "junk.copy").write_text("junk")
    refused = runner.invoke(cli, ["restore", str(tmp_path / "junk.copy")])
    assert refused.exit_code == 2 and "not a" in refused.output
    with writer(database_url) as written:
        restored = runner.invoke(cli, ["restore", str(tmp_path / "b.copy")])
    assert restored.exit_code == 0, restored.output
    assert "restored" in restored.output
    assert sqlite or "pg_restore" in restored.output
    # What was restored is what the backup said it saved (PostGIS counts the database once
    # it is restored, so the writer's next reports may be in its figure already).
    saved = re.search(r"([\d,]+) reports", made.output)
    back = re.search(r"([\d,]+) reports", restored.output)
    assert saved is not None and back is not None
    saved_n, back_n = (int(m.group(1).replace(",", "")) for m in (saved, back))
    assert back_n == saved_n if sqlite else saved_n <= back_n <= saved_n + len(written)
    after = open_store(database_url)
    try:
        # The saved report is back; the writer's reports after the restore went on on top.
        assert after.health().reports == after.health().events >= 1
        assert after.health().reports <= 1 + 1000 + len(written)
    finally:
        after.close()


def test_a_restore_while_readers_read_fails_no_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Readers keep answering, old or new content. SQLite only: on PostGIS pg_restore and a
    reader can deadlock and one of them fails (postgis_backup's known limit)."""
    database_url = f"sqlite:///{tmp_path / 'events.db'}"
    from app.domain import EventQuery

    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    store = open_store(database_url)
    for n in range(5):
        store.add_report(make_report(f"Clashes number {n} in Mosul."), [_distinct_event(n)])
    runner = CliRunner()
    made = runner.invoke(cli, ["backup", str(tmp_path / "saved.copy")])
    assert made.exit_code == 0, made.output
    store.add_report(make_report("One more after the backup."), [_distinct_event(99)])
    stop = threading.Event()
    seen: list[int] = []
    errors: list[BaseException] = []

    def read() -> None:
        try:
            while not stop.is_set():
                store.health()
                seen.append(store.query(EventQuery(limit=100)).matched or 0)
        except BaseException as exc:  # reported below
            errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for thread in readers:
        thread.start()
    try:
        restored = runner.invoke(cli, ["restore", str(tmp_path / "saved.copy")])
    finally:
        stop.set()
        for thread in readers:
            thread.join(timeout=30)
    assert restored.exit_code == 0, restored.output
    assert not errors, errors
    assert seen and set(seen) <= {5, 6}
    assert store.health().reports == 5
    store.close()

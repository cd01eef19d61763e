"""Backup and restore of the PostGIS store through pg_dump / pg_restore."""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg
import pytest

from app.errors import InvalidInput
from app.store.postgis import PostGISStore
from app.store.postgis_backup import _connection, backup, check_archive, pg_tool, restore
from app.store.postgis_schema import MIGRATIONS
from tests.factories import make_event, make_report

pytestmark = pytest.mark.postgis


@pytest.fixture
def url(pg_cluster):
    return pg_cluster.new_database()


def _fill(store: PostGISStore, first: int, n: int) -> None:
    for i in range(first, first + n):
        store.add_report(
            make_report(f"Clashes number {i} in Mosul."),
            [make_event(summary=f"clash {i}", lat=30 + i * 0.2, date="2024-01-01")],
        )


def test_a_backup_taken_while_writing_is_one_snapshot(url, tmp_path: Path) -> None:
    store = PostGISStore(url)
    _fill(store, 0, 5)
    stop = threading.Event()
    written: list[int] = []

    def write() -> None:
        n = 100
        while not stop.is_set() and n < 400:
            _fill(store, n, 1)
            written.append(n)
            n += 1

    thread = threading.Thread(target=write)
    thread.start()
    try:
        info = backup(url, tmp_path / "a.dump")
    finally:
        stop.set()
        thread.join(timeout=60)
    # Every report of the snapshot came with its event, none half-written.
    assert info.reports == info.events >= 5
    assert info.schema_version == len(MIGRATIONS)
    assert check_archive(info.path) == len(MIGRATIONS)
    assert not list(tmp_path.glob(".*.partial"))
    with pytest.raises(InvalidInput, match="exists"):
        backup(url, tmp_path / "a.dump")
    store.close()


def test_restore_replaces_the_content_in_one_transaction(url, pg_cluster, tmp_path) -> None:
    store = PostGISStore(url)
    _fill(store, 0, 4)
    store.live.add_feed("https://example.org/rss", 600, None, "2024-01-01T00:00:00Z")
    saved = backup(url, tmp_path / "saved.dump")
    _fill(store, 10, 3)
    store.close()
    info = restore(saved.path, url)
    assert (info.reports, info.events) == (4, 4)
    again = PostGISStore(url)
    assert again.health().reports == 4
    assert [f.url for f in again.live.feeds()] == ["https://example.org/rss"]
    _fill(again, 20, 1)  # ids and sequences go on after the restored rows
    assert again.health().reports == 5
    again.close()
    # An archive restores into another, empty database too.
    other = pg_cluster.new_database()
    assert restore(saved.path, other).events == 4


def test_restore_refuses_what_is_not_a_store_archive(url, tmp_path) -> None:
    store = PostGISStore(url)
    _fill(store, 0, 2)
    store.close()
    junk = tmp_path / "junk.dump"
    junk.write_text("not an archive")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE unrelated (x int)")
        conn.execute("CREATE DATABASE other_db")
    other_url = url.rsplit("/", 1)[0] + "/other_db"
    with psycopg.connect(other_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE t (x int)")
        conn.execute("INSERT INTO t VALUES (1)")
    foreign = tmp_path / "foreign.dump"
    subprocess_dump(other_url, foreign)
    for bad, word in (
        (junk, "not a readable pg_dump archive"),
        (foreign, "not a geoevents store"),
        (tmp_path / "missing.dump", "not a file"),
    ):
        with pytest.raises(InvalidInput, match=word):
            restore(bad, url)
    left = PostGISStore(url)
    assert left.health().reports == 2
    left.close()


def subprocess_dump(url: str, target: Path) -> None:
    import subprocess

    subprocess.run(
        [str(pg_tool("pg_dump")), "--format=custom", f"--file={target}", f"--dbname={url}"],
        check=True,
        capture_output=True,
    )


def test_without_the_client_tools_the_message_names_the_package(monkeypatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.setattr("pathlib.Path.glob", lambda self, pattern: iter(()))
    with pytest.raises(InvalidInput, match="postgresql-client"):
        pg_tool("pg_dump")


def test_the_password_travels_in_the_environment_not_the_arguments():
    conninfo, env = _connection("postgresql://ana:s3cret@db.example:5433/events?sslmode=require")
    assert "s3cret" not in conninfo
    assert env["PGPASSWORD"] == "s3cret"
    assert "host=db.example" in conninfo and "port=5433" in conninfo and "user=ana" in conninfo
    assert "dbname=events" in conninfo and "sslmode=require" in conninfo


def test_a_worker_that_wrote_before_a_restore_writes_after_it(url, tmp_path: Path) -> None:
    """The restore keeps the server's extensions: a worker's prepared statements with a
    geometry parameter (psycopg prepares a query after its fifth run) stay valid."""
    store = PostGISStore(url)
    try:
        _fill(store, 0, 8)
        info = backup(url, tmp_path / "b.dump")
        _fill(store, 8, 2)
        restore(info.path, url)
        _fill(store, 20, 3)
        assert store.health().reports == 8 + 3
    finally:
        store.close()

"""The migration bookkeeping both backends share."""

import sqlite3
from contextlib import closing

import pytest

from app.errors import StoreError
from app.store import open_store
from app.store.backup import sqlite_path
from app.store.migrations import pending


def test_a_store_gets_the_scripts_after_its_version_numbered_from_it():
    assert pending(0, ["a", "b", "c"], "x") == [(1, "a"), (2, "b"), (3, "c")]
    assert pending(2, ["a", "b", "c"], "x") == [(3, "c")]
    assert pending(3, ["a", "b", "c"], "x") == []


def test_a_store_newer_than_the_release_is_refused_with_where_it_is():
    with pytest.raises(StoreError) as caught:
        pending(4, ["a", "b", "c"], "database t_1")
    assert caught.value.log_message == "database t_1 has schema 4, newer than this release (3)"


def test_a_store_written_by_a_newer_release_is_refused(database_url):
    store = open_store(database_url)
    newer = store.health().schema_version + 1
    store.close()
    if database_url.startswith("sqlite"):
        with closing(sqlite3.connect(sqlite_path(database_url))) as conn:
            conn.execute(f"PRAGMA user_version={newer}")
    else:
        import psycopg

        with psycopg.connect(database_url) as pg:
            pg.execute("UPDATE geoevents_schema SET version = %s", (newer,))
    with pytest.raises(StoreError) as caught:
        open_store(database_url)
    assert f"has schema {newer}, newer than this release" in caught.value.log_message

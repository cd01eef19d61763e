import sqlite3

import pytest

from app.errors import StoreError
from app.store import open_store
from app.store.schema import MIGRATIONS
from app.store.sqlite import SQLiteStore


def test_new_database_is_migrated(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'sub' / 'e.db'}")
    health = store.health()
    assert health.schema_version == len(MIGRATIONS)
    assert (health.events, health.reports) == (0, 0)
    mode = sqlite3.connect(tmp_path / "sub" / "e.db").execute("PRAGMA journal_mode").fetchone()
    assert mode[0] == "wal"
    store.close()


def test_reopening_keeps_the_schema(tmp_path):
    path = tmp_path / "e.db"
    SQLiteStore(path).close()
    assert SQLiteStore(path).health().schema_version == len(MIGRATIONS)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "e.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError):
        SQLiteStore(path)


@pytest.mark.parametrize("url", ["sqlite://", "mysql://x/y"])
def test_unusable_urls(url):
    with pytest.raises(StoreError):
        open_store(url)

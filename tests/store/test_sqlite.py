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


@pytest.mark.parametrize("url", ["sqlite://", "mysql://x/y"])
def test_unusable_urls(url):
    with pytest.raises(StoreError):
        open_store(url)


def test_the_deferred_indexes_are_those_of_migration_1():
    from app.store.schema import SECONDARY_INDEXES

    first = " ".join(MIGRATIONS[0].split())
    for name, columns in SECONDARY_INDEXES:
        assert f"CREATE INDEX {name} ON {columns};" in first


def test_a_version_1_database_is_upgraded_with_its_events(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(f"BEGIN; {MIGRATIONS[0]}; PRAGMA user_version=1; COMMIT;")
    conn.execute(
        "INSERT INTO events (id, feature, event_type, category, date, date_end, confidence, "
        "located, updated_at) VALUES (1, '{}', 'attack', 'security_incident', '2024-01-01', "
        "'2024-01-01', 0.5, 0, 'now')"
    )
    conn.commit()
    conn.close()
    store = SQLiteStore(path)
    assert store.health().schema_version == 4 == len(MIGRATIONS)
    assert store.health().unlocated == 1
    columns = [r[1] for r in sqlite3.connect(path).execute("PRAGMA table_info(events)")]
    assert columns[-1] == "import_key"
    # Migration 3 numbers the events already there, so a change-feed follower gets them too.
    assert store.last_seq() == 1


def test_date_range_walks_the_date_end_index_whatever_the_statistics(tmp_path):
    """/map asks for the date range on every load: two index walks, never a sort."""
    from app.store import sqlite_reads
    from tests.factories import make_event

    store = SQLiteStore(tmp_path / "e.db")
    store.add_events(
        [make_event(date="2024-01-05"), make_event(date="2024-03-09"), make_event()], "test"
    )
    conn = store._connect()
    conn.execute("ANALYZE")
    # The statistics a sampled ANALYZE left after a million-event import (located = 1 looked
    # selective, so the planner sorted every placed event by date_end).
    conn.execute("DELETE FROM sqlite_stat1")
    conn.executemany(
        "INSERT INTO sqlite_stat1 VALUES ('events', ?, ?)",
        [("events_located_date", "980560 1001 501"), ("events_date_end", "955800 501")],
    )
    conn.commit()
    conn.execute("ANALYZE sqlite_schema")  # the planner reads the statistics again
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    first, last = sqlite_reads.date_range(conn)
    conn.set_trace_callback(None)
    plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + statements[-1])]
    assert not any("TEMP B-TREE" in step for step in plan), plan
    assert first == "2024-01-05" and last is not None and last >= "2024-03-09"


def test_the_page_cache_of_each_connection_follows_the_setting(tmp_path, monkeypatch):
    import threading

    from app.settings import StoreSettings

    url = f"sqlite:///{tmp_path / 'cache.db'}"
    default = open_store(url)
    assert isinstance(default, SQLiteStore)
    assert default._connect().execute("PRAGMA cache_size").fetchone()[0] == -16 * 1024

    monkeypatch.setenv("GEOEVENTS_SQLITE_CACHE_MIB", "2")
    mib = StoreSettings(_env_file=None).sqlite_cache_mib
    store = open_store(url, sqlite_cache_mib=mib)
    sizes: list[int] = []
    thread = threading.Thread(
        target=lambda: sizes.append(store._connect().execute("PRAGMA cache_size").fetchone()[0])
    )
    thread.start()
    thread.join()
    assert sizes == [-2 * 1024]

"""numberMatched: counted once per query and data version, recounted after any write."""

import pytest

from app.domain import EventQuery
from app.store.sqlite import SQLiteStore
from tests.factories import make_event


def test_counts_are_cached_until_any_connection_writes(tmp_path, monkeypatch):
    reader = SQLiteStore(tmp_path / "e.db")
    writer = SQLiteStore(tmp_path / "e.db")  # another connection, as another worker has
    writer.add_events([make_event(summary=f"event {i}") for i in range(30)], "test")
    query = EventQuery(limit=10)
    assert reader.query(query).matched == 30
    counted = []
    real = reader._counts().get

    def spy(conn, key, compute):
        return real(conn, key, lambda: counted.append(key) or compute())

    monkeypatch.setattr(reader._counts(), "get", spy)
    assert reader.query(query).matched == 30 and not counted  # cached
    writer.add_events([make_event()], "test")
    assert reader.query(query).matched == 31 and len(counted) == 1  # another connection wrote
    reader.delete(1, "test")
    assert reader.query(query).matched == 30 and len(counted) == 2  # this connection wrote
    assert reader.count(EventQuery(q="event")) == 29


def test_a_page_holding_every_match_needs_no_count(tmp_path, monkeypatch):
    store = SQLiteStore(tmp_path / "e.db")
    store.add_events([make_event() for _ in range(3)], "test")
    monkeypatch.setattr(store._counts(), "get", lambda *a: (_ for _ in ()).throw(AssertionError))
    assert store.query(EventQuery(limit=10)).matched == 3


def test_a_wide_box_is_read_in_date_order_with_the_same_result(tmp_path):
    from app.store import sqlite_reads

    store = SQLiteStore(tmp_path / "e.db")
    store.add_events(
        [
            make_event(
                lat=33 + (i % 30) * 0.1,
                lon=43 + (i % 20) * 0.1,
                date=f"2024-0{1 + i % 9}-1{i % 10}",
            )
            for i in range(600)
        ],
        "test",
    )
    wide = EventQuery(bbox=(42.9, 32.9, 45.1, 36.1), limit=20)
    narrow = EventQuery(bbox=(42.95, 32.95, 43.05, 33.05), limit=20)
    by_date = store.query(wide)
    assert by_date.matched == 600
    text, params, _ = __import__("app.store.sql_query", fromlist=["x"]).page_sql(wide, 0, False)
    by_box = [r[1] for r in store._connect().execute(text, params).fetchall()][:20]
    assert by_date.features == by_box
    assert 0 < store.query(narrow).matched < 600
    assert sqlite_reads.BY_DATE_COST * 600 * 600 > 600 * 20  # the wide box took the date path


@pytest.mark.parametrize("probe_cost", [0, 10**9])
def test_a_box_walked_by_date_gives_the_box_order_page_probing_or_not(
    tmp_path, monkeypatch, probe_cost
):
    from app.store import sql_query, sqlite_reads

    store = SQLiteStore(tmp_path / "e.db")
    store.add_events(
        [
            make_event(
                lat=33 + (i % 30) * 0.1, lon=43 + (i % 20) * 0.1, date=f"2024-0{1 + i % 9}-1{i % 7}"
            )
            for i in range(500)
        ],
        "test",
    )
    monkeypatch.setattr(sqlite_reads, "BY_DATE_COST", 10**9)  # every box walked by date
    monkeypatch.setattr(sqlite_reads, "PROBE_COST", probe_cost)  # 0: probe; else the ids
    query = EventQuery(bbox=(43.25, 33.25, 44.55, 35.55), limit=15, offset=4)
    page = store.query(query)
    text, params, _ = sql_query.page_sql(query, 0, False)
    by_box = [r[1] for r in store._connect().execute(text, params).fetchall()][:15]
    assert page.features == by_box and len(by_box) == 15
    assert 15 < page.matched < 500


def test_threads_share_counts_and_other_tables_leave_them(tmp_path, monkeypatch):
    import threading

    store = SQLiteStore(tmp_path / "e.db")
    store.add_events([make_event(summary=f"event {i}") for i in range(30)], "test")
    query = EventQuery(limit=10)
    assert store.query(query).matched == 30
    counted = []
    real = store._counts().get
    monkeypatch.setattr(
        store._counts(), "get", lambda c, k, f: real(c, k, lambda: counted.append(k) or f())
    )
    pages = []
    worker = threading.Thread(target=lambda: pages.append(store.query(query)))
    worker.start()
    worker.join()
    assert pages[0].matched == 30 and not counted  # another thread's connection: cached
    other = SQLiteStore(tmp_path / "e.db")
    other._connect().execute("INSERT INTO leases VALUES ('poller', 'me', 1e12)")
    other._connect().commit()
    assert store.query(query).matched == 30 and not counted  # not an event: still cached


def test_a_finished_import_build_recounts(tmp_path, gazetteer, monkeypatch):
    import orjson

    from app.transfer.rows import prepare_rows

    store = SQLiteStore(tmp_path / "e.db")
    event = make_event(summary="staged words").model_dump(mode="json")
    rows, _ = prepare_rows(gazetteer, [(1, orjson.dumps(event))])
    loader = store.bulk_import("import", "skip", defer_indexes=True)
    loader.write(rows)
    words = EventQuery(q="staged", located=None)
    assert store.count(words) == 0  # the full-text index is built at the end
    assert loader.finish() == "ok"
    assert store.count(words) == 1  # no change numbered, yet the count is made again

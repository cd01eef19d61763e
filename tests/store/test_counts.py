"""numberMatched: counted once per query and data version, recounted after any write."""

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

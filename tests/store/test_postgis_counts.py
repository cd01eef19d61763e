"""numberMatched on PostGIS: counts cached per change number, dropped by any worker's write."""

import pytest

from app.domain import EventQuery
from app.store import postgis_reads
from app.store.postgis import PostGISStore
from app.store.postgis_counts import MAX_ENTRIES, SeqCountCache
from tests.factories import make_event

pytestmark = pytest.mark.postgis


@pytest.fixture
def url(pg_cluster):
    return pg_cluster.new_database()


def test_counts_are_cached_until_any_worker_writes(url, monkeypatch):
    calls = []
    real = postgis_reads._count
    monkeypatch.setattr(
        postgis_reads, "_count", lambda conn, sql: calls.append(1) or real(conn, sql)
    )
    reader, writer = PostGISStore(url), PostGISStore(url)  # two workers on one database
    ids = writer.add_events([make_event(summary=f"e {i}") for i in range(3)], "test")
    page = EventQuery(admin1=("IQ-KI",), limit=1)
    assert reader.query(page).matched == 3 and reader.query(page).matched == 3
    assert len(calls) == 1
    writer.add_events([make_event()], "test")  # the other worker's write moves the number
    assert reader.query(page).matched == 4 and len(calls) == 2
    writer.delete(ids[0], "test")
    assert reader.query(page).matched == 3 and len(calls) == 3
    # A page holding every match needs no count at all.
    assert reader.query(EventQuery(admin1=("IQ-KI",), limit=10)).matched == 3
    assert len(calls) == 3
    reader.close()
    writer.close()


def test_the_cache_keeps_its_newest_entries_only():
    cache = SeqCountCache()
    for n in range(MAX_ENTRIES + 5):
        assert cache.get(1, n, lambda n=n: n) == n
    assert cache.get(1, 0, lambda: -1) == -1  # the oldest was dropped, so counted again
    assert cache.get(1, MAX_ENTRIES + 4, lambda: -1) == MAX_ENTRIES + 4
    assert cache.get(2, MAX_ENTRIES + 4, lambda: -2) == -2  # a new change number: recount

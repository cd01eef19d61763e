"""PostGIS bulk imports: indexes deferred and built once, a killed import's build resumed."""

import psycopg
import pytest

from app.domain import EventQuery
from app.store.postgis import PostGISStore
from app.store.postgis_bulk import check, pending
from app.store.postgis_schema import IMPORT_LOCK, SECONDARY_INDEXES
from app.transfer.rows import prepare_rows
from tests.factories import make_event

pytestmark = pytest.mark.postgis


@pytest.fixture
def url(pg_cluster):
    return pg_cluster.new_database()


def rows_of(gazetteer, events):
    return prepare_rows(
        gazetteer, [(i, e.model_dump_json().encode()) for i, e in enumerate(events)]
    )[0]


def index_defs(url):
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'events'")
        return dict(rows.fetchall())


def events(n, **kwargs):
    return [make_event(lat=33 + i / 1000, summary=f"event {i}", **kwargs) for i in range(n)]


def test_a_deferred_import_builds_the_same_indexes_once_at_its_end(url, gazetteer):
    store = PostGISStore(url)
    before = index_defs(url)
    loader = store.bulk_import("import", "skip", defer_indexes=True)
    assert loader.write(rows_of(gazetteer, events(30))).created == 30
    during = index_defs(url)
    assert not {name for name, _ in SECONDARY_INDEXES} & set(during)
    assert {"events_pkey", "events_import_key"} <= set(during)  # idempotency needs these
    with psycopg.connect(url) as conn:
        assert pending(conn) and check(conn).startswith("missing or invalid indexes: events_")
    assert loader.finish() == "ok"
    loader.close()
    assert index_defs(url) == before
    assert store.count(EventQuery(q="event")) == 30
    assert store.count(EventQuery(bbox=(44, 32.9, 45, 34))) == 30
    # One change per event, numbered in id order, from one COPY statement.
    page = store.changes(EventQuery(located=None), 0, 100)
    assert [c.id for c in page.changes] == list(range(1, 31))
    store.close()


def test_a_killed_deferred_import_is_finished_by_the_next_opening(url, gazetteer):
    store = PostGISStore(url)
    loader = store.bulk_import("import", "skip", defer_indexes=True)
    loader.write(rows_of(gazetteer, events(10)))
    # While the import runs (its session holds the import lock), an opening leaves it alone.
    PostGISStore(url).close()
    with psycopg.connect(url) as conn:
        assert pending(conn)
    loader.close()  # as a killed process: its session, and its lock, end with no finish
    PostGISStore.from_url(url, finish_imports=False).close()
    with psycopg.connect(url) as conn:
        assert pending(conn)
    reopened = PostGISStore(url)
    with psycopg.connect(url) as conn:
        assert not pending(conn) and check(conn) == "ok"
    assert reopened.count(EventQuery(q="event")) == 10
    store.close()
    reopened.close()


def test_an_opening_does_not_build_while_another_session_holds_the_import_lock(url, gazetteer):
    store = PostGISStore(url)
    loader = store.bulk_import("import", "skip", defer_indexes=True)
    loader.write(rows_of(gazetteer, events(3)))
    loader.close()
    with psycopg.connect(url, autocommit=True) as other:
        other.execute("SELECT pg_advisory_lock(%s)", (IMPORT_LOCK,))
        PostGISStore(url).close()
        assert pending(other)
    PostGISStore(url).close()
    with psycopg.connect(url) as conn:
        assert not pending(conn)
    store.close()


def test_a_reimport_with_update_rewrites_every_column(url, gazetteer):
    store = PostGISStore(url)
    first = [make_event(lat=33.5, summary="first")]
    first[0] = first[0].model_copy(update={"id": "x1"})
    loader = store.bulk_import("import", "update", defer_indexes=False)
    loader.write(rows_of(gazetteer, first))
    moved = make_event(lat=36.2, lon=43.1, summary="moved").model_copy(update={"id": "x1"})
    assert loader.write(rows_of(gazetteer, [moved])).updated == 1
    assert loader.finish() == "ok"
    loader.close()
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT ST_AsText(geom), lat, words, admin1 FROM events").fetchone()
    assert row[0] == "POINT(43.1 36.2)" and row[1] == 36.2 and "moved" in row[2]
    assert store.count(EventQuery(q="first")) == 0 and store.count(EventQuery(q="moved")) == 1
    assert store.count(EventQuery(bbox=(43, 36, 43.2, 36.3))) == 1
    store.close()

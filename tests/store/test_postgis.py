"""What only the PostGIS backend has: its migrations, indexes, connection errors and driver."""

import sys
import threading

import psycopg
import pytest

from app.domain import EventQuery
from app.errors import StoreError
from app.store import open_store
from app.store.postgis import PostGISStore
from app.store.postgis_schema import MIGRATIONS
from app.transfer.rows import prepare_rows
from tests.factories import make_event

pytestmark = pytest.mark.postgis


@pytest.fixture
def url(pg_cluster):
    return pg_cluster.new_database()


def test_a_new_database_is_migrated_once_by_concurrent_workers(url):
    stores: list[PostGISStore] = []
    starters = [threading.Thread(target=lambda: stores.append(PostGISStore(url))) for _ in range(3)]
    for t in starters:
        t.start()
    for t in starters:
        t.join()
    assert len(stores) == 3
    assert {s.health().schema_version for s in stores} == {len(MIGRATIONS)}
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*) FROM geoevents_schema").fetchone() == (1,)
    for s in stores:
        s.close()
    again = open_store(url)
    assert again.health().backend == "postgis"
    assert again.upgrade() == len(MIGRATIONS)  # nothing left to apply
    again.close()


def test_the_issue_s_indexes_exist(url):
    PostGISStore(url).close()
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'events'")
        defs = dict(rows.fetchall())
    assert "USING gist (geom)" in defs["events_geom"]
    assert "USING gist (during)" in defs["events_during"]
    assert "USING gin (body)" in defs["events_body"]
    assert "(admin1, located, date)" in defs["events_admin1"]
    assert "(event_type, located, date)" in defs["events_type"]


def test_geometry_and_interval_are_stored_as_postgis_types(url):
    store = PostGISStore(url)
    store.add_events([make_event(date="2024-06-01", date_end="2024-06-30")], "test")
    store.analyze()
    store.close()
    with psycopg.connect(url) as conn:
        srid, wkt, during = conn.execute(
            "SELECT ST_SRID(geom), ST_AsText(geom), during::text FROM events"
        ).fetchone()
    assert (srid, wkt, during) == (4326, "POINT(44.39 35.47)", "[2024-06-01,2024-07-01)")


def test_an_unreachable_server_is_a_store_error(pg_cluster):
    with pytest.raises(StoreError) as caught:
        open_store(pg_cluster.url("no_such_database"))
    assert "no_such_database" in caught.value.log_message


def test_without_the_driver_the_message_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "app.store.postgis", None)
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://localhost/geoevents")
    assert "geoevents[postgis]" in caught.value.detail


def rows_of(gazetteer, events):
    return prepare_rows(
        gazetteer, [(i, e.model_dump_json().encode()) for i, e in enumerate(events)]
    )[0]


def test_a_bulk_import_stores_the_same_columns_as_add_events(url, gazetteer):
    store = PostGISStore(url)
    events = [make_event(lat=35.0 + i / 10, summary=f"event {i}") for i in range(3)]
    store.add_events(events, "test")
    loader = store.bulk_import("import", "skip", defer_indexes=True)
    assert loader.write(rows_of(gazetteer, [*events, make_event(located=False)])).created == 4
    assert loader.finish() == "ok"
    loader.close()
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT ST_AsEWKT(geom), lat, lon, admin1, located, date, during, words "
            "FROM events ORDER BY id"
        ).fetchall()
    assert rows[3:6] == rows[:3]  # the same events, imported: the same indexed columns
    assert rows[6][0] is None and rows[6][4] is False
    assert store.last_seq() == 7


def test_a_failing_bulk_batch_stores_nothing(url, gazetteer, monkeypatch):
    from app.store import postgis_bulk

    store = PostGISStore(url)
    real, calls = postgis_bulk._staged, {"n": 0}

    def flaky(event_id, row, stamp):
        calls["n"] += 1
        if calls["n"] == 3:
            raise StoreError(log_message="disk on fire")
        return real(event_id, row, stamp)

    monkeypatch.setattr(postgis_bulk, "_staged", flaky)
    loader = store.bulk_import("import", "skip", defer_indexes=False)
    with pytest.raises(StoreError):
        loader.write(rows_of(gazetteer, [make_event(summary=f"e {i}") for i in range(5)]))
    assert store.health().events == 0 and store.last_seq() == 0
    # The same connection goes on with the next batch.
    assert loader.write(rows_of(gazetteer, [make_event()])).created == 1
    loader.close()


def test_migration_2_numbers_the_events_already_stored(url):
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE geoevents_schema (version integer NOT NULL)")
        conn.execute(MIGRATIONS[0])
        conn.execute("INSERT INTO geoevents_schema VALUES (1)")
        conn.execute(
            "INSERT INTO events (id, feature, event_type, category, date, date_end, confidence, "
            "located, updated_at) VALUES (1, '{}', 'attack', 'security_incident', '2024-01-01', "
            "'2024-01-01', 0.5, false, 'now')"
        )
    store = PostGISStore(url)
    assert store.health().schema_version == len(MIGRATIONS)
    assert store.last_seq() == 1
    (change,) = store.changes(EventQuery(located=None), 0, 10).changes
    assert (change.op, change.id, change.feature) == ("upsert", 1, "{}")

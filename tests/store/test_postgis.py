"""What only the PostGIS backend has: its migrations, indexes, connection errors and driver."""

import sys
import threading

import psycopg
import pytest

from app.errors import StoreError
from app.store import open_store
from app.store.postgis import PostGISStore
from app.store.postgis_schema import MIGRATIONS
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


def test_a_newer_schema_is_refused(url):
    PostGISStore(url).close()
    with psycopg.connect(url) as conn:
        conn.execute("UPDATE geoevents_schema SET version = %s", (len(MIGRATIONS) + 1,))
    with pytest.raises(StoreError):
        PostGISStore(url)


def test_an_unreachable_server_is_a_store_error(pg_cluster):
    with pytest.raises(StoreError) as caught:
        open_store(pg_cluster.url("no_such_database"))
    assert "no_such_database" in caught.value.log_message


def test_without_the_driver_the_message_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "app.store.postgis", None)
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://localhost/geoevents")
    assert "geoevents[postgis]" in caught.value.detail

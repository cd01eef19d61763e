"""Rate-limit counters on PostgreSQL: shared by workers, atomic, pruned."""

import threading
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from app.errors import StoreError
from app.store.counters import open_counters
from app.store.postgis_counters import PostGISCounters

pytestmark = pytest.mark.postgis


def test_two_workers_count_together(pg_cluster):
    url = pg_cluster.new_database()
    one, two = PostGISCounters.from_url(url), PostGISCounters(url)
    assert one.hit(["key:a", "ip:1"], 10) == [1, 1]
    assert two.hit(["ip:1", "key:a"], 10) == [2, 2]  # the order given is the order returned
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: (one, two)[i % 2].hit(["ip:1", "key:b"], 10), range(100)))
    assert one.hit(["ip:1", "key:b"], 10) == [103, 101]
    assert two.hit(["ip:1"], 12) == [1]  # a new window starts at one and prunes window 10
    with psycopg.connect(url) as conn:
        slots = conn.execute("SELECT DISTINCT slot FROM rate_counters ORDER BY slot").fetchall()
    assert slots == [(12,)]
    one.close()
    two.close()


def test_an_unreachable_database_is_a_store_error(pg_cluster):
    with pytest.raises(StoreError):
        PostGISCounters(pg_cluster.url("no_such_database"))


def test_open_counters_picks_the_postgis_counters_for_a_postgresql_url(pg_cluster):
    counters = open_counters(pg_cluster.new_database())
    assert isinstance(counters, PostGISCounters)
    assert counters.hit(["a"], 1) == [1]
    counters.close()
    with pytest.raises(StoreError):
        open_counters("mysql://nowhere/db")


def test_workers_starting_together_all_open_their_counters(pg_cluster):
    # Every API worker creates the table at start-up; in CI two workers once did so at the
    # same instant and one failed to start (PostgreSQL's CREATE TABLE IF NOT EXISTS is not
    # safe against a concurrent create: a duplicate key in pg_type).
    url = pg_cluster.new_database()
    workers = 4
    for _ in range(15):
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP TABLE IF EXISTS rate_counters")
        together = threading.Barrier(workers)

        def start(barrier: threading.Barrier) -> PostGISCounters:
            barrier.wait()
            return PostGISCounters(url)

        with ThreadPoolExecutor(workers) as pool:
            opened = list(pool.map(start, [together] * workers))
        assert [c.hit(["a"], 1) for c in opened] == [[1], [2], [3], [4]]
        for counters in opened:
            counters.close()

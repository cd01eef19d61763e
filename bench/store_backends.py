"""SQLite and PostGIS side by side, on the same synthetic events in the same run.

    python -m bench.store --backend postgis --events 1000000 [--workers 1,2,4]

Per backend: import rate (parse, validate, place codes, store: executemany on SQLite, COPY
on PostGIS, statistics included), p50/p95 over HTTP of a region, a bbox and a one-month query
(limit 1000) with 1, 2, 4 API workers (as many concurrent clients as workers), export rate.
Then, on PostGIS only, the region query two ways: by the governorate code computed when the
event is written (what the store does) and by ST_Intersects with the governorate polygons
in a table (what a GIS would do), so the faster one is kept knowingly.
"""

from __future__ import annotations

import gc
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import orjson
import psycopg
import shapely

from app.domain import EventQuery
from app.gazetteer.geocoder import Gazetteer
from app.ingest import prepare
from app.store import open_store
from app.store.postgis import PostGISStore
from bench.store import synthetic
from tests.conftest import ProcessServer
from tests.pg_cluster import TempCluster

CASES = {
    "region IQ-KI": {"region": "IQ-KI", "limit": "1000"},
    "bbox Baghdad": {"bbox": "44.2,33.2,44.6,33.5", "limit": "1000"},
    "one month": {"start": "2024-03-01", "end": "2024-03-31", "limit": "1000"},
}
BY_CODE = (
    "SELECT id, feature FROM events WHERE admin1 = 'IQ-KI' AND located "
    "ORDER BY date DESC, id DESC LIMIT 1000"
)
BY_CODE_COUNT = "SELECT count(*) FROM events WHERE admin1 = 'IQ-KI' AND located"
BY_POLYGON = (
    "SELECT e.id, e.feature FROM events e JOIN bench_regions r ON ST_Intersects(e.geom, r.geom) "
    "WHERE r.code = 'IQ-KI' AND e.located ORDER BY e.date DESC, e.id DESC LIMIT 1000"
)
BY_POLYGON_COUNT = (
    "SELECT count(*) FROM events e JOIN bench_regions r ON ST_Intersects(e.geom, r.geom) "
    "WHERE r.code = 'IQ-KI' AND e.located"
)


def p50_p95(ms: list[float]) -> str:
    """'p50 x ms, p95 y ms'."""
    q = statistics.quantiles(ms, n=20) if len(ms) > 1 else ms * 19
    return f"p50 {statistics.median(ms):7.1f} ms, p95 {q[18]:7.1f} ms"


def concurrent_latencies(url: str, params: dict[str, str], clients: int, n: int) -> list[float]:
    """Milliseconds of ``n`` requests from each of ``clients`` threads (after a warm-up)."""
    out: list[float] = []
    lock = threading.Lock()

    def run() -> None:
        with httpx.Client(base_url=url, timeout=120) as client:
            client.get("/events", params=params).raise_for_status()
            mine = []
            for _ in range(n):
                started = time.perf_counter()
                client.get("/events", params=params).raise_for_status()
                mine.append((time.perf_counter() - started) * 1000)
        with lock:
            out.extend(mine)

    threads = [threading.Thread(target=run) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def timed(fn: Callable[[], object], n: int) -> list[float]:
    """Milliseconds of n calls (after one warm-up)."""
    fn()
    out = []
    for _ in range(n):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def region_two_ways(url: str, gazetteer: Gazetteer, n: int) -> None:
    """The region query by stored code and by ST_Intersects with the polygon, in-process."""
    regions = gazetteer.data.regions
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_regions")
        conn.execute("CREATE TABLE bench_regions (code text PRIMARY KEY, geom geometry)")
        with conn.cursor() as cur:
            for code, geom in zip(regions["code"], regions.geometry, strict=True):
                cur.execute(
                    "INSERT INTO bench_regions VALUES (%s, ST_GeomFromWKB(%s, 4326))",
                    (code, shapely.to_wkb(geom)),
                )
        conn.execute("CREATE INDEX ON bench_regions USING gist (geom)")
        conn.execute("ANALYZE bench_regions")
        counts = [conn.execute(q).fetchone() for q in (BY_CODE_COUNT, BY_POLYGON_COUNT)]
        for label, page, count in (
            ("code computed at write time", BY_CODE, BY_CODE_COUNT),
            ("ST_Intersects with the polygon", BY_POLYGON, BY_POLYGON_COUNT),
        ):
            ms = timed(
                lambda p=page, c=count: (conn.execute(p).fetchall(), conn.execute(c).fetchone()), n
            )
            print(f"  region IQ-KI page + count by {label:31}: {p50_p95(ms)}")
        print(
            f"  matched: {counts[0][0]:,} by code, {counts[1][0]:,} by polygon "  # type: ignore[index]
            "(points on a shared border count in both governorates by polygon)"
        )


def one_backend(
    name: str, url: str, lines: list[bytes], gazetteer: Gazetteer, requests: int, workers: list[int]
) -> None:
    """Import, query over HTTP, export; print the figures of one backend."""
    store = open_store(url)
    gc.disable()
    seconds, storing = 0.0, 0.0
    for i in range(0, len(lines), 5000):
        started = time.perf_counter()
        events, errors = prepare(gazetteer, [orjson.loads(line) for line in lines[i : i + 5000]])
        assert not errors, errors[:3]
        stored = time.perf_counter()
        store.add_events(events, "bench")
        seconds += time.perf_counter() - started
        storing += time.perf_counter() - stored
    started = time.perf_counter()
    if isinstance(store, PostGISStore):
        store.analyze()  # SQLite's add_events analyses as it goes
    seconds += time.perf_counter() - started
    storing += time.perf_counter() - started
    gc.enable()
    print(
        f"[{name}] import: {len(lines) / seconds:,.0f} events/s end to end ({seconds:.1f} s); "
        f"the store's part (add_events: {'COPY' if name == 'postgis' else 'executemany'}): "
        f"{len(lines) / storing:,.0f} events/s ({storing:.1f} s)"
    )
    store.close()
    for count in workers:
        try:
            with ProcessServer(url, workers=count, start_timeout=90 * count) as server:
                for label, params in CASES.items():
                    ms = concurrent_latencies(server.url, params, count, requests)
                    print(f"[{name}] {count} worker(s), GET /events {label:13}: {p50_p95(ms)}")
        except RuntimeError as exc:  # a loaded machine may not start many workers in time
            print(f"[{name}] {count} worker(s): {exc}")
    store = open_store(url)
    started = time.perf_counter()
    exported = sum(1 for _ in store.export(EventQuery(located=None, limit=1)))
    seconds = time.perf_counter() - started
    print(f"[{name}] export: {exported / seconds:,.0f} events/s ({seconds:.1f} s)")
    store.close()


def compare(events: int, requests: int, workers: list[int], database_url: str | None) -> None:
    """Both backends on the same events; PostGIS region query by code and by polygon."""
    gazetteer = Gazetteer.load()
    gc.freeze()
    started = time.perf_counter()
    lines = synthetic(events, gazetteer)
    print(f"{events:,} synthetic events made in {time.perf_counter() - started:.1f} s")
    work = Path(tempfile.mkdtemp(prefix="geoevents-pgbench-"))
    cluster = None if database_url else TempCluster().start()
    pg_url = database_url or (cluster.new_database() if cluster else "")
    try:
        one_backend("sqlite", f"sqlite:///{work / 'bench.db'}", lines, gazetteer, requests, workers)
        one_backend("postgis", pg_url, lines, gazetteer, requests, workers)
        del lines
        print("[postgis] the region query two ways (in-process, page of 1000 + count):")
        region_two_ways(pg_url, gazetteer, requests)
    finally:
        if cluster is not None:
            cluster.stop()

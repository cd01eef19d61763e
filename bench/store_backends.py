"""SQLite and PostGIS side by side, on the same synthetic events in the same run.

    python -m bench.store --backend postgis --events 1000000 [--workers 1,2,4] [--jobs 1]

Per backend: the rate of ``geoevents import``'s own path from one GeoJSON-lines file (read,
validate, place codes in ``--jobs`` worker processes; store: executemany on SQLite, COPY on
PostGIS; indexes deferred to the end when the import is large; statistics), p50/p95 over HTTP
of a region, a bbox and a one-month query (limit 1000, uvicorn with 1, 2, 4 API workers and
as many concurrent clients as workers), export rate. CPU seconds are printed beside wall
seconds (the machine may be shared): this process, its import workers and, for PostGIS, the
database server's processes. Then, on PostGIS only, the region query two ways: by the
governorate code computed when the event is written (what the store does) and by
ST_Intersects with the governorate polygons in a table (what a GIS would do), so the faster
one is kept knowingly.

The throw-away cluster runs with fsync=off (tests/pg_cluster.py), as SQLite's import runs with
synchronous=OFF: both measure the work, not the disk's flush latency.
"""

from __future__ import annotations

import gc
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import psycopg
import shapely

from app.domain import EventQuery
from app.gazetteer.geocoder import Gazetteer
from app.store import open_store
from app.transfer.importer import run_import
from bench.store import synthetic_lines
from tests.conftest import ProcessServer
from tests.pg_cluster import TempCluster

BUDGET_S = 60.0  # seconds for one way of the in-process region query
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


def server_cpu(cluster: TempCluster | None) -> float:
    """CPU seconds the cluster's processes have used so far (0 without a local cluster)."""
    if cluster is None:
        return 0.0
    try:
        postmaster = int((cluster.data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError):
        return 0.0
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry.name), int(fields[1])
        if pid == postmaster or ppid == postmaster:
            # utime, stime, and the waited-for children's (backends that have exited)
            total += sum(int(v) for v in fields[11:15]) / tick
    return total


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


def timed(fn: Callable[[], object], n: int, budget: float = BUDGET_S) -> list[float]:
    """Milliseconds of n calls (after one warm-up), or of as many as ``budget`` seconds
    allow (at least 3): at 10,000,000 events one ST_Intersects page + count takes ~15 s."""
    fn()
    out: list[float] = []
    ends = time.perf_counter() + budget
    while len(out) < n and (len(out) < 3 or time.perf_counter() < ends):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def region_two_ways(url: str, gazetteer: Gazetteer, n: int) -> None:
    """The region query by stored code and by ST_Intersects with the polygon, in-process."""
    regions = [r for r in gazetteer.data.regions if r.kind == "admin1"]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_regions")
        conn.execute("CREATE TABLE bench_regions (code text PRIMARY KEY, geom geometry)")
        with conn.cursor() as cur:
            for region in regions:
                cur.execute(
                    "INSERT INTO bench_regions VALUES (%s, ST_GeomFromWKB(%s, 4326)) "
                    "ON CONFLICT DO NOTHING",
                    (region.code, shapely.to_wkb(region.geometry)),
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
            print(f"  region IQ-KI page + count by {label:31}: {p50_p95(ms)} ({len(ms)} runs)")
        print(
            f"  matched: {counts[0][0]:,} by code, {counts[1][0]:,} by polygon "  # type: ignore[index]
            "(points on a shared border count in both governorates by polygon)"
        )


def one_backend(
    name: str,
    url: str,
    source: Path,
    events: int,
    settings: tuple[Gazetteer, int, list[int], int],
    cluster: TempCluster | None,
) -> None:
    """Import, query over HTTP, export; print the figures of one backend."""
    gazetteer, requests, workers, jobs = settings
    store = open_store(url)
    gc.disable()
    before, server_before = os.times(), server_cpu(cluster)
    outcome = run_import(source, store, gazetteer, jobs=jobs)
    after, server_after = os.times(), server_cpu(cluster)
    gc.enable()
    store.close()
    assert outcome.rejected_total == 0 and outcome.check == "ok", outcome.rejected[:3]
    assert outcome.counts.created == events, outcome.counts
    mine = after.user + after.system - before.user - before.system
    readers = after.children_user + after.children_system
    readers -= before.children_user + before.children_system
    server = f" + {server_after - server_before:.1f} s in the server" if cluster else ""
    print(
        f"[{name}] import: {events / outcome.seconds:,.0f} events/s ({outcome.seconds:.1f} s "
        f"wall; CPU {mine:.1f} s writing + {readers:.1f} s reading in {jobs} worker(s)"
        f"{server}; indexes deferred: {outcome.deferred}; target 100,000/s)"
    )
    for count in workers:
        try:
            with ProcessServer(url, workers=count, start_timeout=90 * count) as server_process:
                for label, params in CASES.items():
                    ms = concurrent_latencies(server_process.url, params, count, requests)
                    print(f"[{name}] {count} worker(s), GET /events {label:13}: {p50_p95(ms)}")
        except RuntimeError as exc:  # a loaded machine may not start many workers in time
            print(f"[{name}] {count} worker(s): {exc}")
    store = open_store(url)
    started, cpu = time.perf_counter(), time.process_time()
    exported = sum(1 for _ in store.export(EventQuery(located=None, limit=1)))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"[{name}] export: {exported / seconds:,.0f} events/s ({seconds:.1f} s wall, "
        f"{cpu:.1f} s CPU here)"
    )
    store.close()


def compare(
    events: int, requests: int, workers: list[int], database_url: str | None, jobs: int = 1
) -> None:
    """Both backends on the same events; PostGIS region query by code and by polygon."""
    gazetteer = Gazetteer.load()
    gc.freeze()
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="geoevents-pgbench-"))
    source = work / "synthetic.geojsonl"
    with source.open("wb") as sink:
        for line in synthetic_lines(events, gazetteer):
            sink.write(line + b"\n")
    print(
        f"{events:,} synthetic events written in {time.perf_counter() - started:.1f} s; "
        f"{os.cpu_count()} cores, load average {'/'.join(f'{v:.1f}' for v in os.getloadavg())}"
    )
    cluster = None if database_url else TempCluster().start()
    pg_url = database_url or (cluster.new_database() if cluster else "")
    settings = (gazetteer, requests, workers, jobs)
    try:
        one_backend("sqlite", f"sqlite:///{work / 'bench.db'}", source, events, settings, None)
        one_backend("postgis", pg_url, source, events, settings, cluster)
        print("[postgis] the region query two ways (in-process, page of 1000 + count):")
        region_two_ways(pg_url, gazetteer, requests)
        print(f"load average at the end: {'/'.join(f'{v:.1f}' for v in os.getloadavg())}")
    finally:
        if cluster is not None:
            cluster.stop()
        for path in work.iterdir():
            path.unlink()
        work.rmdir()

"""Store speed at scale: synthetic events over Iraq and Syria, imported, queried, exported.

    python -m bench.store [--events 1000000] [--requests 50] [--jobs 1]
    python -m bench.store --backend postgis --events 1000000 [--workers 1,2,4]

With ``--backend postgis`` the same events go into SQLite and into PostGIS (a throw-away
cluster, or ``--database-url``) in the same run, and bench.store_backends prints the two side
by side; see that module. Without it, the SQLite figures below.

Prints: the rate of `geoevents import`'s path from a GeoJSON-lines file (read, validate,
place codes, store, indexes, quick_check; target >= 100,000 events/s) and PRAGMA
integrity_check after it, p50/p95 latency over HTTP of a region query
(/events?region=IQ-KI&limit=1000; target p50 <= 15 ms), a bbox query (target p50 <= 30 ms)
and a date-range query, what numberMatched costs uncached, the export rate, database size,
and, side by side, the same region query as a script would run it without us: geopandas
reads every event and joins it with the governorate polygon.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import httpx
import numpy as np
import orjson
import shapely

from app.domain import EventQuery
from app.extraction.event_types import TYPES
from app.gazetteer.geocoder import Gazetteer
from app.store.sqlite import SQLiteStore
from app.transfer.gpkg import write_gpkg
from app.transfer.importer import run_import
from tests.conftest import ProcessServer

ACTORS = [
    ("ISIS", "rebel_group"),
    ("Iraqi Security Forces", "state_forces"),
    ("SDF", "rebel_group"),
    ("Turkish Armed Forces", "external_forces"),
    ("Popular Mobilization Forces", "state_forces"),
    ("US-led coalition", "external_forces"),
]


def synthetic(n: int, gazetteer: Gazetteer, seed: int = 1) -> list[bytes]:
    """n GeoJSON Feature lines at random points inside Iraq and Syria."""
    return list(synthetic_lines(n, gazetteer, seed))


def synthetic_lines(n: int, gazetteer: Gazetteer, seed: int = 1) -> Iterator[bytes]:
    """The lines of :func:`synthetic`, made 100,000 at a time (flat memory at any n)."""
    rng = random.Random(seed)
    outline = shapely.union_all(
        [c.geometry for c in gazetteer.data.countries if c.code in ("IQ", "SY")]
    )
    shapely.prepare(outline)
    np_rng = np.random.default_rng(seed)
    start = dt.date(2023, 1, 1)
    i = 0
    while i < n:
        points: list[tuple[float, float]] = []
        want = min(n - i, 100_000)
        while len(points) < want:
            xs = np_rng.uniform(35.5, 48.6, want)
            ys = np_rng.uniform(29.0, 37.4, want)
            inside = shapely.contains_xy(outline, xs, ys)
            points += list(
                zip(xs[inside].round(5).tolist(), ys[inside].round(5).tolist(), strict=True)
            )
        for lon, lat in points[:want]:
            yield orjson.dumps(_feature(i, lon, lat, rng, start))
            i += 1


def _feature(
    i: int, lon: float, lat: float, rng: random.Random, start: dt.date
) -> dict[str, object]:
    spec = TYPES[rng.randrange(len(TYPES))]
    day = start + dt.timedelta(days=rng.randrange(1000))
    actor, kind = ACTORS[rng.randrange(len(ACTORS))]
    return {
        "type": "Feature",
        "id": f"e{i}",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "event_type": spec.name,
            "category": spec.category,
            "acled_event_type": spec.acled[0],
            "acled_sub_event_type": spec.acled[1],
            "date": day.isoformat(),
            "date_end": day.isoformat(),
            "date_precision": "day",
            "reported_at": day.isoformat(),
            "actors": [{"name": actor, "role": "actor", "kind": kind}],
            "location": {
                "name": f"point {i}",
                "gazetteer_id": None,
                "kind": "site",
                "country": None,
                "admin1": None,
                "admin2": None,
                "lat": lat,
                "lon": lon,
            },
            "geo_precision": 1,
            "fatalities": rng.randrange(5),
            "strength": None,
            "summary": f"{spec.label} number {i}",
            "evidence": [],
            "confidence": round(rng.random(), 2),
            "sources": [],
        },
    }


def timed_import(store: SQLiteStore, gazetteer: Gazetteer, source: Path, jobs: int) -> float:
    """Seconds `geoevents import` takes for the file, without its start-up; prints the CPU
    seconds of the writer and of the reading workers (the machine may be shared)."""
    before = os.times()
    outcome = run_import(source, store, gazetteer, jobs=jobs)
    after = os.times()
    assert outcome.rejected_total == 0 and outcome.check == "ok", outcome.rejected[:3]
    writer = after.user + after.system - before.user - before.system
    readers = (
        after.children_user + after.children_system - before.children_user - before.children_system
    )
    print(
        f"  import of {outcome.counts.created:,} events: {outcome.seconds:.1f} s wall, CPU "
        f"{writer:.1f} s writing + {readers:.1f} s reading in workers; indexes deferred: "
        f"{outcome.deferred}"
    )
    return outcome.seconds


def integrity(db: Path) -> tuple[str, float]:
    """PRAGMA integrity_check's answer and its seconds."""
    started = time.perf_counter()
    conn = sqlite3.connect(db)
    answer = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
    conn.close()
    return answer, time.perf_counter() - started


def process_cpu(pid: int) -> float:
    """CPU seconds a process has used so far (Linux /proc; 10 ms ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_latencies(
    client: httpx.Client, pid: int, path: str, params: dict[str, str], n: int
) -> tuple[list[float], float]:
    """:func:`latencies`, and the server's CPU milliseconds per request (what the request
    costs whatever else the shared machine runs)."""
    client.get(path, params=params).raise_for_status()
    before = process_cpu(pid)
    ms = latencies(client, path, params, n)
    return ms, (process_cpu(pid) - before) * 1000 / (n + 1)


def latencies(client: httpx.Client, path: str, params: dict[str, str], n: int) -> list[float]:
    """Milliseconds of n requests (after one warm-up)."""
    client.get(path, params=params).raise_for_status()
    out = []
    for _ in range(n):
        started = time.perf_counter()
        response = client.get(path, params=params)
        response.raise_for_status()
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--backend", choices=["sqlite", "postgis"], default="sqlite")
    parser.add_argument("--workers", default="1,2,4", help="API worker counts (postgis runs)")
    parser.add_argument("--database-url", help="An empty PostGIS database (default: a new cluster)")
    parser.add_argument("--jobs", type=int, default=1, help="import worker processes")
    parser.add_argument(
        "--quick", action="store_true", help="skip the round trip, GeoPackage and geopandas"
    )
    parser.add_argument(
        "--queries-only", type=Path, help="a database a previous run made: only the queries"
    )
    args = parser.parse_args()
    if args.backend == "postgis":
        from bench.store_backends import compare

        compare(
            args.events,
            args.requests,
            [int(w) for w in args.workers.split(",")],
            args.database_url,
            args.jobs,
        )
        return
    if args.queries_only:
        queries(args.queries_only, args.requests)
        return
    work = Path(tempfile.mkdtemp(prefix="geoevents-bench-"))
    db = work / "bench.db"
    gazetteer = Gazetteer.load()
    gc.freeze()  # as `geoevents import` does, which also pauses the collector while loading
    gc.disable()

    started = time.perf_counter()
    source = work / "synthetic.geojsonl"
    with source.open("wb") as sink:
        for line in synthetic_lines(args.events, gazetteer):
            sink.write(line + b"\n")
    print(
        f"machine: {platform.machine()} python {platform.python_version()}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {args.events:,} "
        f"synthetic events written in {time.perf_counter() - started:.1f} s"
    )
    store = SQLiteStore(db)
    seconds = timed_import(store, gazetteer, source, args.jobs)
    gc.enable()
    print(
        f"import: {args.events / seconds:,.0f} events/s ({seconds:.1f} s, {args.jobs} worker "
        "process(es) reading; target 100,000)"
    )
    answer, took = integrity(db)
    print(f"PRAGMA integrity_check after the import: {answer} ({took:.1f} s)")
    store.close()

    queries(db, args.requests)

    store = SQLiteStore(db)
    started = time.perf_counter()
    with open(work / "events.geojsonl", "w", encoding="utf-8") as sink:
        count = 0
        for feature in store.export(EventQuery(located=None, limit=1)):
            sink.write(feature + "\n")
            count += 1
    seconds = time.perf_counter() - started
    print(f"export geojsonl: {count / seconds:,.0f} events/s ({seconds:.1f} s; target 100,000)")
    size = sum(p.stat().st_size for p in work.glob("bench.db*"))
    print(f"database: {size / 1e6:,.0f} MB for {count:,} events")

    if args.quick:
        return
    # The round trip: the export imported into a fresh store loses nothing.
    copy = SQLiteStore(work / "roundtrip.db")
    gc.disable()
    seconds = timed_import(copy, gazetteer, work / "events.geojsonl", args.jobs)
    gc.enable()
    same = all(
        a == b
        for a, b in zip(
            store.export(EventQuery(located=None, limit=1)),
            copy.export(EventQuery(located=None, limit=1)),
            strict=True,
        )
    )
    print(
        f"round trip: {count:,} events exported and re-imported in {seconds:.1f} s; "
        f"identical: {same}"
    )

    started = time.perf_counter()
    write_gpkg(store.export(EventQuery(located=None, limit=1)), work / "events.gpkg")
    print(f"export gpkg: {count / (time.perf_counter() - started):,.0f} events/s")

    ours = statistics.median(latencies_direct(store))
    started = time.perf_counter()
    frame = gpd.read_file(work / "events.gpkg", engine="pyogrio", columns=["event_id"])
    polygon = gazetteer.regions.geometry("IQ-KI")
    region = gpd.GeoDataFrame({"code": ["IQ-KI"]}, geometry=[polygon], crs="EPSG:4326")
    joined = gpd.sjoin(frame, region, predicate="within")
    script = (time.perf_counter() - started) * 1000
    print(
        f"the same region query in geopandas (read all, sjoin): {script:,.0f} ms for "
        f"{len(joined):,} events; the store: {ours:.1f} ms for the first 1,000 of them "
        f"and the count; ratio {script / ours:,.0f}x"
    )


def queries(db: Path, requests: int) -> None:
    """Query latencies over HTTP and what numberMatched costs, on a stored database."""
    cases = {
        "region IQ-KI, limit 1000": {"region": "IQ-KI", "limit": "1000"},
        "bbox Baghdad, limit 1000": {"bbox": "44.2,33.2,44.6,33.5", "limit": "1000"},
        "bbox north Iraq, limit 1000": {"bbox": "42,35,45,37", "limit": "1000"},
        "one month, limit 1000": {"start": "2024-03-01", "end": "2024-03-31", "limit": "1000"},
    }
    with ProcessServer(db) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        for label, params in cases.items():
            ms, cpu = server_latencies(client, server.process.pid, "/events", params, requests)
            q = statistics.quantiles(ms, n=20)
            print(
                f"GET /events {label:26}: p50 {statistics.median(ms):6.1f} ms, "
                f"p95 {q[18]:6.1f} ms, server CPU {cpu:5.1f} ms a request "
                "(targets: p50 region <= 15 ms, bbox <= 30 ms)"
            )

    for label, query in {
        "region IQ-KI": EventQuery(admin1=("IQ-KI",), limit=1000),
        "bbox north Iraq": EventQuery(bbox=(42, 35, 45, 37), limit=1000),
    }.items():
        fresh = SQLiteStore(db)
        started = time.perf_counter()
        page = fresh.query(query)
        first = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        fresh.query(query)
        cached = (time.perf_counter() - started) * 1000
        print(
            f"numberMatched {label}: {page.matched:,}; first query {first:.1f} ms "
            f"(count made), again {cached:.1f} ms (count cached until the next write)"
        )
        fresh.close()


def latencies_direct(store: SQLiteStore) -> list[float]:
    """In-process region query times (ms), for the geopandas comparison."""
    out = []
    for _ in range(10):
        started = time.perf_counter()
        store.query(EventQuery(admin1=("IQ-KI",), limit=1000))
        out.append((time.perf_counter() - started) * 1000)
    return out


if __name__ == "__main__":
    main()

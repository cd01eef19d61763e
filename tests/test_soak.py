"""Sustained load against `geoevents serve --workers 2`: writers and readers at once.

GEOEVENTS_SOAK_SECONDS sets the duration (default 600, the issue's ten minutes; set it to
60 for a quick run). Runs once per backend. Each worker's resident memory is sampled every
minute (every tenth of the run) and printed, with the database connections open.
On PostGIS a worker once grew by 20.1% in ten minutes (246 -> 296 MiB), just over the bound.
Measured since (session 5, one worker under this load): the pool was full from the first
minute (17 connections, threads constant), so not a warm-up; tracemalloc after warm-up saw
Python's live objects grow by about 0.5 MiB a minute, all of it requests in flight; glibc's
memory in use stayed at 39-42 MiB while the free space its heaps kept grew (11 -> 25 MiB in
three minutes): fragmentation, which MALLOC_ARENA_MAX=2 did not stop; malloc_trim every
10 s kept one worker flat over three minutes. Workers now trim their heaps (app/heap_trim.py).
Ten minutes on PostGIS, before / after: +11.7% and +8.0% / +10.8% (mostly in the last minute,
not explained yet) and +0.7%. The bound stays 20% after the warm-up: a real leak still fails.
On SQLite the connections' page caches are set to 2 MiB (GEOEVENTS_SQLITE_CACHE_MIB) so they
fill during the warm-up: with the default 16 MiB per thread they kept filling for the whole
run (a bounded cache, not a leak) and one worker passed the bound (session 5, CI).
The store starts with 20,000 events. Printed at the start and the end: p95 latency per
kind of request and the resident memory of each worker. Passes when no response is a 5xx,
no client ever reads "database is locked", the workers are the same processes at the end,
their memory grew by 20% at most, and /metrics (added up over both workers) counted every
request made.

The memory bound compares floors: each worker's least resident size over the last window
against its least over the first window after the warm-up, read every two seconds. One
reading swings by 10-20 MiB with the responses in flight and the heap trims (CI on e52d711:
a single reading at the start, 254 MiB, and one at the end, 308 MiB, failed the bound; here a
worker read 211 MiB and 194 MiB a second apart). A leak raises the floor; a pile of large
responses being written at the moment of the reading does not.
The first window starts after three minutes: one worker serving the soak's four readers alone
(session 15, glibc's mallinfo2 and RSS every 30 s) grew 249 -> 267 MiB over its first three
and a half minutes and then stayed at 264-267 MiB; its writers alone grew slowly and steadily
(232 -> 239 MiB in five and a half minutes), which the bound still measures.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from app.store import open_store
from app.store.backup import sqlite_path
from tests.factories import make_event
from tests.servers import ServeProcess, memory, rss_mib

SECONDS = int(os.environ.get("GEOEVENTS_SOAK_SECONDS", "600"))
#: Seconds between two readings of the workers' resident memory.
RSS_EVERY = 2.0
#: Seconds before the memory bound's first window (at most 30% of the run).
WARM_UP = 180.0
#: Events in the store before the soak starts.
PRELOAD = 20_000
WRITERS = 3
READERS = 4
KEY = "soak-test-write-key"
CORPUS = Path(__file__).parent / "fixtures" / "corpus" / "reports.jsonl"
SENTENCES = [
    sentence.strip() + "."
    for line in CORPUS.read_text().splitlines()
    for sentence in json.loads(line)["text"].split(". ")
    if len(sentence) > 40
]
VIEWS = [
    "/events?region=IQ-KI&limit=100",
    "/events?region=Nineveh&start=2024-01-01&limit=50",
    "/events?bbox=38,32,48,38&limit=200",
    "/events?q=soldiers&limit=20",
    "/events?type=airstrike&type=attack&sort=-confidence&limit=100",
    "/events/clusters?view=35,29,50,38&zoom=6",
    "/events/clusters?view=43,35,45,36.5&zoom=9",
    "/events/clusters?view=44.3,35.4,44.5,35.5&zoom=14",
    "/map",
    "/map?region=Diyala&start=2024-01-01",
]


def _preload(database_url: str, count: int) -> None:
    """A store that is not empty: ``count`` events over Iraq and Syria, two years of dates,
    so that the soak's own writes change the data by a fraction, not from nothing."""
    rng = random.Random(7)
    types = [("attack", "security_incident"), ("airstrike", "security_incident"),
             ("protest", "development"), ("arrest", "security_incident")]  # fmt: skip
    store = open_store(database_url)
    for first in range(0, count, 5000):
        batch = []
        for n in range(first, min(count, first + 5000)):
            event_type, category = rng.choice(types)
            day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(730))
            batch.append(
                make_event(
                    lat=round(rng.uniform(30.0, 37.0), 4),
                    lon=round(rng.uniform(36.0, 48.0), 4),
                    event_type=event_type,
                    category=category,
                    date=day.isoformat(),
                    summary=f"Preloaded event {n} near soldiers",
                )
            )
        store.add_events(batch, "soak-preload")
    store.close()


@dataclass
class Sample:
    """One request as the client saw it."""

    at: float
    kind: str
    status: int
    seconds: float
    locked: bool


def _size_mb(database_url: str) -> float:
    """The store's size on disk: the SQLite file, or PostgreSQL's pg_database_size."""
    if database_url.startswith("sqlite"):
        return os.path.getsize(sqlite_path(database_url)) / 1e6
    import psycopg

    with psycopg.connect(database_url) as conn:
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    return int(row[0]) / 1e6 if row else 0.0


def _connections(database_url: str) -> int | None:
    """Connections open to the store's PostgreSQL database (None on SQLite)."""
    if database_url.startswith("sqlite"):
        return None
    import psycopg

    with psycopg.connect(database_url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        ).fetchone()
    return int(row[0]) - 1 if row else None


def _kind(path: str) -> str:
    return path.split("?")[0]


def _p95(samples: list[Sample]) -> float:
    values = [s.seconds for s in samples]
    if len(values) < 20:
        return max(values, default=0.0)
    return statistics.quantiles(values, n=20)[-1]


def _report(rng: random.Random, n: int) -> dict[str, str]:
    body = " ".join(rng.sample(SENTENCES, 3))
    day = 1 + n % 28
    return {
        "text": f"{body} Soak report {n}.",
        "published": f"2024-{1 + n % 12:02d}-{day:02d}",
        "url": f"https://news.example.org/soak/{n}",
    }


def _run(
    client: httpx.Client,
    samples: list[Sample],
    lock: threading.Lock,
    kind: str,
    method: str,
    path: str,
    **kw: object,
) -> httpx.Response:
    started = time.monotonic()
    response = client.request(method, path, **kw)  # type: ignore[arg-type]
    sample = Sample(
        started,
        kind,
        response.status_code,
        time.monotonic() - started,
        "database is locked" in response.text,
    )
    with lock:
        samples.append(sample)
    return response


def _summary(samples: list[Sample], start: float, end: float) -> dict[str, float]:
    window = [s for s in samples if start <= s.at < end]
    kinds = sorted({s.kind for s in window})
    return {kind: _p95([s for s in window if s.kind == kind]) for kind in kinds}


def _metric_total(text: str, name: str, **labels: str) -> float:
    total = 0.0
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                total += sample.value
    return total


@pytest.mark.slow
def test_soak_two_workers_writers_and_readers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], database_url: str
) -> None:

    def say(line: str) -> None:
        with capsys.disabled():  # the figures are the point: shown even when tests pass
            sys.stdout.write(line + "\n")

    env = {
        "GEOEVENTS_API_KEYS": KEY,
        "GEOEVENTS_LOG_FORMAT": "json",
        # Counted in the database like any deployment, set high enough not to refuse.
        "GEOEVENTS_WRITE_LIMIT_PER_IP": "10000000",
        "GEOEVENTS_WRITE_LIMIT_PER_KEY": "10000000",
        "GEOEVENTS_READ_LIMIT_PER_IP": "10000000",
        # SQLite's page caches (one per worker thread) fill as the database grows past them:
        # 8 threads x 16 MiB is bounded growth, not a leak, and with the default it outlasts
        # the warm-up (session 5's CI: one worker +26% by minute ten on a 177 MB database,
        # the other shrinking). Small caches fill in the warm-up, so what grows after is a leak.
        "GEOEVENTS_SQLITE_CACHE_MIB": "2",
    }
    samples: list[Sample] = []
    lock = threading.Lock()
    stop = threading.Event()
    failures: list[BaseException] = []
    posted = Counter[int]()
    _preload(database_url, PRELOAD)
    with ServeProcess(database_url, tmp_path / "serve.log", 2, env) as server:
        workers = server.worker_pids()
        assert len(workers) == 2

        def writer(seed: int) -> None:
            rng = random.Random(seed)
            headers = {"Authorization": f"Bearer {KEY}"}
            n = seed * 10_000_000
            try:
                with httpx.Client(base_url=server.url, timeout=60, headers=headers) as client:
                    while not stop.is_set():
                        n += 1
                        # One post in ten repeats an earlier one: answered 200, stored once.
                        again = n > seed * 10_000_000 + 10 and rng.random() < 0.1
                        number = rng.randrange(seed * 10_000_000 + 1, n) if again else n
                        body = _report(random.Random(number), number)
                        response = _run(
                            client, samples, lock, "POST /reports", "POST", "/reports", json=body
                        )
                        with lock:
                            posted[response.status_code] += 1
            except BaseException as exc:
                failures.append(exc)

        def reader(seed: int) -> None:
            rng = random.Random(seed)
            try:
                with httpx.Client(base_url=server.url, timeout=60) as client:
                    while not stop.is_set():
                        path = rng.choice(VIEWS)
                        _run(client, samples, lock, f"GET {_kind(path)}", "GET", path)
            except BaseException as exc:
                failures.append(exc)

        series: list[tuple[float, dict[int, dict[str, float]]]] = []
        step = min(60.0, SECONDS / 10)

        def vanished() -> str:
            """Which workers are gone, with the server's log: empty while both run."""
            gone = [pid for pid in workers if not Path(f"/proc/{pid}").exists()]
            if not gone:
                return ""
            return f"worker(s) {gone} died; the server's log ends:\n{server.log_tail()}"

        # Resident memory every RSS_EVERY seconds: the bound compares floors (below).
        rss_log: list[tuple[float, dict[int, float]]] = []

        def sampler() -> None:
            printed = 0.0
            while not stop.wait(RSS_EVERY):
                at = time.monotonic() - began
                try:
                    rss_log.append((at, {pid: rss_mib(pid) for pid in workers}))
                    if at - printed < step:
                        continue
                    printed = at
                    sample = {pid: {"rss": round(rss_mib(pid), 1), **memory(pid)}
                              for pid in workers}  # fmt: skip
                except OSError as exc:  # a worker exited between two looks at /proc
                    failures.append(AssertionError(vanished() or f"reading /proc: {exc}"))
                    stop.set()
                    return
                series.append((at, sample))
                say(f"soak t={at:.0f}s: {sample} connections {_connections(database_url)}")

        def floor(first: float, last: float) -> dict[int, float]:
            """Each worker's least resident memory sampled from ``first`` to ``last`` s."""
            seen = [rss for at, rss in rss_log if first <= at <= last]
            assert seen, (first, last, len(rss_log))
            return {pid: min(rss[pid] for rss in seen) for pid in workers}

        threads = [threading.Thread(target=writer, args=(i + 1,)) for i in range(WRITERS)]
        threads += [threading.Thread(target=reader, args=(100 + i,)) for i in range(READERS)]
        threads.append(threading.Thread(target=sampler))
        began = time.monotonic()
        for thread in threads:
            thread.start()
        window = min(60.0, max(5.0, SECONDS / 5))
        # Connections, their page caches and the readers' responses settle first (WARM_UP).
        warm_up = min(WARM_UP, SECONDS * 0.3)
        stop.wait(warm_up + window)
        assert not vanished(), vanished()
        rss_start = floor(warm_up, warm_up + window)
        start_p95 = _summary(samples, began + warm_up, began + warm_up + window)
        say(f"\nsoak start ({SECONDS} s planned): p95 seconds {start_p95}")
        say(f"soak start: least RSS MiB per worker in the first window {rss_start}")
        stop.wait(max(0.0, began + SECONDS - time.monotonic()))
        assert not vanished(), vanished()
        finished = time.monotonic()
        rss_end = floor(finished - began - window, finished - began)
        detail_end = [memory(p) for p in workers]
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
        end_p95 = _summary(samples, finished - window, finished)
        assert not failures, failures
        assert server.worker_pids() == workers, "a worker died and was replaced"
        with httpx.Client(base_url=server.url, timeout=60) as client:
            metrics = client.get("/metrics").text
            health = client.get("/healthz").json()
    statuses = Counter(s.status for s in samples)
    by_kind = Counter(s.kind for s in samples)
    say(f"soak end: p95 seconds {end_p95}")
    say(f"soak end: least RSS MiB per worker in the last window {rss_end}; {detail_end}")
    say(f"soak: {len(samples)} requests {dict(by_kind)}; statuses {dict(statuses)}")
    say(f"soak: reports posted 201={posted[201]} re-posts 200={posted[200]}")
    say(f"soak: store {health['store']}")
    say(f"soak: {database_url.split(':', 1)[0]} database {_size_mb(database_url):.1f} MB")

    assert not [s for s in samples if s.status >= 500], "5xx responses"
    assert not [s for s in samples if s.locked], "'database is locked' reached a client"
    assert set(statuses) <= {200, 201}, statuses
    assert posted[201] == health["store"]["reports"] > 0
    assert health["store"]["events"] >= PRELOAD
    for pid in workers:
        assert rss_end[pid] <= rss_start[pid] * 1.2, (pid, rss_start[pid], rss_end[pid])
    # Both workers' metrics, added up: every post counted once.
    counted = _metric_total(
        metrics, "geoevents_http_requests_total", method="POST", route="/reports"
    )
    assert counted == by_kind["POST /reports"]
    log_lines = (tmp_path / "serve.log").read_text().splitlines()
    access = [json.loads(line) for line in log_lines if '"app.access"' in line]
    assert len(access) >= len(samples)
    assert all(len(entry["request_id"]) == 32 for entry in access)
    assert KEY not in "\n".join(log_lines)

"""Throughput side by side with the tools a desk would otherwise use, in one run.

    python -m bench.throughput [--reports 10000] [--events 1000000] [--requests 30]

- place-name detection: our toponym matcher against geotext on the same reports;
- `geoevents ingest` of ``--reports`` short reports end to end (``bench.ingest``);
- the region query at ``--events`` events: GET /events?region=IQ-KI&limit=1000 (and a bbox
  query) over HTTP, against geopandas reading every event from a GeoPackage and joining
  them with the governorate polygon;
- /map at ``--events`` events in headless Chromium, against folium's FastMarkerCluster.

The stores and the GeoPackage are built once and kept under /tmp (``bench.map.CACHE``).
Ratios are the peer's time over ours. The machine is shared: the load average is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import httpx
import orjson
from geotext import GeoText
from playwright.sync_api import sync_playwright

from app.domain import EventQuery
from app.extraction.pipeline import Extractor, ReportInput
from app.gazetteer.geocoder import Gazetteer
from app.store.sqlite import SQLiteStore
from app.transfer.gpkg import write_gpkg
from bench.ingest import ingest, load, startup
from bench.map import CACHE, cached_store, fast_cluster_page, measure, serve_folder
from bench.reports import generate, write
from bench.store import latencies
from tests.conftest import ProcessServer, free_port
from tests.mapping.conftest import ARGS, CHROMIUM


def detection(extractor: Extractor, texts: list[str]) -> None:
    """Reports/s of finding place names: ours (tokens + one automaton pass; then with
    resolution, as `geoparse` does) and geotext's regular expression and look-ups."""
    started = time.perf_counter()
    found = sum(len(extractor.toponyms.find(t, [0])) for t in texts)
    find = time.perf_counter() - started
    started = time.perf_counter()
    resolved = sum(len(extractor.geoparse(t)[1]) for t in texts)
    parse = time.perf_counter() - started
    started = time.perf_counter()
    theirs = 0
    for text in texts:
        places = GeoText(text)
        theirs += len(places.cities) + len(places.country_mentions)
    peer = time.perf_counter() - started
    n = len(texts)
    print(
        f"detection, {n:,} reports: ours {n / find:,.0f} reports/s ({found:,} names; "
        f"{n / parse:,.0f} reports/s resolved, {resolved:,} mentions), geotext "
        f"{n / peer:,.0f} reports/s ({theirs:,} cities and countries); "
        f"ratio {peer / find:.2f}x (detection), {peer / parse:.2f}x (resolved)"
    )


def region_query(database: Path, gazetteer: Gazetteer, requests: int) -> None:
    """The region and bbox queries over HTTP, and geopandas read+sjoin on the same events."""
    with ProcessServer(database) as server, httpx.Client(base_url=server.url, timeout=60) as c:
        cases = {
            "region=IQ-KI": {"region": "IQ-KI", "limit": "1000"},
            "bbox Baghdad": {"bbox": "44.2,33.2,44.6,33.5", "limit": "1000"},
        }
        p50 = {}
        for label, params in cases.items():
            ms = latencies(c, "/events", params, requests)
            p50[label] = statistics.median(ms)
            print(
                f"GET /events?{label} limit=1000: p50 {p50[label]:.1f} ms, "
                f"p95 {statistics.quantiles(ms, n=20)[18]:.1f} ms"
            )
    gpkg = database.with_suffix(".gpkg")
    if not gpkg.exists():
        write_gpkg(SQLiteStore(database).export(EventQuery(located=None, limit=1)), gpkg)
    started = time.perf_counter()
    frame = gpd.read_file(gpkg, engine="pyogrio", columns=["event_id"])
    polygon = gazetteer.regions.geometry("IQ-KI")
    region = gpd.GeoDataFrame({"code": ["IQ-KI"]}, geometry=[polygon], crs="EPSG:4326")
    joined = gpd.sjoin(frame, region, predicate="within")
    peer = (time.perf_counter() - started) * 1000
    print(
        f"geopandas read + sjoin (the same region, {len(joined):,} events): {peer:,.0f} ms; "
        f"ratio {peer / p50['region=IQ-KI']:,.0f}x"
    )


def map_page(database: Path, lines: list[bytes], timeout: float) -> None:
    """/map idle, HTML and heap, and folium FastMarkerCluster on the same events."""
    folder = Path(tempfile.mkdtemp(prefix="geoevents-map-"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        with ProcessServer(database) as server:
            httpx.get(f"{server.url}/map", timeout=60)
            html = httpx.get(f"{server.url}/map", timeout=60).content
            idle, heap = measure(browser, f"{server.url}/map", True, timeout)
        print(f"/map: HTML {len(html) / 1e6:.2f} MB, idle {idle}, JS heap {heap}")
        points = []
        for line in lines:  # (lat, lon), without keeping a million parsed features
            lon, lat = orjson.loads(line)["geometry"]["coordinates"]
            points.append((lat, lon))
        path = fast_cluster_page(points, folder)["folium FastMarkerCluster"]
        port = free_port()
        static = serve_folder(folder, port)
        try:
            peer_idle, peer_heap = measure(
                browser, f"http://127.0.0.1:{port}/{path.name}", False, timeout
            )
        finally:
            static.shutdown()
            static.server_close()
        browser.close()
    ratio = ""
    if idle.endswith(" s") and peer_idle.endswith(" s") and not peer_idle.startswith(">"):
        ratio = f"; ratio {float(peer_idle[:-2]) / float(idle[:-2]):.1f}x"
    print(
        f"folium FastMarkerCluster: HTML {path.stat().st_size / 1e6:.2f} MB, idle {peer_idle}, "
        f"JS heap {peer_heap}{ratio}"
    )


def main() -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    print(f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; {load()}")
    gazetteer = Gazetteer.load()
    extractor = Extractor(gazetteer)
    texts = [r["text"] for r in generate(min(args.reports, 2000), seed=11)]
    extractor.extract(ReportInput(texts[0], dt.date(2024, 8, 8)))
    detection(extractor, texts)

    for label, (wall, cpu) in startup().items():
        print(f"{label}: {wall:.2f} s wall, {cpu:.2f} s CPU")
    work = Path(tempfile.mkdtemp(prefix="geoevents-ingest-"))
    reports = write(args.reports, work / "reports.jsonl")
    run = ingest(reports, 0, work)
    print(
        f"geoevents ingest, {args.reports:,} reports: {args.reports / run.wall:,.0f} reports/s "
        f"({run.wall:.1f} s wall, {run.cpu:.1f} s CPU, every report stored: "
        f"{run.stored == args.reports})"
    )

    database, lines = cached_store(args.events, gazetteer)
    SQLiteStore(database).close()  # migrate a cached store once, before the timings
    print(f"{args.events:,} events in {database} ({CACHE})")
    region_query(database, gazetteer, args.requests)
    map_page(database, lines, args.timeout)
    print(load())


if __name__ == "__main__":
    main()

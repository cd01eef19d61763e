"""Throughput side by side with the tools a desk would otherwise use, in one run.

    python -m bench.throughput [--reports 10000] [--events 1000000] [--requests 30]

- place-name detection: our toponym matcher against geotext on the same reports;
- `geoevents ingest` of ``--reports`` short reports end to end (``bench.ingest``);
- `geoevents import` of ``--events`` synthetic events end to end (a fresh process and store,
  start-up included), then PRAGMA integrity_check, against geopandas reading the same file,
  joining it with the governorate polygons (the region codes) and writing a GeoPackage;
- the region query on that store: GET /events?region=IQ-KI&limit=1000 (and a bbox query)
  over HTTP, against geopandas reading every event from the GeoPackage and joining them
  with the governorate polygon;
- /map on that store in headless Chromium, against folium's FastMarkerCluster.

It ends with one table: each figure, ours and the peer's, the ratio (the peer's time over
ours) and the issue's target. The machine is shared: wall times come with CPU times (of
the command and its workers, or of the server process per request) and the load average.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import geopandas as gpd
import httpx
import orjson
from geotext import GeoText
from playwright.sync_api import sync_playwright

from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput
from app.gazetteer.geocoder import Gazetteer
from bench.ingest import GEOEVENTS, ingest, load, startup, timed
from bench.map import fast_cluster_page, measure, serve_folder
from bench.reports import generate, write
from bench.store import integrity, server_latencies, synthetic
from tests.conftest import ProcessServer, free_port
from tests.mapping.conftest import ARGS, CHROMIUM


def detection(extractor: Extractor, texts: list[str], table: Table) -> None:
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
    table.add(
        f"place-name detection, {n:,} reports",
        f"{n / find:,.0f} reports/s ({n / parse:,.0f} resolved)",
        f"{n / peer:,.0f} reports/s (geotext)",
        peer / find,
    )


def region_query(
    database: Path, gpkg: Path, gazetteer: Gazetteer, requests: int, table: Table
) -> None:
    """The region and bbox queries over HTTP, and geopandas read+sjoin on the same events."""
    with ProcessServer(database) as server, httpx.Client(base_url=server.url, timeout=60) as c:
        cases = {
            "region=IQ-KI": ({"region": "IQ-KI", "limit": "1000"}, 15.0),
            "bbox Baghdad": ({"bbox": "44.2,33.2,44.6,33.5", "limit": "1000"}, 30.0),
            "bbox north Iraq": ({"bbox": "42,35,45,37", "limit": "1000"}, 30.0),
        }
        p50 = {}
        for label, (params, target) in cases.items():
            ms, cpu = server_latencies(c, server.process.pid, "/events", params, requests)
            p50[label] = statistics.median(ms)
            print(
                f"GET /events?{label} limit=1000: p50 {p50[label]:.1f} ms, "
                f"p95 {statistics.quantiles(ms, n=20)[18]:.1f} ms, server CPU {cpu:.1f} ms"
            )
            table.add(
                f"GET /events {label}, limit 1000 (p50)",
                f"{p50[label]:.1f} ms ({cpu:.1f} ms CPU)",
                target=f"<= {target:.0f} ms",
                met=p50[label] <= target,
            )
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
    table.rows[-3] = table.rows[-3]._replace(
        peer=f"{peer:,.0f} ms (geopandas read + sjoin)", ratio=peer / p50["region=IQ-KI"]
    )


def bulk_import(
    source: Path, database: Path, gpkg: Path, gazetteer: Gazetteer, n: int, table: Table
) -> None:
    """`geoevents import` of the file, end to end; geopandas loading the same into a
    GeoPackage (read, governorates joined, written with its spatial index)."""
    env = {**os.environ, "GEOEVENTS_DATABASE_URL": f"sqlite:///{database}"}
    wall, cpu = timed([str(GEOEVENTS), "import", str(source)], env)
    answer, took = integrity(database)
    print(
        f"geoevents import, {n:,} events: {n / wall:,.0f} events/s ({wall:.1f} s wall, "
        f"{cpu:.1f} s CPU with its workers); PRAGMA integrity_check: {answer} ({took:.1f} s)"
    )
    started = time.perf_counter()
    frame = gpd.read_file(source, engine="pyogrio", columns=["event_type", "date"])
    regions = gpd.GeoDataFrame(
        {"code": [r.code for r in gazetteer.data.regions if r.kind == "admin1"]},
        geometry=[r.geometry for r in gazetteer.data.regions if r.kind == "admin1"],
        crs="EPSG:4326",
    )
    coded = gpd.sjoin(frame, regions, how="left", predicate="within")
    coded = coded[~coded.index.duplicated()].drop(columns="index_right")
    coded.to_file(gpkg, engine="pyogrio", layer="events")
    peer = time.perf_counter() - started
    print(f"geopandas read + sjoin + GeoPackage: {n / peer:,.0f} events/s ({peer:.1f} s)")
    table.add(
        f"geoevents import, {n:,} events",
        f"{n / wall:,.0f} events/s ({wall:.1f} s, {cpu:.1f} s CPU)",
        f"{n / peer:,.0f} events/s (geopandas read + sjoin + GPKG)",
        peer / wall,
        ">= 100,000 events/s",
        n / wall >= 100_000 and answer == "ok",
    )


class Row(NamedTuple):
    """One line of the closing table."""

    figure: str
    ours: str
    peer: str
    ratio: float | None
    target: str
    met: bool | None


@dataclass
class Table:
    """The figures of the run, printed side by side at the end."""

    rows: list[Row] = field(default_factory=list)

    def add(
        self,
        figure: str,
        ours: str,
        peer: str = "",
        ratio: float | None = None,
        target: str = "",
        met: bool | None = None,
    ) -> None:
        """One figure."""
        self.rows.append(Row(figure, ours, peer, ratio, target, met))

    def print(self) -> None:
        """The table (ratio: the peer's time over ours)."""
        print()
        print(f"{'figure':44} {'ours':40} {'peer':52} {'ratio':>7}  target")
        for r in self.rows:
            ratio = "" if r.ratio is None else f"{r.ratio:,.{2 if r.ratio < 1 else 1}f}x"
            met = {True: " (met)", False: " (NOT met)", None: ""}[r.met]
            print(f"{r.figure:44} {r.ours:40} {r.peer:52} {ratio:>7}  {r.target}{met}")


def map_page(database: Path, lines: list[bytes], timeout: float, table: Table) -> None:
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
    ratio = None
    if idle.endswith(" s") and peer_idle.endswith(" s") and not peer_idle.startswith(">"):
        ratio = float(peer_idle[:-2]) / float(idle[:-2])
    print(
        f"folium FastMarkerCluster: HTML {path.stat().st_size / 1e6:.2f} MB, idle {peer_idle}, "
        f"JS heap {peer_heap}{f'; ratio {ratio:.1f}x' if ratio else ''}"
    )
    met = (
        idle.endswith(" s")
        and not idle.startswith(">")
        and float(idle[:-2]) <= 1.0
        and len(html) <= 1e6
        and heap.endswith(" MB")
        and float(heap[:-3]) <= 100
    )
    table.add(
        "/map: idle, HTML, JS heap",
        f"{idle}, {len(html) / 1e6:.2f} MB, {heap}",
        f"{peer_idle}, {path.stat().st_size / 1e6:.2f} MB, {peer_heap} (FastMarkerCluster)",
        ratio,
        "<= 1.0 s, <= 1 MB, <= 100 MB",
        met,
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
    table = Table()
    gazetteer = Gazetteer.load()
    extractor = Extractor(gazetteer)
    texts = [r["text"] for r in generate(min(args.reports, 2000), seed=11)]
    extractor.extract(ReportInput(texts[0], dt.date(2024, 8, 8)))
    detection(extractor, texts, table)

    for label, (wall, cpu) in startup().items():
        print(f"{label}: {wall:.2f} s wall, {cpu:.2f} s CPU")
        table.add(label, f"{wall:.2f} s ({cpu:.2f} s CPU)", target="< 0.5 s", met=wall < 0.5)
    work = Path(tempfile.mkdtemp(prefix="geoevents-throughput-"))
    reports = write(args.reports, work / "reports.jsonl")
    run = ingest(reports, 0, work)
    print(
        f"geoevents ingest, {args.reports:,} reports: {args.reports / run.wall:,.0f} reports/s "
        f"({run.wall:.1f} s wall, {run.cpu:.1f} s CPU, every report stored: "
        f"{run.stored == args.reports})"
    )
    table.add(
        f"geoevents ingest, {args.reports:,} reports",
        f"{args.reports / run.wall:,.0f} reports/s ({run.wall:.1f} s, {run.cpu:.1f} s CPU)",
        target=">= 1,000 reports/s, every report stored",
        met=args.reports / run.wall >= 1000 and run.stored == args.reports,
    )

    lines = synthetic(args.events, gazetteer, seed=args.events)
    source = work / "events.geojsonl"
    source.write_bytes(b"".join(line + b"\n" for line in lines))
    database, gpkg = work / "events.db", work / "events.gpkg"
    bulk_import(source, database, gpkg, gazetteer, args.events, table)
    source.unlink()
    region_query(database, gpkg, gazetteer, args.requests, table)
    map_page(database, lines, args.timeout, table)
    table.print()
    print(load())


if __name__ == "__main__":
    main()

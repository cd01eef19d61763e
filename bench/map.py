"""Map speed: /map with 10,000 and 100,000 events, against naive folium pages, in Chromium.

    python -m bench.map [--sizes 10000,100000] [--timeout 60]

For each size: /map's HTML bytes and server time, then in headless Chromium (Debian's) the time
until the map is idle (its events drawn) and the JS heap. Side by side, on the same data and
with the same local assets: a folium page with one Marker per event, and one with
FastMarkerCluster. Targets at 100,000 events: idle under 1.5 s, HTML under 1 MB, heap under
100 MB.
"""

from __future__ import annotations

import argparse
import gc
import http.server
import tempfile
import threading
import time
from pathlib import Path

import folium
import httpx
import orjson
from folium.plugins import FastMarkerCluster
from playwright.sync_api import Browser, sync_playwright

from app.gazetteer.geocoder import Gazetteer
from app.mapping.assets import CSS, JS, OfflineMap
from app.store.sqlite import SQLiteStore
from app.transfer.importer import run_import
from bench.store import synthetic
from tests.conftest import ProcessServer, free_port
from tests.mapping.conftest import ARGS, CHROMIUM

STATIC = Path(__file__).resolve().parent.parent / "app" / "static"


class LocalFastMarkerCluster(FastMarkerCluster):  # type: ignore[misc]
    """FastMarkerCluster with the same local assets as our page (a fair comparison)."""

    default_js = [js for js in JS if js[0] == "markercluster"]
    default_css = [css for css in CSS if "markercluster" in css[0]]


def naive_pages(features: list[dict[str, object]], folder: Path) -> dict[str, Path]:
    """A folium page with one Marker per event, and one with FastMarkerCluster."""
    points = [
        (f["geometry"]["coordinates"][1], f["geometry"]["coordinates"][0])  # type: ignore[index]
        for f in features
    ]
    pages = {}
    pages.update(fast_cluster_page(points, folder))
    markers = OfflineMap(location=(34.8, 41.8), zoom_start=6, tiles=None, maxZoom=18)
    for lat, lon in points:
        folium.Marker((lat, lon)).add_to(markers)
    pages["folium, one Marker per event"] = folder / "markers.html"
    markers.save(str(pages["folium, one Marker per event"]))
    return pages


def fast_cluster_page(points: list[tuple[float, float]], folder: Path) -> dict[str, Path]:
    """A folium page with FastMarkerCluster over (lat, lon) points."""
    fast = OfflineMap(location=(34.8, 41.8), zoom_start=6, tiles=None, maxZoom=18)
    # Folium's default callback draws Awesome Markers, which the service does not ship; a plain
    # Leaflet marker per event instead (as the other naive page uses).
    plain = "function (row) { return L.marker(new L.LatLng(row[0], row[1])); }"
    LocalFastMarkerCluster(points, callback=plain).add_to(fast)
    path = folder / "fast.html"
    fast.save(str(path))
    return {"folium FastMarkerCluster": path}


def serve_folder(folder: Path, port: int) -> http.server.ThreadingHTTPServer:
    """Serve the naive pages, with /static from the app, on 127.0.0.1."""
    (folder / "static").symlink_to(STATIC)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def settled(page: object, started: float, timeout_s: float) -> float:
    """Seconds until the marker pane stops changing (folium pages add markers in chunks)."""
    last, stable, at = -1, 0, time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        count = page.locator(".leaflet-marker-pane > *").count()  # type: ignore[attr-defined]
        if count == last and count > 0:
            stable += 1
            if stable == 3:
                return at - started
        else:
            last, stable, at = count, 0, time.perf_counter()
        time.sleep(0.1)
    raise TimeoutError("never settled")


def measure(browser: Browser, url: str, ours: bool, timeout_s: float) -> tuple[str, str]:
    """(seconds until idle, MB of JS heap) in a fresh page."""
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    started = time.perf_counter()
    try:
        if ours:
            page.goto(url, timeout=timeout_s * 1000)
            page.wait_for_selector(
                "body[data-geoevents-idle=true]", state="attached", timeout=timeout_s * 1000
            )
            seconds = f"{time.perf_counter() - started:.2f} s"
        else:
            page.goto(url, wait_until="load", timeout=timeout_s * 1000)
            seconds = f"{settled(page, started, timeout_s):.2f} s"
    except Exception:  # Playwright's TimeoutError: the page never settled
        seconds = f"> {timeout_s:.0f} s (never settled)"
    try:
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        heap = f"{metrics['JSHeapUsedSize'] / 1e6:.0f} MB"
    except Exception:
        heap = "n/a"
    page.close()
    return seconds, heap


CACHE = Path(tempfile.gettempdir()) / "geoevents-bench"


def cached_store(size: int, gazetteer: Gazetteer) -> tuple[Path, list[bytes]]:
    """A store of ``size`` synthetic events, built once and kept under /tmp (a million
    events take minutes to import); the events' lines too, for the naive pages."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"map-{size}.db"
    lines = synthetic(size, gazetteer, seed=size)
    if not path.exists():
        partial = path.with_suffix(".partial")
        for old in CACHE.glob(f"{partial.name}*"):
            old.unlink()
        source = CACHE / f"map-{size}.geojsonl"
        source.write_bytes(b"".join(line + b"\n" for line in lines))
        store = SQLiteStore(partial)
        gc.disable()
        outcome = run_import(source, store, gazetteer, jobs=1)  # `geoevents import`'s path
        gc.enable()
        store.close()
        source.unlink()
        assert outcome.check == "ok" and outcome.counts.created == size, outcome.rejected[:3]
        partial.rename(path)
    return path, lines


def main() -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    gazetteer = Gazetteer.load()
    work = Path(tempfile.mkdtemp(prefix="geoevents-map-"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size in (int(s) for s in args.sizes.split(",")):
            folder = work / str(size)
            folder.mkdir()
            database, lines = cached_store(size, gazetteer)
            with ProcessServer(database) as server:
                httpx.get(f"{server.url}/map")
                started = time.perf_counter()
                html = httpx.get(f"{server.url}/map").content
                server_ms = (time.perf_counter() - started) * 1000
                idle, heap = measure(browser, f"{server.url}/map", True, args.timeout)
                print(
                    f"{size:>7,} events  {'/map (geoevents)':30} HTML "
                    f"{len(html) / 1e6:6.2f} MB, server {server_ms:6.0f} ms, idle {idle}, "
                    f"JS heap {heap}"
                )
            started = time.perf_counter()
            pages = naive_pages([orjson.loads(x) for x in lines], folder)
            build = time.perf_counter() - started
            static_port = free_port()
            static = serve_folder(folder, static_port)
            try:
                for label, path in pages.items():
                    idle, heap = measure(
                        browser, f"http://127.0.0.1:{static_port}/{path.name}", False, args.timeout
                    )
                    print(
                        f"{size:>7,} events  {label:30} HTML {path.stat().st_size / 1e6:6.2f} MB, "
                        f"built {build:5.1f} s (both), idle {idle}, JS heap {heap}"
                    )
            finally:
                static.shutdown()
                static.server_close()
        browser.close()


if __name__ == "__main__":
    main()

"""Live latencies: a posted report's event reaching an SSE client, a webhook receiver and a
change-feed follower; and how fast a follower syncs a large store from scratch.

    python -m bench.live [--reports 30] [--events 100000]
"""

from __future__ import annotations

import argparse
import http.server
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx

from app.gazetteer.geocoder import Gazetteer
from app.store.sqlite import SQLiteStore
from bench.store import synthetic_lines, timed_import
from tests.conftest import LiveServer, free_port, make_settings

PLACES = ["Kirkuk", "Erbil", "Mosul", "Basra", "Ramadi", "Baqubah", "Raqqa", "Hasakah"]


def _report(i: int) -> dict[str, str]:
    place = PLACES[i % len(PLACES)]
    return {
        "text": f"Gunmen attacked checkpoint {i} in {place} on Tuesday, killing {i % 5 + 1} "
        "police officers, security sources said.",
        "published": "2024-08-08",
    }


def _pcts(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    return f"p50 {statistics.median(ms):.0f} ms, p95 {ms[int(len(ms) * 0.95) - 1]:.0f} ms"


def push_latencies(reports: int) -> None:
    """SSE and webhook latency per posted report, on a real server."""
    received: dict[str, float] = {}
    hook_times: list[float] = []

    class Hook(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            self.rfile.read(int(self.headers["Content-Length"]))
            hook_times.append(time.monotonic())
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    port = free_port()
    hook = http.server.ThreadingHTTPServer(("127.0.0.1", port), Hook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    with tempfile.TemporaryDirectory() as tmp:
        settings = make_settings(
            Path(tmp),
            live_options={
                "live_runner": True,
                "live_interval_seconds": 0.2,
                "live_notify_seconds": 0.5,
                "outbound_allow_private": True,  # the receiver is on this machine
            },
        )
        with LiveServer(settings) as server, httpx.Client(base_url=server.url) as api:
            api.post(
                "/subscriptions",
                json={"url": f"http://127.0.0.1:{port}/", "secret": "x" * 20, "filters": ""},
            ).raise_for_status()
            stop = threading.Event()

            def listen() -> None:
                with httpx.Client(timeout=httpx.Timeout(30, read=None)) as c:
                    with c.stream("GET", f"{server.url}/events/stream") as r:
                        for line in r.iter_lines():
                            if line.startswith("data: {"):
                                received[line[:200]] = time.monotonic()
                            if stop.is_set():
                                return

            threading.Thread(target=listen, daemon=True).start()
            time.sleep(1)
            sse, hooks = [], []
            for i in range(reports):
                before_sse, before_hooks = len(received), len(hook_times)
                sent = time.monotonic()
                api.post("/reports", json=_report(i)).raise_for_status()
                deadline = sent + 10
                while (len(received) == before_sse or len(hook_times) == before_hooks) and (
                    time.monotonic() < deadline
                ):
                    time.sleep(0.005)
                sse.append(max(received.values()) - sent)
                hooks.append(hook_times[-1] - sent)
            stop.set()
            api.post("/reports", json=_report(reports + 1))  # wake the listener to end it
            print(f"SSE, POST /reports answered -> event message: {_pcts(sse)} ({reports} reports)")
            print(f"webhook, POST /reports answered -> receiver: {_pcts(hooks)}")
    hook.shutdown()


def follower_sync(events: int) -> None:
    """A follower starting at after=0 over a store of ``events`` events."""
    gazetteer = Gazetteer.load()
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "events.db")
        source = Path(tmp) / "events.geojsonl"
        with open(source, "wb") as sink:
            sink.writelines(line + b"\n" for line in synthetic_lines(events, gazetteer))
        timed_import(store, gazetteer, source, jobs=1)
        store.close()
        with (
            LiveServer(make_settings(Path(tmp))) as server,
            httpx.Client(base_url=server.url, timeout=60) as api,
        ):
            start, after, seen = time.perf_counter(), 0, 0
            while True:
                page = api.get("/events/changes", params={"after": after, "limit": 10000}).json()
                seen += len(page["changes"])
                after = page["last_seq"]
                if len(page["changes"]) < 10000:
                    break
            seconds = time.perf_counter() - start
            print(
                f"full sync of {seen:,} events from after=0: {seconds:.1f} s, "
                f"{seen / seconds:,.0f} changes/s"
            )


def main() -> None:
    """Run both measurements."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=30)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    push_latencies(args.reports)
    follower_sync(args.events)


if __name__ == "__main__":
    main()

"""The live map in a real browser: an event posted after the page loaded shows up."""

import time

import httpx

from tests.conftest import LiveServer, make_settings
from tests.mapping.test_map_browser import IDLE, open_map

REPORT = {
    "text": "Gunmen attacked a police checkpoint in Kirkuk on Tuesday, killing two officers.",
    "published": "2024-08-08",
}


def test_embed_follows_the_stream_without_a_reload(browser, tmp_path, database_url):
    settings = make_settings(
        tmp_path, database_url=database_url, live_options={"live_notify_seconds": 0.2}
    )
    with LiveServer(settings) as server:
        blocked = []
        page, errors = open_map(browser, f"{server.url}/map/embed?live=1", blocked)
        assert page.locator(".ge-live").inner_text().strip().startswith("Live")
        page.wait_for_function(
            "() => document.body.dataset.geoeventsStream === 'open'", timeout=10_000
        )
        before = page.locator(".leaflet-marker-pane .ge-icon").count()
        posted = time.monotonic()
        with httpx.Client(base_url=server.url, timeout=30) as client:
            assert client.post("/reports", json=REPORT).status_code == 201
        page.wait_for_function(
            "() => Number(document.body.dataset.geoeventsLive) === 1", timeout=5_000
        )
        latency = time.monotonic() - posted
        assert latency < 5
        assert page.locator(".leaflet-marker-pane .ge-icon").count() == before + 1
        assert page.locator(".ge-live-count").inner_text() == "1"
        assert page.locator(IDLE).count() == 1  # no reload happened
        assert errors == [] and blocked == []
        page.close()

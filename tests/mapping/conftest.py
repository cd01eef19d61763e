"""A real browser (Debian's chromium driven by Playwright) and a server with known events
(on each backend)."""

import os
import shutil
from pathlib import Path

import pytest

from app.ingest import prepare
from app.store import open_store
from tests.conftest import LiveServer, make_settings
from tests.factories import make_event

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
XSS = (
    "<script>document.body.dataset.xss='script'</script>"
    "<img src=x onerror=\"document.body.dataset.xss='img'\">"
)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = "Debian's chromium is not installed (`make test` installs it as root)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def known_events():
    """Five incidents far apart, two movements, one governorate-level event, one XSS try."""
    events = [
        make_event(lat=lat, lon=lon, admin1=None, summary=f"incident {i}")
        for i, (lat, lon) in enumerate(
            [(36.34, 43.13), (33.31, 44.37), (30.51, 47.78), (35.93, 39.01), (33.51, 36.29)]
        )
    ]
    events[0] = make_event(lat=36.34, lon=43.13, admin1=None, summary=XSS)
    sourced = events[1].properties.model_copy(
        update={"sources": ["/reports/12", "https://news.example.org/story?id=1"]}
    )
    events[1] = events[1].model_copy(update={"properties": sourced})
    for origin, dest in (((36.19, 44.01), (35.51, 44.28)), ((33.42, 43.30), (34.61, 43.68))):
        move = make_event(
            lat=dest[0],
            lon=dest[1],
            admin1=None,
            event_type="troop_movement",
            category="movement",
            summary="convoy",
        ).model_dump(mode="json")
        move["geometry"] = {
            "type": "LineString",
            "coordinates": [[origin[1], origin[0]], [dest[1], dest[0]]],
        }
        move["properties"]["origin"] = dict(
            move["properties"]["location"], name="Origin", lat=origin[0], lon=origin[1]
        )
        events.append(move)
    wide = make_event(lat=33.75, lon=44.64, admin1=None, summary="ISIS activity in Diyala")
    wide = wide.model_dump(mode="json")
    wide["properties"]["geo_precision"] = 3
    wide["properties"]["location"]["kind"] = "admin1"
    events.append(wide)
    return [e if isinstance(e, dict) else e.model_dump(mode="json") for e in events]


@pytest.fixture(scope="module")
def map_server(tmp_path_factory, gazetteer, module_database_url):
    """A server whose store holds :func:`known_events`, once per backend."""
    root = tmp_path_factory.mktemp("map")
    store = open_store(module_database_url)
    events, errors = prepare(gazetteer, known_events())
    assert not errors, errors
    store.add_events(events, "test")
    store.close()
    with LiveServer(make_settings(root, database_url=module_database_url)) as server:
        yield server

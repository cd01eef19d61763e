"""The map page without a browser: offline assets, headers, size, and the clusters API."""

import re
from pathlib import Path

import httpx
import pytest

from app.ingest import prepare
from app.store import open_store
from tests.conftest import LiveServer, make_settings
from tests.factories import make_event

STATIC = Path(__file__).resolve().parents[2] / "app" / "static"
REMOTE = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//|url\(\s*["']?(?:https?:)?//""", re.I)


@pytest.fixture(scope="module")
def server(tmp_path_factory, gazetteer, module_database_url):
    root = tmp_path_factory.mktemp("mapapi")
    store = open_store(module_database_url)
    points = [(33.3 + i * 0.0001, 44.4 + i * 0.0001) for i in range(300)]  # Baghdad
    points += [(36.34, 43.13), (30.51, 47.78)]  # Mosul and Basra, alone
    events, _ = prepare(
        gazetteer,
        [make_event(lat=a, lon=b, admin1=None).model_dump(mode="json") for a, b in points],
    )
    store.add_events(events, "test")
    store.close()
    options = {
        "frame_ancestors": "https://dash.example.org",
        "tiles": "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
    }
    settings = make_settings(root, map_options=options, database_url=module_database_url)
    with LiveServer(settings) as live:
        yield live


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


def test_the_page_loads_nothing_from_elsewhere(tmp_path):
    with LiveServer(make_settings(tmp_path)) as live:
        page = httpx.get(f"{live.url}/map", timeout=30).text
    assert REMOTE.search(page) is None, REMOTE.search(page)
    assert "/static/vendor/leaflet/leaflet.js" in page


def test_vendored_styles_point_nowhere_else():
    for css in STATIC.rglob("*.css"):
        assert REMOTE.search(css.read_text(errors="replace")) is None, css
    assert (STATIC / "vendor" / "LICENSES.md").exists()


def test_every_asset_the_page_names_is_served(client):
    page = client.get("/map").text
    for path in re.findall(r'(?:src|href)="(/static/[^"]+)"', page):
        assert client.get(path).status_code == 200, path


def test_embed_headers(client):
    embed = client.get("/map/embed")
    assert "frame-ancestors https://dash.example.org" in embed.headers["content-security-policy"]
    full = client.get("/map")
    assert "frame-ancestors 'self'" in full.headers["content-security-policy"]
    assert "ge-header" in full.text and "ge-header" not in embed.text


def test_configured_tiles(client):
    page = client.get("/map")
    assert "tiles.example.org" in page.text
    assert (
        "img-src 'self' data: blob: https://*.tiles.example.org"
        in page.headers["content-security-policy"]
    )


def test_the_page_does_not_carry_the_events(client, tmp_path):
    with LiveServer(make_settings(tmp_path)) as empty:
        empty_size = len(httpx.get(f"{empty.url}/map", timeout=30).content)
    full_size = len(client.get("/map").content)
    assert abs(full_size - empty_size) < 2_000  # 302 events change only the date control
    assert full_size < 1_000_000


def test_bad_filters_are_problems(client):
    response = client.get("/map", params={"bbox": "1,2"})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


def test_clusters_group_by_zoom(client):
    low = client.get("/events/clusters", params={"view": "35,29,49,38", "zoom": 5}).json()
    assert [c["count"] for c in low["clusters"]] == [300]
    assert len(low["singles"]) == 2  # Mosul and Basra come whole
    assert low["singles"][0]["type"] == "Feature"
    assert low["by_admin1"] == {"IQ-BG": 300, "IQ-NI": 1, "IQ-BA": 1}
    high = client.get("/events/clusters", params={"view": "44.3,33.2,44.8,33.7", "zoom": 16}).json()
    assert sum(c["count"] for c in high["clusters"]) + len(high["singles"]) == 300
    assert len(high["singles"]) > 200


def test_clusters_respect_filters_and_bad_views(client):
    none = client.get(
        "/events/clusters", params={"view": "35,29,49,38", "zoom": 5, "region": "IQ-NI"}
    ).json()
    assert none["clusters"] == [] and len(none["singles"]) == 1
    assert client.get("/events/clusters", params={"view": "x", "zoom": 5}).status_code == 400
    assert (
        client.get("/events/clusters", params={"view": "35,29,49,38", "zoom": 40}).status_code
        == 400
    )


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO header
    assert "/static/favicon.svg" in client.get("/map").text

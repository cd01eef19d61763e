"""OGC API - Features, checked with our own requests and with clients nobody here wrote."""

import re

import httpx
import pyogrio
import pytest
from owslib.ogcapi.features import Features
from shapely.geometry import shape

from app.ingest import prepare
from app.store import open_store
from tests.conftest import LiveServer, ProcessServer, make_settings
from tests.factories import make_event

N = 25


@pytest.fixture(scope="module")
def server(tmp_path_factory, gazetteer, module_database_url):
    root = tmp_path_factory.mktemp("ogc")
    store = open_store(module_database_url)
    records = []
    for i in range(N):
        kind = ("protest", "development") if i % 5 == 0 else ("attack", "security_incident")
        e = make_event(
            lat=33.0 + i * 0.1234567891,
            lon=43.0 + i * 0.0987654321,
            admin1=None,
            event_type=kind[0],
            category=kind[1],
            date=f"2024-03-{1 + i:02d}",
            actors=[("ISIS", "actor")] if i % 2 else [("SDF", "actor")],
        )
        records.append(e.model_dump(mode="json"))
    events, errors = prepare(gazetteer, records)
    assert not errors
    store.add_events(events, "test")
    store.close()
    with LiveServer(make_settings(root, database_url=module_database_url)) as live:
        yield live


@pytest.fixture(scope="module")
def api(server):
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def rels(body):
    return {link["rel"] for link in body["links"]}


def test_landing_and_conformance(api):
    landing = api.get("/").json()
    assert {"self", "service-desc", "service-doc", "conformance", "data"} <= rels(landing)
    conforms = api.get("/conformance").json()["conformsTo"]
    assert any(c.endswith("/conf/core") for c in conforms)
    assert any(c.endswith("/conf/geojson") for c in conforms)
    assert api.get("/openapi.json").json()["openapi"].startswith("3.")


def test_collections_and_extent(api):
    body = api.get("/collections").json()
    assert [c["id"] for c in body["collections"]] == ["events", "regions", "places"]
    events = api.get("/collections/events").json()
    assert events["extent"]["temporal"]["interval"][0] == [
        "2024-03-01T00:00:00Z",
        "2024-03-25T23:59:59Z",
    ]
    minx, miny, maxx, maxy = events["extent"]["spatial"]["bbox"][0]
    assert (round(minx, 3), round(miny, 3)) == (43.0, 33.0)  # the events', not the map's
    assert maxx == pytest.approx(43 + 24 * 0.0987654321, abs=1e-4)
    assert api.get("/collections/nothing").status_code == 404


def test_items_paging(api):
    first = api.get("/collections/events/items")
    assert first.headers["content-type"] == "application/geo+json"
    body = first.json()
    assert body["numberReturned"] == 10 and body["numberMatched"] == N  # default limit 10
    next_href = next(link["href"] for link in body["links"] if link["rel"] == "next")
    second = httpx.get(next_href, timeout=30).json()
    assert {f["id"] for f in second["features"]}.isdisjoint({f["id"] for f in body["features"]})
    assert "prev" in rels(second)
    last = api.get("/collections/events/items", params={"offset": 20}).json()
    assert last["numberReturned"] == 5 and "next" not in rels(last)


def test_items_filters(api):
    def matched(**params):
        return api.get("/collections/events/items", params=params).json()["numberMatched"]

    assert matched(bbox="42.9,32.9,43.5,33.6") == 5
    assert matched(datetime="2024-03-05") == 1
    assert matched(datetime="2024-03-20/..") == 6
    assert matched(datetime="../2024-03-02T12:00:00Z") == 2
    assert matched(event_type="protest") == 5
    assert matched(actor="Daesh") == 12  # an alias of ISIS
    assert matched(region="IQ-BG") == matched(region="Baghdad")


@pytest.mark.parametrize(
    "params",
    [
        {"bbox": "1,2,3"},
        {"datetime": "yesterday"},
        {"datetime": "../.."},
        {"limit": 0},
        {"limit": 10001},
        {"event_type": "picnic"},
        {"f": "xml"},
    ],
)
def test_bad_parameters_are_400(api, params):
    response = api.get("/collections/events/items", params=params)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


def test_one_item_and_html(api):
    feature = api.get("/collections/events/items/3").json()
    assert feature["id"] == "3" and {"self", "collection"} <= rels(feature)
    assert api.get("/collections/events/items/999").status_code == 404
    page = api.get("/collections/events/items", params={"f": "html"})
    assert page.headers["content-type"].startswith("text/html")
    browser = api.get("/collections", headers={"Accept": "text/html"})
    assert browser.headers["content-type"].startswith("text/html")
    region = api.get("/collections/regions/items/IQ-KI").json()
    assert region["properties"]["name"] == "Kirkuk"
    place = api.get("/collections/places/items", params={"bbox": "44.3,35.4,44.5,35.5"}).json()
    assert any(f["properties"]["name"] == "Kirkuk" for f in place["features"])


def test_queryables(api):
    body = api.get("/collections/events/queryables").json()
    assert {"event_type", "actor", "region"} <= set(body["properties"])


def test_rfc7946(api):
    for path in ("/events", "/collections/events/items", "/collections/regions/items"):
        body = api.get(path, params={"limit": 100}).json()
        assert "crs" not in body
        text = api.get(path, params={"limit": 100}).text
        assert not re.search(r"\d\.\d{8,}", text.split('"properties"')[0]), path
        for feature in body["features"]:
            geom = shape(feature["geometry"])
            for polygon in getattr(geom, "geoms", [geom]):
                if polygon.geom_type == "Polygon":
                    assert polygon.exterior.is_ccw
            lon, lat = geom.representative_point().coords[0]
            if path != "/collections/regions/items":
                assert 30 < lon < 50 and 25 < lat < 40  # longitude first


def test_owslib_reads_the_service(server):
    client = Features(server.url)
    ids = [c["id"] for c in client.collections()["collections"]]
    assert "events" in ids
    items = client.collection_items("events", bbox=[42.9, 32.9, 43.5, 33.6], limit=100)
    assert items["numberMatched"] == 5 and len(items["features"]) == 5


def test_gdal_oapif_driver_reads_the_layer(server):
    if "OAPIF" not in pyogrio.list_drivers():
        pytest.skip("this GDAL (in pyogrio's wheel) has no OAPIF driver")
    # GDAL holds the GIL while it waits, so the server must run in another process.
    with ProcessServer(server.settings.store.database_url) as other:
        frame = pyogrio.read_dataframe(f"OAPIF:{other.url}", layer="events")
    assert len(frame) == N
    assert {"event_type", "category"} <= set(frame.columns)

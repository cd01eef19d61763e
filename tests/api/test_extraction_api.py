import pytest

from app.events import EventCollection
from app.extraction.schemas import GeoparseResult

REPORT = {
    "text": "An IED struck an Iraqi army patrol near Jalawla in Diyala province on Monday, "
    "killing two soldiers. ISIS claimed the attack.",
    "published": "2024-08-08",
    "title": "IED near Jalawla",
    "url": "https://example.org/report/1",
}


def test_geoparse(http):
    response = http.post("/geoparse", json=REPORT)
    assert response.status_code == 200
    body = GeoparseResult.model_validate(response.json())
    assert [(m.text, m.place.kind) for m in body.mentions] == [
        ("Jalawla", "town"),
        ("Diyala province", "admin1"),
    ]
    assert body.unresolved == 0
    assert body.mentions[0].candidates


def test_geoparse_arabic_report(http):
    report = {
        "text": "اشتباكات عنيفة في ريف دير الزور وبالقرب من الميادين",
        "published": "2024-08-08",
    }
    body = GeoparseResult.model_validate(http.post("/geoparse", json=report).json())
    assert [(m.text, m.place.admin1) for m in body.mentions if m.place] == [
        ("دير الزور", "SY-DY"),
        ("الميادين", "SY-DY"),
    ]


def test_extract_returns_geojson_events(http):
    response = http.post("/extract", json=REPORT)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/geo+json"
    collection = EventCollection.model_validate(response.json())
    (event,) = collection.features
    assert event.properties.event_type == "ied_explosion"
    assert event.properties.location.admin1 == "IQ-DI"
    assert event.properties.sources == [REPORT["url"]]
    assert event.geometry.type == "Point"


def test_extract_reduces_html(http):
    html = dict(REPORT, text="<p>Clashes in <b>Kirkuk</b> on Monday.</p><script>x()</script>")
    response = http.post("/extract", json=html)
    assert response.status_code == 200
    features = response.json()["features"]
    assert features[0]["properties"]["location"]["name"] == "Kirkuk"


@pytest.mark.parametrize(
    "body, status",
    [
        (dict(REPORT, text=""), 422),
        (dict(REPORT, text="   \n "), 422),
        (dict(REPORT, published="2024-13-01"), 422),
        ({"text": "Kirkuk"}, 422),
        (dict(REPORT, text="Kirkuk " * 40_000), 413),
    ],
)
def test_bad_reports_are_problems(http, body, status):
    for path in ("/geoparse", "/extract"):
        response = http.post(path, json=body)
        assert response.status_code == status, (path, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"]


def test_malformed_json_is_a_problem(http):
    response = http.post(
        "/extract", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400  # malformed syntax (the input guard)
    assert response.headers["content-type"] == "application/problem+json"

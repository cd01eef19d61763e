"""Hostile and implausible input over real HTTP: each refused with a 4xx problem, nothing stored."""
# ruff: noqa: E501  (one hostile input per line reads best as a table)

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import LiveServer, make_settings

TOMORROW = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
IN_TWO_DAYS = (TOMORROW + dt.timedelta(days=1)).isoformat()
REPORT = {"text": "Gunmen attacked a checkpoint in Kirkuk on Monday.", "published": "2024-08-08"}
FEATURE: dict[str, Any] = {
    "type": "Feature",
    "geometry": {"type": "Point", "coordinates": [44.39, 35.47]},
    "properties": {
        "event_type": "attack",
        "category": "security_incident",
        "acled_event_type": "Violence against civilians",
        "acled_sub_event_type": "Attack",
        "date": "2024-08-06",
        "date_end": "2024-08-06",
        "date_precision": "day",
        "reported_at": None,
        "location": {"name": "Kirkuk", "kind": "city", "lat": 35.47, "lon": 44.39},
        "geo_precision": 1,
        "summary": "Attack in Kirkuk",
        "evidence": [],
        "confidence": 0.8,
    },
}


def _feature(path: str, value: Any) -> dict[str, Any]:
    """FEATURE with one value replaced (path like "properties.location.lat")."""
    out = copy.deepcopy(FEATURE)
    *parents, last = path.split(".")
    node = out
    for key in parents:
        node = node[key]
    node[last] = value
    return out


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


def _deep(depth: int, text: bytes = b"Clashes in Kirkuk.") -> bytes:
    """A report whose extra member nests ``depth`` arrays (extra members are ignored)."""
    return (
        b'{"text": "'
        + text
        + b'", "published": "2024-08-08", "extra": '
        + (b"[" * depth + b"]" * depth + b"}")
    )


# (name, method, path, body bytes, expected status, a word the problem's detail must name)
CASES: list[tuple[str, str, str, bytes, int, str]] = [
    ("published in the year 25", "POST", "/reports", _json({**REPORT, "published": "0025-01-01"}), 422, "published"),
    ("published 1899", "POST", "/reports", _json({**REPORT, "published": "1899-12-31"}), 422, "published"),
    ("published in two days", "POST", "/reports", _json({**REPORT, "published": IN_TWO_DAYS}), 422, "published"),
    ("extract published 1850", "POST", "/extract", _json({**REPORT, "published": "1850-06-01"}), 422, "published"),
    ("geoparse published 3000", "POST", "/geoparse", _json({**REPORT, "published": "3000-01-01"}), 422, "published"),
    ("event date 1899", "POST", "/events", _json(_feature("properties.date", "1899-12-31")), 400, "properties.date"),
    ("event date_end in two days", "POST", "/events", _json(_feature("properties.date_end", IN_TWO_DAYS)), 400, "properties.date_end"),
    ("event reported_at 1066", "POST", "/events", _json(_feature("properties.reported_at", "1066-10-14")), 400, "reported_at"),
    ("longitude 181", "POST", "/events", _json(_feature("geometry.coordinates", [181, 35.47])), 400, "geometry"),
    ("latitude -91", "POST", "/events", _json(_feature("properties.location.lat", -91)), 400, "location.lat"),
    ("NaN coordinate", "POST", "/events", _json(FEATURE).replace(b"[44.39, 35.47]", b"[NaN, 35.47]"), 400, "JSON"),
    ("Infinity coordinate", "POST", "/events", _json(FEATURE).replace(b'"lat": 35.47', b'"lat": Infinity'), 400, "JSON"),
    ("huge exponent", "POST", "/events", _json(FEATURE).replace(b"[44.39, 35.47]", b"[1e999, 35.47]"), 400, "JSON"),
    ("ring that does not close", "POST", "/events", _json(_feature("geometry", {"type": "Polygon", "coordinates": [[[44, 35], [45, 35], [45, 36], [44, 36]]]})), 400, "geometry"),
    ("no geometry on POST /events", "POST", "/events", _json(_feature("geometry", None) | {"properties": {**FEATURE["properties"], "location": None, "geo_precision": None}}), 400, "geometry"),
    # A missing geometry is derived from the location's point (docs/imports.md); with no
    # location either there is no place to derive.
    ("geometry and location missing", "POST", "/events", _json({"type": "Feature", "properties": {k: v for k, v in FEATURE["properties"].items() if k != "location"}}), 400, "no place"),
    ("text over the limit", "POST", "/reports", _json({**REPORT, "text": "Kirkuk attack. " * 14_000}), 413, "limit"),
    ("body over the byte limit", "POST", "/reports", _json({**REPORT, "text": "x" * 2_200_000}), 413, "bytes"),
    ("JSON nested 40 deep", "POST", "/reports", _deep(40), 400, "nests"),
    ("JSON nested 100000 deep", "POST", "/reports", _deep(100_000), 400, "JSON"),
    ("invalid UTF-8 in text", "POST", "/reports", b'{"text": "Clashes \xff\xfe in Kirkuk.", "published": "2024-08-08"}', 400, "UTF-8"),
    ("lone surrogate escape", "POST", "/reports", b'{"text": "Clashes \\ud800 in Kirkuk.", "published": "2024-08-08"}', 400, "JSON"),
    ("NUL escape in text", "POST", "/reports", b'{"text": "Clashes \\u0000 in Kirkuk.", "published": "2024-08-08"}', 400, "body.text"),
    ("raw NUL byte", "POST", "/reports", b'{"text": "Clashes \x00 in Kirkuk.", "published": "2024-08-08"}', 400, "JSON"),
    ("NUL in title", "POST", "/reports", _json({**REPORT, "title": "a\x00b"}), 400, "body.title"),
    ("NUL in an event summary", "POST", "/events", _json(_feature("properties.summary", "x\x00")), 400, "summary"),
    ("not JSON", "POST", "/reports", b"text=Clashes in Kirkuk", 400, "JSON"),
    ("JSON array body", "POST", "/reports", b"[1, 2, 3]", 422, "body"),
    ("blank text", "POST", "/reports", _json({**REPORT, "text": " \n\t "}), 422, "text"),
    ("unknown property", "POST", "/events", _json(_feature("properties.sql", "'; DROP TABLE events; --")), 400, "sql"),
    ("negative fatalities", "POST", "/events", _json(_feature("properties.fatalities", -5)), 400, "fatalities"),
    ("confidence 7", "POST", "/events", _json(_feature("properties.confidence", 7)), 400, "confidence"),
    ("date_end before date", "POST", "/events", _json(_feature("properties.date_end", "2024-08-01")), 400, "date_end"),
    ("query string over the limit", "GET", "/events?q=" + "a" * 5000, b"", 414, "query"),
    ("NUL in a query", "GET", "/events?region=IQ%00KI", b"", 400, "NUL"),
    ("invalid UTF-8 in a query", "GET", "/events?region=%FF%FE", b"", 400, "UTF-8"),
    ("report offset past 64 bits", "GET", "/reports?offset=390258518350383628106596352", b"", 400, "offset"),
    ("NaN bbox", "GET", "/events?bbox=nan,0,1,1", b"", 400, "bbox"),
    ("bbox out of the world", "GET", "/events?bbox=-200,0,1,1", b"", 400, "bbox"),
    ("near out of the world", "GET", "/events?near=95,44", b"", 400, "near"),
    ("reverse NaN", "GET", "/gazetteer/reverse?lat=nan&lon=44", b"", 400, "lat"),
]  # fmt: skip


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, module_database_url: str
) -> Iterator[LiveServer]:
    settings = make_settings(
        tmp_path_factory.mktemp("hostile"), database_url=module_database_url, max_text_chars=200_000
    )
    with LiveServer(settings) as live:
        yield live


def _stored(client: httpx.Client) -> tuple[int, int, int]:
    store = client.get("/healthz").json()["store"]
    return store["reports"], store["events"], store["unlocated"]


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "word"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_hostile_input_is_refused_and_nothing_is_stored(
    server: LiveServer, method: str, path: str, body: bytes, status: int, word: str
) -> None:
    with httpx.Client(base_url=server.url, timeout=60) as client:
        before = _stored(client)
        response = client.request(
            method, path, content=body or None, headers={"content-type": "application/json"}
        )
        assert response.status_code == status, response.text[:300]
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == status
        assert word.lower() in problem["detail"].lower(), problem["detail"]
        assert _stored(client) == before


def test_the_same_requests_made_valid_are_accepted(server: LiveServer) -> None:
    """The cases fail for the reason they name, not because the baseline is broken."""
    with httpx.Client(base_url=server.url, timeout=60) as client:
        edge = {
            **REPORT,
            "text": "Gunmen attacked a checkpoint in Kirkuk.",
            "published": "1900-01-01",
        }
        assert client.post("/reports", json=edge).status_code == 201
        tomorrow = {**REPORT, "text": "Clashes in Mosul.", "published": TOMORROW.isoformat()}
        assert client.post("/reports", json=tomorrow).status_code == 201
        assert client.post("/events", json=FEATURE).status_code == 201
        nested = _deep(10, b"Gunmen attacked a checkpoint in Erbil.")
        json_type = {"content-type": "application/json"}
        assert client.post("/reports", content=nested, headers=json_type).status_code == 201
        assert client.get("/events?bbox=44,35,45,36").status_code == 200

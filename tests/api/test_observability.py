"""Request ids, JSON access logs and /metrics."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from app.logs import JsonFormatter
from app.main import create_app
from tests.conftest import make_settings

REPORT = {"text": "Gunmen attacked a checkpoint in Kirkuk.", "published": "2024-08-08"}


@pytest.fixture
def client(tmp_path: Path, database_url: str) -> Iterator[TestClient]:
    """An app on a fresh store, once per backend (/metrics counts the store's rows)."""
    with TestClient(create_app(make_settings(tmp_path, database_url=database_url))) as test_client:
        yield test_client


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """What the app logs, as the server writes it (JSON lines)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def _lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_request_id_is_generated_echoed_and_logged(
    client: TestClient, json_log: io.StringIO
) -> None:
    first = client.get("/events/12345")
    second = client.get("/healthz")
    ids = [first.headers["x-request-id"], second.headers["x-request-id"]]
    assert all(len(i) == 32 for i in ids) and ids[0] != ids[1]
    access = [entry for entry in _lines(json_log) if entry["logger"] == "app.access"]
    assert [(e["request_id"], e["route"], e["status"]) for e in access] == [
        (ids[0], "/events/{event_id}", 404),
        (ids[1], "/healthz", 200),
    ]
    assert all(isinstance(e["duration_ms"], float) and e["level"] == "INFO" for e in access)


def test_a_client_request_id_is_kept_and_a_hostile_one_replaced(
    client: TestClient, json_log: io.StringIO
) -> None:
    kept = client.get("/healthz", headers={"X-Request-ID": "dash-42.a:b_c"})
    assert kept.headers["x-request-id"] == "dash-42.a:b_c"
    hostile = client.get("/healthz", headers={"X-Request-ID": "x\r\nSet-Cookie: a=b" * 3})
    replaced = hostile.headers["x-request-id"]
    assert len(replaced) == 32 and "Set-Cookie" not in replaced
    logged = {e["request_id"] for e in _lines(json_log)}
    assert {"dash-42.a:b_c", replaced} <= logged


def test_errors_are_logged_with_the_request_id(client: TestClient, json_log: io.StringIO) -> None:
    response = client.post("/reports", json={**REPORT, "published": "1700-01-01"})
    assert response.status_code == 422
    entry = _lines(json_log)[-1]
    assert entry["request_id"] == response.headers["x-request-id"]
    assert entry["status"] == 422 and entry["route"] == "/reports"


def _samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def test_metrics_count_requests_latency_rows_and_ingest_errors(client: TestClient) -> None:
    assert client.post("/reports", json=REPORT).status_code == 201
    assert client.post("/reports", json={**REPORT, "text": "x\x00"}).status_code == 400
    for _ in range(3):
        client.get("/events/1")
    client.get("/no/such/page")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=")
    samples = _samples(response.text)

    def requests(route: str, status: str, method: str = "GET") -> float:
        key = frozenset({("method", method), ("route", route), ("status", status)})
        return samples.get(("geoevents_http_requests_total", key), 0.0)

    assert requests("/events/{event_id}", "200") == 3
    assert requests("/reports", "201", "POST") == 1
    assert requests("unmatched", "404") == 1
    route = frozenset({("method", "GET"), ("route", "/events/{event_id}")})
    assert samples[("geoevents_http_request_duration_seconds_count", route)] == 3
    inf = frozenset(route | {("le", "+Inf")})
    assert samples[("geoevents_http_request_duration_seconds_bucket", inf)] == 3
    errors = frozenset({("route", "/reports"), ("status", "400")})
    assert samples[("geoevents_ingest_errors_total", errors)] == 1
    assert samples[("geoevents_reports_stored", frozenset())] == 1
    assert samples[("geoevents_events_stored", frozenset())] >= 1

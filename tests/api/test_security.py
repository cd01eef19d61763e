"""Security headers on HTML pages, CORS from the allow-list, constant-time key checks."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api.deps import key_matches
from app.main import create_app
from tests.conftest import make_settings

HTML_PAGES = ["/map", "/map/embed", "/?f=html", "/collections?f=html", "/docs", "/redoc"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    settings = make_settings(
        tmp_path_factory.mktemp("security"),
        cors_origins=["https://dash.example.org"],
        map_options={"frame_ancestors": "https://dash.example.org"},
    )
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.mark.parametrize("path", HTML_PAGES)
def test_every_html_page_has_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    headers = response.headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert "camera=()" in headers["permissions-policy"]
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy
    if path == "/map/embed":  # framed by the configured dashboards only
        assert "frame-ancestors https://dash.example.org" in policy
        assert "x-frame-options" not in headers
    else:
        assert headers["x-frame-options"] in {"DENY", "SAMEORIGIN"}


def test_json_responses_are_not_sniffed(client: TestClient) -> None:
    assert client.get("/healthz").headers["x-content-type-options"] == "nosniff"


def test_cors_answers_allowed_origins_only(client: TestClient) -> None:
    allowed = client.get("/events", headers={"Origin": "https://dash.example.org"})
    assert allowed.headers["access-control-allow-origin"] == "https://dash.example.org"
    assert "x-request-id" in allowed.headers["access-control-expose-headers"].lower()
    other = client.get("/events", headers={"Origin": "https://evil.example.com"})
    assert "access-control-allow-origin" not in other.headers
    preflight = client.options(
        "/reports",
        headers={
            "Origin": "https://evil.example.com",
            "Access-Control-Request-Method": "POST",
        },
    )
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in preflight.headers


def test_no_cors_headers_without_an_allow_list(tmp_path: Path) -> None:
    with TestClient(create_app(make_settings(tmp_path))) as client:
        response = client.get("/events", headers={"Origin": "https://dash.example.org"})
        assert "access-control-allow-origin" not in response.headers


def test_keys_are_compared_whole_and_odd_keys_are_refused_not_crashed() -> None:
    keys = ["k-one", "k-two"]
    assert key_matches("k-two", keys)
    assert not key_matches("k-tw", keys)
    assert not key_matches("k-two ", keys)
    assert not key_matches("ключ", keys)  # non-ASCII: str compare_digest would raise
    assert key_matches("ключ", ["ключ"])


def test_wrong_keys_get_401_and_no_key_reaches_the_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(tmp_path, api_keys=["s3cret-write-key"])
    report = {"text": "Gunmen attacked a checkpoint in Kirkuk.", "published": "2024-08-08"}
    caplog.set_level(logging.DEBUG)
    with TestClient(create_app(settings)) as client:
        for header in (
            {"Authorization": "Bearer wrong-guess-key"},
            {"X-API-Key": "ключ".encode()},
            {"Authorization": "Basic czNjcmV0"},
            {},
        ):
            response = client.post("/reports", json=report, headers=header)
            assert response.status_code == 401, header
            assert response.headers["www-authenticate"] == "Bearer"
        good = {"Authorization": "Bearer s3cret-write-key"}
        assert client.post("/reports", json=report, headers=good).status_code == 201
        history = client.get("/events/1/history").json()["changes"]
    logged = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert "POST /reports 201" in logged  # the access log did run
    for secret in ("s3cret-write-key", "wrong-guess-key", "czNjcmV0"):
        assert secret not in logged
    assert all("s3cret" not in change["who"] for change in history)

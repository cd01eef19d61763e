"""Rate limits: 429 with Retry-After, counted in the database and shared by every worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api.limits import classify
from app.main import create_app
from app.store.counters import SQLiteCounters, open_counters
from tests.conftest import LiveServer, make_settings

#: Day-long windows: a window boundary cannot fall inside a test.
DAY = 86_400
REPORT = {"text": "Gunmen attacked a checkpoint in Kirkuk.", "published": "2024-08-08"}


def _report(n: int) -> dict[str, str]:
    return {**REPORT, "text": f"Gunmen attacked checkpoint number {n} in Kirkuk."}


@pytest.mark.parametrize(
    ("method", "path", "kind"),
    [
        ("POST", "/reports", "write"),
        ("PATCH", "/events/3", "write"),
        ("DELETE", "/events/3", "write"),
        ("POST", "/extract", "read"),
        ("GET", "/events", "read"),
        ("GET", "/events/clusters", "read"),
        ("GET", "/map", "read"),
        ("GET", "/events.csv", "read"),
        ("GET", "/collections/events/items", "read"),
        ("GET", "/events/3", None),
        ("GET", "/healthz", None),
        ("GET", "/gazetteer/search", None),
    ],
)
def test_requests_draw_on_the_right_budget(method: str, path: str, kind: str | None) -> None:
    assert classify(method, path) == kind


def test_writes_over_the_address_limit_get_429_with_retry_after(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, limits={"write_limit_per_ip": 3, "rate_window_seconds": DAY})
    with TestClient(create_app(settings)) as client:
        statuses = [client.post("/reports", json=_report(n)).status_code for n in range(4)]
        assert statuses == [201, 201, 201, 429]
        refused = client.post("/reports", json=_report(9))
        assert refused.status_code == 429
        assert refused.headers["content-type"] == "application/problem+json"
        assert 1 <= int(refused.headers["retry-after"]) <= DAY
        assert refused.json()["retry_after"] == int(refused.headers["retry-after"])
        assert "address" in refused.json()["detail"]
        assert client.get("/healthz").json()["store"]["reports"] == 3
        # Cheap reads are not limited; expensive reads have their own budget.
        assert client.get("/events").status_code == 200


def test_counters_are_shared_by_workers_of_one_database(tmp_path: Path) -> None:
    """Two apps on one database file stand for two worker processes."""
    settings = make_settings(tmp_path, limits={"read_limit_per_ip": 4, "rate_window_seconds": DAY})
    with TestClient(create_app(settings)) as one, TestClient(create_app(settings)) as two:
        assert [one.get("/events").status_code for _ in range(2)] == [200, 200]
        assert [two.get("/events").status_code for _ in range(2)] == [200, 200]
        assert one.get("/events").status_code == 429
        assert two.get("/map").status_code == 429


def test_each_key_has_its_own_budget_and_keys_are_not_stored(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path,
        limits={"write_limit_per_key": 2, "write_limit_per_ip": 0, "rate_window_seconds": DAY},
        api_keys=["alpha-key-1", "beta-key-2"],
    )
    alpha = {"Authorization": "Bearer alpha-key-1"}
    beta = {"X-API-Key": "beta-key-2"}
    with TestClient(create_app(settings)) as client:
        codes = [
            client.post("/reports", json=_report(n), headers=alpha).status_code for n in range(3)
        ]
        assert codes == [201, 201, 429]
        assert "key" in client.post("/reports", json=_report(7), headers=alpha).json()["detail"]
        assert client.post("/reports", json=_report(8), headers=beta).status_code == 201
    raw = (tmp_path / "events.db").read_bytes() + b"".join(
        p.read_bytes() for p in tmp_path.glob("events.db-*")
    )
    assert b"alpha-key-1" not in raw and b"beta-key-2" not in raw


def test_a_new_window_resets_the_count(tmp_path: Path) -> None:
    counters = SQLiteCounters(tmp_path / "c.db")
    assert counters.hit(["a", "b"], 100) == [1, 1]
    assert counters.hit(["a"], 100) == [2]
    assert counters.hit(["a"], 101) == [1]
    assert counters.hit(["a"], 103) == [1]  # windows before 102 are pruned
    rows = counters._connect().execute("SELECT bucket, slot FROM rate_counters").fetchall()
    assert sorted(rows) == [("a", 103)]
    counters.close()


def test_counters_come_back_after_a_restore_dropped_their_table(tmp_path: Path) -> None:
    counters = open_counters(f"sqlite:///{tmp_path / 'c.db'}")
    assert counters.hit(["a"], 1) == [1]
    assert isinstance(counters, SQLiteCounters)
    counters._connect().execute("DROP TABLE rate_counters")
    assert counters.hit(["a"], 1) == [1]


def test_a_zero_limit_turns_the_limit_off(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, limits={"read_limit_per_ip": 0, "read_limit_per_key": 0})
    with TestClient(create_app(settings)) as client:
        assert {client.get("/events").status_code for _ in range(5)} == {200}


def test_limits_hold_over_real_http(tmp_path: Path) -> None:
    import httpx

    with LiveServer(
        make_settings(tmp_path, limits={"read_limit_per_ip": 2, "rate_window_seconds": DAY})
    ) as server:
        codes = [
            httpx.get(f"{server.url}/events/clusters?view=40,30,50,40&zoom=5").status_code
            for _ in range(3)
        ]
        assert codes == [200, 200, 429]

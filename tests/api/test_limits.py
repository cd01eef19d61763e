"""Rate limits: 429 with Retry-After, counted in the database and shared by every worker
(on each backend: ``database_url``)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api.limits import classify
from app.main import create_app
from app.settings import Settings
from app.store.backup import sqlite_path
from app.store.counters import open_counters
from tests.conftest import LiveServer, make_settings

#: Day-long windows: a window boundary cannot fall inside a test.
DAY = 86_400
REPORT = {"text": "Gunmen attacked a checkpoint in Kirkuk.", "published": "2024-08-08"}


def _limited(
    tmp_path: Path, database_url: str, api_keys: list[str] | None = None, **limits: int
) -> Settings:
    """Settings on the test's store with day-long windows and the limits given."""
    keys: dict[str, object] = {"api_keys": api_keys} if api_keys else {}
    limits_in_a_day = {"rate_window_seconds": DAY, **limits}
    return make_settings(tmp_path, database_url=database_url, limits=limits_in_a_day, **keys)


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


def test_writes_over_the_address_limit_get_429_with_retry_after(
    tmp_path: Path, database_url: str
) -> None:
    settings = _limited(tmp_path, database_url, write_limit_per_ip=3)
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


def test_counters_are_shared_by_workers_of_one_database(tmp_path: Path, database_url: str) -> None:
    """Two apps on one database file stand for two worker processes."""
    settings = _limited(tmp_path, database_url, read_limit_per_ip=4)
    with TestClient(create_app(settings)) as one, TestClient(create_app(settings)) as two:
        assert [one.get("/events").status_code for _ in range(2)] == [200, 200]
        assert [two.get("/events").status_code for _ in range(2)] == [200, 200]
        assert one.get("/events").status_code == 429
        assert two.get("/map").status_code == 429


def test_each_key_has_its_own_budget_and_keys_are_not_stored(
    tmp_path: Path, database_url: str
) -> None:
    settings = _limited(
        tmp_path, database_url, ["alpha-key-1", "beta-key-2"], write_limit_per_key=2,
        write_limit_per_ip=0,
    )  # fmt: skip
    alpha = {"Authorization": "Bearer alpha-key-1"}
    beta = {"X-API-Key": "beta-key-2"}
    with TestClient(create_app(settings)) as client:
        codes = [
            client.post("/reports", json=_report(n), headers=alpha).status_code for n in range(3)
        ]
        assert codes == [201, 201, 429]
        assert "key" in client.post("/reports", json=_report(7), headers=alpha).json()["detail"]
        assert client.post("/reports", json=_report(8), headers=beta).status_code == 201
    raw = _everything_stored(database_url, tmp_path)
    assert b"Kirkuk" in raw  # the reports are there: the search reads the right database
    assert b"alpha-key-1" not in raw and b"beta-key-2" not in raw


def test_a_new_window_resets_the_count(database_url: str) -> None:
    counters = open_counters(database_url)
    assert counters.hit(["a", "b"], 100) == [1, 1]
    assert counters.hit(["a"], 100) == [2]
    assert counters.hit(["a"], 101) == [1]
    assert counters.hit(["a"], 103) == [1]  # windows before 102 are pruned
    rows = _sql(database_url, "SELECT bucket, slot FROM rate_counters")
    assert sorted(rows) == [("a", 103)]
    counters.close()


def test_counters_come_back_after_a_restore_dropped_their_table(database_url: str) -> None:
    counters = open_counters(database_url)
    assert counters.hit(["a"], 1) == [1]
    _sql(database_url, "DROP TABLE rate_counters")
    assert counters.hit(["a"], 1) == [1]
    assert counters.hit(["a"], 1) == [2]
    counters.close()


def _sql(database_url: str, statement: str) -> list[tuple[object, ...]]:
    """One statement on the store's database, outside the store (the rows it returns)."""
    if database_url.startswith("sqlite"):
        with closing(sqlite3.connect(sqlite_path(database_url), isolation_level=None)) as conn:
            return conn.execute(statement).fetchall()
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as pg:
        cursor = pg.execute(statement)
        return cursor.fetchall() if cursor.description else []


def _everything_stored(database_url: str, folder: Path) -> bytes:
    """Every byte the store keeps: SQLite's files, or every row of every PostgreSQL table."""
    if database_url.startswith("sqlite"):
        return b"".join(p.read_bytes() for p in folder.glob("events.db*"))
    tables = _sql(database_url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    rows = [_sql(database_url, f"SELECT t::text FROM {name} t") for (name,) in tables]
    return "".join(str(r[0]) for table in rows for r in table).encode()


def test_a_zero_limit_turns_the_limit_off(tmp_path: Path, database_url: str) -> None:
    settings = _limited(tmp_path, database_url, read_limit_per_ip=0, read_limit_per_key=0)
    with TestClient(create_app(settings)) as client:
        assert {client.get("/events").status_code for _ in range(5)} == {200}


def test_limits_hold_over_real_http(tmp_path: Path, database_url: str) -> None:
    import httpx

    with LiveServer(_limited(tmp_path, database_url, read_limit_per_ip=2)) as server:
        url = f"{server.url}/events/clusters?view=40,30,50,40&zoom=5"
        codes = [httpx.get(url, timeout=30).status_code for _ in range(3)]
        assert codes == [200, 200, 429]

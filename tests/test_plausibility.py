"""The contract's date plausibility holds on every way in: PATCH, import, the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import app as cli
from app.events import EARLIEST_DATE, is_plausible, latest_date
from app.main import create_app
from app.store import open_store
from tests.conftest import make_settings
from tests.factories import make_event


def test_the_bounds() -> None:
    today = dt.datetime.now(dt.UTC).date()
    assert is_plausible(EARLIEST_DATE) and not is_plausible(EARLIEST_DATE - dt.timedelta(days=1))
    assert latest_date() == today + dt.timedelta(days=1)
    assert is_plausible(latest_date()) and not is_plausible(latest_date() + dt.timedelta(days=1))


def test_patch_refuses_implausible_dates_and_keeps_the_event(
    tmp_path: Path, database_url: str
) -> None:
    with TestClient(create_app(make_settings(tmp_path, database_url=database_url))) as client:
        feature = make_event().model_dump(mode="json")
        created = client.post("/events", json=feature)
        assert created.status_code == 201
        url = created.headers["location"]
        for patch, field in (
            ({"properties": {"date": "1850-01-01", "date_end": "1850-01-02"}}, "properties.date"),
            ({"properties": {"date_end": "2999-01-01"}}, "properties.date_end"),
            ({"properties": {"reported_at": "0025-01-01"}}, "properties.reported_at"),
        ):
            refused = client.patch(url, json=patch)
            assert refused.status_code == 400, refused.text
            assert field in refused.json()["detail"]
        assert client.get(url).json() == created.json()
        assert len(client.get(f"{url}/history").json()["changes"]) == 1


def test_import_rejects_implausible_rows_and_keeps_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)
    rows = []
    for i, (start, end) in enumerate(
        [("2024-08-06", "2024-08-06"), ("1899-12-31", "1900-01-02"), ("2024-01-01", "2999-01-01")]
    ):
        feature = make_event(lat=33 + i, summary=f"row {i}").model_dump(mode="json")
        feature["properties"] |= {"date": start, "date_end": end}
        rows.append(json.dumps(feature))
    source = tmp_path / "events.geojsonl"
    source.write_text("\n".join(rows) + "\n")
    result = CliRunner().invoke(cli, ["import", str(source)])
    assert "imported: 1" in result.output, result.output
    assert "date" in result.output
    store = open_store(database_url)
    assert store.health().events == 1
    store.close()


def test_extract_command_refuses_an_implausible_publication_date(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Gunmen attacked a checkpoint in Kirkuk on Monday.")
    result = CliRunner().invoke(cli, ["extract", str(report), "--published", "1850-01-01"])
    assert result.exit_code == 2
    assert "published" in result.output

"""Batch ingest on worker processes: order, resuming, refusals (once per backend)."""

import datetime as dt
import subprocess
import sys

import pytest

from app.domain import IngestResult
from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput
from app.ingest_pool import IngestRun, default_jobs
from app.store import open_store
from bench.reports import generate


@pytest.fixture(scope="module")
def extractor(gazetteer):
    return Extractor(gazetteer)


def _items(count: int) -> list[tuple[str, ReportInput | str]]:
    items: list[tuple[str, ReportInput | str]] = [
        (f"r{i}", ReportInput(r["text"], dt.date.fromisoformat(r["published"])))
        for i, r in enumerate(generate(count, seed=5))
    ]
    items.insert(7, ("bad-line", "not a report object"))
    items.insert(9, ("blank", ReportInput("  ", dt.date(2024, 8, 8))))
    return items


def test_workers_give_what_one_process_gives(
    gazetteer, extractor, database_url, second_database_url
):
    items = _items(60)
    one_store = open_store(database_url)
    with IngestRun(extractor, gazetteer, one_store, jobs=1) as run:
        one = list(run.run(items))
    one_store.close()
    done: list[int] = []
    two_store = open_store(second_database_url)
    with IngestRun(extractor, gazetteer, two_store, jobs=2, chunk=7, batch=20) as run:
        two = list(run.run(items, done.append))
    assert one == two
    assert [where for where, _ in two] == [where for where, _ in items]
    assert dict(two)["bad-line"] == "not a report object"
    assert dict(two)["blank"] == "text must not be empty"
    assert sum(done) == len(items) and max(done) <= 20 + 7
    assert two_store.health().reports == 60
    two_store.close()


def test_a_second_run_skips_what_is_stored(store, gazetteer, extractor):
    items = _items(30)
    with IngestRun(extractor, gazetteer, store, jobs=2, chunk=5, batch=10) as run:
        first = dict(run.run(items[:20]))  # as if stopped after 20 inputs
    with IngestRun(extractor, gazetteer, store, jobs=2, chunk=5, batch=10) as run:
        second = dict(run.run(items))
    stored = [w for w, r in second.items() if isinstance(r, IngestResult) and not r.created]
    assert stored == [w for w, r in first.items() if isinstance(r, IngestResult)]
    assert all(second[w].report_id == first[w].report_id for w in stored)
    assert store.health().reports == 30


def test_default_jobs_is_every_core():
    assert default_jobs() >= 1


def test_help_imports_no_heavy_module():
    code = (
        "import sys, app.cli; heavy = [m for m in ('numpy', 'shapely', 'pydantic', 'pandas', "
        "'geopandas', 'folium', 'geopy', 'app.extraction') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

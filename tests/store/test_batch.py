"""Batch writes: the same store as one report at a time, in one transaction (tests that
take ``store`` run once per backend)."""

import datetime as dt
import json
import sqlite3

import pytest

from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput
from app.ingest import Ingestor
from app.store.prepared import PENDING_SOURCE, prepare_event, stored_text
from app.store.sqlite import SQLiteStore
from bench.reports import generate
from tests.factories import make_event

TABLES = (
    "SELECT id, feature, event_type, category, date, date_end, country, admin1, lat, lon, "
    "confidence, geo_precision, actors, located FROM events ORDER BY id",
    "SELECT event_id, report_id, feature FROM observations ORDER BY event_id, report_id",
    "SELECT id, content_hash, url, title, source, published, text FROM reports ORDER BY id",
    "SELECT rowid, body FROM events_fts ORDER BY rowid",
    "SELECT * FROM events_rtree ORDER BY id",
    "SELECT event_id, last_event_id, who, action, detail FROM audit ORDER BY event_id, id",
    "SELECT * FROM meta",
)
SAME_EVENT = (
    "A roadside bomb struck an Iraqi army patrol near Tikrit on Monday, killing two soldiers."
)


@pytest.fixture(scope="module")
def extractor(gazetteer):
    return Extractor(gazetteer)


def _reports() -> list[ReportInput]:
    reports = [
        ReportInput(r["text"], dt.date.fromisoformat(r["published"]), r["title"])
        for r in generate(120, seed=3)
    ]
    # Repeats: the same event told three ways, a text twice, a URL twice.
    day = dt.date(2024, 8, 8)
    reports[10:10] = [
        ReportInput(SAME_EVENT, day),
        ReportInput(SAME_EVENT + " Officials blamed the Islamic State.", day),
        ReportInput(SAME_EVENT, day),
        ReportInput("Protesters rallied in Basra on Sunday.", day, url="https://x.example/1"),
        ReportInput("Protesters rallied in Nasiriyah on Sunday.", day, url="https://x.example/1"),
        ReportInput("Nothing happened anywhere today.", day),
    ]
    return reports


def _dump(path) -> list[list[tuple]]:
    with sqlite3.connect(path) as conn:
        return [conn.execute(q).fetchall() for q in TABLES]


def test_batches_store_what_one_by_one_stores(tmp_path, gazetteer, extractor):
    """SQLite only: compares the files table by table, R*Tree and FTS included (on every
    backend: test_batch_backends)."""
    reports = _reports()
    one = Ingestor(extractor, gazetteer, SQLiteStore(tmp_path / "one.db"))
    singles = [one.ingest(r, who="t")[0] for r in reports]
    many = Ingestor(extractor, gazetteer, SQLiteStore(tmp_path / "many.db"))
    batched = many.ingest_many(reports[:50], "t") + many.ingest_many(reports[50:], "t")
    assert batched == singles
    assert sum(len(r.merged_into) for r in singles) >= 2
    assert not singles[12].created and not singles[14].created
    assert _dump(tmp_path / "one.db") == _dump(tmp_path / "many.db")


def test_a_second_batch_finds_stored_reports_and_events(store, gazetteer, extractor):
    ingestor = Ingestor(extractor, gazetteer, store)
    day = dt.date(2024, 8, 8)
    first = ingestor.ingest_many([ReportInput(SAME_EVENT, day)], "t")[0]
    again, other = ingestor.ingest_many(
        [ReportInput(SAME_EVENT, day), ReportInput(SAME_EVENT + " Two were hurt.", day)], "t"
    )
    assert first.created and len(first.event_ids) == 1
    assert not again.created and again.event_ids == first.event_ids
    assert other.created and other.merged_into == first.event_ids
    assert store.known_reports([], []) == {}
    history = store.history(first.event_ids[0])
    assert [h.action for h in history] == ["create", "merge"]


def test_unreadable_reports_fail_alone(store, gazetteer, extractor):
    ingestor = Ingestor(extractor, gazetteer, store)
    day = dt.date(2024, 8, 8)
    results = ingestor.ingest_many([ReportInput("   ", day), ReportInput(SAME_EVENT, day)], "t")
    assert results[0].detail == "text must not be empty"  # type: ignore[union-attr]
    assert results[1].created  # type: ignore[union-attr]
    assert store.health().reports == 1


def test_a_failed_batch_stores_nothing(tmp_path, gazetteer, extractor, monkeypatch):
    """SQLite only: breaks ``sqlite_batch``'s write step (PostGIS writes a batch one report
    at a time inside one transaction: see test_batch_backends)."""
    from app.errors import StoreError
    from app.store import sqlite_batch

    store = SQLiteStore(tmp_path / "e.db")
    ingestor = Ingestor(extractor, gazetteer, store)

    def broken(conn, pending, now):
        conn.execute("INSERT INTO reports (id) VALUES (NULL)")  # violates NOT NULL

    monkeypatch.setattr(sqlite_batch, "_write", broken)
    with pytest.raises(StoreError):
        ingestor.ingest_many([ReportInput(SAME_EVENT, dt.date(2024, 8, 8))], "t")
    assert store.health().reports == 0 and store.health().events == 0


def test_the_pending_source_is_replaced_exactly():
    event = make_event()
    text = prepare_event(event).text
    assert f'"{PENDING_SOURCE}"' in text
    stored = stored_text(text, "/reports/7", 12)
    assert stored.startswith('{"type":"Feature","id":"12",')
    assert '"/reports/7"' in stored and PENDING_SOURCE not in stored
    # A summary quoting the placeholder word for word: rebuilt through the model instead.
    props = event.properties.model_copy(update={"summary": PENDING_SOURCE})
    quoted = prepare_event(event.model_copy(update={"properties": props})).text
    rebuilt = stored_text(quoted, "/reports/7", None)
    parsed = json.loads(rebuilt)
    assert parsed["id"] is None and parsed["properties"]["summary"] == PENDING_SOURCE
    assert parsed["properties"]["sources"] == ["/reports/7"]


def test_a_batch_write_clears_cached_counts_and_feeds_the_change_feed(store, extractor):
    from app.domain import EventQuery

    assert store.count(EventQuery()) == 0  # cached for this connection
    ingestor = Ingestor(extractor, extractor.gazetteer, store)
    (result,) = ingestor.ingest_many([ReportInput(SAME_EVENT, dt.date(2024, 8, 8))], "t")
    assert not isinstance(result, Exception) and len(result.event_ids) == 1
    assert store.count(EventQuery()) == 1
    assert store.last_seq() == 1
    assert [c.id for c in store.changes(EventQuery(), 0, 10).changes] == list(result.event_ids)

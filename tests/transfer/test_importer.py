"""Bulk imports: idempotent by id or content, --on-conflict, deferred indexes, resuming."""

import csv
import io
import sqlite3

import orjson
import pytest
from typer.testing import CliRunner

from app.cli import app
from app.domain import EventQuery
from app.errors import StoreError
from app.store import open_store
from app.store.schema import SECONDARY_INDEXES
from app.store.sqlite import SQLiteStore
from app.transfer.importer import run_import
from app.transfer.rows import prepare_rows
from tests.factories import make_event

runner = CliRunner()


def features(n, start=0, with_ids=True, summary="event {i}"):
    out = []
    for i in range(start, start + n):
        data = make_event(
            lat=33 + (i % 40) * 0.1, lon=40 + (i % 70) * 0.1, summary=summary.format(i=i)
        ).model_dump(mode="json")
        if with_ids:
            data["id"] = f"e{i}" if i % 2 else i
        out.append(data)
    return out


def write(path, items):
    path.write_bytes(b"".join(orjson.dumps(f) + b"\n" for f in items))
    return path


def stored(db):
    """Every event of a store (or of the SQLite file ``db``), in id order."""
    store = open_store(db) if isinstance(db, str) else SQLiteStore(db)
    return [orjson.loads(f) for f in store.export(EventQuery(located=None))]


def indexes(db):
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    finally:
        conn.close()


@pytest.mark.parametrize("jobs", [0, 1])
@pytest.mark.parametrize("defer", [False, True])
def test_reimport_adds_nothing_and_keeps_external_ids(
    tmp_path, gazetteer, jobs, defer, database_url
):
    source = write(tmp_path / "events.geojsonl", features(1200))
    store = open_store(database_url)
    first = run_import(source, store, gazetteer, batch=500, jobs=jobs, defer_indexes=defer)
    assert (first.counts.created, first.rejected_total, first.check) == (1200, 0, "ok")
    again = run_import(source, store, gazetteer, batch=500, jobs=jobs, defer_indexes=defer)
    assert (again.counts.created, again.counts.skipped) == (0, 1200)
    events = stored(database_url)
    assert len(events) == 1200
    assert [e["properties"]["external_id"] for e in events[:3]] == [0, "e1", 2]
    if isinstance(store, SQLiteStore):
        assert {name for name, _ in SECONDARY_INDEXES} <= indexes(store.path)
        conn = sqlite3.connect(store.path)
        assert conn.execute("SELECT rtreecheck('events_rtree')").fetchone() == ("ok",)
        conn.close()
    # Each event is numbered once in the change feed, whichever path wrote it.
    assert store.last_seq() == 1200
    # The R*Tree and the full-text index hold every event, deferred or not.
    assert store.count(EventQuery(bbox=(39.9, 32.9, 47.1, 37.1))) == 1200
    assert store.count(EventQuery(q="event 7")) >= 1


def test_events_without_ids_are_known_by_content(tmp_path, gazetteer, database_url):
    items = features(300, with_ids=False)
    source = write(tmp_path / "events.geojsonl", [*items, items[5]])  # one repeated
    store = open_store(database_url)
    first = run_import(source, store, gazetteer, jobs=0)
    assert (first.counts.created, first.counts.skipped) == (300, 1)
    # Key order and spacing do not change a feature's content.
    shuffled = [orjson.loads(orjson.dumps(f, option=orjson.OPT_SORT_KEYS)) for f in items]
    again = run_import(write(tmp_path / "b.geojsonl", shuffled), store, gazetteer, jobs=0)
    assert (again.counts.created, again.counts.skipped) == (0, 300)
    assert store.health().events == 300


def test_on_conflict_update_replaces_known_events(tmp_path, gazetteer, monkeypatch, database_url):
    db = database_url
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", db)
    write(tmp_path / "v1.geojsonl", features(50))
    write(tmp_path / "v2.geojsonl", features(60, summary="revised {i}"))
    assert runner.invoke(app, ["import", str(tmp_path / "v1.geojsonl")]).exit_code == 0
    skip = runner.invoke(app, ["import", str(tmp_path / "v2.geojsonl")])
    assert "imported: 10, rejected: 0" in skip.output and "already stored: 50" in skip.output
    assert stored(db)[0]["properties"]["summary"] == "event 0"
    update = runner.invoke(
        app, ["import", str(tmp_path / "v2.geojsonl"), "--on-conflict", "update"]
    )
    assert update.exit_code == 0, update.output
    assert "imported: 0" in update.output and "updated: 60" in update.output
    events = stored(db)
    assert len(events) == 60 and events[0]["id"] == "1"
    assert {e["properties"]["summary"][:7] for e in events} == {"revised"}
    store = open_store(db)
    assert store.count(EventQuery(q="revised")) == 60 and store.count(EventQuery(q="event")) == 0
    assert [h.action for h in store.history(1)] == ["create", "update"]


def test_a_stopped_deferred_import_is_finished_on_the_next_open(tmp_path, gazetteer):
    """SQLite's staged boxes and words (import_pending); PostGIS: test_postgis_bulk."""
    db = tmp_path / "e.db"
    store = SQLiteStore(db)
    rows, _ = prepare_rows(gazetteer, [(i, orjson.dumps(f)) for i, f in enumerate(features(40))])
    loader = store.bulk_import("import", "skip", defer_indexes=True)
    loader.write(rows[:20])
    loader.close()  # stopped before finish(): indexes dropped, boxes and words staged
    assert not {name for name, _ in SECONDARY_INDEXES} & indexes(db)
    untouched = SQLiteStore(db, finish_imports=False)
    assert untouched.count(EventQuery(q="event")) == 0
    reopened = SQLiteStore(db)
    assert {name for name, _ in SECONDARY_INDEXES} <= indexes(db)
    assert reopened.count(EventQuery(q="event")) == 20
    assert reopened.count(EventQuery(bbox=(39.9, 32.9, 47.1, 37.1))) == 20
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM import_pending").fetchone()[0] == 0
    # An import resumed later keeps the rest in order.
    loader = reopened.bulk_import("import", "skip", defer_indexes=False)
    assert loader.write(rows).created == 20
    assert loader.finish() == "ok"
    assert reopened.count(EventQuery(q="event")) == 40


def test_an_edit_of_a_staged_event_indexes_it_at_once(tmp_path, gazetteer):
    """SQLite only: PostGIS stages nothing, its deferred build is a CREATE INDEX."""
    store = SQLiteStore(tmp_path / "e.db")
    rows, _ = prepare_rows(gazetteer, [(1, orjson.dumps(features(1)[0]))])
    loader = store.bulk_import("import", "skip", defer_indexes=True)
    loader.write(rows)
    store.update(1, make_event(summary="edited by hand"), "editor")
    assert loader.finish() == "ok"
    assert store.count(EventQuery(q="edited")) == 1
    assert store.count(EventQuery(bbox=(44, 35, 45, 36))) == 1
    # The edit indexed the event already: the build packs the tree without a second copy.
    conn = sqlite3.connect(store.path)
    assert conn.execute("SELECT rtreecheck('events_rtree')").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM events_rtree").fetchone() == (1,)


def test_a_failing_batch_stores_nothing(tmp_path, gazetteer, monkeypatch):
    """SQLite's dropped per-row triggers; PostGIS: test_postgis's failing bulk batch."""
    from app.store import sqlite_bulk

    store = SQLiteStore(tmp_path / "e.db")
    rows, _ = prepare_rows(gazetteer, [(i, orjson.dumps(f)) for i, f in enumerate(features(30))])
    loader = store.bulk_import("import", "skip", defer_indexes=False)
    assert loader.write(rows[:10]).created == 10

    def broken(*args):  # after the batch's events, changes and cells are written
        raise sqlite3.OperationalError("disk on fire")

    triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    before = loader.conn.execute(triggers).fetchall()
    monkeypatch.setattr(sqlite_bulk, "audit_batch", broken)
    with pytest.raises(StoreError):
        loader.write(rows[10:])
    assert store.health().events == 10
    assert store.last_seq() == 10
    # The per-row triggers the batch dropped are back with the rollback.
    assert loader.conn.execute(triggers).fetchall() == before


def test_feature_collections_and_rejects_with_their_numbers(tmp_path, monkeypatch, database_url):
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    items = features(5)
    items[2]["properties"]["confidence"] = 7
    path = tmp_path / "events.geojson"
    path.write_bytes(orjson.dumps({"type": "FeatureCollection", "features": items}))
    result = runner.invoke(app, ["import", str(path), "--jobs", "0"])
    assert result.exit_code == 0, result.output
    assert "imported: 4, rejected: 1" in result.output and "line 3:" in result.output
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [')
    assert runner.invoke(app, ["import", str(broken)]).exit_code == 2


def test_acled_ids_make_csv_imports_idempotent(tmp_path, monkeypatch, database_url):
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    acled = tmp_path / "acled.csv"
    acled.write_text(
        "event_id_cnty,event_date,event_type,sub_event_type,latitude,longitude,notes\n"
        "IRQ1,2024-03-02,Protests,Peaceful protest,30.51,47.78,Protest over power cuts\n"
        "IRQ2,2024-03-03,Protests,Peaceful protest,30.52,47.79,Another protest\n"
    )
    assert "imported: 2" in runner.invoke(app, ["import", str(acled)]).output
    assert "already stored: 2" in runner.invoke(app, ["import", str(acled)]).output
    assert [e["properties"]["external_id"] for e in stored(database_url)] == ["IRQ1", "IRQ2"]
    out = tmp_path / "out.csv"
    runner.invoke(app, ["export", "--format", "csv", "--out", str(out)])
    first = next(csv.DictReader(io.StringIO(out.read_text())))
    assert (first["external_id"], first["event_id_cnty"]) == ("IRQ1", "IRQ1")  # ours: IRQ + id 1


def test_opening_does_not_wait_for_a_build_another_connection_holds(tmp_path, gazetteer):
    """SQLite's BEGIN IMMEDIATE; PostGIS's import lock: test_postgis_bulk."""
    db = tmp_path / "e.db"
    store = SQLiteStore(db)
    rows, _ = prepare_rows(gazetteer, [(i, orjson.dumps(f)) for i, f in enumerate(features(5))])
    loader = store.bulk_import("import", "skip", defer_indexes=True)
    loader.write(rows)
    loader.conn.execute("BEGIN IMMEDIATE")  # as a worker building the indexes would
    opened = SQLiteStore(db)  # does not block, does not fail
    assert opened.health().events == 5
    loader.conn.execute("ROLLBACK")
    assert loader.finish() == "ok"
    assert opened.count(EventQuery(q="event")) == 5


def test_an_import_keeps_a_curated_governorate_at_its_place(tmp_path, gazetteer, database_url):
    place = gazetteer.get("cur:kafr-nabudah")  # curated SY-HM; the outline says SY-ID
    items = []
    for i, (gazetteer_id, north) in enumerate(
        [("cur:kafr-nabudah", 0.0), (None, 0.0), ("cur:kafr-nabudah", 0.005)]
    ):
        data = make_event(lat=place.lat + north, lon=place.lon, summary=f"shelling {i}")
        data = data.model_dump(mode="json")
        data["properties"]["location"].update(name=place.name, gazetteer_id=gazetteer_id)
        data["id"] = f"k{i}"
        items.append(data)
    store = open_store(database_url)
    outcome = run_import(write(tmp_path / "k.geojsonl", items), store, gazetteer, jobs=0)
    assert (outcome.counts.created, outcome.rejected_total) == (3, 0)
    codes = {
        e["properties"]["external_id"]: e["properties"]["location"]["admin1"]
        for e in stored(database_url)
    }
    assert codes == {"k0": "SY-HM", "k1": "SY-ID", "k2": "SY-ID"}
    assert store.count(EventQuery(admin1=("SY-HM",))) == 1

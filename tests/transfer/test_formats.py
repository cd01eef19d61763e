"""Files in and out: CSV (ours and ACLED's), GeoJSON lines, GeoPackage; round trips."""

import csv
import io
import json

import geopandas
import orjson
from typer.testing import CliRunner

from app.cli import app
from app.domain import EventQuery
from app.ingest import prepare
from app.store import open_store
from app.transfer.acled import AdminNames
from app.transfer.csv_events import CSV_COLUMNS, csv_lines
from app.transfer.formats import read_records
from tests.factories import make_event

runner = CliRunner()


def events(n):
    kinds = [
        ("attack", "security_incident"),
        ("protest", "development"),
        ("troop_deployment", "movement"),
    ]
    out = []
    for i in range(n):
        kind, category = kinds[i % 3]
        out.append(
            make_event(
                lat=33 + (i % 40) * 0.1,
                lon=40 + (i % 70) * 0.1,
                admin1=None,
                event_type=kind,
                category=category,
                date=f"2024-0{1 + i % 9}-1{i % 10}",
                actors=[("ISIS", "actor"), ("Civilians (Iraq)", "target")],
                summary=f"event {i}, with a comma",
                fatalities=i % 4,
                confidence=round((i % 10) / 10, 1),
            )
        )
    return out


def test_geojsonl_round_trip_loses_nothing(
    tmp_path, gazetteer, monkeypatch, database_url, second_database_url
):
    source = open_store(database_url)
    original, _ = prepare(gazetteer, [e.model_dump(mode="json") for e in events(3000)])
    source.add_events(original, "test")
    out = tmp_path / "events.geojsonl"
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    result = runner.invoke(app, ["export", "--format", "geojsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", second_database_url)
    result = runner.invoke(app, ["import", str(out)])
    assert result.exit_code == 0, result.output
    assert "imported: 3000, rejected: 0" in result.output
    again = [orjson.loads(f) for f in open_store(second_database_url).export(EventQuery())]
    before = [orjson.loads(f) for f in source.export(EventQuery())]
    # The ids of the first store become the external ids of the second, nothing else changes.
    assert [f["properties"].pop("external_id") for f in again] == [f["id"] for f in before]
    assert {f["properties"].pop("external_id") for f in before} == {None}
    assert [f["properties"] for f in again] == [f["properties"] for f in before]
    assert [f["geometry"] for f in again] == [f["geometry"] for f in before]
    # The same file again: every event is known by its id, nothing is added.
    result = runner.invoke(app, ["import", str(out)])
    assert "imported: 0, rejected: 0" in result.output
    assert "already stored: 3000" in result.output


def test_csv_round_trip_keeps_the_csv_columns(tmp_path, gazetteer, database_url):
    store = open_store(database_url)
    original, _ = prepare(gazetteer, [e.model_dump(mode="json") for e in events(500)])
    store.add_events(original, "test")
    text = "".join(csv_lines(store.export(EventQuery()), AdminNames.from_gazetteer(gazetteer)))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == CSV_COLUMNS and len(rows) == 500
    records = [r for _, r in read_records("events.csv", text.encode())]
    back, errors = prepare(gazetteer, records)
    assert not errors and len(back) == 500
    for before, after in zip(original, back, strict=True):
        b, a = before.properties, after.properties
        assert (a.event_type, a.date, a.date_end, a.fatalities, a.confidence) == (
            b.event_type,
            b.date,
            b.date_end,
            b.fatalities,
            b.confidence,
        )
        assert a.location.admin1 == b.location.admin1
        assert [(x.name, x.role) for x in a.actors] == [(x.name, x.role) for x in b.actors]


def test_acled_csv_imports(tmp_path, monkeypatch, database_url):
    acled = tmp_path / "acled.csv"
    acled.write_text(
        "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,"
        "assoc_actor_1,actor2,country,admin1,admin2,location,latitude,longitude,"
        "geo_precision,source,notes,fatalities\n"
        "IRQ1,2024-03-02,1,Explosions/Remote violence,Remote explosive/landmine/IED,"
        "Islamic State (Iraq),,Military Forces of Iraq (2022-),Iraq,Kirkuk,Daquq,Daquq,"
        "35.14,44.45,1,Shafaq News,IED hit an army vehicle,2\n"
        "IRQ2,2024-03-03,1,Protests,Peaceful protest,Protesters (Iraq),,,Iraq,Basra,,"
        "Basra,30.51,47.78,1,Rudaw,Protest over power cuts,0\n"
        "IRQ3,not a date,1,Protests,Peaceful protest,,,,Iraq,,,,30.5,47.7,1,,,\n"
    )
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    result = runner.invoke(app, ["import", str(acled)])
    assert result.exit_code == 0, result.output
    assert "imported: 2, rejected: 1" in result.output
    assert "line 4" in result.output
    stored = [orjson.loads(f)["properties"] for f in open_store(database_url).export(EventQuery())]
    assert [s["event_type"] for s in stored] == ["ied_explosion", "protest"]
    assert [s["location"]["admin1"] for s in stored] == ["IQ-KI", "IQ-BA"]  # from the point


def test_import_of_garbage_exits_2(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", f"sqlite:///{tmp_path / 'e.db'}")
    junk = tmp_path / "junk.geojsonl"
    junk.write_text("{not json}\n[1, 2]\n")
    result = runner.invoke(app, ["import", str(junk)])
    assert result.exit_code == 2 and "rejected: 2" in result.output
    assert runner.invoke(app, ["import", str(tmp_path / "none.csv")]).exit_code == 2


def test_gpkg_export_opens_in_geopandas(tmp_path, gazetteer, monkeypatch, database_url):
    store = open_store(database_url)
    original, _ = prepare(gazetteer, [e.model_dump(mode="json") for e in events(120)])
    store.add_events(original, "test")
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    out = tmp_path / "events.gpkg"
    result = runner.invoke(app, ["export", "--format", "gpkg", "--out", str(out)])
    assert result.exit_code == 0, result.output
    frame = geopandas.read_file(out)
    assert len(frame) == 120
    assert set(frame["event_type"]) == {"attack", "protest", "troop_deployment"}
    assert json.loads(frame.iloc[0]["actors"])[0]["name"] == "ISIS"


def test_geojson_and_csv_exports_on_stdout(gazetteer, monkeypatch, store, database_url):
    store.add_events(prepare(gazetteer, [e.model_dump(mode="json") for e in events(5)])[0], "test")
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    body = json.loads(runner.invoke(app, ["export", "--format", "geojson"]).stdout)
    assert body["type"] == "FeatureCollection" and len(body["features"]) == 5
    lines = runner.invoke(app, ["export", "--format", "csv"]).stdout.strip().splitlines()
    assert len(lines) == 6

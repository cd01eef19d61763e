"""`geoevents import` of minimal files: a bare GeoJSON feature, a plain sheet, ACLED's CSV."""

import orjson
from typer.testing import CliRunner

from app.cli import app
from app.domain import EventQuery
from app.store import open_store

runner = CliRunner()


def stored(url):
    return [orjson.loads(f) for f in open_store(url).export(EventQuery(located=None))]


def test_a_minimal_feature_collection_imports(tmp_path, monkeypatch, database_url):
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    minimal = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [44.39, 35.47]},
        "properties": {"event_type": "airstrike", "date": "2024-03"},
    }
    named = {"type": "Feature", "properties": {"event_type": "protest", "date": "2024-03-05",
                                               "location": "Hawler"}}  # fmt: skip
    bad = {"type": "Feature", "properties": {"event_type": "protest", "date": "2024-03-05"}}
    path = tmp_path / "qgis.geojson"
    path.write_bytes(orjson.dumps({"type": "FeatureCollection", "features": [minimal, named, bad]}))
    result = runner.invoke(app, ["import", str(path), "--jobs", "0"])
    assert result.exit_code == 0, result.output
    assert "imported: 2, rejected: 1" in result.output
    assert "line 3: no place" in result.output
    first, second = (e["properties"] for e in stored(database_url))
    assert (first["date"], first["date_end"], first["date_precision"]) == (
        "2024-03-01",
        "2024-03-31",
        "month",
    )
    assert (first["category"], first["acled_sub_event_type"]) == (
        "security_incident",
        "Air/drone strike",
    )
    assert (first["location"]["name"], first["location"]["admin1"]) == ("Kirkuk", "IQ-KI")
    assert (second["location"]["name"], second["location"]["admin1"]) == ("Erbil", "IQ-AR")
    result = runner.invoke(app, ["import", str(path), "--jobs", "1"])  # idempotent
    assert "imported: 0, rejected: 1" in result.output and "already stored: 2" in result.output


def test_a_plain_sheet_imports_with_row_numbers_for_what_cannot_be_derived(
    tmp_path, monkeypatch, database_url
):
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "latitude,longitude,event_type,date\n"
        "35.47,44.39,airstrike,2024-03-05\n"
        "36.19,44.01,protest,2024-W10\n"
        "35.47,44.39,bombardment,2024-03-05\n"  # row 4: unknown type
        ",,protest,2024-03-05\n"  # row 5: no place
        "33.34,44.40,riot,last week\n"  # row 6: not a date
        "abc,44.4,riot,2024-03-05\n"  # row 7: not a number
        "36.2,37.15,Battles,2024\n"  # ACLED's type in a plain sheet; Aleppo
    )
    result = runner.invoke(app, ["import", str(sheet), "--jobs", "0"])
    assert result.exit_code == 0, result.output
    assert "imported: 3, rejected: 4" in result.output
    for line, reason in (
        (4, "event_type 'bombardment'"),
        (5, "no place"),
        (6, "date 'last week' is not a date"),
        (7, "latitude 'abc' and longitude '44.4' must both be finite numbers"),
    ):
        assert f"line {line}: {reason}" in result.output, result.output
    events = [e["properties"] for e in stored(database_url)]
    assert [e["event_type"] for e in events] == ["airstrike", "protest", "armed_clash"]
    assert [e["location"]["admin1"] for e in events] == ["IQ-KI", "IQ-AR", "SY-HL"]
    assert events[1]["date_precision"] == "week" and events[2]["date_precision"] == "year"
    assert events[2]["acled_event_type"] == "Battles"
    again = runner.invoke(app, ["import", str(sheet)])
    assert "imported: 0" in again.output and "already stored: 3" in again.output


def test_acleds_own_csv_imports_with_our_fields_derived(tmp_path, monkeypatch, database_url):
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    header = (
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
        "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,"
        "civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,"
        "longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n"
    )
    acled = tmp_path / "acled.csv"
    acled.write_text(
        header + "IRQ9001,02 March 2024,2024,1,Political violence,Explosions/Remote violence,"
        "Remote explosive/landmine/IED,Islamic State (Iraq),,2,Military Forces of Iraq (2022-),"
        "Civilians (Iraq),1,12,,368,Middle East,Iraq,Kirkuk,Daquq,,Daquq,35.14,44.45,1,"
        "Shafaq News; Rudaw,National,IED hit an army vehicle,2,,1710000000\n"
        "SYR77,2024-03-15,2024,2,Demonstrations,Protests,Peaceful protest,Protesters (Syria),"
        ",6,,,,60,,760,Middle East,Syria,Aleppo,Jebel Saman,,Aleppo,36.2,37.15,1,SOHR,"
        "Other,Protest,0,crowd size=no report,1710000000\n"
        "IRQ9002,2024-02-10,2024,3,Strategic developments,Strategic developments,Arrests,"
        ",,,,,,,,368,Middle East,Iraq,Basra,,,Basra,30.51,47.78,2,,,Arrests in Basra,0,,\n"
        "IRQ9003,2024-02-10,2024,1,,Gardening,Weeding,,,,,,,,,368,Middle East,Iraq,,,,,30.5,"
        "47.7,1,,,,,,\n"
    )
    result = runner.invoke(app, ["import", str(acled), "--jobs", "0"])
    assert result.exit_code == 0, result.output
    assert "imported: 3, rejected: 1" in result.output
    assert "line 5: event_type 'Gardening'" in result.output
    ied, protest, arrest = (e["properties"] for e in stored(database_url))
    assert (ied["event_type"], ied["category"], ied["external_id"]) == (
        "ied_explosion",
        "security_incident",
        "IRQ9001",
    )
    assert (ied["date"], ied["date_precision"], ied["fatalities"]) == ("2024-03-02", "day", 2)
    assert [(a["name"], a["role"], a["kind"]) for a in ied["actors"]] == [
        ("Islamic State (Iraq)", "actor", "rebel_group"),
        ("Military Forces of Iraq (2022-)", "target", "state_forces"),
        ("Civilians (Iraq)", "associated", "other"),
    ]
    assert ied["sources"] == ["Shafaq News", "Rudaw"]
    assert ied["summary"] == "IED hit an army vehicle"
    assert (ied["location"]["name"], ied["location"]["admin1"]) == ("Daquq", "IQ-KI")
    # time_precision 2: a week around ACLED's middle day; 3: the whole month.
    assert (protest["date"], protest["date_end"], protest["date_precision"]) == (
        "2024-03-12",
        "2024-03-18",
        "week",
    )
    assert protest["location"]["admin1"] == "SY-HL"
    assert (arrest["event_type"], arrest["date"], arrest["date_end"]) == (
        "arrest",
        "2024-02-01",
        "2024-02-29",
    )
    assert arrest["geo_precision"] == 2 and arrest["date_precision"] == "month"

import json

import pytest
from typer.testing import CliRunner

from app.cli import app

runner = CliRunner()


def test_geocode_json():
    result = runner.invoke(app, ["geocode", "Kerkuk", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["results"][0]["admin1"] == "IQ-KI"
    assert {r["kind"] for r in body["results"][:2]} == {"city", "admin1"}


def test_geocode_table():
    result = runner.invoke(app, ["geocode", "Hawler"])
    assert result.exit_code == 0
    assert "Erbil" in result.stdout and "IQ-AR" in result.stdout


def test_geocode_nothing_found_exits_1():
    result = runner.invoke(app, ["geocode", "Zzyzxqwv"])
    assert result.exit_code == 1
    assert "No place matches" in result.stdout


def test_geocode_empty_name_exits_2():
    result = runner.invoke(app, ["geocode", "  "])
    assert result.exit_code == 2
    assert "must not be empty" in result.output


def test_reverse_json():
    result = runner.invoke(app, ["reverse", "35.47", "44.39", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["admin1"] == "IQ-KI" and body["country"] == "IQ"


def test_reverse_bad_latitude_exits_2():
    result = runner.invoke(app, ["reverse", "91", "44"])
    assert result.exit_code == 2
    assert "lat must be between" in result.output


def test_reverse_non_number_exits_2():
    result = runner.invoke(app, ["reverse", "abc", "44"])
    assert result.exit_code == 2


REPORT = (
    "A convoy left Erbil on Tuesday and took up positions at the K-1 air base outside "
    "Kirkuk, officials said on 7 August."
)


def test_geoparse_json(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(REPORT)
    result = runner.invoke(app, ["geoparse", str(path), "--json"])
    assert result.exit_code == 0, result.output
    mentions = json.loads(result.stdout)["mentions"]
    assert [m["place"]["name"] for m in mentions] == ["Erbil", "K-1 Air Base", "Kirkuk"]
    assert all({"text", "start", "end", "place", "candidates"} <= set(m) for m in mentions)


def test_extract_from_stdin():
    result = runner.invoke(app, ["extract", "-", "--published", "2024-08-08"], input=REPORT)
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["type"] == "FeatureCollection"
    props = body["features"][0]["properties"]
    assert props["event_type"] == "troop_movement" and props["origin"]["name"] == "Erbil"


def test_extract_bad_input_exits_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   ")
    assert runner.invoke(app, ["extract", str(empty), "--published", "2024-08-08"]).exit_code == 2
    assert (
        runner.invoke(
            app, ["extract", str(tmp_path / "missing.txt"), "--published", "2024-08-08"]
        ).exit_code
        == 2
    )
    assert (
        runner.invoke(app, ["extract", "-", "--published", "08/08/2024"], input=REPORT).exit_code
        == 2
    )


def test_extract_survives_binary_junk(tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\xff\xfe\x00Clashes in Kirkuk on Monday.\x00\x9f")
    result = runner.invoke(app, ["extract", str(junk), "--published", "2024-08-08"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["features"][0]["properties"]["location"]["name"] == "Kirkuk"


def test_evaluate_prints_the_scores():
    from tests.conftest import FIXTURES

    result = runner.invoke(app, ["evaluate", str(FIXTURES / "corpus" / "reports.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["reports"] >= 40 and scores["event_f1"] >= 0.85


def test_evaluate_reads_gold_actor_names_through_the_aliases_unless_raw(tmp_path):
    from tests.extraction.evaluation.test_actor_names import REPORT

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(REPORT | {"published": "2016-05-04"}) + "\n")
    figures = {}
    for args in ([], ["--raw-actor-names"]):
        result = runner.invoke(app, ["evaluate", str(corpus), "--json", *args])
        assert result.exit_code == 0, result.output
        figures[bool(args)] = json.loads(result.stdout)
    assert figures[False]["actor_names"] == "lexicon" and figures[False]["actor_recall"] == 1.0
    assert figures[True]["actor_names"] == "raw" and figures[True]["actor_recall"] == 0.5


def test_evaluate_missing_corpus_exits_2(tmp_path):
    assert runner.invoke(app, ["evaluate", str(tmp_path / "none.jsonl")]).exit_code == 2


def test_ingest_files_and_directories(tmp_path, monkeypatch, database_url):
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    reports = tmp_path / "reports"
    (reports / "sub").mkdir(parents=True)
    (reports / "a.txt").write_text("Date: 2024-08-08\nClashes erupted in Kirkuk on Monday.")
    (reports / "sub" / "b.html").write_text("<p>Protesters rallied in Basra on Sunday.</p>")
    (reports / "c.jsonl").write_text(
        json.dumps({"text": "An IED exploded in Mosul on Tuesday.", "published": "2024-08-08"})
        + "\n{broken\n"
    )
    result = runner.invoke(app, ["ingest", str(reports), "--published", "2024-08-09"])
    assert result.exit_code == 0, result.output
    assert "new reports: 3" in result.output and "rejected: 1" in result.output
    again = runner.invoke(app, ["ingest", str(reports / "a.txt")])
    assert "already stored: 1" in again.output


def test_ingest_without_a_date_is_rejected(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", f"sqlite:///{tmp_path / 'e.db'}")
    path = tmp_path / "nodate.txt"
    path.write_text("Clashes erupted in Kirkuk.")
    result = runner.invoke(app, ["ingest", str(path)])
    assert result.exit_code == 2 and "no publication date" in result.output
    assert runner.invoke(app, ["ingest", str(tmp_path / "missing")]).exit_code == 2


def test_evaluate_a_split_with_errors_and_tables():
    from tests.conftest import FIXTURES

    sample = FIXTURES / "evaluation"
    result = runner.invoke(app, ["evaluate", str(sample), "--split", "dev", "--errors", "2"])
    assert result.exit_code == 0, result.output
    assert "Per style" in result.stdout and "Per annotation tag" in result.stdout
    assert "Reliability of confidence" in result.stdout
    assert "sentence: 'Clashes erupted in Kirkuk" in result.stdout
    result = runner.invoke(app, ["evaluate", str(sample / "dev.jsonl"), "--split", "test"])
    assert result.exit_code == 2


@pytest.mark.slow
def test_evaluate_calibrate_writes_a_model(tmp_path):
    from app.extraction.confidence import read_model
    from tests.conftest import FIXTURES

    target = tmp_path / "calibration.json"
    args = ["evaluate", str(FIXTURES / "corpus" / "reports.jsonl"), "--calibrate"]
    result = runner.invoke(app, [*args, "--model-out", str(target)])
    assert result.exit_code == 0, result.output
    assert "Out-of-fold reliability" in result.stdout
    model = read_model(target)
    assert model.weights and json.loads(target.read_text())["fitted"]["reports"] == 55


def test_evaluate_calibrate_needs_right_and_wrong_events(tmp_path):
    from tests.conftest import FIXTURES

    target = tmp_path / "calibration.json"
    args = ["evaluate", str(FIXTURES / "evaluation"), "--split", "test", "--calibrate"]
    result = runner.invoke(app, [*args, "--model-out", str(target)])
    assert result.exit_code == 2 and not target.exists()


def test_evaluate_calibrate_needs_drafts_that_match_the_events(tmp_path, monkeypatch):
    from dataclasses import replace

    from app.extraction.pipeline import Extractor
    from tests.conftest import FIXTURES

    extract = Extractor.extract
    monkeypatch.setattr(Extractor, "extract", lambda self, r: replace(extract(self, r), drafts=[]))
    target = tmp_path / "calibration.json"
    args = ["evaluate", str(FIXTURES / "evaluation"), "--calibrate", "--model-out", str(target)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "do not match" in result.output
    assert not target.exists()


def test_gazetteer_spellings_reports_the_share_and_the_misses(tmp_path):
    sheet = tmp_path / "spellings.csv"
    sheet.write_text(
        "spelling,place,governorate,lat,lon,radius_km,container\n"
        "Dayr az Zawr,Deir ez-Zor,SY-DY,35.335,40.14,15,\n"
        "Zzyzxqwv,Nowhere,IQ-NI,36.0,43.0,5,\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["gazetteer", "spellings", str(sheet), "--misses"])
    assert result.exit_code == 0, result.output
    assert "top-3: 1/2 = 0.500" in result.stdout
    assert "top-1: 1/2 = 0.500" in result.stdout
    assert "'Zzyzxqwv' -> Nowhere: nothing" in result.stdout


def test_gazetteer_spellings_bad_file_exits_2(tmp_path):
    result = runner.invoke(app, ["gazetteer", "spellings", str(tmp_path / "none.csv")])
    assert result.exit_code == 2


def test_ingest_on_workers_resumes(tmp_path, monkeypatch, database_url):
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    lines = [
        json.dumps({"text": f"An IED exploded in {town} on Tuesday.", "published": "2024-08-08"})
        for town in ("Mosul", "Kirkuk", "Basra", "Tikrit", "Ramadi")
    ]
    part = tmp_path / "part.jsonl"
    part.write_text("\n".join(lines[:2]) + "\n")
    whole = tmp_path / "whole.jsonl"
    whole.write_text("\n".join(lines) + "\n")
    first = runner.invoke(app, ["ingest", str(part), "--jobs", "2", "--quiet"])
    assert first.exit_code == 0, first.output
    assert "new reports: 2" in first.output and "reports/s" not in first.output
    second = runner.invoke(app, ["ingest", str(whole), "-j", "1"])
    assert "new reports: 3" in second.output and "already stored: 2" in second.output
    assert "5 reports in" in second.output


def test_import_batch_default_is_the_importers():
    from app.transfer import cli as transfer_cli
    from app.transfer.importer import BATCH

    assert transfer_cli.BATCH == BATCH


def test_ingest_stores_the_same_on_one_process_and_on_two(tmp_path, monkeypatch):
    import sqlite3

    from bench.reports import write

    reports = write(120, tmp_path / "reports.jsonl", seed=3)
    monkeypatch.setenv("GEOEVENTS_CACHE_DIR", str(tmp_path / "cache"))
    stored = []
    for jobs in ("1", "2"):
        database = tmp_path / f"jobs-{jobs}.db"
        monkeypatch.setenv("GEOEVENTS_DATABASE_URL", f"sqlite:///{database}")
        result = runner.invoke(app, ["ingest", str(reports), "--jobs", jobs, "--batch", "50"])
        assert result.exit_code == 0, result.output
        assert "new reports: 120" in result.output
        with sqlite3.connect(database) as conn:
            stored.append(
                [
                    conn.execute(query).fetchall()
                    for query in (
                        "SELECT id, content_hash, title, published, text FROM reports ORDER BY id",
                        "SELECT id, feature, located FROM events ORDER BY id",
                        "SELECT event_id, report_id, feature FROM observations ORDER BY rowid",
                    )
                ]
            )
    assert stored[0][1]  # events were stored
    assert stored[0] == stored[1]
    assert list((tmp_path / "cache").glob("gazetteer-*.pickle"))  # where the settings say

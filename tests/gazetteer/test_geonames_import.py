from typer.testing import CliRunner

from app.cli import app
from app.gazetteer.geocoder import Gazetteer
from app.gazetteer.geonames_import import read_alternate_names, read_geonames
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "geonames-sample.txt"
ALTERNATE = FIXTURES / "geonames-alternate-sample.txt"


def test_reader_keeps_places_and_reports_what_it_skips(gazetteer):
    rows, report = read_geonames(SAMPLE, gazetteer, read_alternate_names(ALTERNATE))
    assert [r["name"] for r in rows] == ["Tal Jabal", "Qaryat Umm Khasifa", "Jabal Zarda"]
    assert [r["kind"] for r in rows] == ["village", "village", "mountain"]
    assert rows[0]["admin1"] == "IQ-KI"  # from the polygon, not GeoNames' admin1 code
    assert "تل الجبل" in rows[0]["aliases"] and "Тель" not in rows[0]["aliases"]
    assert "Umm Khasifah" in rows[1]["aliases"]
    assert report.kept == 3
    assert report.skipped == {
        "feature H.WAD not used": 1,
        "malformed line": 1,
        "coordinates out of range": 1,
    }
    assert len(report.errors) == 2


def test_cli_import_makes_places_findable(tmp_path, monkeypatch):
    user_dir = tmp_path / "gaz"
    monkeypatch.setenv("GEOEVENTS_GAZETTEER_USER_DIR", str(user_dir))
    result = CliRunner().invoke(
        app, ["gazetteer", "import-geonames", str(SAMPLE), "--alternate-names", str(ALTERNATE)]
    )
    assert result.exit_code == 0, result.output
    assert "Imported 3 places" in result.output
    assert (user_dir / "geonames-geonames-sample.csv").exists()
    reloaded = Gazetteer.load(user_dir=user_dir)
    hit = reloaded.search("Tal Jabal")[0]
    assert hit.place.id == "gn:9900001" and hit.place.admin1 == "IQ-KI"
    assert reloaded.search("Umm Khasifah")[0].place.id == "gn:9900002"


def test_cli_import_of_a_missing_file_exits_2(tmp_path):
    result = CliRunner().invoke(app, ["gazetteer", "import-geonames", str(tmp_path / "no.txt")])
    assert result.exit_code == 2
    assert "not a file" in result.output


def test_cli_import_of_a_file_with_nothing_usable_exits_2(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOEVENTS_GAZETTEER_USER_DIR", str(tmp_path / "gaz"))
    junk = tmp_path / "junk.txt"
    junk.write_text("not\ta\tgeonames\tfile\n")
    result = CliRunner().invoke(app, ["gazetteer", "import-geonames", str(junk)])
    assert result.exit_code == 2
    assert "no usable places" in result.output

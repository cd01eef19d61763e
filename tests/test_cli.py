import json

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

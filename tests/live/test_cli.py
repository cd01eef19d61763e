import json

from typer.testing import CliRunner

from app.cli import app

runner = CliRunner()


def test_feeds_add_list_remove(monkeypatch, database_url):
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", database_url)
    added = runner.invoke(app, ["feeds", "add", "http://127.0.0.1:9/feed.xml", "--interval", "60"])
    assert added.exit_code == 0, added.output
    assert "feed 1" in added.output
    listed = runner.invoke(app, ["feeds", "list", "--json"])
    (feed,) = [json.loads(line) for line in listed.output.splitlines()]
    assert (feed["url"], feed["interval_seconds"], feed["items_seen"]) == (
        "http://127.0.0.1:9/feed.xml",
        60,
        0,
    )
    assert runner.invoke(app, ["feeds", "list"]).exit_code == 0
    twice = runner.invoke(app, ["feeds", "add", "http://127.0.0.1:9/feed.xml"])
    assert twice.exit_code == 2 and "already registered" in twice.output
    assert runner.invoke(app, ["feeds", "remove", "1"]).exit_code == 0
    gone = runner.invoke(app, ["feeds", "remove", "1"])
    assert gone.exit_code == 2 and "No feed 1" in gone.output


def test_feeds_refuse_a_bad_url(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    result = runner.invoke(app, ["feeds", "add", "not a url"])
    assert result.exit_code == 2 and "not an http(s) URL" in result.output
    interval = runner.invoke(app, ["feeds", "add", "http://x.invalid/f", "--interval", "1"])
    assert interval.exit_code == 2

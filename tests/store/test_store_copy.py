"""geoevents migrate-store: a whole store copied between backends, ids kept, idempotently."""

import dataclasses
import datetime as dt

import orjson
from typer.testing import CliRunner

from app.cli import app
from app.domain import EventQuery
from app.store import open_store
from app.store.base import ImportCounts
from app.store.postgis_schema import MIGRATIONS as PG_MIGRATIONS
from app.store.schema import MIGRATIONS as SQLITE_MIGRATIONS
from app.transfer.rows import prepare_rows
from tests.factories import make_event, make_report

runner = CliRunner()


def seed(store):
    a = store.add_report(
        make_report("First report.", url="https://example.org/1"),
        [make_event(actors=[("ISIS", "actor")]), make_event(located=False)],
    )
    b = store.add_report(
        make_report("Second report."),
        [make_event(lat=35.50, lon=44.40, date="2024-08-07", actors=[("ISIS", "actor")])],
    )
    store.split(a.event_ids[0], b.report_id, "editor")
    ids = store.add_events(
        [make_event(lat=33 + i / 100, date="2024-05-01", date_end="2024-05-20") for i in range(30)],
        "bulk",
    )
    store.update(ids[0], make_event(summary="Rockets hit Ḥalabja"), "editor")
    store.delete(ids[1], "remover")


def contents(store):
    everything = EventQuery(located=None, limit=1)
    features = list(store.export(everything))
    ids = [int(orjson.loads(f)["id"]) for f in features]
    history = {i: [(h.action, h.who, h.detail) for h in store.history(i)] for i in ids}
    reports = store.list_reports(100, 0)
    return features, history, reports, store.health().events, store.health().unlocated


def migrate(source, target):
    return runner.invoke(app, ["migrate-store", "--from", source, "--to", target, "--batch", "7"])


def test_a_store_survives_a_round_trip_through_another(tmp_path, database_url):
    source_url = f"sqlite:///{tmp_path / 'source.db'}"
    source = open_store(source_url)
    seed(source)
    result = migrate(source_url, database_url)
    assert result.exit_code == 0, result.output
    target = open_store(database_url)
    assert contents(target) == contents(source)
    # The copy keeps working: searches, date ranges, new ids after the copied ones.
    assert len(target.query(EventQuery(q="halabja")).features) == 1
    assert target.count(EventQuery(start=dt.date(2024, 5, 10), end=dt.date(2024, 5, 12))) == 28
    (new,) = target.add_events([make_event()], "later")
    assert new == 34
    assert [h.action for h in target.history(new)] == ["create"]
    target.close()

    again = migrate(source_url, database_url)  # a repeated copy adds nothing
    assert again.exit_code == 0, again.output
    assert "events" in again.stdout and " 0 " in again.stdout
    assert open_store(database_url).health().events == source.health().events + 1

    back_url = f"sqlite:///{tmp_path / 'back.db'}"
    assert migrate(database_url, back_url).exit_code == 0
    back = open_store(back_url)
    features, *rest = contents(back)
    assert features[:-1] == contents(source)[0]


def test_a_target_holding_another_store_is_refused(tmp_path, database_url):
    source_url = f"sqlite:///{tmp_path / 'source.db'}"
    seed(open_store(source_url))
    other = open_store(database_url)
    other.add_events([make_event(summary="somebody else's event")], "other")
    result = migrate(source_url, database_url)
    assert result.exit_code == 2
    assert "not a copy of this store" in result.output
    assert other.health().events == 1 and other.health().reports == 0
    other.close()


def test_bad_urls_exit_2(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.db'}"
    assert migrate(url, url).exit_code == 2
    result = migrate(url, "mysql://x/y")
    assert result.exit_code == 2 and "Unknown database scheme" in result.output


def test_db_upgrade_reports_the_schema(tmp_path, database_url):
    result = runner.invoke(app, ["db", "upgrade", "--url", database_url])
    assert result.exit_code == 0, result.output
    latest = len(SQLITE_MIGRATIONS if database_url.startswith("sqlite") else PG_MIGRATIONS)
    assert f"schema version {latest}\n" in result.stdout
    assert runner.invoke(app, ["db", "upgrade", "--url", "mysql://x/y"]).exit_code == 2


def test_imported_events_keep_their_import_keys_in_the_copy(tmp_path, database_url, gazetteer):
    source_url = f"sqlite:///{tmp_path / 'source.db'}"
    lines = [make_event(summary=f"e {i}").model_dump_json().encode() for i in range(5)]
    rows, _ = prepare_rows(gazetteer, list(enumerate(lines)))
    loader = open_store(source_url).bulk_import("import", "skip", False)
    assert loader.write(rows).created == 5
    loader.close()
    assert migrate(source_url, database_url).exit_code == 0
    again = open_store(database_url).bulk_import("import", "skip", False)
    assert again.write(rows) == ImportCounts(created=0, updated=0, skipped=5)
    again.close()
    assert open_store(database_url).last_seq() == 5  # the copy numbered its events


def live_state(store):
    subs = store.live.subscriptions()
    return (
        store.live.feeds(),
        [(s.id, s.url, s.secret, s.filters, s.created_at) for s in subs],
        [d for s in subs for d in store.live.deliveries(s.id)],
    )


def test_feeds_subscriptions_and_deliveries_are_copied_with_their_ids(tmp_path, database_url):
    source_url = f"sqlite:///{tmp_path / 'source.db'}"
    source = open_store(source_url)
    seed(source)
    live = source.live
    live.add_feed("https://example.org/a.rss", 600, "Example", "2024-01-01T00:00:00Z")
    feed = live.add_feed("https://example.org/b.rss", 900, None, "2024-01-01T00:00:00Z")
    live.add_feed("https://example.org/c.rss", 300, None, "2024-01-02T00:00:00Z")
    live.delete_feed(feed.id)  # a gap in the ids: kept as it is
    kept = live.add_subscription("https://hook.example/x", "s3cret", "{}", 2, "2024-01-01")
    live.enqueue(kept.id, [(1, 1, '{"a": 1}'), (2, 2, '{"a": 2}')], 2, "2024-01-01")
    (first, _) = live.due_deliveries("2025-01-01")
    live.record_delivery(dataclasses.replace(first, status="delivered", attempts=1))
    result = migrate(source_url, database_url)
    assert result.exit_code == 0, result.output
    assert "feeds" in result.stdout and "resume from the target's change number" in result.stdout
    target = open_store(database_url)
    assert live_state(target) == live_state(source)
    (copied,) = target.live.subscriptions()
    assert copied.last_seq == target.last_seq()  # the target's own numbering (see store_copy)
    # New rows take ids after the copied ones.
    assert target.live.add_feed("https://example.org/d.rss", 60, None, "x").id == 4
    assert target.live.add_subscription("https://hook.example/y", "k", "{}", 0, "x").id == 2
    target.close()
    again = migrate(source_url, database_url)  # repeated: nothing copied twice
    assert again.exit_code == 0, again.output
    assert len(open_store(database_url).live.feeds()) == 3  # two copied, one added


def test_a_target_with_another_feed_under_the_same_id_is_refused(tmp_path, database_url):
    source_url = f"sqlite:///{tmp_path / 'source.db'}"
    open_store(source_url).live.add_feed("https://example.org/a.rss", 600, None, "x")
    open_store(database_url).live.add_feed("https://other.example/z.rss", 600, None, "x")
    result = migrate(source_url, database_url)
    assert result.exit_code == 2 and "other feeds under the same ids" in result.output

"""The EventStore contract, written once; every backend must pass it."""

import dataclasses
import datetime as dt
import sys
from concurrent.futures import ThreadPoolExecutor

import orjson
import pytest

from app.domain import ChangePage, EventQuery
from app.errors import Conflict, InvalidInput, NotFound, StoreError
from app.store import open_store
from app.store.sqlite import SQLiteStore
from tests.factories import make_event, make_report

# ``store`` (tests/conftest.py) is a fresh store of each backend in turn.


def ids(store, **filters):
    page = store.query(EventQuery(**filters))
    return [int(orjson.loads(f)["id"]) for f in page.features]


def test_report_and_events_are_stored_together(store):
    result = store.add_report(make_report(), [make_event(), make_event(located=False)])
    assert result.created and len(result.event_ids) == 1 and len(result.unlocated_ids) == 1
    feature = orjson.loads(store.get(result.event_ids[0]))
    assert feature["id"] == str(result.event_ids[0])
    assert feature["properties"]["sources"] == [f"/reports/{result.report_id}"]
    health = store.health()
    assert (health.events, health.unlocated, health.reports) == (1, 1, 1)


def test_same_report_twice_creates_nothing(store):
    first = store.add_report(make_report(url="https://example.org/a"), [make_event()])
    again = store.add_report(
        make_report(text="GUNMEN attacked a checkpoint  in Kirkuk on Monday."), [make_event()]
    )
    same_url = store.add_report(
        make_report(text="other words", url="https://example.org/a"), [make_event()]
    )
    assert not again.created and not same_url.created
    assert again.report_id == same_url.report_id == first.report_id
    assert again.event_ids == first.event_ids
    assert store.health().events == 1


def test_unplaced_events_are_kept_but_not_listed(store):
    result = store.add_report(make_report(), [make_event(located=False)])
    assert ids(store) == []
    assert ids(store, located=None) == list(result.unlocated_ids)
    assert store.report_events(result.report_id).unlocated_ids == result.unlocated_ids


def test_two_reports_of_one_event_merge_and_split(store):
    a = store.add_report(
        make_report("First report of the attack."), [make_event(actors=[("ISIS", "actor")])]
    )
    b = store.add_report(
        make_report("Second report of it."),
        [make_event(lat=35.50, lon=44.40, date="2024-08-07", actors=[("ISIS", "actor")])],
    )
    assert b.merged_into == a.event_ids and not b.event_ids
    event_id = a.event_ids[0]
    sources = orjson.loads(store.get(event_id))["properties"]["sources"]
    assert sources == [f"/reports/{a.report_id}", f"/reports/{b.report_id}"]
    new_id = store.split(event_id, b.report_id, "tester")
    assert orjson.loads(store.get(event_id))["properties"]["sources"] == [f"/reports/{a.report_id}"]
    assert orjson.loads(store.get(new_id))["properties"]["sources"] == [f"/reports/{b.report_id}"]
    assert [h.action for h in store.history(event_id)] == ["create", "merge", "split"]
    with pytest.raises(InvalidInput):
        store.split(event_id, a.report_id, "tester")  # one source left
    with pytest.raises(NotFound):
        store.split(event_id, 999, "tester")


@pytest.mark.parametrize(
    "other",
    [
        {"lat": 35.80, "lon": 44.39},  # ~37 km away
        {"date": "2024-08-20"},  # two weeks later
        {"event_type": "protest", "category": "development"},
        {"actors": [("PKK", "actor")]},  # different perpetrators
    ],
)
def test_different_events_do_not_merge(store, other):
    store.add_report(make_report("First."), [make_event(actors=[("ISIS", "actor")])])
    kw = {"actors": [("ISIS", "actor")], **other}
    second = store.add_report(make_report("Second."), [make_event(**kw)])
    assert second.event_ids and not second.merged_into


def seeded(store):
    store.add_events(
        [
            make_event(
                summary="Rockets hit the base",
                event_type="drone_or_rocket_attack",
                date="2024-08-01",
                confidence=0.9,
                actors=[("ISIS", "actor")],
            ),
            make_event(
                lat=36.19,
                lon=44.01,
                admin1="IQ-AR",
                summary="Protest in Erbil",
                event_type="protest",
                category="development",
                date="2024-07-15",
                confidence=0.5,
                actors=[("Protesters (Iraq)", "actor")],
            ),
            make_event(
                lat=36.50,
                lon=40.75,
                admin1="SY-HA",
                country="SY",
                date="2024-06-01",
                date_end="2024-06-30",
                summary="Clashes near Hasakah",
                event_type="armed_clash",
                confidence=0.7,
                actors=[("SDF", "actor")],
            ),
            make_event(
                lat=33.31,
                lon=44.37,
                admin1="IQ-BG",
                date="2024-08-05",
                summary="Arrests in Baghdad",
                event_type="arrest",
                confidence=0.3,
            ),
        ],
        "test",
    )


def test_filters(store):
    seeded(store)
    assert ids(store, admin1=("IQ-KI",)) == [1]
    assert ids(store, admin1=("IQ-KI", "IQ-AR"), sort="id") == [1, 2]
    assert ids(store, country="SY") == [3]
    assert ids(store, bbox=(43.9, 36.0, 44.1, 36.3)) == [2]
    assert ids(store, near=(35.47, 44.39, 10.0)) == [1]
    assert ids(store, near=(35.47, 44.39, 100.0), sort="id") == [1, 2]
    # Intervals overlap: the June clashes match any window that touches June.
    assert ids(store, start=dt.date(2024, 6, 20), end=dt.date(2024, 6, 21)) == [3]
    assert ids(store, start=dt.date(2024, 7, 1), sort="id") == [1, 2, 4]
    assert ids(store, end=dt.date(2024, 6, 15)) == [3]
    assert ids(store, types=("protest", "arrest"), sort="id") == [2, 4]
    assert ids(store, category="development") == [2]
    assert ids(store, actors=("SDF",)) == [3]
    assert ids(store, q="rockets") == [1]
    assert ids(store, q="Hasakah clashes") == [3]
    assert ids(store, min_confidence=0.6, sort="id") == [1, 3]
    assert ids(store, admin1=("IQ-KI", "IQ-BG"), min_confidence=0.5) == [1]


def test_sorts_and_cursor_paging(store):
    seeded(store)
    assert ids(store) == [4, 1, 2, 3]  # newest first
    assert ids(store, sort="date") == [3, 2, 1, 4]
    assert ids(store, sort="-confidence") == [1, 3, 2, 4]
    seen, cursor = [], None
    while True:
        page = store.query(EventQuery(limit=3, cursor=cursor, sort="-date"))
        seen += [int(orjson.loads(f)["id"]) for f in page.features]
        assert page.matched == 4
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == [4, 1, 2, 3]
    with pytest.raises(InvalidInput):
        store.query(EventQuery(cursor="not-a-cursor"))
    with pytest.raises(InvalidInput):
        store.query(EventQuery(cursor=page_cursor(store), sort="date"))


def page_cursor(store):
    return store.query(EventQuery(limit=1, sort="-date")).next_cursor


def test_update_delete_history(store):
    (event_id,) = store.add_events([make_event()], "maker")
    changed = make_event(event_type="armed_clash", summary="Clash in Kirkuk")
    text = store.update(event_id, changed, "editor")
    assert orjson.loads(text)["properties"]["event_type"] == "armed_clash"
    store.delete(event_id, "remover")
    with pytest.raises(NotFound):
        store.get(event_id)
    history = store.history(event_id)
    assert [(h.action, h.who) for h in history] == [
        ("create", "maker"),
        ("update", "editor"),
        ("delete", "remover"),
    ]
    assert "armed_clash" in history[1].detail
    with pytest.raises(NotFound):
        store.history(12345)


def test_health_counts_follow_every_write(store):
    """health() caches its event counts until the events change: each write shows at once."""

    def counts():
        health = store.health()
        return health.events, health.unlocated, health.reports

    assert counts() == (0, 0, 0)
    assert counts() == (0, 0, 0)
    store.add_report(make_report(), [make_event(), make_event(located=False)])
    assert counts() == (1, 1, 1)
    (made,) = store.add_events([make_event(summary="another")], "maker")
    assert counts() == (2, 1, 1)
    store.delete(made, "remover")
    assert counts() == (1, 1, 1)


def test_export_streams_everything_in_id_order(store):
    store.add_events([make_event(summary=f"event {i}") for i in range(1200)], "bulk")
    exported = [orjson.loads(f)["id"] for f in store.export(EventQuery(), batch=500)]
    assert exported == [str(i) for i in range(1, 1201)]


def test_a_failing_batch_stores_nothing(store, monkeypatch):
    from app.store import sqlite_writes

    # The backend's own name for fts_body: SQLite writes in sqlite_writes, PostGIS in its module.
    postgis = sys.modules[type(store).__module__]
    module = sqlite_writes if isinstance(store, SQLiteStore) else postgis
    calls = {"n": 0}
    real = module.fts_body

    def flaky(event):
        calls["n"] += 1
        if calls["n"] == 3:
            raise StoreError(log_message="disk on fire")
        return real(event)

    monkeypatch.setattr(module, "fts_body", flaky)
    with pytest.raises(StoreError):
        store.add_events([make_event() for _ in range(5)], "bulk")
    assert store.health().events == 0
    calls["n"] = 0
    with pytest.raises(StoreError):
        store.add_report(make_report(), [make_event(), make_event(lat=36.0), make_event()])
    assert store.health().reports == 0


def test_words_match_without_their_diacritics(store):
    store.add_events([make_event(summary="Protest in Sulaymānīyah")], "test")
    assert ids(store, q="sulaymaniyah") == [1]
    assert ids(store, q="SULAYMĀNĪYAH protest") == [1]
    assert ids(store, q="erbil") == []


def test_two_workers_share_one_store(database_url):
    """Two workers (two stores on one URL) writing at once: nothing lost, nothing doubled."""
    workers = [open_store(database_url), open_store(database_url)]
    report = make_report("The same report, posted to both workers at once.")
    try:
        with ThreadPoolExecutor(4) as pool:
            stored = list(pool.map(lambda w: w.add_report(report, [make_event()]), workers * 2))
            batches = list(
                pool.map(
                    lambda w: w.add_events([make_event(lat=30.5) for _ in range(50)], "bulk"),
                    workers * 2,
                )
            )
        assert sum(r.created for r in stored) == 1
        assert len({r.report_id for r in stored}) == 1
        every = [i for batch in batches for i in batch]
        assert len(set(every)) == 200
        assert workers[1].health().events == 201
        assert workers[0].get(every[-1]) == workers[1].get(every[-1])
    finally:
        for w in workers:
            w.close()


def test_the_change_feed_holds_each_events_latest_change_in_order(store):
    assert store.last_seq() == 0
    assert store.changes(EventQuery(), 0, 10) == ChangePage([], 0)
    a, b, c = store.add_events([make_event(), make_event(admin1="IQ-BA"), make_event()], "t")
    store.update(a, make_event(summary="revised"), "t")
    store.delete(c, "t")
    page = store.changes(EventQuery(), 0, 10)
    assert [(ch.op, ch.id) for ch in page.changes] == [("upsert", b), ("upsert", a), ("delete", c)]
    assert orjson.loads(page.changes[1].feature)["properties"]["summary"] == "revised"
    assert page.last_seq == store.last_seq() == 5
    # A full page says where the next starts; the rest follows from there.
    first = store.changes(EventQuery(), 0, 2)
    assert first.last_seq == first.changes[-1].seq
    assert [ch.id for ch in store.changes(EventQuery(), first.last_seq, 10).changes] == [c]
    # Filtered: an event that no longer matches is sent as a delete.
    store.update(b, make_event(admin1="IQ-KI"), "t")
    basra = store.changes(EventQuery(admin1=("IQ-BA",)), 5, 10)
    assert [(ch.op, ch.id, ch.feature) for ch in basra.changes] == [("delete", b, None)]
    assert basra.last_seq == 6


def test_live_state_feeds_subscriptions_deliveries_and_leases(store):
    live = store.live
    feed = live.add_feed("https://example.org/rss", 300, "Example", "2024-01-01T00:00:00Z")
    with pytest.raises(Conflict):
        live.add_feed("https://example.org/rss", 60, None, "2024-01-01T00:00:00Z")
    assert live.due_feeds("2023-12-31T00:00:00Z") == []
    assert [f.id for f in live.due_feeds("2024-01-01T00:00:00Z")] == [feed.id]
    live.record_poll(dataclasses.replace(feed, errors=2, next_poll="2024-02-01T00:00:00Z"))
    assert live.feeds()[0].errors == 2
    live.delete_feed(feed.id)
    with pytest.raises(NotFound):
        live.delete_feed(feed.id)
    store.add_report(make_report(url="https://example.org/a"), [make_event()])
    assert live.known_urls(["https://example.org/a", "https://example.org/b"]) == {
        "https://example.org/a"
    }
    sub = live.add_subscription("https://hook.example", "s3cret", "{}", 0, "2024-01-01T00:00:00Z")
    assert live.subscription(sub.id) == sub and live.subscriptions() == [sub]
    live.enqueue(sub.id, [(1, 1, '{"a":1}'), (2, 1, '{"b":2}')], 2, "2024-01-01T00:00:00Z")
    assert live.subscription(sub.id).last_seq == 2
    due = live.due_deliveries("2024-01-01T00:00:00Z")
    assert [d.seq for d in due] == [1, 2]
    live.record_delivery(dataclasses.replace(due[0], status="delivered", attempts=1))
    assert [d.status for d in live.deliveries(sub.id)] == ["pending", "delivered"]
    assert live.acquire_lease("poller", "w1", 30, 1000.0)
    assert not live.acquire_lease("poller", "w2", 30, 1010.0)
    assert live.acquire_lease("poller", "w2", 30, 1031.0)  # expired
    live.release_lease("poller", "w2")
    assert live.acquire_lease("poller", "w1", 30, 1032.0)
    live.delete_subscription(sub.id)
    assert live.due_deliveries("2025-01-01T00:00:00Z") == []
    with pytest.raises(NotFound):
        live.subscription(sub.id)
    with pytest.raises(NotFound):
        live.delete_subscription(sub.id)

"""The map's counted cells give what grouping the events gives, through every write."""

import random

import pytest

from app.domain import EventQuery
from app.store.sqlite import SQLiteStore
from app.store.sqlite_mapcells import level_for
from tests.factories import make_event

WORLD = (-180.0, -90.0, 180.0, 90.0)
LIVE = EventQuery(min_confidence=0.0)  # a filter that keeps everything: grouped live


def approx(value: float) -> object:
    return pytest.approx(value, abs=1e-9)


def _page(store, query, zoom, view=WORLD):
    page = store.clusters(query, view, 90.0 / 2**zoom, singles_limit=3000, movement_limit=50)
    # Sums kept across deletes differ from fresh sums in the last bits: compare to 1e-9.
    clusters = [
        (approx(c.lon), approx(c.lat), c.count, c.security_incident, c.development)
        for c in sorted(page.clusters, key=lambda c: (c.lon, c.lat))
    ]
    return clusters, sorted(page.singles), page.by_admin1, page.imprecise_by_admin1, page.movements


def _random_events(n: int, seed: int):
    rng = random.Random(seed)
    for _ in range(n):
        yield make_event(
            lat=round(rng.uniform(33.0, 36.5), 4),
            lon=round(rng.uniform(42.0, 45.5), 4),
            event_type=rng.choice(["attack", "protest", "troop_deployment"]),
            category=rng.choice(["security_incident", "development", "movement"]),
            admin1=rng.choice(["IQ-KI", "IQ-NI", None]),
        )


@pytest.mark.parametrize("zoom", [3, 6, 8, 10, 12])
def test_counted_cells_match_live_grouping(tmp_path, zoom):
    store = SQLiteStore(tmp_path / "e.db")
    ids = store.add_events(list(_random_events(400, seed=zoom)), "t")
    assert _page(store, EventQuery(), zoom) == _page(store, LIVE, zoom)
    for event_id in ids[:40]:
        store.delete(event_id, "t")
    moved = make_event(lat=34.0, lon=43.0, category="development", event_type="protest")
    for event_id in ids[40:80]:
        store.update(event_id, moved, "t")
    store.add_events(list(_random_events(50, seed=99)), "t")
    assert _page(store, EventQuery(), zoom) == _page(store, LIVE, zoom)


def test_a_cell_of_one_event_gives_that_event(tmp_path):
    store = SQLiteStore(tmp_path / "e.db")
    first, second = store.add_events([make_event(lat=33.1, lon=44.1), make_event()], "t")
    clusters, singles, counts, imprecise, _ = _page(store, EventQuery(), 10)
    assert clusters == [] and [f'"id":"{first}"' in s for s in singles].count(True) == 1
    assert counts == {"IQ-KI": 2} and imprecise == {}
    store.delete(second, "t")
    store.delete(first, "t")
    assert _page(store, EventQuery(), 10)[:4] == ([], [], {}, {})


def test_levels_serve_zooms_up_to_twelve():
    assert level_for(90.0 / 2**6) == (6, 8)
    assert level_for(90.0 / 2**9) == (9, 12)
    assert level_for(90.0 / 2**13) is None
    assert level_for(0.3) is None


def test_small_views_find_the_same_movements(tmp_path):
    store = SQLiteStore(tmp_path / "e.db")
    store.add_events(list(_random_events(300, seed=4)), "t")
    view = (43.0, 34.0, 44.0, 35.0)  # one square degree: through the R*Tree
    counted = _page(store, EventQuery(), 10, view)[4]
    assert counted and counted == _page(store, LIVE, 10, view)[4]


def _triggers(store):
    conn = store._connect()
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    return {r[0] for r in rows}


@pytest.mark.parametrize("defer", [False, True])
def test_bulk_imports_leave_the_cells_counted_and_the_change_feed_whole(tmp_path, gazetteer, defer):
    import orjson

    from app.transfer.rows import prepare_rows

    store = SQLiteStore(tmp_path / "e.db")
    store.add_events(list(_random_events(30, seed=1)), "t")
    before = _triggers(store)
    data = [e.model_dump(mode="json") for e in _random_events(190, seed=2)]
    for i, d in enumerate(data):  # every precision (3: counted by governorate only)
        d["properties"]["geo_precision"] = (1, 2, 3, None)[i % 4]
    data += [make_event(located=False, summary=f"u{i}").model_dump(mode="json") for i in range(10)]
    rows, rejected = prepare_rows(gazetteer, [(i, orjson.dumps(d)) for i, d in enumerate(data)])
    assert not rejected
    loader = store.bulk_import("import", "skip", defer_indexes=defer)
    # A batch drops the per-row triggers and creates them again in its own transaction:
    # between batches (and for every other connection) they are always there.
    assert loader.write(rows[:120]).created == 120
    assert _triggers(store) == before
    assert loader.write(rows[120:]).created == 80
    assert loader.finish() == "ok"
    loader.close()
    assert _triggers(store) == before
    for zoom in (6, 10):
        assert _page(store, EventQuery(), zoom) == _page(store, LIVE, zoom)
    assert store.last_seq() == 230  # one change per stored event, imported or not
    store.add_events(list(_random_events(5, seed=3)), "t")  # the triggers count again
    assert _page(store, EventQuery(), 8) == _page(store, LIVE, 8)

import sqlite3

import orjson

from app.store import sqlite_bulk
from app.store.schema import SECONDARY_INDEXES
from app.store.sqlite import SQLiteStore
from app.transfer.rows import prepare_rows
from tests.factories import make_event


def test_the_deferred_build_sorts_in_small_runs_and_restores_the_cache(tmp_path, gazetteer):
    store = SQLiteStore(tmp_path / "e.db")
    data = [make_event(summary=f"s{i}").model_dump(mode="json") for i in range(50)]
    rows, rejected = prepare_rows(gazetteer, [(i, orjson.dumps(d)) for i, d in enumerate(data)])
    assert not rejected
    loader = store.bulk_import("import", "skip", defer_indexes=True)
    assert loader.write(rows).created == 50
    cache = loader.conn.execute("PRAGMA cache_size").fetchone()[0]
    statements: list[str] = []
    loader.conn.set_trace_callback(statements.append)
    assert loader.finish() == "ok"
    loader.close()
    creates = [i for i, s in enumerate(statements) if s.startswith("CREATE INDEX")]
    small = statements.index(f"PRAGMA cache_size = {sqlite_bulk._SORT_RUN_CACHE}")
    restored = statements.index(f"PRAGMA cache_size = {cache}")
    assert len(creates) == len(SECONDARY_INDEXES) and small < min(creates) < restored
    assert max(creates) < restored
    conn = sqlite3.connect(tmp_path / "e.db")
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    conn.close()
    assert {name for name, _ in SECONDARY_INDEXES} <= names

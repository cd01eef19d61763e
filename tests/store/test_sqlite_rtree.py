"""The packed R*Tree: SQLite's own check passes and it answers as a tree built row by row."""

import random
import sqlite3

import numpy as np
import pytest

from app.store.sqlite_rtree import FANOUT, rebuild

QUERY = "SELECT id FROM {} WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ? ORDER BY id"


def boxes(n, seed):
    rng = random.Random(seed)
    out = []
    for i in range(1, n + 1):
        x, y = rng.uniform(35.5, 48.6), rng.uniform(29.0, 37.4)
        if i % 10:  # points, with coordinates float32 cannot hold exactly
            out.append((i, x, x, y, y))
        else:  # lines' boxes
            out.append((i, x, x + rng.random(), y, y + rng.random()))
    return out


@pytest.mark.parametrize(("held", "added"), [(0, 1), (0, FANOUT), (0, 5000), (700, 4000)])
def test_packed_tree_is_valid_and_answers_like_a_built_one(held, added):
    conn = sqlite3.connect(":memory:")
    for name in ("built", "packed"):
        conn.execute(f"CREATE VIRTUAL TABLE {name} USING rtree (id, minx, maxx, miny, maxy)")
    conn.execute("CREATE TABLE staged (id INTEGER PRIMARY KEY, minx, maxx, miny, maxy)")
    rows = boxes(held + added, seed=added)
    conn.executemany("INSERT INTO built VALUES (?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO packed VALUES (?, ?, ?, ?, ?)", rows[:held])
    conn.executemany("INSERT INTO staged VALUES (?, ?, ?, ?, ?)", rows[held:])
    new = np.array(rows[held:], dtype=np.float64)
    assert rebuild(conn, "packed", new, "SELECT * FROM staged") == held + added
    assert conn.execute("SELECT rtreecheck('packed')").fetchone() == ("ok",)
    # The same boxes, to the bit (float32, rounded outwards as the module rounds them).
    every = "SELECT * FROM {} ORDER BY id"
    assert (
        conn.execute(every.format("packed")).fetchall()
        == conn.execute(every.format("built")).fetchall()
    )
    rng = random.Random(7)
    for _ in range(100):
        x, y, w = rng.uniform(35, 48), rng.uniform(29, 37), rng.random() * 3
        args = (x + w, x, y + w, y)
        assert (
            conn.execute(QUERY.format("packed"), args).fetchall()
            == conn.execute(QUERY.format("built"), args).fetchall()
        )
    # SQLite keeps inserting into and deleting from the packed tree as usual.
    conn.execute("DELETE FROM packed WHERE id % 3 = 0")
    conn.executemany(
        "INSERT INTO packed VALUES (?, ?, ?, ?, ?)",
        [(10**6 + i, 40 + i * 1e-4, 40 + i * 1e-4, 33.0, 33.0) for i in range(300)],
    )
    assert conn.execute("SELECT rtreecheck('packed')").fetchone() == ("ok",)


def test_nothing_to_pack_leaves_the_empty_tree():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING rtree (id, minx, maxx, miny, maxy)")
    assert rebuild(conn, "t", np.empty((0, 5)), "SELECT 1, 0, 0, 0, 0 WHERE 0") == 0
    assert conn.execute("SELECT rtreecheck('t')").fetchone() == ("ok",)


def test_a_tree_of_another_shape_is_filled_row_by_row():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING rtree (id, x0, x1, y0, y1, z0, z1)")
    conn.execute("CREATE TABLE staged (id, a, b, c, d, e, f)")
    conn.execute("INSERT INTO staged VALUES (1, 1, 2, 3, 4, 5, 6)")
    assert rebuild(conn, "t", np.array([[1.0, 1, 2, 3, 4]]), "SELECT * FROM staged") == 1
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (1,)
    assert conn.execute("SELECT rtreecheck('t')").fetchone() == ("ok",)

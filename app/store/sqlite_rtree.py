"""Build the events' R*Tree in one pass (sort-tile-recursive packing) instead of row by row.

SQLite's R*Tree inserts a row at a time, choosing a subtree and splitting nodes as it goes:
about 7 microseconds a box, the largest single cost of a million-event import. A deferred
import instead writes the finished tree straight into the R*Tree's shadow tables, whose
layout is part of SQLite's file format (https://sqlite.org/rtree.html, section 8, and the
comments of ext/rtree/rtree.c): ``%_node`` holds one blob per node (a 2-byte tree depth,
used in the root, node 1, only; a 2-byte cell count; then per cell an 8-byte rowid or child
node number and the box as four 32-bit floats, all big-endian), ``%_rowid`` maps each rowid
to its leaf and ``%_parent`` each node but the root to its parent. Boxes are rounded outwards
to 32-bit floats, as the module rounds them. The leaves are packed by sort-tile-recursive
(Leutenegger et al., 1997): boxes sorted by x into vertical slices, each slice by y, 51 to a
node, then the same for each level up; the tree answers queries as one built by inserts does
(usually faster: its nodes overlap less), and later inserts and deletes work on it as usual.

:func:`rebuild` replaces the whole tree (the stored boxes and the new ones); SQLite's own
``rtreecheck()`` verifies it in the tests. When the shadow tables cannot be written (SQLite
in defensive mode) or the tree is not the 2-dimensional kind packed here, the new rows go in
through the virtual table instead.
"""

from __future__ import annotations

import math
import sqlite3

import numpy as np
import orjson

#: Cells per node: SQLite's RTREE_MAXCELLS for 2-dimensional boxes (its node size is
#: 4 + 51 * 24 = 1,228 bytes whatever the page size, from 4 KiB pages up).
FANOUT = 51
_CELL = np.dtype(
    [("id", ">i8"), ("minx", ">f4"), ("maxx", ">f4"), ("miny", ">f4"), ("maxy", ">f4")]
)
NODE_BYTES = 4 + FANOUT * _CELL.itemsize


def rebuild(conn: sqlite3.Connection, table: str, boxes: np.ndarray, boxes_sql: str) -> int:
    """Replace the R*Tree ``table`` by a packed tree of the boxes it holds and ``boxes``
    (rows of id, minx, maxx, miny, maxy, which ``boxes_sql`` selects); returns its size.

    Runs inside the caller's transaction.
    """
    if _node_size(conn, table) != NODE_BYTES:  # not a 2-dimensional tree: row by row
        conn.execute(f"INSERT INTO {table} {boxes_sql}")
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    held = conn.execute(f"SELECT * FROM {table}").fetchall()  # id and 4 coordinates
    everything = np.concatenate([np.array(held, dtype=np.float64).reshape(-1, 5), boxes])
    if not len(everything):
        return 0
    cells = _leaf_cells(everything)
    try:
        conn.execute(f"DELETE FROM {table}_node")
    except sqlite3.DatabaseError as exc:  # the shadow tables are read-only (defensive mode)
        if "may not be modified" not in str(exc):
            raise
        conn.execute(f"INSERT INTO {table} {boxes_sql}")
        return len(everything)
    conn.execute(f"DELETE FROM {table}_rowid")
    conn.execute(f"DELETE FROM {table}_parent")
    _write_tree(conn, table, cells)
    return len(everything)


def _node_size(conn: sqlite3.Connection, table: str) -> int:
    row = conn.execute(f"SELECT length(data) FROM {table}_node WHERE nodeno = 1").fetchone()
    return int(row[0]) if row else 0


def _leaf_cells(boxes: np.ndarray) -> np.ndarray:
    """The boxes as leaf cells: float32 rounded outwards, as the R*Tree module stores them."""
    cells = np.empty(len(boxes), dtype=_CELL)
    cells["id"] = boxes[:, 0].astype(np.int64)
    cells["minx"] = _outwards(boxes[:, 1], down=True)
    cells["maxx"] = _outwards(boxes[:, 2], down=False)
    cells["miny"] = _outwards(boxes[:, 3], down=True)
    cells["maxy"] = _outwards(boxes[:, 4], down=False)
    return cells


def _outwards(values: np.ndarray, down: bool) -> np.ndarray:
    """float32 values not above (``down``) or not below the float64 ones, rounded as
    rtree.c's rtreeValueDown and rtreeValueUp round them (the same bits)."""
    single = values.astype(np.float32)
    wrong = single > values if down else single < values
    towards, away = 1.0 - 1.0 / 8388608.0, 1.0 + 1.0 / 8388608.0
    negative = values[wrong] < 0
    factor = np.where(negative, away, towards) if down else np.where(negative, towards, away)
    single[wrong] = (values[wrong] * factor).astype(np.float32)
    return single


def _pack(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sort-tile-recursive: the cells reordered, and where each node of them starts."""
    n = len(cells)
    slices = max(1, math.ceil(math.sqrt(math.ceil(n / FANOUT))))
    per_slice = slices * FANOUT
    centre_x = cells["minx"].astype(np.float64) + cells["maxx"]
    centre_y = cells["miny"].astype(np.float64) + cells["maxy"]
    order = np.argsort(centre_x, kind="stable")
    starts: list[int] = []
    for start in range(0, n, per_slice):
        part = order[start : start + per_slice]
        order[start : start + per_slice] = part[np.argsort(centre_y[part], kind="stable")]
        starts.extend(range(start, min(start + per_slice, n), FANOUT))
    return cells[order], np.asarray(starts, dtype=np.int64)


def _write_tree(conn: sqlite3.Connection, table: str, leaves: np.ndarray) -> None:
    """Pack the levels bottom-up, number the nodes (the root 1) and store them."""
    # Each level: its cells in node order and each node's first cell. In the levels above
    # the leaves a cell's id is first the index of its child node in the level below.
    levels = [_pack(leaves)]
    while len(levels[-1][1]) > 1:
        cells, starts = levels[-1]
        boxes = np.empty(len(starts), dtype=_CELL)
        boxes["id"] = np.arange(len(starts))
        boxes["minx"] = np.minimum.reduceat(cells["minx"], starts)
        boxes["maxx"] = np.maximum.reduceat(cells["maxx"], starts)
        boxes["miny"] = np.minimum.reduceat(cells["miny"], starts)
        boxes["maxy"] = np.maximum.reduceat(cells["maxy"], starts)
        levels.append(_pack(boxes))
    first = [0] * len(levels)  # the number of each level's first node: root 1, then down
    number = 1
    for k in reversed(range(len(levels))):
        first[k] = number
        number += len(levels[k][1])
    node_rows: list[tuple[int, bytes]] = []
    parent_rows: list[tuple[int, int]] = []
    for k, (cells, starts) in enumerate(levels):
        if k:
            cells = cells.copy()
            cells["id"] += first[k - 1]
        ends = [*starts[1:].tolist(), len(cells)]
        for j, (start, end) in enumerate(zip(starts.tolist(), ends, strict=True)):
            nodeno = first[k] + j
            node = cells[start:end]
            if k:
                parent_rows.extend((child, nodeno) for child in node["id"].tolist())
            depth = len(levels) - 1 if nodeno == 1 else 0
            blob = depth.to_bytes(2, "big") + (end - start).to_bytes(2, "big") + node.tobytes()
            node_rows.append((nodeno, blob.ljust(NODE_BYTES, b"\0")))
    conn.executemany(f"INSERT INTO {table}_node (nodeno, data) VALUES (?, ?)", node_rows)
    conn.executemany(f"INSERT INTO {table}_parent (nodeno, parentnode) VALUES (?, ?)", parent_rows)
    cells, starts = levels[0]
    leaf = np.repeat(np.arange(first[0], first[0] + len(starts)), np.diff([*starts, len(cells)]))
    order = np.argsort(cells["id"], kind="stable")  # appended in rowid order: no page splits
    pairs = np.column_stack([cells["id"][order].astype(np.int64), leaf[order]])
    conn.execute(
        f"INSERT INTO {table}_rowid (rowid, nodeno) "
        "SELECT value ->> 0, value ->> 1 FROM json_each(?)",
        (orjson.dumps(pairs, option=orjson.OPT_SERIALIZE_NUMPY).decode(),),
    )

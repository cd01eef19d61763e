"""The map's clusters at any size of store: grid cells counted ahead, kept up to date on
every write by triggers, so an unfiltered view reads a few hundred cells instead of
grouping every event.

Two levels of cells are kept, for map zooms 8 and 12 (cells of 90 / 2**zoom degrees, the
API's four cells per 256-pixel tile). A view at zoom z <= 12 groups the cells of the first
level at or above z: a cell of level L nests exactly in the cell of zoom z that contains it
(its x index shifted right by L - z). A cell keeps its count, the sums of its events' lon,
lat and id (a cell of one event gives that event's id), and counts per layer. Counts per
governorate are kept the same way. Views with filters, and close-ups (zoom >= 13), are
grouped from the events themselves.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence

import numpy as np

from app.domain import Cluster

LEVELS = (8, 12)
_POINT = "{row}.located = 1 AND {row}.category != 'movement' AND ({row}.geo_precision IS NULL OR {row}.geo_precision < 3) AND {row}.lon IS NOT NULL"  # noqa: E501


def _cell_upsert(row: str, sign: str) -> str:
    """Add (sign '+') or remove (sign '-') the event ``row`` (NEW or OLD) in every level."""
    parts = []
    for level in LEVELS:
        size = 90.0 / 2**level
        parts.append(
            f"INSERT INTO map_cells SELECT {level}, CAST(({row}.lon + 180) / {size!r} AS INTEGER), "
            f"CAST(({row}.lat + 90) / {size!r} AS INTEGER), {sign}1, {sign}{row}.lon, "
            f"{sign}{row}.lat, {sign}{row}.id, {sign}({row}.category = 'security_incident'), "
            f"{sign}({row}.category = 'development') WHERE {_POINT.format(row=row)} "
            "ON CONFLICT (level, gx, gy) DO UPDATE SET n = n + excluded.n, "
            "sum_lon = sum_lon + excluded.sum_lon, sum_lat = sum_lat + excluded.sum_lat, "
            "sum_id = sum_id + excluded.sum_id, incidents = incidents + excluded.incidents, "
            "developments = developments + excluded.developments;"
        )
    return "\n".join(parts)


def _emptied(row: str) -> str:
    """Drop the cells and the governorate row the event ``row`` left empty."""
    parts = [
        f"DELETE FROM map_cells WHERE level = {level} "
        f"AND gx = CAST(({row}.lon + 180) / {90.0 / 2**level!r} AS INTEGER) "
        f"AND gy = CAST(({row}.lat + 90) / {90.0 / 2**level!r} AS INTEGER) AND n = 0;"
        for level in LEVELS
    ]
    parts.append(f"DELETE FROM map_admin1 WHERE admin1 = {row}.admin1 AND n = 0;")
    return "\n".join(parts)


def _admin1_upsert(row: str, sign: str) -> str:
    return (
        f"INSERT INTO map_admin1 SELECT {row}.admin1, {sign}1, "
        f"{sign}coalesce({row}.geo_precision = 3, 0) "
        f"WHERE {row}.located = 1 AND {row}.admin1 IS NOT NULL "
        "ON CONFLICT (admin1) DO UPDATE SET n = n + excluded.n, "
        "imprecise = imprecise + excluded.imprecise;"
    )


def _fill() -> str:
    """Rows for the events already stored (the migration, or a rebuild after a bulk load)."""
    cells = []
    for level in LEVELS:
        size = 90.0 / 2**level
        cells.append(
            f"INSERT INTO map_cells SELECT {level}, CAST((lon + 180) / {size!r} AS INTEGER) AS gx, "
            f"CAST((lat + 90) / {size!r} AS INTEGER) AS gy, count(*), sum(lon), sum(lat), "
            "sum(id), sum(category = 'security_incident'), sum(category = 'development') "
            f"FROM events WHERE {_POINT.format(row='events')} GROUP BY gx, gy;"
        )
    return "\n".join(cells) + (
        "\nINSERT INTO map_admin1 SELECT admin1, count(*), "
        "coalesce(sum(geo_precision = 3), 0) FROM events "
        "WHERE located = 1 AND admin1 IS NOT NULL GROUP BY admin1;"
    )


#: The triggers that keep the cells counted (a deferred bulk import drops them and
#: :func:`rebuild` counts every event again and creates them anew).
TRIGGERS = f"""
CREATE TRIGGER IF NOT EXISTS map_events_insert AFTER INSERT ON events BEGIN
{_cell_upsert("NEW", "")}
{_admin1_upsert("NEW", "")}
END;
CREATE TRIGGER IF NOT EXISTS map_events_delete AFTER DELETE ON events BEGIN
{_cell_upsert("OLD", "-")}
{_admin1_upsert("OLD", "-")}
{_emptied("OLD")}
END;
CREATE TRIGGER IF NOT EXISTS map_events_update AFTER UPDATE OF located, category,
    geo_precision, lon, lat, admin1 ON events BEGIN
{_cell_upsert("OLD", "-")}
{_admin1_upsert("OLD", "-")}
{_cell_upsert("NEW", "")}
{_admin1_upsert("NEW", "")}
{_emptied("OLD")}
END;
"""
_TRIGGER_NAMES = ("map_events_insert", "map_events_delete", "map_events_update")

#: The migration that adds the tables and triggers and counts what is already stored.
MIGRATION = f"""
CREATE TABLE map_cells (
    level INTEGER NOT NULL,
    gx INTEGER NOT NULL,
    gy INTEGER NOT NULL,
    n INTEGER NOT NULL,
    sum_lon REAL NOT NULL,
    sum_lat REAL NOT NULL,
    sum_id INTEGER NOT NULL,
    incidents INTEGER NOT NULL,
    developments INTEGER NOT NULL,
    PRIMARY KEY (level, gx, gy)
) WITHOUT ROWID;
CREATE TABLE map_admin1 (
    admin1 TEXT PRIMARY KEY,
    n INTEGER NOT NULL,
    imprecise INTEGER NOT NULL
) WITHOUT ROWID;
{TRIGGERS}
{_fill()}
"""


def counting(conn: sqlite3.Connection) -> bool:
    """Whether the triggers count every write (an import of an earlier version dropped them
    while it ran; :func:`rebuild` counts again and restores them)."""
    found = conn.execute(
        f"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
        f"({','.join('?' * len(_TRIGGER_NAMES))})",
        _TRIGGER_NAMES,
    ).fetchone()[0]
    return bool(found == len(_TRIGGER_NAMES))


#: The columns :func:`count_new` reads of each new event, in this order.
CountedColumns = tuple[int, float | None, float | None, str, int | None, bool, str | None]
_ADD_CELL = (
    "INSERT INTO map_cells VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (level, gx, gy) DO UPDATE SET n = n + excluded.n, "
    "sum_lon = sum_lon + excluded.sum_lon, sum_lat = sum_lat + excluded.sum_lat, "
    "sum_id = sum_id + excluded.sum_id, incidents = incidents + excluded.incidents, "
    "developments = developments + excluded.developments"
)
_ADD_ADMIN1 = (
    "INSERT INTO map_admin1 VALUES (?, ?, ?) ON CONFLICT (admin1) DO UPDATE SET "
    "n = n + excluded.n, imprecise = imprecise + excluded.imprecise"
)


def count_new(conn: sqlite3.Connection, events: Sequence[CountedColumns]) -> None:
    """Add new events to the cells and governorate counts as the insert trigger would, one
    statement per table (a bulk import inserts them with the trigger off, in the same
    transaction). Each event is (id, lon, lat, category, geo_precision, located, admin1).

    The cells are grouped here (numpy) rather than by a GROUP BY over the rows just inserted:
    at 25,000 events a batch that statement re-read and sorted every row (7 s of a
    million-event import). Cell numbers are the trigger's: float64 (lon + 180) / size
    truncated, as SQLite's CAST truncates.
    """
    points = [
        e
        for e in events
        if e[5] and e[3] != "movement" and (e[4] is None or e[4] < 3) and e[1] is not None
    ]
    if points:
        ids = np.fromiter((e[0] for e in points), np.int64, len(points))
        lons = np.fromiter((e[1] for e in points), np.float64, len(points))
        lats = np.fromiter((e[2] for e in points), np.float64, len(points))
        incident = np.fromiter((e[3] == "security_incident" for e in points), np.int64)
        development = np.fromiter((e[3] == "development" for e in points), np.int64)
        for level in LEVELS:
            size = 90.0 / 2**level
            gx = ((lons + 180) / size).astype(np.int64)
            gy = ((lats + 90) / size).astype(np.int64)
            keys, group = np.unique(gx << 32 | gy, return_inverse=True)  # both < 2**31
            id_sums = np.zeros(len(keys), np.int64)
            np.add.at(id_sums, group, ids)
            conn.executemany(
                _ADD_CELL,
                zip(
                    [level] * len(keys),
                    (keys >> 32).tolist(),
                    (keys & 0xFFFFFFFF).tolist(),
                    np.bincount(group).tolist(),
                    np.bincount(group, weights=lons).tolist(),
                    np.bincount(group, weights=lats).tolist(),
                    id_sums.tolist(),
                    np.bincount(group, weights=incident).astype(np.int64).tolist(),
                    np.bincount(group, weights=development).astype(np.int64).tolist(),
                    strict=True,
                ),
            )
    admin1: dict[str, list[int]] = {}
    for e in events:
        if e[5] and e[6] is not None:
            counted = admin1.setdefault(e[6], [0, 0])
            counted[0] += 1
            counted[1] += e[4] == 3
    conn.executemany(_ADD_ADMIN1, [(code, n, imprecise) for code, (n, imprecise) in admin1.items()])


def rebuild(conn: sqlite3.Connection) -> None:
    """Count every stored event again and (re)create the triggers (for a bulk load that ran
    without them); runs inside the caller's transaction."""
    conn.execute("DELETE FROM map_cells")
    conn.execute("DELETE FROM map_admin1")
    for statement in _fill().split(";\n"):
        if statement.strip():
            conn.execute(statement)
    for statement in TRIGGERS.split("END;\n"):
        if statement.strip():
            conn.execute(statement + "END;")


def level_for(cell_deg: float) -> tuple[int, int] | None:
    """(zoom, kept level) for a cell size the API asks for; None when no level serves it."""
    zoom = round(math.log2(90.0 / cell_deg)) if cell_deg > 0 else -1
    if zoom < 0 or not math.isclose(90.0 / 2**zoom, cell_deg, rel_tol=1e-9):
        return None
    return next(((zoom, level) for level in LEVELS if level >= zoom), None)


def clusters(
    conn: sqlite3.Connection,
    view: tuple[float, float, float, float],
    zoom: int,
    level: int,
    singles_limit: int,
) -> tuple[list[Cluster], list[int]]:
    """Clusters of the cells in a view, and the ids of cells holding one event."""
    size = 90.0 / 2**level
    minx, miny, maxx, maxy = view
    shift = level - zoom
    rows = conn.execute(
        "SELECT gx >> ? AS cx, gy >> ? AS cy, sum(n), sum(sum_lon), sum(sum_lat), sum(sum_id), "
        "sum(incidents), sum(developments) FROM map_cells WHERE level = ? "
        "AND gx BETWEEN ? AND ? AND gy BETWEEN ? AND ? GROUP BY cx, cy",
        (
            shift,
            shift,
            level,
            math.floor((minx + 180) / size),
            math.floor((maxx + 180) / size),
            math.floor((miny + 90) / size),
            math.floor((maxy + 90) / size),
        ),
    ).fetchall()
    found: list[Cluster] = []
    lone: list[int] = []
    for _, _, count, lons, lats, ids, incidents, developments in rows:
        if count == 1 and len(lone) < singles_limit:
            lone.append(int(ids))
        elif count > 0:
            found.append(Cluster(lons / count, lats / count, count, incidents, developments))
    return found, lone


def admin1_counts(conn: sqlite3.Connection) -> tuple[dict[str, int], dict[str, int]]:
    """Placed events per governorate, and those placed only to a governorate or wider."""
    rows = conn.execute("SELECT admin1, n, imprecise FROM map_admin1").fetchall()
    return {a: n for a, n, _ in rows}, {a: i for a, _, i in rows if i}

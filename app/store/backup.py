"""Online backup and checked restore of the SQLite store (SQLite's backup API).

A backup copies the live database in one step of ``sqlite3_backup_step`` (all pages),
which reads one consistent snapshot while other connections keep writing (WAL mode lets
writers go on beside a reader). The copy is checked (``PRAGMA integrity_check``, schema
version) and only then moved to its final name, so a half-written copy never carries it.

A restore checks the copy first (integrity, schema version not newer than this release,
the tables of the event store present) and only then replaces the live database's content,
again through the backup API, in one transaction: another connection sees the old content
or the new one, never a mix, and the WAL and shared-memory files stay coherent (copying
files over a live WAL database would not).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.errors import InvalidInput, StoreError
from app.store.schema import MIGRATIONS

_REQUIRED_TABLES = frozenset({"reports", "events", "observations", "audit", "meta"})


@dataclass(frozen=True)
class CopyInfo:
    """What a checked database file holds."""

    path: Path
    schema_version: int
    reports: int
    events: int
    size_bytes: int


def sqlite_path(database_url: str) -> Path:
    """The file of a ``sqlite:///PATH`` URL (backups need a file, not ``:memory:``)."""
    if not database_url.startswith("sqlite://"):
        raise InvalidInput("backup and restore work on sqlite:///PATH and postgresql:// stores")
    path = database_url.removeprefix("sqlite://").removeprefix("/")
    if not path or path == ":memory:":
        raise InvalidInput("backup and restore need a database file, not :memory:")
    return Path(path).expanduser()


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def check_copy(path: Path) -> CopyInfo:
    """Open a copy read-only and check it; InvalidInput says what is wrong with it."""
    if not path.is_file():
        raise InvalidInput(f"{path} is not a file")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise InvalidInput(f"{path} cannot be opened: {exc}") from None
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            raise InvalidInput(f"{path} fails the integrity check: {'; '.join(integrity[:5])}")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if not 1 <= version <= len(MIGRATIONS):
            raise InvalidInput(
                f"{path} has schema version {version}; this release reads 1 to {len(MIGRATIONS)}"
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = sorted(_REQUIRED_TABLES - tables)
        if missing:
            raise InvalidInput(f"{path} is not a geoevents store (no {', '.join(missing)})")
        reports = int(conn.execute("SELECT count(*) FROM reports").fetchone()[0])
        events = int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    except sqlite3.DatabaseError as exc:  # not a database at all, or damaged past reading
        raise InvalidInput(f"{path} is not a readable SQLite database: {exc}") from None
    finally:
        conn.close()
    return CopyInfo(path, version, reports, events, path.stat().st_size)


def backup(database: Path, target: Path, *, overwrite: bool = False) -> CopyInfo:
    """Copy the live database to ``target`` consistently, check the copy, then name it."""
    if not database.is_file():
        raise InvalidInput(f"there is no database at {database}")
    if target.resolve() == database.resolve():
        raise InvalidInput("the backup cannot be the live database itself")
    partial = partial_for(target, overwrite)
    source = _connect(database)
    try:
        copy = sqlite3.connect(str(partial), isolation_level=None)
        try:
            source.backup(copy)  # pages=-1: every page in one step, one snapshot
            copy.execute("PRAGMA journal_mode=DELETE")  # a self-contained single file
        finally:
            copy.close()
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(log_message=f"backing up {database}: {exc}") from exc
    finally:
        source.close()
    publish(partial, target, check_copy)
    return check_copy(target)


def partial_for(target: Path, overwrite: bool) -> Path:
    """The hidden file beside ``target`` a backup is written to before it is checked.

    Raises:
        InvalidInput: ``target`` exists and ``overwrite`` is not set.
    """
    if target.exists() and not overwrite:
        raise InvalidInput(f"{target} exists; choose another path or pass --force")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    return partial


def publish(partial: Path, target: Path, check: Callable[[Path], object]) -> None:
    """Check a written copy, flush it to disk, then give it its name in one rename; a copy
    that fails ``check`` (InvalidInput) is removed, so a bad copy never carries the name."""
    try:
        check(partial)
    except InvalidInput:
        partial.unlink(missing_ok=True)
        raise
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)


def restore(copy: Path, database: Path) -> CopyInfo:
    """Check ``copy``, then replace the live database's content with it (one transaction)."""
    info = check_copy(copy)
    database.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        live = _connect(database)
        try:
            live.execute("PRAGMA journal_mode=WAL")
            source.backup(live)
            with contextlib.suppress(sqlite3.Error):
                live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            live.close()
    except sqlite3.Error as exc:
        raise StoreError(log_message=f"restoring {copy} into {database}: {exc}") from exc
    finally:
        source.close()
    return info

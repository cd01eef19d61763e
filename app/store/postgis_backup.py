"""Backup and checked restore of the PostGIS store with PostgreSQL's own pg_dump/pg_restore.

We drive the client programs of Debian's ``postgresql-client`` (found on PATH, else in the
newest ``/usr/lib/postgresql/*/bin``); we do not write a dump format of our own. A backup is
one ``pg_dump --format=custom`` archive of the whole database (tables, indexes, the PostGIS
and unaccent extensions, the text search configuration), taken in one snapshot that we
export first, so the schema version and the counts printed are those of the archive. It is
written to a hidden partial file, listed back with ``pg_restore --list`` (a damaged archive
fails there), and only then moved to its name.

A restore checks the archive first (it lists, it holds the store's tables, its schema version
is not newer than this release) and then runs ``pg_restore --clean --if-exists
--single-transaction``: the old content is dropped and the archive's created in one
transaction, so another worker sees the old content or the new one, never a mix, and a
failure leaves the database as it was. Extensions the database already has (PostGIS,
unaccent) are left in place, so other workers' prepared statements keep their types.
Writers wait while it runs (it holds the store's write lock). The store is then opened once
(migrations applied). Known limit: readers are not held off, and under a steady read load
PostgreSQL may break a lock cycle between pg_restore (dropping table after table) and a
reader by failing either: the restore then fails whole and leaves the database as it was
(run it with the API stopped or quiet).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from app.errors import InvalidInput, StoreError
from app.store.backup import CopyInfo, partial_for, publish
from app.store.postgis_schema import MIGRATIONS, WRITE_LOCK

#: An extension's archive entry, or its comment ("EXTENSION - postgis", "COMMENT - EXTENSION x").
_EXTENSION_ENTRY = re.compile(r" (?:EXTENSION -|COMMENT - EXTENSION) (\w+)")
_REQUIRED_TABLES = ("reports", "events", "observations", "audit", "meta", "geoevents_schema")


def pg_tool(name: str) -> Path:
    """A PostgreSQL client program: on PATH, else the newest /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return Path(found)
    versions = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
        reverse=True,
    )
    if versions:
        return versions[0]
    raise InvalidInput(
        f"{name} is not installed: PostgreSQL backups use PostgreSQL's own tools "
        "(apt-get install postgresql-client)"
    )


def _connection(url: str) -> tuple[str, dict[str, str]]:
    """``--dbname`` without the password, and an environment that carries it (PGPASSWORD):
    a password in a command's arguments shows in every user's process list."""
    params = {k: str(v) for k, v in conninfo_to_dict(url).items() if v is not None}
    password = params.pop("password", None)
    env = dict(os.environ)
    if password is not None:
        env["PGPASSWORD"] = password
    return make_conninfo(**params), env


def _run(args: list[str], what: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(args, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()
        raise StoreError(
            f"{what} failed: {message[-1] if message else f'exit {done.returncode}'}",
            log_message=f"{what}: {done.stderr.strip()}",
        )
    return done.stdout


def check_archive(path: Path) -> int:
    """List an archive with pg_restore and check it is a geoevents store; its schema version."""
    if not path.is_file():
        raise InvalidInput(f"{path} is not a file")
    listing = subprocess.run(
        [str(pg_tool("pg_restore")), "--list", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if listing.returncode != 0:
        raise InvalidInput(f"{path} is not a readable pg_dump archive") from None
    tables = set(re.findall(r" TABLE DATA public (\w+) ", listing.stdout))
    missing = [t for t in _REQUIRED_TABLES if t not in tables]
    if missing:
        raise InvalidInput(f"{path} is not a geoevents store (no {', '.join(missing)})")
    data = _run(
        [
            str(pg_tool("pg_restore")),
            "--data-only",
            "--table=geoevents_schema",
            "--file=-",
            str(path),
        ],
        f"reading {path}",
    )
    numbers = re.findall(r"^(\d+)$", data, flags=re.MULTILINE)
    version = int(numbers[-1]) if numbers else 0
    if not 1 <= version <= len(MIGRATIONS):
        raise InvalidInput(
            f"{path} has schema version {version}; this release reads 1 to {len(MIGRATIONS)}"
        )
    return version


def backup(url: str, target: Path, *, overwrite: bool = False) -> CopyInfo:
    """pg_dump the database in one exported snapshot, check the archive, then name it."""
    dump = pg_tool("pg_dump")
    conninfo, env = _connection(url)
    partial = partial_for(target, overwrite)
    try:
        with psycopg.connect(url, connect_timeout=10) as conn:
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            row = conn.execute(
                "SELECT pg_export_snapshot(), (SELECT max(version) FROM geoevents_schema), "
                "(SELECT count(*) FROM reports), (SELECT count(*) FROM events)"
            ).fetchone()
            assert row is not None
            snapshot, version, reports, events = row
            # The snapshot lives while this transaction is open: pg_dump reads exactly it.
            _run(
                [
                    str(dump),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={partial}",
                    f"--dbname={conninfo}",
                ],
                "pg_dump",
                env,
            )
    except psycopg.Error as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(log_message=f"backing up the database: {exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    publish(partial, target, check_archive)
    return CopyInfo(target, int(version), int(reports), int(events), target.stat().st_size)


def _entries_to_restore(copy: Path, installed: set[str]) -> str:
    """The archive's table of contents less the extensions the database already has.

    Dropping and re-creating PostGIS would give its types new ids, and every other worker's
    prepared statements with a ``geometry`` parameter would then fail ("cache lookup failed
    for type"): the restore replaces the store, not the server's extensions.
    """
    listing = _run([str(pg_tool("pg_restore")), "--list", str(copy)], f"listing {copy}")
    kept = [
        line
        for line in listing.splitlines()
        if not ((m := _EXTENSION_ENTRY.search(line)) is not None and m.group(1) in installed)
    ]
    return "\n".join(kept) + "\n"


def restore(copy: Path, url: str) -> CopyInfo:
    """Check the archive, then replace the database's content with it in one transaction."""
    version = check_archive(copy)
    conninfo, env = _connection(url)
    command = [
        str(pg_tool("pg_restore")),
        "--clean",
        "--if-exists",
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
        f"--dbname={conninfo}",
        str(copy),
    ]
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as lock:
            installed = {row[0] for row in lock.execute("SELECT extname FROM pg_extension")}
            with tempfile.TemporaryDirectory() as tmp:
                entries = Path(tmp) / "entries.list"
                entries.write_text(_entries_to_restore(copy, installed), encoding="utf-8")
                # Every store write starts by taking WRITE_LOCK. Held here (for this session)
                # while pg_restore drops and creates the tables, no writer is half-way through
                # a transaction on them: without it a writer and pg_restore deadlock, and one
                # of them fails (found by test_backup's restore while writing).
                lock.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK,))
                _run([*command[:-1], f"--use-list={entries}", command[-1]], "pg_restore", env)
    except psycopg.Error as exc:
        raise StoreError(log_message=f"restoring the database: {exc}") from exc
    from app.store.postgis import PostGISStore  # migrates a copy from an older release

    store = PostGISStore(url)
    try:
        health = store.health()
    finally:
        store.close()
    return CopyInfo(
        copy, version, health.reports, health.events + health.unlocated, copy.stat().st_size
    )

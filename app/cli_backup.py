"""``geoevents backup`` and ``geoevents restore``: copies of the live store, checked.

The store is imported when a command runs (``geoevents --help`` stays light)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from app.errors import GeoEventsError

if TYPE_CHECKING:
    from app.store.backup import CopyInfo

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def _fail(exc: GeoEventsError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {exc.detail}")
    return typer.Exit(code=2)


def _describe(info: CopyInfo, check: str) -> str:
    return (
        f"{info.path}: schema {info.schema_version}, {info.reports:,} reports, "
        f"{info.events:,} events, {info.size_bytes / 1e6:.1f} MB, {check}"
    )


def _postgresql(url: str) -> bool:
    return url.split("://", 1)[0] in ("postgresql", "postgres")


def _database(url: str) -> str:
    """The database's name for messages (never the URL: it may hold a password)."""
    return url.rsplit("/", 1)[-1].split("?", 1)[0]


def backup_command(
    path: Annotated[
        Path,
        typer.Argument(
            help="Where to write the copy (SQLite: one database file; PostgreSQL: a pg_dump "
            "custom-format archive)"
        ),
    ],
    force: Annotated[bool, typer.Option(help="Overwrite an existing file at PATH")] = False,
) -> None:
    """Copy the live database (GEOEVENTS_DATABASE_URL) consistently, while writes go on.

    SQLite: SQLite's backup API, checked with PRAGMA integrity_check. PostgreSQL: pg_dump
    (from postgresql-client) in one snapshot, checked with pg_restore --list.
    """
    from app.settings import Settings

    url = Settings.from_env().store.database_url
    try:
        if _postgresql(url):
            from app.store import postgis_backup

            info = postgis_backup.backup(url, path, overwrite=force)
            out.print(
                f"backed up PostgreSQL database {_database(url)} with pg_dump "
                f"({postgis_backup.pg_tool('pg_dump')}, custom format) to "
                f"{_describe(info, 'archive listed by pg_restore')}"
            )
            return
        from app.store.backup import backup, sqlite_path

        database = sqlite_path(url)
        info = backup(database, path, overwrite=force)
    except GeoEventsError as exc:
        raise _fail(exc) from None
    out.print(f"backed up {database} with SQLite's backup API to {_describe(info, 'integrity ok')}")


def restore_command(
    path: Annotated[Path, typer.Argument(help="A copy made by `geoevents backup`")],
) -> None:
    """Check a copy (integrity, schema version), then make it the live database's content.

    SQLite: a database file, copied in with SQLite's backup API. PostgreSQL: a pg_dump
    archive, restored by pg_restore --clean --single-transaction (all or nothing).
    """
    from app.settings import Settings

    url = Settings.from_env().store.database_url
    try:
        if _postgresql(url):
            from app.store import postgis_backup

            info = postgis_backup.restore(path, url)
            out.print(
                f"restored PostgreSQL database {_database(url)} with pg_restore "
                f"(one transaction) from {_describe(info, 'migrated and opened')}"
            )
            return
        from app.store.backup import restore, sqlite_path

        database = sqlite_path(url)
        info = restore(path, database)
    except GeoEventsError as exc:
        raise _fail(exc) from None
    out.print(f"restored {database} from {_describe(info, 'integrity ok')}")

"""``geoevents backup`` and ``geoevents restore``: copies of the live store, checked."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from app.errors import GeoEventsError
from app.settings import Settings
from app.store.backup import CopyInfo, backup, restore, sqlite_path

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def _fail(exc: GeoEventsError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {exc.detail}")
    return typer.Exit(code=2)


def _describe(info: CopyInfo) -> str:
    return (
        f"{info.path}: schema {info.schema_version}, {info.reports:,} reports, "
        f"{info.events:,} events, {info.size_bytes / 1e6:.1f} MB, integrity ok"
    )


def backup_command(
    path: Annotated[Path, typer.Argument(help="Where to write the copy (one SQLite file)")],
    force: Annotated[bool, typer.Option(help="Overwrite an existing file at PATH")] = False,
) -> None:
    """Copy the live database (GEOEVENTS_DATABASE_URL) consistently, while writes go on."""
    try:
        database = sqlite_path(Settings.from_env().store.database_url)
        info = backup(database, path, overwrite=force)
    except GeoEventsError as exc:
        raise _fail(exc) from None
    out.print(f"backed up {database} to {_describe(info)}")


def restore_command(
    path: Annotated[Path, typer.Argument(help="A copy made by `geoevents backup`")],
) -> None:
    """Check a copy (integrity, schema version), then make it the live database's content."""
    try:
        database = sqlite_path(Settings.from_env().store.database_url)
        info = restore(path, database)
    except GeoEventsError as exc:
        raise _fail(exc) from None
    out.print(f"restored {database} from {_describe(info)}")

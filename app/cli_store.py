"""Command-line store administration: schema upgrades and copies between backends."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from app.errors import GeoEventsError

db_app = typer.Typer(help="The event store's schema.", no_args_is_help=True)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=2)


@db_app.command("upgrade")
def upgrade(
    url: Annotated[
        str | None, typer.Option("--url", help="Store URL (default: GEOEVENTS_DATABASE_URL)")
    ] = None,
) -> None:
    """Apply the schema migrations the store lacks (the API also does so at start-up)."""
    from app.settings import Settings  # imported here: `geoevents --help` stays light
    from app.store import open_store

    try:
        store = open_store(url or Settings.from_env().store.database_url)
        health = store.health()
        store.close()
    except GeoEventsError as exc:
        raise _fail(f"{exc.detail}: {exc.log_message}") from exc
    out.print(f"{health.backend} store at schema version {health.schema_version}")


def migrate_store(
    source: Annotated[str, typer.Option("--from", help="Store to copy, e.g. sqlite:///a.db")],
    target: Annotated[str, typer.Option("--to", help="Store to fill, e.g. postgresql://...")],
    batch: Annotated[int, typer.Option(min=1, help="Rows per transaction")] = 5000,
) -> None:
    """Copy every report, event, link and audit entry, the feeds, webhook subscriptions and
    their deliveries to another store, ids kept.

    Idempotent: rows already copied are skipped, so an interrupted copy is resumed by
    running the same command again. A target holding other rows under the same ids is
    refused (exit 2) before anything is overwritten.
    """
    from app.store.store_copy import LIVE_TABLES, TABLES, copy_store, open_rows

    if source == target:
        raise _fail("--from and --to name the same store")
    try:
        reader = open_rows(source)
        writer = open_rows(target)
    except GeoEventsError as exc:
        raise _fail(f"{exc.detail}: {exc.log_message}") from exc
    try:
        totals = {table: reader.count(table) for table in TABLES}
        columns = (
            TextColumn("{task.description:12}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=err) as progress:
            tasks = {t: progress.add_task(t, total=n) for t, n in totals.items()}
            report = copy_store(
                reader, writer, batch, lambda table, n: progress.advance(tasks[table], n)
            )
    except GeoEventsError as exc:
        raise _fail(f"{exc.detail} ({exc.log_message})") from exc
    finally:
        reader.close()
        writer.close()
    table = Table("table", "copied", "already there")
    for name in (*TABLES, *LIVE_TABLES):
        table.add_row(name, str(report.copied[name]), str(report.present[name]))
    out.print(table)
    if report.copied["subscriptions"]:
        out.print(
            f"webhook subscriptions resume from the target's change number "
            f"{report.resumed_at} (the copy numbers the change feed anew); leases are not copied"
        )

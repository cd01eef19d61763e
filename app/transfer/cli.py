"""``geoevents import`` and ``geoevents export``: events in and out of files, no server."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.progress import Progress

from app.errors import GeoEventsError

#: Rows per transaction by default (``app.transfer.importer.BATCH``, kept equal by a test;
#: not imported from there so that ``geoevents --help`` loads no gazetteer or store).
BATCH = 25_000

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=2)


def _say(line: str) -> None:
    err.print(line, markup=False, highlight=False)
    err.file.flush()


def import_events(
    file: Annotated[Path, typer.Argument(help="GeoJSON, GeoJSON lines or CSV (ours or ACLED's)")],
    on_conflict: Annotated[
        Literal["skip", "update"],
        typer.Option(
            "--on-conflict",
            help="An event whose id (or content, when it has no id) is already stored: "
            "skip it, or update the stored event",
        ),
    ] = "skip",
    batch: Annotated[
        int, typer.Option("--batch", min=1, help="Events per transaction (all or nothing)")
    ] = BATCH,
    jobs: Annotated[
        int,
        typer.Option("--jobs", min=0, help="Worker processes that read and validate (0: this one)"),
    ] = max(1, (os.cpu_count() or 2) - 1),
    defer_indexes: Annotated[
        bool | None,
        typer.Option(
            "--defer-indexes/--no-defer-indexes",
            help="Build indexes after the load (default: when the file is large)",
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", help="Print each step (batches, index build)")
    ] = False,
) -> None:
    """Import events; safe to re-run: events are known by their Feature id or content.

    Each batch is stored all or nothing; rejected features are listed with their line.
    """
    if not file.is_file():
        raise _fail(f"{file} is not a file")
    from app.gazetteer.geocoder import Gazetteer
    from app.settings import Settings
    from app.store import open_store
    from app.transfer.importer import run_import

    settings = Settings.from_env()
    gazetteer = Gazetteer.load(
        settings.gazetteer.gazetteer_dir, settings.gazetteer.resolved_user_dir()
    )
    store = open_store(settings.store.database_url, finish_imports=False)
    # Bulk loading makes no reference cycles: no collector passes over millions of young
    # objects (nor over the gazetteer's) while it runs.
    gc.freeze()
    gc.disable()
    try:
        with Progress(console=err, transient=True) as progress:
            task = progress.add_task("importing", total=None)
            outcome = run_import(
                file,
                store,
                gazetteer,
                on_conflict=on_conflict,
                defer_indexes=defer_indexes,
                batch=batch,
                jobs=jobs,
                progress=lambda n: progress.advance(task, n),
                log=_say if verbose else None,
            )
    except GeoEventsError as exc:
        raise _fail(f"{exc.detail} (the batches before stay stored: run again to resume)") from exc
    finally:
        gc.enable()
    counts = outcome.counts
    out.print(f"imported: {counts.created}, rejected: {outcome.rejected_total}")
    out.print(
        f"already stored: {counts.skipped}, updated: {counts.updated}; "
        f"{outcome.seconds:.1f} s; database check: {outcome.check}"
    )
    for number, reason in outcome.rejected[:50]:
        err.print(f"  line {number}: {reason}")
    if outcome.check != "ok":
        raise _fail(f"the database check after the import answered: {outcome.check}")
    if outcome.rejected_total and not (counts.created or counts.updated or counts.skipped):
        raise typer.Exit(code=2)


def export_events(
    fmt: Annotated[
        Literal["geojson", "geojsonl", "csv", "gpkg"],
        typer.Option("--format", help="Output format"),
    ] = "geojsonl",
    output: Annotated[
        Path | None,
        typer.Option("--out", help="File (default: standard output; required for gpkg)"),
    ] = None,
) -> None:
    """Export every stored event, streamed (memory stays flat)."""
    from app.domain import EventQuery
    from app.settings import Settings
    from app.store import open_store

    settings = Settings.from_env()
    store = open_store(settings.store.database_url)
    features = store.export(EventQuery(located=None, limit=1))
    if fmt == "gpkg":
        if output is None:
            raise _fail("--out is required for gpkg")
        from app.transfer.gpkg import write_gpkg

        count = write_gpkg(features, output)
        err.print(f"exported {count} events to {output}")
        return
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        if fmt == "csv":
            from app.gazetteer.geocoder import Gazetteer
            from app.transfer.acled import AdminNames
            from app.transfer.csv_events import csv_lines

            names = AdminNames.from_gazetteer(
                Gazetteer.load(
                    settings.gazetteer.gazetteer_dir, settings.gazetteer.resolved_user_dir()
                )
            )
            for line in csv_lines(features, names):
                sink.write(line)
        elif fmt == "geojsonl":
            for feature in features:
                sink.write(feature + "\n")
        else:
            sink.write('{"type":"FeatureCollection","features":[')
            for i, feature in enumerate(features):
                sink.write(("," if i else "") + feature)
            sink.write("]}\n")
    finally:
        if output:
            sink.close()

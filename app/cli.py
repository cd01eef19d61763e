"""The ``geoevents`` command line. Errors print a message and exit with code 2.

Each command imports what it needs when it runs: ``geoevents --help`` loads no models, no
numpy or shapely, and no pydantic (a test keeps it so).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from app import cli_backup, cli_data, cli_evaluate, cli_store
from app.errors import GeoEventsError
from app.live import cli as live_cli
from app.startup import gc_paused, short_lived_process
from app.transfer import cli as transfer_cli

if TYPE_CHECKING:
    from app.extraction.pipeline import Extractor
    from app.gazetteer.geocoder import Gazetteer

app = typer.Typer(
    help="Map conflict events from news reports about Iraq and Syria, offline.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Manage the local gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


#: How long a worker may take to start (and to answer a health ping) before it is replaced.
WORKER_START_SECONDS = 60


def fail(message: str) -> typer.Exit:
    """Print an error and return the exit to raise (code 2)."""
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=2)


def _gazetteer() -> Gazetteer:
    from app.settings import Settings
    from app.startup import freeze_startup, load_gazetteer

    gazetteer = load_gazetteer(Settings.from_env())
    freeze_startup()
    return gazetteer


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(min=1)] = 1,
    dev_key: Annotated[
        bool,
        typer.Option(
            help="When no GEOEVENTS_API_KEYS is set, make a key "
            "for writes and print it (what `make run` does)"
        ),
    ] = False,
) -> None:
    """Start the HTTP API (what `make run` calls)."""
    import os
    import secrets
    import tempfile

    import uvicorn

    from app.logs import log_config
    from app.metrics import MULTIPROC_ENV
    from app.settings import Settings

    if dev_key and not Settings.from_env().api.api_keys:
        key = secrets.token_urlsafe(24)
        os.environ["GEOEVENTS_API_KEYS"] = key  # read by create_app in this process
        out.print(
            f"API key for writes (this run only): [bold]{key}[/]\n"
            f"  curl -H 'Authorization: Bearer {key}' -X POST http://{host}:{port}/reports "
            "-H 'content-type: application/json' -d @report.json"
        )
    settings = Settings.from_env()
    if workers > 1 and not os.environ.get(MULTIPROC_ENV):
        # Each worker writes its metrics here; /metrics adds them up (see app.metrics).
        metrics_dir = tempfile.TemporaryDirectory(prefix="geoevents-metrics-")
        os.environ[MULTIPROC_ENV] = metrics_dir.name
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=log_config(settings.logs),
        access_log=False,
        # A worker imports the geo stack and loads the gazetteer before it answers the
        # supervisor's pings: on a busy machine that takes longer than uvicorn's 5 s, and
        # the supervisor would kill and respawn workers for ever.
        timeout_worker_healthcheck=WORKER_START_SECONDS,
    )


@app.command()
def geocode(
    name: Annotated[str, typer.Argument(help="A place name in any spelling")],
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 filter")] = None,
    kind: Annotated[str | None, typer.Option(help="Kind or family filter")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100)] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Look a place name up in the gazetteer."""
    try:
        hits = _gazetteer().search(name, country=country, kind=kind, limit=limit)
    except GeoEventsError as exc:
        raise fail(exc.detail) from exc
    if as_json:
        results = [
            {
                **asdict(c.place),
                "aliases": list(c.place.aliases),
                "score": c.score,
                "match": c.match,
            }
            for c in hits
        ]
        sys.stdout.write(json.dumps({"query": name, "results": results}, ensure_ascii=False) + "\n")
        return
    if not hits:
        out.print(f"No place matches {name!r}.")
        raise typer.Exit(code=1)
    table = Table("score", "name", "kind", "country", "admin1", "lat", "lon", "id")
    for c in hits:
        p = c.place
        table.add_row(
            f"{c.score:.0f}",
            p.name,
            p.kind,
            p.country,
            p.admin1 or "",
            f"{p.lat:.4f}",
            f"{p.lon:.4f}",
            p.id,
        )
    out.print(table)


@app.command()
def reverse(
    lat: Annotated[float, typer.Argument(help="Latitude, WGS84")],
    lon: Annotated[float, typer.Argument(help="Longitude, WGS84")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Country, governorate and district of a point."""
    try:
        result = _gazetteer().reverse(lat, lon)
    except GeoEventsError as exc:
        raise fail(exc.detail) from exc
    body = {k: v for k, v in asdict(result).items() if k != "nearest"}
    if as_json:
        sys.stdout.write(json.dumps(body, ensure_ascii=False) + "\n")
    else:
        for key, value in body.items():
            out.print(f"{key:12} {value if value is not None else '-'}")


@gazetteer_app.command("import-geonames")
def import_geonames(
    file: Annotated[Path, typer.Argument(help="A GeoNames dump such as IQ.txt")],
    alternate_names: Annotated[Path | None, typer.Option(help="alternateNames file")] = None,
    target: Annotated[
        Path | None,
        typer.Option(help="Output CSV (default: user gazetteer directory / geonames-<name>.csv)"),
    ] = None,
) -> None:
    """Add places from a GeoNames country dump to the user gazetteer."""
    from app.gazetteer.geonames_import import read_alternate_names, read_geonames, write_places
    from app.settings import Settings

    if not file.is_file():
        raise fail(f"{file} is not a file")
    if alternate_names is not None and not alternate_names.is_file():
        raise fail(f"{alternate_names} is not a file")
    settings = Settings.from_env()
    try:
        gazetteer = _gazetteer()
        alternate = read_alternate_names(alternate_names) if alternate_names else None
        rows, report = read_geonames(file, gazetteer, alternate)
    except GeoEventsError as exc:
        raise fail(exc.detail) from exc
    if not rows:
        raise fail(f"no usable places in {file} ({dict(report.skipped)})")
    target = target or settings.gazetteer.resolved_user_dir() / f"geonames-{file.stem}.csv"
    write_places(rows, target)
    out.print(f"Imported {report.kept} places into {target}")
    for reason, count in sorted(report.skipped.items()):
        out.print(f"  skipped {count}: {reason}")
    for line in report.errors[:20]:
        err.print(f"  {line}")


@gazetteer_app.command("spellings")
def spellings(
    file: Annotated[Path, typer.Argument(help="CSV of spellings: spelling,place,governorate,...")],
    misses: Annotated[bool, typer.Option(help="List the spellings not found")] = False,
) -> None:
    """Share of spellings whose place comes in the top three of a search."""
    from app.gazetteer.spellings import read_spellings, score_spellings

    try:
        report = score_spellings(_gazetteer(), read_spellings(file))
    except GeoEventsError as exc:
        raise fail(exc.detail) from exc
    total = len(report.results)
    out.print(f"top-3: {report.found}/{total} = {report.share:.3f}")
    out.print(f"top-1: {report.first}/{total} = {report.first_share:.3f}")
    if misses:
        for miss in report.misses():
            row = miss.spelling
            out.print(f"  {row.spelling!r} -> {row.place}: {', '.join(miss.top) or 'nothing'}")


def _read_text(source: str) -> str:
    """A report from a file or standard input ("-"); undecodable bytes become U+FFFD."""
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise fail(f"cannot read {source}: {exc.strerror or exc}") from exc
    return raw.decode("utf-8", errors="replace")


@gc_paused()
def _extractor() -> Extractor:
    from app.settings import Settings
    from app.startup import freeze_startup, load_extractor

    extractor = load_extractor(Settings.from_env())
    freeze_startup()
    return extractor


PublishedOpt = Annotated[
    datetime | None,
    typer.Option("--published", formats=["%Y-%m-%d"], help="Publication date, YYYY-MM-DD"),
]


@app.command()
def geoparse(
    source: Annotated[str, typer.Argument(help="A text or HTML file, or - for standard input")],
    published: PublishedOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Find and resolve every place name in a report."""
    from app.extraction.schemas import GeoparseResult

    text = _read_text(source)
    try:
        cleaned, mentions = _extractor().geoparse(text)
    except GeoEventsError as exc:
        raise fail(exc.detail) from exc
    result = GeoparseResult.of(cleaned, mentions)
    if as_json:
        sys.stdout.write(result.model_dump_json(exclude={"text"}) + "\n")
        return
    table = Table("start", "text", "place", "kind", "admin1", "id")
    for m in result.mentions:
        p = m.place
        table.add_row(
            str(m.start),
            m.text,
            p.name if p else "[red]no match[/]",
            p.kind if p else "",
            (p.admin1 or "") if p else "",
            p.id if p else "",
        )
    out.print(table)


@app.command()
def extract(
    source: Annotated[str, typer.Argument(help="A text or HTML file, or - for standard input")],
    published: Annotated[
        datetime,
        typer.Option("--published", formats=["%Y-%m-%d"], help="Publication date, YYYY-MM-DD"),
    ],
    title: Annotated[str | None, typer.Option(help="Title of the report")] = None,
    url: Annotated[str | None, typer.Option(help="Where the report was published")] = None,
) -> None:
    """Events of a report as a GeoJSON FeatureCollection on standard output."""
    from app.events import EventCollection
    from app.extraction.report_input import ReportInput

    text = _read_text(source)
    try:
        result = _extractor().extract(ReportInput(text, published.date(), title, url))
    except GeoEventsError as exc:
        raise fail(exc.detail) from exc
    collection = EventCollection(type="FeatureCollection", features=result.events)
    sys.stdout.write(collection.model_dump_json(exclude_none=False) + "\n")


app.command("evaluate")(cli_evaluate.evaluate)
app.add_typer(live_cli.feeds_app, name="feeds")
app.command("watch")(live_cli.watch)
app.command("ingest")(cli_data.ingest)
app.command("import")(transfer_cli.import_events)
app.command("export")(transfer_cli.export_events)
app.command("backup")(cli_backup.backup_command)
app.command("restore")(cli_backup.restore_command)
app.command("migrate-store")(cli_store.migrate_store)
app.add_typer(cli_store.db_app, name="db")


def main() -> None:
    """Console-script entry point."""
    short_lived_process()
    app()

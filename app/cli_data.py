"""``geoevents ingest``: reports from files into the store (no server needed).

Heavy modules are imported inside the command, so that ``geoevents --help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

if TYPE_CHECKING:
    from app.extraction.report_input import ReportInput
    from app.ingest import Ingestor
    from app.settings import Settings

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
_DATE_LINE = re.compile(r"^\s*Date:\s*(\d{4}-\d{2}-\d{2})\s*$", re.M | re.I)


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=2)


def _ingestor(settings: Settings) -> Ingestor:
    """An ingestor on the configured gazetteer and store (``geoevents watch`` uses it)."""
    from app.ingest import Ingestor
    from app.startup import freeze_startup, load_extractor
    from app.store import open_store

    extractor = load_extractor(settings)
    freeze_startup()
    return Ingestor(extractor, extractor.gazetteer, open_store(settings.store.database_url))


def _report_files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in (".txt", ".html", ".htm", ".jsonl")
            )
        else:
            yield path


def _reports(path: Path, published: dt.date | None) -> Iterator[tuple[str, ReportInput | str]]:
    """(where, report or why it cannot be read) for one file."""
    from app.extraction.report_input import ReportInput

    try:
        data = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        yield str(path), f"cannot read: {exc.strerror or exc}"
        return
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(data.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                obj = json.loads(line)
                yield (
                    where,
                    ReportInput(
                        obj["text"],
                        dt.date.fromisoformat(obj["published"]),
                        obj.get("title"),
                        obj.get("url"),
                        obj.get("source"),
                    ),
                )
            except (ValueError, KeyError, TypeError) as exc:
                yield where, f"not a report object ({exc})"
        return
    match = _DATE_LINE.search(data[:2000])
    date = published or (dt.date.fromisoformat(match.group(1)) if match else None)
    if date is None:
        yield str(path), "no publication date: pass --published or start with a 'Date:' line"
        return
    text = _DATE_LINE.sub("", data, count=1) if match else data
    yield str(path), ReportInput(text, date, path.stem)


class _Rate(ProgressColumn):
    """Reports per second so far."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} reports/s" if speed else "- reports/s", style="cyan")


def _count(path: Path) -> int:
    """Reports in a file, for the progress bar (JSON lines: its non-empty lines)."""
    if path.suffix.lower() != ".jsonl":
        return 1
    try:
        return sum(1 for line in path.read_bytes().splitlines() if line.strip())
    except OSError:
        return 1


def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files or directories (.txt, .html, or .jsonl with one report object per line)"
        ),
    ],
    published: Annotated[
        dt.datetime | None,
        typer.Option(
            "--published", formats=["%Y-%m-%d"], help="Publication date of .txt/.html files"
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Processes reading reports (default: all cores)"),
    ] = None,
    batch: Annotated[
        int, typer.Option("--batch", min=1, help="Reports per transaction (all or nothing)")
    ] = 400,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar")] = False,
) -> None:
    """Read reports into the store named by GEOEVENTS_DATABASE_URL.

    Reports are read on every core and stored in batches; reports already stored are
    skipped, so a run that was stopped can simply be started again.
    """
    from app.settings import Settings
    from app.startup import freeze_startup, load_extractor

    started = time.perf_counter()
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise _fail(f"no such file or directory: {', '.join(map(str, missing))}")
    settings = Settings.from_env()
    # First: start-up's cached patterns must reach re before the pipeline is imported.
    extractor = load_extractor(settings)
    from app.ingest_pool import CHUNK, IngestRun, default_jobs
    from app.store import open_store

    freeze_startup()
    gazetteer = extractor.gazetteer
    store = open_store(settings.store.database_url)
    files = list(_report_files(paths))
    day = published.date() if published else None
    items = (item for path in files for item in _reports(path, day))
    counts: Counter[str] = Counter()
    problems: list[str] = []
    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        _Rate(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal,
    )
    workers = jobs or default_jobs()
    run_on = IngestRun(extractor, gazetteer, store, workers, chunk=min(CHUNK, batch), batch=batch)
    with run_on as run, progress:
        task = progress.add_task("ingesting", total=sum(_count(p) for p in files))
        for where, outcome in run.run(items, lambda n: progress.advance(task, n)):
            if isinstance(outcome, str):
                counts["rejected"] += 1
                problems.append(f"{where}: {outcome}")
                continue
            counts["new reports" if outcome.created else "already stored"] += 1
            counts["events"] += len(outcome.event_ids)
            counts["merged into existing events"] += len(outcome.merged_into)
            counts["unplaced events"] += len(outcome.unlocated_ids)
    for key, value in counts.items():
        out.print(f"{key}: {value}")
    for line in problems:
        err.print(f"  {line}")
    total = sum(counts[k] for k in ("new reports", "already stored", "rejected"))
    seconds = time.perf_counter() - started
    if not quiet:
        err.print(f"{total:,} reports in {seconds:.1f} s ({total / seconds:,.0f} reports/s)")
    if counts["rejected"] and not counts["new reports"] and not counts["already stored"]:
        raise typer.Exit(code=2)

"""``geoevents ingest``: reports from files into the store (no server needed)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress

from app.errors import GeoEventsError
from app.extraction.pipeline import Extractor, ReportInput
from app.gazetteer.geocoder import Gazetteer
from app.ingest import Ingestor
from app.settings import Settings
from app.store import open_store

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
_DATE_LINE = re.compile(r"^\s*Date:\s*(\d{4}-\d{2}-\d{2})\s*$", re.M | re.I)


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=2)


def _ingestor(settings: Settings) -> Ingestor:
    gazetteer = Gazetteer.load(
        settings.gazetteer.gazetteer_dir, settings.gazetteer.resolved_user_dir()
    )
    extractor = Extractor.configured(gazetteer, settings)
    return Ingestor(extractor, gazetteer, open_store(settings.store.database_url))


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
) -> None:
    """Read reports into the store named by GEOEVENTS_DATABASE_URL."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise _fail(f"no such file or directory: {', '.join(map(str, missing))}")
    ingestor = _ingestor(Settings.from_env())
    counts: Counter[str] = Counter()
    problems: list[str] = []
    files = list(_report_files(paths))
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files))
        for path in files:
            for where, report in _reports(path, published.date() if published else None):
                if isinstance(report, str):
                    counts["rejected"] += 1
                    problems.append(f"{where}: {report}")
                    continue
                try:
                    result, _ = ingestor.ingest(report, who="cli")
                except GeoEventsError as exc:
                    counts["rejected"] += 1
                    problems.append(f"{where}: {exc.detail}")
                    continue
                counts["new reports" if result.created else "already stored"] += 1
                counts["events"] += len(result.event_ids)
                counts["merged into existing events"] += len(result.merged_into)
                counts["unplaced events"] += len(result.unlocated_ids)
            progress.advance(task)
    for key, value in counts.items():
        out.print(f"{key}: {value}")
    for line in problems:
        err.print(f"  {line}")
    if counts["rejected"] and not counts["new reports"] and not counts["already stored"]:
        raise typer.Exit(code=2)

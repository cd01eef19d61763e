"""`geoevents evaluate`: score extraction on a gold corpus, and refit the confidence model."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console
from rich.table import Table

from app.errors import GeoEventsError

if TYPE_CHECKING:
    from app.extraction.evaluate import Scores
    from app.extraction.pipeline import Extractor

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def _extractor() -> Extractor:
    from app.extraction.pipeline import Extractor
    from app.settings import Settings
    from app.startup import load_gazetteer_build

    settings = Settings.from_env()
    build = load_gazetteer_build(settings)
    extractor = Extractor(
        build.gazetteer,
        settings.extraction.extra_actor_files(),
        max_chars=settings.api.max_text_chars,
        toponyms=build.toponyms,
    )
    if not settings.extraction.learned:
        extractor.learned = None  # GEOEVENTS_LEARNED=false: the rules alone
    return extractor


def evaluate(
    corpus: Annotated[
        Path, typer.Argument(help="Gold corpus: a JSONL file, or a directory with dev/test.jsonl")
    ],
    split: Annotated[
        Literal["dev", "test"] | None,
        typer.Option(help="Which split of a corpus directory (default dev)"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    errors: Annotated[int, typer.Option(help="How many disagreements to list")] = 0,
    calibrate: Annotated[
        bool,
        typer.Option(
            help="Refit the confidence model on this corpus and write it (tune on dev only)"
        ),
    ] = False,
    model_out: Annotated[
        Path | None,
        typer.Option(help="Where --calibrate writes the model (default data/calibration.json)"),
    ] = None,
    raw_actor_names: Annotated[
        bool,
        typer.Option(
            "--raw-actor-names",
            help="Compare gold actor names as written, not read through the actor lexicon's "
            "aliases (the scoring before issue 9, for comparable figures)",
        ),
    ] = False,
) -> None:
    """Score extraction against a corpus with gold annotations."""
    from app.extraction.confidence import default_model_file
    from app.extraction.evaluate import corpus_file, read_corpus
    from app.extraction.evaluate import evaluate as run
    from app.extraction.evaluation.report import summary

    try:
        path = corpus_file(corpus, split)
        scores = run(_extractor(), read_corpus(path), raw_actor_names=raw_actor_names)
    except GeoEventsError as exc:
        err.print(f"[bold red]error:[/] {exc.detail}")
        raise typer.Exit(code=2) from exc
    if as_json:
        sys.stdout.write(json.dumps(summary(scores)) + "\n")
    else:
        _print(scores)
    for line in [*scores.errors, *scores.details][:errors]:
        out.print(line, markup=False, highlight=False)
    if calibrate:
        _calibrate(scores, path, model_out or default_model_file())


def _print(scores: Scores) -> None:
    from app.extraction.evaluation.report import summary, tables

    out.width = max(out.width, 150)  # the per-slice tables have eleven columns
    head = Table("measure", "value", title="Headline")
    for key, value in summary(scores).items():
        if not isinstance(value, dict | list):
            head.add_row(key, str(value))
    out.print(head)
    for t in tables(scores):
        table = Table(*t.header, title=t.title)
        for row in t.rows:
            table.add_row(*row)
        out.print(table)


def _calibrate(scores: Scores, corpus: Path, target: Path) -> None:
    from app.extraction.evaluation.calibration import fit, out_of_fold, safety_shift, shifted
    from app.extraction.evaluation.report import reliability_table

    samples = scores.predictions
    if any(p.features is None for p in samples):
        # Extraction.drafts must line up with Extraction.events (one draft per feature).
        err.print("[bold red]error:[/] the extraction's drafts do not match its events")
        raise typer.Exit(code=2)
    if len({p.right for p in samples}) < 2:
        err.print("[bold red]error:[/] calibration needs both right and wrong events")
        raise typer.Exit(code=2)
    shift = safety_shift(samples)
    held = out_of_fold(samples, shift=shift)
    model = shifted(fit(samples), shift)
    note = {
        "corpus": corpus.as_posix(),
        "reports": scores.reports,
        "events": len(samples),
        "right": sum(p.right for p in samples),
        "bias_shift": shift,
        "on": dt.date.today().isoformat(),
        "how": "geoevents evaluate CORPUS --split dev --calibrate",
    }
    target.write_text(model.to_json(note), encoding="utf-8")
    out.print(f"wrote {target}")
    t = reliability_table("Out-of-fold reliability of the new model (folds by report)", held)
    table = Table(*t.header, title=t.title)
    for row in t.rows:
        table.add_row(*row)
    out.print(table)

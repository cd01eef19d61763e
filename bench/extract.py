"""Extraction speed: the whole pipeline over the gold corpus, repeated.

    python -m bench.extract [--reports 2000]

Runs in one process on one core, start-up frozen out of the collector's sight as in the
commands (``app.startup.freeze_startup``). Prints start-up time (gazetteer load and automaton
build), then reports/s and words/s for the corpus briefs as written (about 90 words) and for
news-length reports made by joining four briefs (about 370 words), by the clock and by the
process's CPU time (the figure to compare on a machine that others load). Targets: start-up
under 2 s; at least 300 news-length reports/s. Last, where a news-length report's time goes:
finding and resolving its places alone (``Extractor.geoparse``) against the whole extraction.
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable

from app.extraction.evaluate import read_corpus
from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput
from app.gazetteer.geocoder import Gazetteer
from app.startup import freeze_startup, short_lived_process
from tests.conftest import FIXTURES


def run(
    extractor: Extractor, reports: list[ReportInput], total: int
) -> tuple[float, float, int, int]:
    """Wall and CPU seconds, words and events for ``total`` reports cycling over ``reports``."""
    words = 0
    events = 0
    started, cpu = time.perf_counter(), time.process_time()
    for i in range(total):
        report = reports[i % len(reports)]
        events += len(extractor.extract(report).events)
        words += len(report.text.split())
    return time.perf_counter() - started, time.process_time() - cpu, words, events


def main() -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=2000)
    args = parser.parse_args()

    started = time.perf_counter()
    gazetteer = Gazetteer.load()
    loaded = time.perf_counter()
    extractor = Extractor(gazetteer)
    ready = time.perf_counter()
    # As `geoevents extract`, `ingest` and its workers do (app.startup.freeze_startup): what
    # start-up built is moved out of the cyclic collector's sight, which otherwise walks it
    # again and again while reports are read (4-9% of the time measured here).
    short_lived_process()
    freeze_startup()

    records = read_corpus(FIXTURES / "corpus" / "reports.jsonl")
    briefs = [ReportInput(r["text"], r["published"]) for r in records]
    news = [
        ReportInput("\n\n".join(b.text for b in briefs[i : i + 4]), briefs[i].published)
        for i in range(0, len(briefs) - 3, 4)
    ]
    extractor.extract(briefs[0])  # warm the caches once

    print(f"machine: {platform.machine()} python {platform.python_version()}, one core")
    print(
        f"start-up: {ready - started:.2f} s (gazetteer {loaded - started:.2f} s, "
        f"automata {ready - loaded:.2f} s; target < 2 s)"
    )
    for label, reports in (("briefs", briefs), ("news-length", news)):
        seconds, cpu, words, events = run(extractor, reports, args.reports)
        per_report = words / args.reports
        print(
            f"{label:12}: {args.reports:,} reports of ~{per_report:.0f} words in "
            f"{seconds:.2f} s = {args.reports / seconds:,.0f} reports/s, "
            f"{words / seconds:,.0f} words/s, {events:,} events; "
            f"CPU {cpu:.2f} s = {args.reports / cpu:,.0f} reports/s"
        )
    places = cpu_ms(lambda r: extractor.geoparse(r.text), news, args.reports)
    whole = cpu_ms(extractor.extract, news, args.reports)
    print(
        f"news-length, CPU per report: {whole:.2f} ms in all, of which places "
        f"{places:.2f} ms ({places / whole:.0%}) and events {whole - places:.2f} ms; "
        f"the 300 reports/s target is {1000 / 300:.2f} ms"
    )


def cpu_ms(step: Callable[[ReportInput], object], reports: list[ReportInput], total: int) -> float:
    """CPU milliseconds per report of ``step`` over ``total`` reports cycling over ``reports``."""
    cpu = time.process_time()
    for i in range(total):
        step(reports[i % len(reports)])
    return (time.process_time() - cpu) * 1000 / total


if __name__ == "__main__":
    main()

"""Batch ingest on every core: worker processes read reports, one writer stores them.

The parent loads the gazetteer and the extractor once and forks the workers, which inherit
them (nothing is loaded or pickled per worker). Reports travel to the workers in chunks and
come back as plain records (``app.store.prepared``), in order; the parent writes them in
batches of hundreds of reports per transaction. Reports already stored (same content hash
or URL) are skipped before they are read, so a run stopped half way resumes where it
stopped: every committed batch stays, the interrupted one was rolled back.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from app.domain import IngestResult
from app.errors import GeoEventsError
from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput
from app.extraction.text import clean_text
from app.gazetteer.geocoder import Gazetteer
from app.ingest import Prepared, content_hash, prepare_reports
from app.startup import freeze_startup
from app.store.base import EventStore

CHUNK = 40  # reports per task sent to a worker
BATCH = 400  # reports per write transaction

#: What became of one input: stored (or found stored), or why it was not.
Outcome = IngestResult | str
#: An input: where it came from ("file.jsonl:12") and the report, or why it cannot be read.
Item = tuple[str, ReportInput | str]

_reader: tuple[Extractor, Gazetteer] | None = None


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _set_reader(extractor: Extractor, gazetteer: Gazetteer) -> None:
    global _reader
    _reader = (extractor, gazetteer)


def _read_chunk(reports: list[ReportInput]) -> list[Prepared | str]:
    """In a worker: extract, stamp and prepare a chunk; errors come back as messages."""
    assert _reader is not None, "worker started without its extractor"
    return [
        r.detail if isinstance(r, GeoEventsError) else r for r in prepare_reports(*_reader, reports)
    ]


#: A report on its way: to read, read and ready to write, or settled (stored or refused).
_State = ReportInput | Prepared | Outcome


@dataclass
class IngestRun:
    """Reads reports on ``jobs`` processes and stores them in batches through ``store``."""

    extractor: Extractor
    gazetteer: Gazetteer
    store: EventStore
    jobs: int = 1
    who: str = "cli"
    chunk: int = CHUNK
    batch: int = BATCH

    _pool: ProcessPoolExecutor | None = field(default=None, init=False, repr=False)

    def __enter__(self) -> IngestRun:
        """Start the workers (before any thread of the caller's, such as a progress bar)."""
        _set_reader(self.extractor, self.gazetteer)
        if self.jobs > 1:
            # Forked workers inherit the loaded gazetteer and automata: nothing is loaded
            # again or pickled per worker. They never touch the parent's store connection.
            self.gazetteer.load_polygons()  # read on first use otherwise: once, not per worker
            freeze_startup()  # the collector then never walks (nor copies) what they share
            self._pool = ProcessPoolExecutor(
                self.jobs, mp_context=multiprocessing.get_context("fork")
            )
            self._pool.submit(os.getpid).result()  # forks every worker now
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def run(
        self, items: Iterable[Item], on_done: Callable[[int], None] | None = None
    ) -> Iterator[tuple[str, Outcome]]:
        """(where, outcome) for every input, in input order; ``on_done(n)`` after each write."""
        window: deque[tuple[list[tuple[str, _State]], Future[list[Prepared | str]]]] = deque()
        ready: list[tuple[str, _State]] = []
        for chunk in self._chunks(items):
            todo = [s for _, s in chunk if isinstance(s, ReportInput)]
            window.append((chunk, self._submit(self._pool, todo)))
            # Keep every worker busy with a chunk or two queued; write what is back.
            while window and (len(window) > 2 * self.jobs or window[0][1].done()):
                ready += _settle(*window.popleft())
                if len(ready) >= self.batch:
                    yield from self._write(ready, on_done)
                    ready = []
        while window:
            ready += _settle(*window.popleft())
            if len(ready) >= self.batch:
                yield from self._write(ready, on_done)
                ready = []
        yield from self._write(ready, on_done)

    @staticmethod
    def _submit(
        pool: ProcessPoolExecutor | None, reports: list[ReportInput]
    ) -> Future[list[Prepared | str]]:
        if pool is not None and reports:
            return pool.submit(_read_chunk, reports)
        done: Future[list[Prepared | str]] = Future()
        done.set_result(_read_chunk(reports) if reports else [])
        return done

    def _chunks(self, items: Iterable[Item]) -> Iterator[list[tuple[str, _State]]]:
        # A store that held no report when the run began can hold none of these but the
        # ones this run writes, which the writer recognises: no look-up needed.
        resuming = self.store.list_reports(1, 0)[1] > 0
        chunk: list[Item] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= self.chunk:
                yield self._skip_known(chunk) if resuming else list(chunk)
                chunk = []
        if chunk:
            yield self._skip_known(chunk) if resuming else list(chunk)

    def _skip_known(self, chunk: list[Item]) -> list[tuple[str, _State]]:
        """Reports already stored settle here, before any worker reads them (resuming)."""
        hashes = [
            content_hash(clean_text(r.text)) if isinstance(r, ReportInput) else "" for _, r in chunk
        ]
        urls = [r.url for _, r in chunk if isinstance(r, ReportInput) and r.url]
        known = self.store.known_reports([h for h in hashes if h], urls)
        out: list[tuple[str, _State]] = []
        for (where, report), digest in zip(chunk, hashes, strict=True):
            if isinstance(report, ReportInput):
                stored = known.get(digest) or (known.get(report.url) if report.url else None)
                if stored is not None:
                    out.append((where, IngestResult(stored, False)))
                    continue
            out.append((where, report))
        return out

    def _write(
        self, ready: list[tuple[str, _State]], on_done: Callable[[int], None] | None
    ) -> Iterator[tuple[str, Outcome]]:
        """One transaction for the batch's readable reports; outcomes in input order."""
        prepared = [s for _, s in ready if isinstance(s, tuple)]
        stored = iter(self.store.add_reports(prepared, self.who) if prepared else [])
        if on_done is not None:
            on_done(len(ready))
        for where, state in ready:
            if isinstance(state, tuple):
                yield where, next(stored)
            else:
                assert not isinstance(state, ReportInput)
                yield where, state


def _settle(
    chunk: list[tuple[str, _State]], read: Future[list[Prepared | str]]
) -> list[tuple[str, _State]]:
    """Put each worker result in the place of the report it read."""
    results = iter(read.result())
    return [(w, next(results) if isinstance(s, ReportInput) else s) for w, s in chunk]

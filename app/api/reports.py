"""Reports: POST /reports reads and stores one; GET lists and shows them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import ValidationError

from app.api.deps import IngestorDep, ReaderDep, SettingsDep, StoreDep, WriterDep
from app.api.events import GEOJSON, collection, page_links
from app.api.problems import TYPE_BASE, status_for
from app.api.schemas import (
    BatchItemOut,
    IngestOut,
    ReportBatchIn,
    ReportBatchOut,
    ReportIn,
    ReportList,
    ReportOut,
)
from app.domain import EventQuery, IngestResult, ReportRecord
from app.errors import GeoEventsError, TextTooLong
from app.extraction.report_input import ReportInput
from app.store.base import EventStore

router = APIRouter(tags=["reports"])
ReportId = Annotated[int, Path(ge=1)]


def _out(store: EventStore, report: ReportRecord, with_text: bool) -> ReportOut:
    links = store.report_events(report.id)
    return ReportOut(
        id=report.id,
        title=report.title,
        url=report.url,
        source=report.source,
        published=report.published,
        ingested_at=report.ingested_at,
        content_hash=report.content_hash,
        event_ids=list(links.event_ids),
        unlocated_ids=list(links.unlocated_ids),
        text=report.text if with_text else None,
    )


@router.post(
    "/reports",
    response_model=IngestOut,
    status_code=201,
    responses={200: {"model": IngestOut, "description": "Already stored"}},
)
def post_report(
    report: ReportIn, ingestor: IngestorDep, settings: SettingsDep, who: WriterDep
) -> Response:
    """Read a report, store it and its events. Re-posting a known report (same URL or same
    text) stores nothing and answers 200 with the existing ids."""
    limit = settings.api.max_text_chars
    if len(report.text) > limit:
        raise TextTooLong(f"text has {len(report.text):,} characters; the limit is {limit:,}")
    result, events = ingestor.ingest(
        ReportInput(report.text, report.published, report.title, report.url, report.source), who
    )
    ids = [*result.event_ids, *result.merged_into, *result.unlocated_ids]
    stored = [ingestor.store.get(i) for i in ids]
    body = IngestOut(
        report_id=result.report_id,
        created=result.created,
        event_ids=list(result.event_ids),
        merged_into=list(result.merged_into),
        unlocated_ids=list(result.unlocated_ids),
        events={"type": "FeatureCollection", "features": []},
    )
    payload = body.model_dump_json().replace(
        '"features":[]', '"features":[' + ",".join(stored) + "]", 1
    )
    return Response(
        payload,
        status_code=201 if result.created else 200,
        media_type="application/json",
        headers={"Location": f"/reports/{result.report_id}"},
    )


@router.post("/reports/batch", response_model=ReportBatchOut)
def post_reports(
    batch: ReportBatchIn, ingestor: IngestorDep, settings: SettingsDep, who: WriterDep
) -> ReportBatchOut:
    """Read and store up to 1,000 reports in one transaction, with a result per item.

    Items are independent: an item that is not a valid report (or whose text is too long)
    gets its own status and problem object and stores nothing, while the valid items are
    stored together. The whole request is refused (problem+json) only when it is malformed
    itself: not JSON (400, the input guard), a body over ``max_batch_body_bytes`` (413), no
    ``reports`` list or a list of 0 or more than 1,000 (422).
    Results carry ids, not features: ``GET /reports/{id}/events`` gives the events.
    """
    limit = settings.api.max_text_chars
    results: list[BatchItemOut | None] = [None] * len(batch.reports)
    readable: list[tuple[int, ReportInput]] = []
    for index, item in enumerate(batch.reports):
        try:
            report = ReportIn.model_validate(item)
        except ValidationError as exc:
            detail = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'report'}: {e['msg']}"
                for e in exc.errors()[:10]
            )
            results[index] = _refused(index, 422, "invalid-input", "Invalid input", detail)
            continue
        if len(report.text) > limit:
            error = TextTooLong(f"text has {len(report.text):,} characters; the limit is {limit:,}")
            results[index] = _refused(
                index, status_for(error), error.slug, error.title, error.detail
            )
            continue
        readable.append(
            (
                index,
                ReportInput(report.text, report.published, report.title, report.url, report.source),
            )
        )
    outcomes = ingestor.ingest_many([r for _, r in readable], who)
    for (index, _), outcome in zip(readable, outcomes, strict=True):
        results[index] = _item(index, outcome)
    done = [r for r in results if r is not None]
    return ReportBatchOut(
        created=sum(r.status == 201 for r in done),
        existing=sum(r.status == 200 for r in done),
        failed=sum(r.status >= 400 for r in done),
        results=done,
    )


def _refused(index: int, status: int, slug: str, title: str, detail: str) -> BatchItemOut:
    problem = {"type": TYPE_BASE + slug, "title": title, "status": status, "detail": detail}
    return BatchItemOut(index=index, status=status, problem=problem)


def _item(index: int, outcome: IngestResult | GeoEventsError) -> BatchItemOut:
    if isinstance(outcome, GeoEventsError):
        status = status_for(outcome)
        detail = outcome.detail if status < 500 else outcome.title
        return _refused(index, status, outcome.slug, outcome.title, detail)
    return BatchItemOut(
        index=index,
        status=201 if outcome.created else 200,
        report_id=outcome.report_id,
        created=outcome.created,
        event_ids=list(outcome.event_ids),
        merged_into=list(outcome.merged_into),
        unlocated_ids=list(outcome.unlocated_ids),
    )


@router.get("/reports", response_model=ReportList)
def list_reports(
    store: StoreDep,
    _: ReaderDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0, le=2**63 - 1)] = 0,
) -> ReportList:
    """Stored reports, newest first."""
    reports, total = store.list_reports(limit, offset)
    out = [_out(store, r, with_text=False) for r in reports]
    return ReportList(reports=out, numberMatched=total, numberReturned=len(out))


@router.get("/reports/{report_id}", response_model=ReportOut)
def get_report(report_id: ReportId, store: StoreDep, _: ReaderDep) -> ReportOut:
    """A report with its text, its events and its unplaced event candidates."""
    return _out(store, store.get_report(report_id), with_text=True)


@router.get(
    "/reports/{report_id}/events",
    response_class=Response,
    responses={200: {"content": {GEOJSON: {}}}},
)
def report_events(report_id: ReportId, request: Request, store: StoreDep, _: ReaderDep) -> Response:
    """The events a report supports, placed or not, as a FeatureCollection."""
    store.get_report(report_id)
    page = store.query(EventQuery(report_id=report_id, located=None, sort="id", limit=10_000))
    return Response(collection(page, page_links(request, page)), media_type=GEOJSON)

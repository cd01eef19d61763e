"""Batch writes on every backend: the same outcome as one report at a time."""

import datetime as dt

from app.domain import NewReport
from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput
from app.ingest import Ingestor, content_hash
from app.store import open_store
from app.store.prepared import prepare_event
from tests.store.test_batch import SAME_EVENT

REPORTS = [
    SAME_EVENT,
    SAME_EVENT + " Officials blamed the Islamic State.",
    "Protesters rallied in Basra on Sunday over power cuts.",
    SAME_EVENT,
    "Nothing happened anywhere today.",
]


def _extracted(gazetteer):
    extractor = Extractor(gazetteer)
    ingestor = Ingestor(extractor, gazetteer, None)  # stamping only, no store
    items = []
    for text in REPORTS:
        report = ReportInput(text, dt.date(2024, 8, 8))
        result = extractor.extract(report)
        events = [ingestor.stamp(e) for e in result.events]
        new = NewReport(result.text, report.published, content_hash(result.text))
        items.append((new, events))
    return items


def test_add_reports_equals_one_by_one(gazetteer, database_url, second_database_url):
    items = _extracted(gazetteer)
    single, batch = open_store(database_url), open_store(second_database_url)
    try:
        one_by_one = [single.add_report(new, events) for new, events in items]
        together = batch.add_reports(
            [(new, [prepare_event(e) for e in events]) for new, events in items]
        )
        assert together == one_by_one
        assert together[0].event_ids and not together[3].created  # a text told twice
        first = [single.get(i) for r in one_by_one for i in r.event_ids]
        assert first == [batch.get(i) for r in together for i in r.event_ids]
        hashes = [new.content_hash for new, _ in items] + ["unknown"]
        known = batch.known_reports(hashes, ["https://nowhere.example/"])
        assert set(known) == {new.content_hash for new, _ in items}
        first_day, last_day = batch.date_range()
        assert first_day is not None and last_day is not None and first_day <= last_day
    finally:
        single.close()
        batch.close()

"""Folding a repeated report into the stored event (the pure part both backends share)."""

from app.store.dedup import merged_event
from app.store.edits import with_source, without_source
from tests.factories import make_event


def test_a_merge_appends_new_sources_once_and_keeps_the_higher_confidence():
    first = with_source(make_event(confidence=0.6, summary="first"), "/reports/1")
    again = with_source(make_event(confidence=0.9, summary="again"), "/reports/1")
    again = with_source(again, "/reports/2")
    folded = merged_event(first, again)
    assert folded.properties.sources == ["/reports/1", "/reports/2"]
    assert folded.properties.confidence == 0.9
    assert folded.properties.summary == "first"  # the first reading stays
    lower = merged_event(again, first)
    assert lower.properties.confidence == 0.9


def test_without_source_takes_out_only_that_source():
    event = with_source(with_source(make_event(), "/reports/1"), "/reports/2")
    assert without_source(event, "/reports/1").properties.sources == ["/reports/2"]
    assert without_source(event, "/reports/9").properties.sources == event.properties.sources

"""The columns both stores keep beside the Feature text, read alike from either event model."""

from app.store.base import ImportRow
from app.store.event_columns import INDEXED, indexed, words
from app.transfer.fast_check import DECODER
from tests.factories import make_event


def test_import_rows_keep_the_indexed_columns_in_their_order():
    assert ImportRow._fields[2:13] == tuple(INDEXED.split(", "))


def test_both_event_models_give_the_same_columns_and_words():
    event = make_event(lat=33.3, lon=44.4, admin1="IQ-BG")
    fast = DECODER.decode(event.model_dump_json()).properties
    assert indexed(fast) == indexed(event.properties)
    assert words(fast) == words(event.properties)
    assert indexed(event.properties)[4:8] == ("IQ", "IQ-BG", 33.3, 44.4)
    assert event.properties.summary in words(event.properties).split("\n")

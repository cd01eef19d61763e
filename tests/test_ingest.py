import datetime as dt
import hashlib
import re

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import EventQuery
from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput
from app.ingest import Ingestor, content_hash, parse_feature, prepare, stamp_many
from tests.factories import make_event

WHITESPACE = [c for c in map(chr, range(0x3100)) if c.isspace()]


def stored_formula(text: str) -> str:
    """How the hashes already in stores were computed (the identity of a report)."""
    return hashlib.sha256(re.sub(r"\s+", " ", text.casefold()).strip().encode()).hexdigest()


@settings(deadline=None)  # a shared machine: a slow example is no failure
@given(st.lists(st.one_of(st.text(max_size=8), st.sampled_from(WHITESPACE)), max_size=30))
def test_the_content_hash_is_the_stored_formula(parts):
    text = "".join(parts)
    assert content_hash(text) == stored_formula(text)


def test_case_and_spacing_do_not_count_but_words_do():
    same = content_hash("Clashes in  Kirkuk\u00a0on\tTuesday.\n")
    assert same == content_hash(" clashes in kirkuk on tuesday. ")
    assert same != content_hash("Clashes in Kirkuk on Monday.")
    assert len(WHITESPACE) > 20  # the unicode spaces (no-break, ideographic...) are tried


# Stored codes agree with the gazetteer's curated governorates ---------------------------

KAFR_NABUDAH = "cur:kafr-nabudah"  # curated SY-HM; the generalised outline puts it in SY-ID


@pytest.fixture(scope="module")
def extractor(gazetteer):
    return Extractor(gazetteer)


def _kafr_nabudah_feature(gazetteer, *, gazetteer_id=KAFR_NABUDAH, north=0.0):
    place = gazetteer.get(KAFR_NABUDAH)
    event = make_event(lat=place.lat + north, lon=place.lon, admin1=None, country="SY")
    data = event.model_dump(mode="json")
    data["properties"]["location"].update(name=place.name, gazetteer_id=gazetteer_id)
    return data


def test_the_curated_place_is_coded_against_its_outline(gazetteer):
    assert gazetteer.kept_codes[KAFR_NABUDAH].admin1 == "SY-HM"
    place = gazetteer.get(KAFR_NABUDAH)
    assert gazetteer.codes_at(place.lat, place.lon, "SY")[1] == "SY-ID"


def test_an_ingested_kafr_nabudah_event_is_stored_in_hama(gazetteer, extractor, store):
    ingestor = Ingestor(extractor, gazetteer, store)
    text = "Government forces shelled Kafr Nabudah on Sunday, killing three civilians."
    result, events = ingestor.ingest(ReportInput(text, dt.date(2024, 8, 8)))
    location = events[0].properties.location
    assert location is not None and location.gazetteer_id == KAFR_NABUDAH
    assert (location.country, location.admin1) == ("SY", "SY-HM")
    stored = orjson.loads(store.get(result.event_ids[0]))["properties"]["location"]
    assert stored["admin1"] == "SY-HM"
    found = store.query(EventQuery(admin1=("SY-HM",), located=None)).features
    assert [int(orjson.loads(f)["id"]) for f in found] == list(result.event_ids)
    assert store.count(EventQuery(admin1=("SY-ID",))) == 0


def test_other_points_near_there_keep_the_outlines_code(gazetteer, extractor, store):
    features = [
        _kafr_nabudah_feature(gazetteer),
        _kafr_nabudah_feature(gazetteer, gazetteer_id=None),  # the same point, no place
        _kafr_nabudah_feature(gazetteer, north=0.005),  # 0.6 km away: not the place's point
    ]
    events = [parse_feature(f) for f in features]
    stamped = stamp_many(gazetteer, events)
    assert [e.properties.location.admin1 for e in stamped] == ["SY-HM", "SY-ID", "SY-ID"]
    ids = Ingestor(extractor, gazetteer, store).create(events, "test")
    assert store.count(EventQuery(admin1=("SY-HM",))) == 1
    found = store.query(EventQuery(admin1=("SY-ID",))).features
    assert sorted(int(orjson.loads(f)["id"]) for f in found) == sorted(ids[1:])


def test_prepared_files_keep_the_curated_code_and_ignore_odd_ids(gazetteer):
    features = [
        _kafr_nabudah_feature(gazetteer),
        _kafr_nabudah_feature(gazetteer, gazetteer_id=["not", "a", "string"]),
    ]
    events, errors = prepare(gazetteer, features)
    assert events[0].properties.location.admin1 == "SY-HM"
    assert features[1]["properties"]["location"]["admin1"] == "SY-ID"
    assert len(errors) == 1  # the list is no gazetteer id: refused, with its reason

import datetime as dt

import pytest
from shapely.geometry import shape

from app.errors import InvalidInput, TextTooLong
from app.events import EventFeature
from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput

ISSUE_EXAMPLE = (
    "A convoy of about 40 coalition soldiers with a dozen armoured vehicles left Erbil on "
    "Tuesday and took up positions at the K-1 air base outside Kirkuk, two security officials "
    "said on 7 August. In a separate incident, an IED struck an Iraqi army patrol near Jalawla "
    "in Diyala province, killing two soldiers. ISIS claimed the attack."
)


@pytest.fixture(scope="module")
def issue_events(extractor):
    return extractor.extract(ReportInput(ISSUE_EXAMPLE, dt.date(2024, 8, 8))).events


def test_troop_movement_from_erbil_to_k1(issue_events):
    movement = issue_events[0].properties
    assert movement.event_type == "troop_movement" and movement.category == "movement"
    assert movement.origin.name == "Erbil" and movement.location.name == "K-1 Air Base"
    assert movement.location.admin1 == "IQ-KI"
    # "on Tuesday ... said on 7 August" (a Wednesday): the Tuesday before, 6 August.
    assert (movement.date, movement.date_end, movement.date_precision) == (
        dt.date(2024, 8, 6),
        dt.date(2024, 8, 6),
        "day",
    )
    assert movement.reported_at == dt.date(2024, 8, 7)
    assert [a.name for a in movement.actors] == ["US-led coalition"]
    assert movement.strength.personnel.low == 40 and movement.strength.vehicles.low == 12
    assert movement.geo_precision == 1
    assert issue_events[0].geometry.type == "LineString"


def test_ied_at_jalawla(issue_events):
    ied = issue_events[1].properties
    assert ied.event_type == "ied_explosion" and ied.category == "security_incident"
    assert ied.location.name == "Jalawla" and ied.location.admin1 == "IQ-DI"
    assert ied.fatalities == 2
    roles = {(a.name, a.role) for a in ied.actors}
    assert roles == {("ISIS", "actor"), ("Iraqi Security Forces", "target")}
    assert ied.acled_event_type == "Explosions/Remote violence"
    assert ied.acled_sub_event_type == "Remote explosive/landmine/IED"
    assert ied.geo_precision == 2  # "near Jalawla"
    assert len(issue_events) == 2  # "ISIS claimed the attack" is not a third event


def test_evidence_spans_point_into_the_text(issue_events):
    for feature in issue_events:
        fields = {e.field for e in feature.properties.evidence}
        assert {"sentence", "event_type", "location"} <= fields
        for evidence in feature.properties.evidence:
            assert ISSUE_EXAMPLE[evidence.start : evidence.end] == evidence.text


def test_features_are_rfc7946_and_round_trip(issue_events):
    for feature in issue_events:
        body = feature.model_dump(mode="json")
        assert "crs" not in body
        geom = shape(body["geometry"])
        assert -180 <= geom.bounds[0] <= 180 and -90 <= geom.bounds[1] <= 90
        assert geom.bounds[0] > 35  # longitude first: Iraq lies east of 38.8
        assert EventFeature.model_validate(body) == feature


def test_unplaced_event_has_no_geometry(extractor):
    events = extractor.extract(
        ReportInput(
            "Gunmen kidnapped two engineers on Monday, officials said.", dt.date(2024, 8, 8)
        )
    ).events
    assert len(events) == 1
    assert events[0].geometry is None and events[0].properties.location is None
    assert "not resolved" in events[0].properties.summary


def test_background_and_future_are_not_events(extractor):
    text = (
        "Officials warned that militants could attack the city. Attacks have become "
        "routine in Diyala since 2019."
    )
    assert extractor.extract(ReportInput(text, dt.date(2024, 8, 8))).events == []


def test_events_listed_in_several_places_are_split(extractor):
    text = "Smaller protests were held on Friday in Shahba and Salkhad."
    events = extractor.extract(ReportInput(text, dt.date(2023, 9, 12))).events
    assert [e.properties.location.name for e in events] == ["Shahba", "Salkhad"]
    assert all(e.properties.event_type == "protest" for e in events)


@pytest.mark.parametrize("bad", ["", "   \n\t "])
def test_empty_text_is_refused(extractor, bad):
    with pytest.raises(InvalidInput):
        extractor.extract(ReportInput(bad, dt.date(2024, 8, 8)))


def test_oversized_text_is_refused(gazetteer):
    small = Extractor(gazetteer, max_chars=1_000)
    with pytest.raises(TextTooLong):
        small.geoparse("x" * 1_001)


def test_html_and_binary_junk_do_not_crash(extractor):
    html = (
        "<html><body><p>Clashes in <b>Kirkuk</b> on Monday killed three fighters.</p>"
        "<script>document.write('x')</script>\x00\x01\ufffd</body></html>"
    )
    result = extractor.extract(ReportInput(html, dt.date(2024, 8, 8)))
    assert "<" not in result.text
    assert result.events[0].properties.location.name == "Kirkuk"

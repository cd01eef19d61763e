""" "The province" a story never names (sentences written for these tests)."""

import datetime as dt

from app.extraction.report_input import ReportInput


def located(extractor, text):
    found = extractor.extract(ReportInput(text, dt.date(2024, 3, 14))).events
    return [
        (e.properties.event_type, e.properties.location.admin1, e.properties.geo_precision)
        for e in found
    ]


def test_the_province_is_the_governorate_of_the_story_town(extractor):
    text = (
        "Gunmen killed two farmers in Tuz Khurmatu on Sunday. On Monday, the army deployed "
        "more troops across the governorate."
    )
    assert ("troop_deployment", "IQ-SD", 3) in located(extractor, text)


def test_the_town_named_most_not_a_road_named_last(extractor):
    text = (
        "Clan fighters clashed with Druze gunmen in Suwayda on Sunday, and the fighting in "
        "Suwayda spread after a trader was robbed on the Damascus highway. On Monday, the "
        "army deployed more troops across the province."
    )
    assert ("troop_deployment", "SY-SU", 3) in located(extractor, text)

"""'The X district' is a quarter or a town, never a bridge, a camp or a base named X."""

import datetime as dt

from app.extraction.report_input import ReportInput


def governorates(extractor, text):
    events = extractor.extract(ReportInput(text, dt.date(2020, 8, 20))).events
    return [e.properties.location.admin1 for e in events if e.properties.location is not None]


def test_a_district_is_not_the_bridge_of_that_name(extractor):
    text = (
        "Protests continued in Basra on Sunday. On Monday gunmen shot dead a lawyer "
        "outside his office in the Jumhuriya district."
    )
    assert governorates(extractor, text)[-1] == "IQ-BA"


def test_a_district_is_not_the_camp_of_that_name(extractor):
    text = (
        "Clashes broke out in Kirkuk on Sunday. On Monday night a grenade was thrown at a "
        "shop in the Domiz district."
    )
    assert governorates(extractor, text) == ["IQ-KI", "IQ-KI"]


def test_a_district_named_like_a_quarter_still_resolves(extractor):
    text = "Mortar shells hit the Bab Touma district of Damascus on Monday, wounding three."
    assert governorates(extractor, text) == ["SY-DI"]

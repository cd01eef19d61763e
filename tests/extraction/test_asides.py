"""Places named in passing are not what a later "the city" or "the town" means."""

import datetime as dt

import pytest

from app.extraction.report_input import ReportInput


def places(extractor, text):
    events = extractor.extract(ReportInput(text, dt.date(2016, 7, 2))).events
    return [
        (e.properties.event_type, e.properties.location.name, e.properties.location.admin1)
        for e in events
        if e.properties.location is not None
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Where a spokesman sat.
        "Iraqi troops surrounded Ramadi on Monday. Army engineers cleared mines on the city's "
        "edge, a coalition spokesman in Baghdad told reporters. On Wednesday, soldiers fought "
        "militants in the centre of the city.",
        # Where helpers came from.
        "Iraqi troops recaptured Ramadi on Monday. Mine clearers from Baghdad arrived the next "
        "day. On Wednesday, soldiers fought militants in the centre of the city.",
        # The far end of a road.
        "Iraqi troops surrounded Ramadi on Monday, and families queued at checkpoints on the "
        "road to Baghdad. On Wednesday, soldiers fought militants in the centre of the city.",
    ],
)
def test_the_city_is_the_story_town_not_one_named_in_passing(extractor, text):
    found = places(extractor, text)
    assert ("armed_clash", "Ramadi", "IQ-AN") in found
    assert all(admin1 != "IQ-BG" for kind, _, admin1 in found if kind == "armed_clash")


def test_the_city_still_means_a_city_named_plainly_last(extractor):
    found = places(
        extractor,
        "Iraqi troops recaptured Ramadi on Monday. Militants still hold Fallujah. On "
        "Wednesday, soldiers fought militants in the centre of the city.",
    )
    assert ("armed_clash", "Fallujah", "IQ-AN") in found


def test_a_later_event_is_not_placed_on_a_river(extractor):
    # The Euphrates' point lies in Anbar; a Syrian story's next event is at its own town.
    found = places(
        extractor,
        "SDF fighters stormed Hajin on Monday. The town lies on the Euphrates, close to the "
        "Iraqi border. On Tuesday, fighting resumed at dawn.",
    )
    assert found
    assert all(admin1 == "SY-DY" for _, _, admin1 in found)


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # A road named by both ends: the event is at the first, not where the road leads.
        (
            "Rival crowds clashed on Monday on the highway linking Kirkuk to Erbil, where "
            "protesters had blocked traffic.",
            "IQ-KI",
        ),
        (
            "A roadside bomb hit a police patrol on Monday on the highway connecting Baiji "
            "with Kirkuk.",
            "IQ-SD",
        ),
    ],
)
def test_the_far_end_of_a_road_named_by_both_ends_is_not_the_place(extractor, text, admin1):
    found = places(extractor, text)
    assert found and all(where == admin1 for _, _, where in found)


def test_a_road_leading_to_a_town_is_by_that_town(extractor):
    found = places(extractor, "Jets struck army convoys on roads leading to Suwayda on Monday.")
    assert found and all(where == "SY-SU" for _, _, where in found)


def test_where_something_was_seized_from_is_the_place(extractor):
    found = places(
        extractor,
        "After heavy fighting on Tuesday, government troops seized the tunnels from the Qaboun "
        "district, choking the rebels' supply route into Eastern Ghouta.",
    )
    assert found and all(where == "SY-DI" for _, _, where in found)


def test_the_base_the_jets_flew_from_is_not_the_place(extractor):
    found = places(extractor, "Bombers based at Tiyas struck rebel positions near Qaryatayn.")
    assert found and all("Qaryatayn" in name for _, name, _ in found)

"""A state's forces told together in an offensive are its attackers (texts written for these
tests)."""

import datetime as dt

from tests.extraction.helpers import events


def test_forces_advancing_in_an_offensive_are_its_actors(extractor):
    found = events(
        extractor,
        "The offensive to retake Baiji began on 3 June, with soldiers, federal police and "
        "Popular Mobilisation fighters advancing on the town from the south and west.",
        dt.date(2015, 6, 10),
    )
    roles = found[0][3]
    assert roles["Iraqi Security Forces"] == "actor"
    assert roles["Popular Mobilization Forces"] == "actor"


def test_forces_killed_in_an_operation_stay_its_targets(extractor):
    found = events(
        extractor,
        "Two soldiers and three Popular Mobilisation fighters were killed on Monday during an "
        "operation near Baiji, officials said.",
        dt.date(2015, 6, 10),
    )
    assert all(role == "target" for role in found[0][3].values())

"""Where an offensive set out is not the place a withdrawal left (launch_points.py)."""

import pytest

from tests.extraction.helpers import events


@pytest.mark.parametrize(
    "text",
    [
        "The insurgents launched their assault from Tikrit on Sunday and seized most of "
        "Samarra by nightfall, as army units withdrew.",
        "Rebels began the offensive from Idlib at dawn and overran Saraqib hours later after "
        "the garrison pulled out.",
    ],
)
def test_the_withdrawal_is_where_the_offensive_arrived(extractor, text):
    left = [e[1] for e in events(extractor, text) if e[0] == "troop_withdrawal"]
    assert left
    assert all(place not in ("Tikrit", "Idlib") for place in left)


def test_a_force_that_withdrew_from_a_town_left_it(extractor):
    text = "Government troops withdrew from Saraqib on Tuesday."
    assert [e[1] for e in events(extractor, text) if e[0] == "troop_withdrawal"] == ["Saraqib"]

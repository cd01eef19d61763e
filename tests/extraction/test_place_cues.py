"""The words before a place that say its part in an event (sentences written for these tests)."""

import pytest

from app.extraction.place_cues import (
    DEST_CUE,
    FROM_CUE,
    NEAR_CUE,
    OUSTED_CUE,
    ROAD_CUE,
    STRONG_DEST_CUE,
    WITHDRAWN_TO,
)


@pytest.mark.parametrize(
    ("pattern", "before", "found"),
    [
        (NEAR_CUE, "a roadside bomb went off north-west of ", True),
        (NEAR_CUE, "on the outskirts of the ", True),
        (NEAR_CUE, "a roadside bomb went off in ", False),
        (DEST_CUE, "the convoy was heading towards the town of ", True),
        (DEST_CUE, "the convoy came from ", False),
        (STRONG_DEST_CUE, "the reinforcements arrived at ", True),
        (STRONG_DEST_CUE, "the reinforcements were sent to ", False),
        (WITHDRAWN_TO, "the fighters pulled back to ", True),
        (WITHDRAWN_TO, "the fighters stayed in ", False),
        (ROAD_CUE, "militants blocked the highway leading to ", True),
        (FROM_CUE, "rockets were fired from the direction of ", True),
        (FROM_CUE, "all flights to and from ", False),
        (OUSTED_CUE, "the army drove the militants out of ", True),
        (OUSTED_CUE, "the army moved out of ", False),
    ],
)
def test_each_cue_reads_the_words_just_before_a_place(pattern, before, found):
    assert bool(pattern.search(before)) is found

"""A journey's later leg is not where the move went (app/extraction/onward.py; sentences
written for these tests)."""

import pytest

from tests.extraction.helpers import events

PLACE, ADMIN1 = 1, 2

# (sentence, field compared, where the withdrawal is placed, where no event may be placed)
CASES = [
    (
        "A convoy carrying gunmen and their relatives left Talbiseh on Sunday towards al-Bab "
        "under the deal, from where they will continue to Idlib.",
        ADMIN1,
        "SY-HL",
        "SY-ID",
    ),
    (
        "Under the deal, the last fighters were bussed from Harasta to Jarablus and on to Idlib.",
        PLACE,
        "Jarablus",
        "Idlib",
    ),
    (
        # where others were taken, in a while-clause, is not the convoy's place
        "Buses carried 600 fighters toward Idlib province on Monday, while civilians were "
        "taken to shelters in Qudsaya.",
        ADMIN1,
        "SY-ID",
        "SY-RD",
    ),
]


@pytest.mark.parametrize(("text", "field", "placed", "never"), CASES)
def test_a_convoy_is_placed_where_it_went_not_on_a_later_leg(extractor, text, field, placed, never):
    found = [(e[0], e[field]) for e in events(extractor, text)]
    assert ("troop_withdrawal", placed) in found
    assert all(where != never for _, where in found)

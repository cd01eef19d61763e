"""'there' after an act points back to the place named before (sentences written for these
tests)."""

from tests.extraction.helpers import events


def test_an_act_done_there_is_at_the_place_before_not_in_the_next_clause(extractor):
    found = events(
        extractor,
        "KIRKUK - Gunmen attacked an army checkpoint near Hawija on Monday, police said.\n\n"
        "A roadside bomb exploded there on Tuesday, and the army later sent reinforcements "
        "to Tikrit and Baiji.",
    )
    bombs = [e for e in found if e[0] == "ied_explosion"]
    assert [(e[1], e[2]) for e in bombs] == [("Hawija", "IQ-KI")]

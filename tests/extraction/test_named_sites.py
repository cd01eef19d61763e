"""A site named again by its noun alone (sentences written for these tests)."""

from tests.extraction.helpers import events


def test_the_site_again_is_the_site_named_before_far_from_its_noun(extractor):
    text = (
        "Two drones struck Erbil International Airport late on Monday. They fell on open "
        "ground near the airport, without causing damage. Officials in Sulaimani condemned "
        "it. In May a rocket had also hit a hangar inside the airport, wounding a contractor."
    )
    assert {p for _, p in [(e[0], e[1]) for e in events(extractor, text)]} == {"Erbil Air Base"}

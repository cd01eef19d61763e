"""A sentence that refers back to an event but lists places of its own (own sentences)."""

from tests.extraction.helpers import events


def places(extractor, text):
    return sorted((e[0], e[2]) for e in events(extractor, text))


def test_a_reference_listing_new_places_is_one_event_per_place(extractor):
    text = (
        "Turkish drones struck Hasakah on Wednesday. The drone strikes hit oil facilities "
        "in Tal Tamr, Amuda and Kobani."
    )
    found = [e[1] for e in events(extractor, text)]
    assert len(found) == 4, found


def test_protests_spreading_to_a_list_of_towns(extractor):
    text = "Protesters rallied in Basra on Friday. The protests spread to Nasiriyah and Kut."
    assert places(extractor, text) == [
        ("protest", "IQ-BA"),
        ("protest", "IQ-DQ"),
        ("protest", "IQ-WA"),
    ]


def test_where_the_crowd_came_from_is_no_new_event(extractor):
    text = (
        "Protesters rallied in Basra on Friday. The protests drew students from Nasiriyah and Kut."
    )
    assert places(extractor, text) == [("protest", "IQ-BA")]

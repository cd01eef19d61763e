"""A place located by a bearing from another with no comma between ("Taji north of Baghdad"):
the event is at the first place (sentences written for these tests)."""

import pytest

from tests.extraction.helpers import events


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Rebel fighters took control of the village of Maskanah east of Aleppo on Friday.",
            "Maskanah",
        ),
        ("Fighters took control of Zabadani 40 km west of Damascus on Friday.", "Az Zabadānī"),
        ("Police units were sent to Taji north of Baghdad on Friday.", "Al-Taji"),
    ],
)
def test_the_place_located_by_a_bearing_is_where_the_event_was(extractor, text, place):
    assert [e[1] for e in events(extractor, text)] == [place]


def test_a_country_is_not_located_by_a_bearing_from_a_town(extractor):
    text = "Border guards deployed on Monday along the frontier with Iran north of Sidakan."
    assert [e[1] for e in events(extractor, text)] == ["Sidakan"]

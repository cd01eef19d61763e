"""Lists whose items each carry their governorate (sentences written for these tests)."""

from tests.extraction.helpers import events


def test_each_item_with_its_governorate_named_like_its_capital(extractor):
    text = (
        "On Monday, Turkish artillery shelled farms in the countryside of Derbasiyah in "
        "Hasakah and the countryside of Tal Abyad in Raqqa."
    )
    assert sorted(e[2] for e in events(extractor, text)) == ["SY-HA", "SY-RA"]

import pytest

from app.extraction.quantities import fatalities, strength


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("An IED struck a patrol, killing two soldiers and wounding three.", 2),
        ("At least seven fighters were killed before a pause.", 7),
        ("Three civilians were killed and nine wounded.", 3),
        ("The ministry said five militants had been killed.", 5),
        ("The death toll rose to 12 on Friday.", 12),
        ("Officials said no personnel were hurt.", 0),
        ("No one was harmed, police said.", 0),
    ],
)
def test_fatalities(sentence, value):
    found = fatalities(sentence, 10)
    assert found is not None and found.value == value
    assert sentence[found.start - 10 : found.end - 10] == found.text


def test_no_statement_is_none():
    assert fatalities("Rockets struck the base on Monday.", 0) is None


def test_strength_ranges():
    value, start, end = strength(
        "The force of about 40 soldiers and 10 to 15 armoured Hummer vehicles was sent.", 0
    )
    assert (value.personnel.low, value.personnel.high) == (40, 40)
    assert (value.vehicles.low, value.vehicles.high) == (10, 15)
    value, _, _ = strength(
        "A convoy of about 40 coalition soldiers with a dozen armoured vehicles left.", 0
    )
    assert value.vehicles.low == 12
    assert strength("Troops moved north.", 0) is None

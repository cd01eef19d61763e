import pytest

from app.errors import UnknownRegion


@pytest.mark.parametrize(
    ("typo", "code"),
    [
        ("Kirkook", "IQ-KI"),
        ("Dyala", "IQ-DI"),
        ("Salahudin", "IQ-SD"),
        ("Ninevehh", "IQ-NI"),
        ("Hassakkah", "SY-HA"),
        ("Idlibb", "SY-ID"),
        ("Kurdistan Regoin", "IQ-KR"),
    ],
)
def test_near_misses_are_suggested(gazetteer, typo, code):
    with pytest.raises(UnknownRegion) as err:
        gazetteer.regions.resolve(typo)
    assert any(f"({code})" in s for s in err.value.extra["suggestions"])


@pytest.mark.parametrize("name", ["Narnia", "Mordor", "Atlantis", "Xyz", "Springfield"])
def test_names_far_from_every_region_suggest_nothing(gazetteer, name):
    with pytest.raises(UnknownRegion) as err:
        gazetteer.regions.resolve(name)
    assert err.value.extra["suggestions"] == []
    assert "did you mean" not in str(err.value)

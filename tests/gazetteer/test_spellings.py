"""The gazetteer finds places as reporters spell them: the floor on real spellings."""

from pathlib import Path

import pytest

from app.domain import Candidate, Place
from app.errors import InvalidInput
from app.gazetteer.spellings import Spelling, is_right, read_spellings, score_spellings

FIXTURES = Path(__file__).parent.parent / "fixtures"
#: Written before any row was added for them.
FIXTURE = FIXTURES / "spellings.csv"
#: Written after the rows were added, without searching for them first.
LATER = FIXTURES / "spellings_later.csv"
FLOOR = 0.95


def test_the_list_is_long_and_covers_both_countries():
    spellings = read_spellings(FIXTURE)
    assert len(spellings) >= 150
    assert len({s.spelling for s in spellings}) == len(spellings)
    countries = {g[:2] for s in spellings for g in s.governorates}
    assert countries == {"IQ", "SY"}
    assert sum(not s.spelling.isascii() for s in spellings) >= 15  # Arabic, Kurdish, Turkish


@pytest.mark.parametrize("fixture", [FIXTURE, LATER], ids=["first", "later"])
def test_the_right_place_is_in_the_top_three_for_95_percent(gazetteer, fixture):
    report = score_spellings(gazetteer, read_spellings(fixture))
    misses = [(m.spelling.spelling, m.top) for m in report.misses()]
    assert report.share >= FLOOR, misses


def _place(name, admin1, lat, lon, kind="town"):
    return Place(
        id="t",
        name=name,
        kind=kind,
        lat=lat,
        lon=lon,
        country=admin1[:2],
        admin1=admin1,
        admin2=None,
        population=0,
    )


def test_a_hit_is_right_only_in_the_governorate_near_the_point_and_not_the_container():
    row = Spelling("Zanjili", "Zanjili", ("IQ-NI",), 36.355, 43.115, 4.0, "Mosul")
    assert is_right(Candidate(_place("Zanjili", "IQ-NI", 36.36, 43.11), 100, "exact"), row)
    assert not is_right(Candidate(_place("Mosul", "IQ-NI", 36.34, 43.13), 100, "exact"), row)
    assert not is_right(Candidate(_place("Zanjili", "IQ-DA", 36.36, 43.11), 100, "exact"), row)
    assert not is_right(Candidate(_place("Zanjili", "IQ-NI", 36.0, 43.11), 100, "exact"), row)
    governorate = _place("Nineveh", "IQ-NI", 36.36, 43.11, kind="admin1")
    assert not is_right(Candidate(governorate, 100, "exact"), row)


def test_a_bad_list_is_refused(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("spelling,place,governorate,lat,lon,radius_km\nX,X,IQ-NI,north,43,5\n")
    with pytest.raises(InvalidInput, match="line 2"):
        read_spellings(bad)
    (tmp_path / "short.csv").write_text("spelling,place\nX,X\n")
    with pytest.raises(InvalidInput, match="lacks columns"):
        read_spellings(tmp_path / "short.csv")
    with pytest.raises(InvalidInput):
        read_spellings(tmp_path / "missing.csv")

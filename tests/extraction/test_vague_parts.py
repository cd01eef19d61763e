"""A vague part of a country given as the governorate it stands for (sentences written here)."""

import pytest

from app.errors import GazetteerError
from app.extraction.vague_parts import VagueParts
from tests.extraction.helpers import events


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("US jets struck a jihadist commander's car in north-west Syria on Monday.", "SY-ID"),
        ("A drone hit a militia depot in eastern Syria on Tuesday, a monitor said.", "SY-DY"),
        ("Gunmen ambushed an army patrol in the desert of western Iraq on Sunday.", "IQ-AN"),
        ("Armed men attacked a checkpoint on the Syrian coast on Monday.", "SY-LA"),
        ("Coalition jets struck two ISIS hideouts in central Syria on Sunday.", "SY-HI"),
    ],
)
def test_a_vague_part_is_the_governorate_it_stands_for(extractor, text, admin1):
    found = events(extractor, text)
    assert found and all(e[2] == admin1 for e in found), found


def test_a_part_with_no_governorate_of_its_own_stays_the_country(extractor):
    found = events(extractor, "Turkish jets struck militant positions across northern Iraq.")
    assert [(e[1], e[2]) for e in found] == [("Iraq", None)]


def test_a_place_inside_the_part_still_wins(extractor):
    found = events(extractor, "A drone hit a depot near Mayadin in eastern Syria on Tuesday.")
    assert [e[1] for e in found] == ["Mayadin"]


def test_a_table_naming_no_governorate_is_refused(gazetteer, tmp_path):
    table = tmp_path / "parts.csv"
    table.write_text("place,part,admin1,note\nSY,east,SY-XX,unknown\n", encoding="utf-8")
    with pytest.raises(GazetteerError):
        VagueParts(gazetteer, table)
    with pytest.raises(GazetteerError):
        VagueParts(gazetteer, tmp_path / "missing.csv")

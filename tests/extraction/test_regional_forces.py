"""Security forces in the Kurdistan Region are the Region's (sentences written for these
tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


@pytest.mark.parametrize(
    "text",
    [
        "Police in Duhok arrested three men suspected of smuggling weapons on Tuesday.",
        "Two suspected ISIS members were detained at a checkpoint near Koya on Tuesday.",
        "Security forces fired tear gas to disperse hundreds of students protesting in "
        "Sulaymaniyah on Tuesday.",
    ],
)
def test_policing_in_the_region_is_the_regions(extractor, text):
    found = events(extractor, text, dt.date(2023, 3, 15))
    assert found, text
    assert "Kurdistan Region Asayish" in found[0][3]
    assert "Iraqi Security Forces" not in found[0][3]


def test_policing_elsewhere_in_iraq_stays_federal(extractor):
    found = events(
        extractor,
        "Police in Basra arrested three men suspected of smuggling weapons on Tuesday.",
        dt.date(2023, 3, 15),
    )
    assert found
    assert found[0][3].get("Iraqi Security Forces") == "actor"


@pytest.mark.parametrize(
    ("text", "published", "police"),
    [
        (
            "Security forces detained nine men in raids on two villages near Hasakah on Tuesday.",
            dt.date(2021, 6, 9),
            "Asayish",
        ),
        (
            "Security forces detained nine men in raids on two villages near Raqqa on Tuesday.",
            dt.date(2016, 6, 8),
            "Syrian government forces",
        ),
    ],
)
def test_north_east_syria_is_policed_by_the_asayish_once_they_held_it(
    extractor, text, published, police
):
    found = events(extractor, text, published)
    assert found, text
    assert found[0][3].get(police) == "actor"


def test_the_regional_police_are_read_from_the_lexicon():
    from app.extraction.lexicon import lexicon_dir
    from app.extraction.lexicon_tables import read_regional_police

    rows = read_regional_police([lexicon_dir() / "regional_police.csv"])
    assert ("SY-RA", "Asayish", dt.date(2017, 10, 20)) in {
        (r.admin1, r.police, r.since) for r in rows
    }


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("IQ-AR,Kurdistan Region Asayish,,no day", "admin1, police and since"),
        ("IQ-AR,Kurdistan Region Asayish,1992,a year", "bad date"),
        (",Asayish,2013-01-01,no governorate", "admin1, police and since"),
    ],
)
def test_a_bad_regional_police_row_is_refused_with_its_line(tmp_path, row, message):
    from app.errors import GazetteerError
    from app.extraction.lexicon_tables import read_regional_police

    path = tmp_path / "regional_police.csv"
    path.write_text(f"admin1,police,since,note\nSY-HA,Asayish,2013-01-01,x\n{row}\n")
    with pytest.raises(GazetteerError, match=f"regional_police.csv:3: {message}"):
        read_regional_police([path])


def test_a_regional_police_row_naming_an_unknown_actor_is_refused(tmp_path, extractor):
    from app.errors import GazetteerError
    from app.extraction.lexicon_tables import read_regional_police
    from app.extraction.regional_forces import RegionalForces

    path = tmp_path / "regional_police.csv"
    path.write_text("admin1,police,since,note\nIQ-AR,KRG police,1992-01-01,x\n")
    with pytest.raises(GazetteerError, match="regional_police.csv:2: unknown actor 'KRG police'"):
        RegionalForces(read_regional_police([path]), extractor.actors.actors)


def test_the_policed_governorates_come_from_the_data(extractor):
    """Without Duhok's row, its police are the federal ones again."""
    from app.extraction.lexicon_tables import RegionalPolice
    from app.extraction.regional_forces import RegionalForces

    text = "Police in Duhok arrested three men suspected of smuggling weapons on Tuesday."
    kept = extractor.regional
    try:
        extractor.regional = RegionalForces(
            [RegionalPolice("IQ-AR", "Kurdistan Region Asayish", dt.date(1992, 1, 1), "test")],
            extractor.actors.actors,
        )
        found = events(extractor, text, dt.date(2023, 3, 15))
    finally:
        extractor.regional = kept
    assert found and "Kurdistan Region Asayish" not in found[0][3]
    assert "Kurdistan Region Asayish" in events(extractor, text, dt.date(2023, 3, 15))[0][3]

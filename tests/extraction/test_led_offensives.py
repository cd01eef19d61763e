"""The leader of an offensive stands behind its side's generic words (sentences written for
these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def test_rebels_in_the_late_2024_offensive_are_hts_too(extractor):
    text = "Rebel fighters stormed army positions on the edge of Hama on Wednesday, residents said."
    found = events(extractor, text, dt.date(2024, 12, 5))
    assert found, found
    assert found[0][3].get("HTS") == "actor"
    assert found[0][3].get("Syrian opposition factions") == "actor"


def test_rebels_of_another_year_are_not_hts(extractor):
    text = "Rebel fighters stormed army positions on the edge of Hama on Wednesday, residents said."
    found = events(extractor, text, dt.date(2016, 9, 1))
    assert found and "HTS" not in found[0][3], found


def test_rebels_beside_turkish_troops_in_syria_are_the_sna(extractor):
    text = "Turkish troops and allied rebels captured the village of Qabasin on Tuesday."
    found = events(extractor, text, dt.date(2017, 2, 2))
    assert found, found
    assert found[0][3].get("SNA") == "actor"


def test_rebels_backed_by_turkey_are_the_sna(extractor):
    text = "Syrian rebels backed by Turkey seized the town of Tal Abyad on Sunday, a monitor said."
    found = events(extractor, text, dt.date(2019, 10, 14))
    assert found, found
    assert found[0][3].get("SNA") == "actor"


def test_rebels_fighting_alone_are_not_the_sna(extractor):
    text = "Syrian rebels seized the town of Morek on Sunday, a monitor said."
    found = events(extractor, text, dt.date(2016, 10, 3))
    assert found and "SNA" not in found[0][3], found


def test_the_led_offensives_are_read_from_the_lexicon():
    from app.extraction.lexicon import lexicon_dir
    from app.extraction.lexicon_tables import read_led_offensives

    rows = read_led_offensives([lexicon_dir() / "led_offensives.csv"])
    assert ("Syrian opposition factions", "HTS", dt.date(2024, 11, 27)) in {
        (r.side, r.leader, r.start) for r in rows
    }


_LED = "side,leader,country,start,end,note"
_BACKED = "# A test's table.\nbacker,country,backed,generic,note"


@pytest.mark.parametrize(
    ("name", "header", "row", "message"),
    [
        ("led", _LED, "Syrian opposition factions,HTS,SY,2024-12-08,2024-11-27,ends first", "2"),
        ("led", _LED, "Syrian opposition factions,,SY,2024-11-27,2024-12-08,no leader", "2"),
        ("led", _LED, "Syrian opposition factions,HTS,SY,,2024-12-08,no start", "2"),
        ("backed", _BACKED, "Turkish Armed Forces,SY,,Free Syrian Army,no backed force", "3"),
        ("backed", _BACKED, "Turkish Armed Forces,SY,SNA, | ,no generic names", "3"),
        ("backed", _BACKED, ",SY,SNA,Free Syrian Army,no backer", "3"),
    ],
)
def test_a_bad_row_is_refused_with_its_line(tmp_path, name, header, row, message):
    """A led offensive (data/lexicon/led_offensives.csv) or a backed side (backed_sides.csv,
    after its two comment lines) that lacks a field is refused with its file and line."""
    from app.errors import GazetteerError
    from app.extraction.lexicon_tables import read_backed_sides, read_led_offensives

    path = tmp_path / f"{name}.csv"
    path.write_text(f"{header}\n{row}\n")
    reader = read_led_offensives if name == "led" else read_backed_sides
    with pytest.raises(GazetteerError, match=f"{name}.csv:{message}: [a-z]+, [a-z]+"):
        reader([path])


def test_an_offensive_naming_an_unknown_actor_is_refused(tmp_path, extractor):
    from app.errors import GazetteerError
    from app.extraction.led_offensives import LedOffensives
    from app.extraction.lexicon_tables import read_led_offensives

    path = tmp_path / "led_offensives.csv"
    path.write_text(
        "side,leader,country,start,end,note\nSyrian opposition factions,Tahrir,SY,2024-11-27,"
        "2024-12-08,x\n"
    )
    with pytest.raises(GazetteerError, match="led_offensives.csv:2: unknown actor 'Tahrir'"):
        LedOffensives(read_led_offensives([path]), extractor.actors.actors)


def test_an_offensive_s_days_come_from_the_data(extractor):
    """A row for a 2016 offensive led by HTS makes the rebels of those days HTS too."""
    from app.extraction.led_offensives import LedOffensives
    from app.extraction.lexicon_tables import LedOffensive

    text = "Rebel fighters stormed army positions on the edge of Hama on Wednesday, residents said."
    day = dt.date(2016, 9, 1)
    kept = extractor.led_offensives
    try:
        extractor.led_offensives = LedOffensives(
            [LedOffensive("Syrian opposition factions", "HTS", "SY", dt.date(2016, 8, 25), day)],
            extractor.actors.actors,
        )
        found = events(extractor, text, day)
    finally:
        extractor.led_offensives = kept
    assert found and found[0][3].get("HTS") == "actor", found


def test_the_backed_sides_are_read_from_the_lexicon():
    from app.extraction.lexicon import lexicon_dir
    from app.extraction.lexicon_tables import read_backed_sides

    sides = read_backed_sides([lexicon_dir() / "backed_sides.csv"])
    backed, generic = sides[("Turkish Armed Forces", "SY")]
    assert backed == "SNA" and "Free Syrian Army" in generic

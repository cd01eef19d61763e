"""Village names shared by two governorates: the one the report's other places point to."""

import datetime as dt

import pytest

from app.extraction.report_input import ReportInput


def admin1s(extractor, text):
    events = extractor.extract(ReportInput(text, dt.date(2021, 5, 5))).events
    return {
        (e.properties.location.name, e.properties.location.admin1)
        for e in events
        if e.properties.location is not None
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Saida east of Daraa city, not Sidon in Lebanon nor Suwayda.
        (
            "Government artillery shelled Nawa, Saida and al-Musayfirah on Monday.",
            ("Saida", "SY-DR"),
        ),
        # Saida by Ain Issa in northern Raqqa.
        (
            "Turkish-backed factions shelled Ain Issa and the village of Saida on Monday.",
            ("Saida", "SY-RA"),
        ),
        # Koya of the Yarmouk basin, not Koya (Koysinjaq) in Erbil.
        (
            "An air strike hit the village of Koya in the Yarmouk basin near Daraa on Monday.",
            ("Koya", "SY-DR"),
        ),
        # Al-Hamidiyah by Quneitra, not the Tartus town.
        (
            "Israeli tanks entered Quneitra and the village of al-Hamidiyah on Monday.",
            ("Al-Hamidiyah", "SY-QU"),
        ),
        # Al-Rashad north of Muqdadiyah, not the Kirkuk sub-district.
        (
            "Gunmen attacked al-Rashad, a village north of Muqdadiyah, on Monday.",
            ("Al-Rashad", "IQ-DI"),
        ),
        # Al-Nayrab east of Saraqib, not the Aleppo airport quarter of that name.
        (
            "Rebels stormed army posts in al-Nayrab, east of Saraqib, on Monday.",
            ("Al-Nayrab", "SY-ID"),
        ),
        # A quarter named without an article: "X neighbourhood in <city>".
        (
            "A car bomb went off in al-Zahraa neighbourhood in Homs city on Monday.",
            ("Al-Zahraa", "SY-HI"),
        ),
        (
            "Kirkuk city: rival crowds clashed in the Domiz neighbourhood on Monday.",
            ("Domiz", "IQ-KI"),
        ),
        # The Qadisiya quarter of Tikrit, not the Najaf sub-district of that name.
        (
            "TIKRIT - Soldiers clashed with snipers in the Qadisiya district on Monday.",
            ("Al-Qadisiya", "IQ-SD"),
        ),
    ],
)
def test_a_shared_village_name_takes_the_governorate_of_its_neighbours(extractor, text, expected):
    assert expected in admin1s(extractor, text)


def test_the_erbil_town_keeps_its_name_in_a_kurdish_story(extractor):
    found = admin1s(extractor, "Gunmen attacked a checkpoint in Koya, east of Erbil, on Monday.")
    assert ("Koya", "IQ-AR") in found


def test_the_duhok_camp_keeps_its_name_by_duhok(extractor):
    found = admin1s(extractor, "Police arrested two men in Domiz camp near Duhok on Monday.")
    assert ("Domiz camp", "IQ-DA") in found


def test_a_first_word_of_many_village_names_is_no_town(extractor):
    # "Rasm" alone is a GeoNames spelling of Ghasam in Daraa; "Rasm al-Imam" is by Deir Hafer.
    found = admin1s(
        extractor,
        "Gunmen attacked an army post near the village of Rasm al-Imam in the Deir Hafer "
        "countryside on Monday.",
    )
    assert found and all(admin1 == "SY-HL" for _, admin1 in found)


def test_an_attack_in_turkey_is_placed_in_turkey(extractor):
    events = extractor.extract(
        ReportInput(
            "Turkish jets struck PKK hideouts near Gara on Monday. On Tuesday, gunmen opened "
            "fire at a factory gate in Kahramankazan, killing two guards.",
            dt.date(2024, 10, 24),
        )
    ).events
    attacks = [e.properties.location for e in events if e.properties.event_type == "attack"]
    assert attacks and all(
        where is not None and where.country == "TR" and where.admin1 is None for where in attacks
    )


def test_the_golan_is_in_quneitra(extractor):
    found = admin1s(
        extractor, "Two rockets were launched from Syria toward the occupied Golan on Monday."
    )
    assert found == {("Golan Heights", "SY-QU")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A story told from Idlib: the Aleppo quarter is no longer placed at the last town.
        (
            "Rebels advanced from Idlib on Sunday. On Monday, they stormed the Ramouseh "
            "district, opening a road into the besieged quarters.",
            ("Al-Ramouseh", "SY-HL"),
        ),
        (
            "Israeli troops entered Quneitra on Monday. On Tuesday, soldiers searched houses "
            "in Jubata al-Khashab and detained two men.",
            ("Jubata al-Khashab", "SY-QU"),
        ),
    ],
)
def test_villages_and_quarters_added_to_the_gazetteer_place_their_events(extractor, text, expected):
    assert expected in admin1s(extractor, text)


def test_the_claw_lock_zone_is_in_duhok(extractor):
    found = admin1s(
        extractor,
        "Two soldiers were killed on Monday in a clash with PKK militants in the Claw-Lock "
        "operation zone, the ministry said.",
    )
    assert found == {("Claw-Lock Operation area", "IQ-DA")}


def test_the_mezzeh_airport_is_in_damascus(extractor):
    found = admin1s(extractor, "Israeli missiles hit the Mezzeh airport on Monday night.")
    assert found == {("Mezzeh Airbase", "SY-DI")}


def test_a_town_named_in_the_desert_places_the_event(extractor):
    # The Syrian desert is a wide area (its point lies in Homs); the town named says more.
    found = admin1s(
        extractor,
        "Jets struck IS hideouts across the Syrian desert on Monday, hitting depots in al-Mayadin.",
    )
    assert found == {("Mayadin", "SY-DY")}


def test_a_turkish_border_town_is_not_the_crossing_named_for_it(extractor):
    events = extractor.extract(
        ReportInput(
            "Turkish troops crossed into Tal Abyad on Monday. On Tuesday, mortar shells fired "
            "from Syria hit homes in Akcakale, killing two civilians.",
            dt.date(2019, 10, 16),
        )
    ).events
    hits = [e.properties.location for e in events if e.properties.event_type != "troop_deployment"]
    assert hits and all(where is not None and where.country == "TR" for where in hits)

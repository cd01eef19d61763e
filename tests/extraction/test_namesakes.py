"""A village placed by the place its sentence names beside it, never on a far namesake."""

import datetime as dt

import pytest

from app.extraction.report_input import ReportInput


def located(extractor, text):
    events = extractor.extract(ReportInput(text, dt.date(2024, 8, 8))).events
    return [
        (e.properties.location.name, e.properties.location.admin1, e.properties.geo_precision)
        for e in events
        if e.properties.location is not None
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hamra is a town in Hama; this one is a village by Manbij that the gazetteer lacks.
        (
            "Clashes broke out in the village of Hamra near Manbij on Monday, killing three.",
            ("Manbij", "SY-HL", 2),
        ),
        # Al-Karamah in the gazetteer is east of Raqqa; this Karama is in Hawija district.
        (
            "A drone strike hit the village of Karama in Hawija district on Monday.",
            ("Hawija District", "IQ-KI", 2),
        ),
        (
            "Gunmen attacked the village of Salma near Qamishli on Monday.",
            ("Qamishli", "SY-HA", 2),
        ),
        # Unknown to the gazetteer: near the place named, never dropped.
        (
            "Clashes broke out in the village of Umm Kharaz near Tal Tamr on Monday.",
            ("Tal Tamr", "SY-HA", 2),
        ),
        # The right place, 60 km from the one named beside it, stays.
        ("Gunmen attacked Tal Afar, 60 km west of Mosul, on Monday.", ("Tal Afar", "IQ-NI", 1)),
        ("Gunmen attacked Sinuni in Sinjar district on Monday.", ("Sinuni", "IQ-NI", 1)),
    ],
)
def test_a_village_is_placed_by_its_neighbour(extractor, text, expected):
    assert located(extractor, text) == [expected]


def test_the_namesake_mention_stays_unresolved(extractor):
    _, mentions = extractor.geoparse("Clashes in the village of Hamra near Manbij.")
    assert [(m.mention.text, m.place.name if m.place else None) for m in mentions] == [
        ("Hamra", None),
        ("Manbij", "Manbij"),
    ]


def test_a_namesake_near_the_other_places_of_its_sentence(extractor):
    # The report is about Iraq so far, but Qahtaniyah beside Amuda is the Syrian town.
    text = (
        "Gunmen attacked checkpoints in Sinjar, Tal Afar and Rabia on Sunday. "
        "On Monday, Turkish drones struck Qahtaniyah and Amuda."
    )
    assert located(extractor, text)[3:] == [
        ("Al-Qahtaniyah", "SY-HA", 1),
        ("Amuda", "SY-HA", 1),
    ]


def test_a_neighbourhood_of_a_town_is_not_a_far_namesake(extractor):
    # One Al-Zahraa is a town in Aleppo; this one is the quarter of Homs (curated beside it).
    text = "A car bomb exploded in the al-Zahraa neighbourhood of Homs on Monday."
    assert located(extractor, text) == [("Al-Zahraa", "SY-HI", 1)]


def test_a_village_is_no_city_abroad(extractor):
    # Zahle is a city in Lebanon; "the villages of Zahle and ..." are Syrian villages, one
    # event each, placed near Ain Issa (tests/extraction/test_unknown_places.py). (Saida, the
    # old example here, is now a curated village of Raqqa: the test below.)
    text = "Turkish guns shelled the villages of Zahle and Umm Kharaz near Ain Issa on Monday."
    assert located(extractor, text) == [("Ain Issa", "SY-RA", 2)] * 2


def test_a_curated_village_beats_the_city_abroad(extractor):
    # Saida is Sidon in Lebanon; "the villages of Saida and ..." are Syrian villages, one
    # event each, placed near Ain Issa (tests/extraction/test_unknown_places.py).
    text = "Turkish guns shelled the villages of Saida and Umm Kharaz near Ain Issa on Monday."
    # Saida by Ain Issa is curated; Umm Kharaz is not, so it is placed near its neighbour.
    assert located(extractor, text) == [("Saida", "SY-RA", 1), ("Saida", "SY-RA", 2)]


def test_a_town_of_the_province_is_not_a_namesake_in_another(extractor):
    # Douma in the gazetteer is the city near Damascus; this Duma is a village of Suwayda.
    text = (
        "Fighting broke out in the province of Suwayda on Monday. Gunmen then stormed the "
        "village of Duma on the eastern edge of the province, killing two farmers."
    )
    assert {admin1 for _, admin1, _ in located(extractor, text)} == {"SY-SU"}


def test_the_governorate_building_is_no_reference_to_a_province(extractor):
    text = (
        "Protesters rallied in Nasiriyah in Dhi Qar province on Monday. Others gathered in "
        "front of the governorate building in Kut."
    )
    assert {admin1 for _, admin1, _ in located(extractor, text)} == {"IQ-DQ", "IQ-WA"}


def test_the_old_city_is_the_quarter_of_the_story_city(extractor):
    text = (
        "Iraqi forces fought their way into western Mosul on Monday. On Tuesday, a suicide "
        "bomber blew himself up in the Old City, killing four soldiers."
    )
    assert {admin1 for _, admin1, _ in located(extractor, text)} == {"IQ-NI"}


def test_a_square_named_like_a_town_is_no_town(extractor):
    # Karama is also a town of Raqqa; the square is in the city the story is about.
    text = "SUWAYDA - Thousands of protesters filled al-Karama Square in Suwayda on Friday."
    assert {admin1 for _, admin1, _ in located(extractor, text)} == {"SY-SU"}


def test_a_village_is_not_the_site_that_bears_its_name(extractor):
    # al-Tabiya is also a name of the Conoco gas field; the village is another place.
    _, mentions = extractor.geoparse("Gunmen shot a farmer in the village of al-Tabiya.")
    assert [m.place.kind if m.place else None for m in mentions] != ["gas_field"]
    _, mentions = extractor.geoparse("Gunmen attacked guards at al-Tabiya on Monday.")
    assert [m.place.kind if m.place else None for m in mentions] == ["gas_field"]


def test_a_quarter_listed_with_names_the_gazetteer_lacks_lies_by_its_city(extractor):
    text = "Jets struck al-Hamidiyah and al-Ardi neighbourhoods in Deir Ezzor city on Monday."
    assert {admin1 for _, admin1, _ in located(extractor, text)} == {"SY-DY"}

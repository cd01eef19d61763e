"""Names the gazetteer lacks, found in lists and given one event each
(app/extraction/unknown_places.py)."""

import datetime as dt
import re

from app.extraction.event_types import BY_NAME
from app.extraction.lexicon import load_lexicon
from app.extraction.place_words import people_words
from app.extraction.places import Mention, tokenize
from app.extraction.report_input import ReportInput
from app.extraction.unknown_places import unresolved_mentions

MONDAY = dt.date(2024, 5, 13)
PEOPLE = people_words(load_lexicon(BY_NAME).demonyms)


def unknown(text):
    return [m.text for m in unresolved_mentions(text, tokenize(text), [], PEOPLE)]


def placed(extractor, text):
    """(type, place name, admin1, geo_precision, the words that named the place) per event."""
    out = []
    for feature in extractor.extract(ReportInput(text, MONDAY)).events:
        p = feature.properties
        words = next((e.text for e in p.evidence if e.field == "location"), None)
        name = p.location.name if p.location else None
        admin1 = p.location.admin1 if p.location else None
        out.append((p.event_type, name, admin1, p.geo_precision, words))
    return out


def test_every_name_of_a_list_of_villages_is_found():
    text = "Gunmen raided the villages of al-Fakhura, Umm Rijm and Kharbat Tin overnight."
    assert unknown(text) == ["al-Fakhura", "Umm Rijm", "Kharbat Tin"]


def test_a_name_with_its_article_is_found_after_a_kind_word():
    assert unknown("They reached the village of al-Qasabiyya.") == ["al-Qasabiyya"]


def test_capitalised_words_outside_a_list_are_not_places():
    assert unknown("The villages were quiet, Colonel Ahmed Saleh and Major Ali said.") == []
    assert unknown("Families left the villages of the area on Sunday.") == []


def test_unknown_villages_listed_with_a_town_get_an_event_each_near_it(extractor):
    text = (
        "Turkish drones struck the town of Amuda and the villages of Tal Dhahab and Khirbet "
        "Sirwan on Monday."
    )
    found = placed(extractor, text)
    assert [(f[1], f[4]) for f in found] == [
        ("Amuda", "Amuda"),
        ("Amuda", "Tal Dhahab"),
        ("Amuda", "Khirbet Sirwan"),
    ]
    assert [f[3] for f in found] == [1, 2, 2]


def test_the_place_that_qualifies_a_list_of_unknown_villages_is_not_an_event_itself(
    extractor,
):
    text = (
        "Turkish artillery shelled the villages of Sharanish and Girbish in Zakho district "
        "on Monday."
    )
    found = placed(extractor, text)
    assert [(f[2], f[4]) for f in found] == [("IQ-DA", "Sharanish"), ("IQ-DA", "Girbish")]


def test_a_known_list_is_left_as_it_was(extractor):
    text = "Turkish artillery shelled Tal Tamr and Ain Issa on Monday."
    assert [f[1] for f in placed(extractor, text)] == ["Tal Tamr", "Ain Issa"]


def test_unknown_villages_of_the_province_get_an_event_each_in_it(extractor):
    text = (
        "Gunmen attacked a checkpoint in Daraa province on Monday.\n\n"
        "Later, militants raided the villages of Khirbet Ghazal, Umm Wulad and Saida on the "
        "eastern edge of the province."
    )
    found = placed(extractor, text)
    assert [(f[2], f[4]) for f in found[1:]] == [
        ("SY-DR", "Khirbet Ghazal"),
        ("SY-DR", "Umm Wulad"),
        ("SY-DR", "Saida"),
    ]


def test_names_of_a_heading_list_are_found():
    text = "Weekly notes\nKhirbet Ghazal, Tal Dhahab: two farmers killed by shelling.\nNote: none."
    assert unknown(text) == ["Khirbet Ghazal", "Tal Dhahab"]


def test_a_heading_listing_unknown_and_known_places_gives_each_an_event(extractor):
    text = (
        "Sitrep\n"
        "Tal Dhahab, Amuda: gunmen attacked two checkpoints on Sunday; one guard killed in Amuda."
    )
    found = placed(extractor, text)
    assert sorted((f[1], f[4]) for f in found) == [("Amuda", "Amuda"), ("Amuda", "Tal Dhahab")]


def test_name_listed_beside_a_known_town_is_its_own_event(extractor):
    text = "Government artillery shelled Ariha and Kafr Lusin Gharbi in southern Idlib on Monday."
    got = placed(extractor, text)
    assert sorted(e[4] for e in got) == ["Ariha", "Kafr Lusin Gharbi"]
    assert {e[1] for e in got} == {"Ariha"}


def test_name_inside_a_comma_list_beside_known_towns(extractor):
    text = "Helicopters dropped barrel bombs on Saqba, Beit Naim and Hamouriyah on Sunday."
    assert sorted(e[4] for e in placed(extractor, text)) == ["Beit Naim", "Hamouriyah", "Saqba"]


def test_two_ends_of_a_road_are_not_a_list(extractor):
    text = "A Turkish drone hit a car on the road between Sidakan and Rost Gharbi on Monday."
    assert len(placed(extractor, text)) == 1


def test_a_date_or_a_person_beside_a_place_is_no_place():
    text = "On Friday, Zakho officials met Hassan Kamil, Zakho's governor, and Duhok police."
    found = [
        Mention(m.start(), m.end(), m.group(), m.group().lower(), None, False)
        for m in re.finditer(r"Zakho|Duhok", text)
    ]
    assert [m.text for m in unresolved_mentions(text, tokenize(text), found, PEOPLE)] == []


def test_names_before_a_plural_kind_noun_are_places_it_lacks():
    text = "Shells fell on the al-Rawda and Bab Qinnasrin neighbourhoods on Monday."
    assert unknown(text) == ["al-Rawda", "Bab Qinnasrin"]


def test_adjectives_of_peoples_before_villages_are_no_places():
    assert unknown("Gunmen attacked the Christian and Turkmen villages on Monday.") == []


def test_list_of_unknown_villages_in_a_long_qualifier(extractor):
    text = (
        "Gunmen killed 30 men in the villages of Tayib Bir, Halaqa and Umm Ghazal in the "
        "eastern countryside of Deir Ezzor on Monday."
    )
    assert sorted(e[4] for e in placed(extractor, text)) == ["Halaqa", "Tayib Bir", "Umm Ghazal"]


def test_a_count_said_of_each_item_keeps_the_list(extractor):
    text = (
        "Air strikes killed 40 people in eastern Aleppo, including 20 in Bustan al-Qasr, "
        "12 in al-Kallasa and 8 in Qadi Askar."
    )
    assert sorted(e[4] for e in placed(extractor, text)) == [
        "Bustan al-Qasr",
        "Qadi Askar",
        "al-Kallasa",
    ]


def test_quarters_the_gazetteer_lacks_are_placed_by_their_city(extractor):
    text = "Shells hit the al-Rawda and Bab Qinnasrin neighbourhoods in Aleppo on Monday."
    got = placed(extractor, text)
    assert sorted(e[4] for e in got) == ["Bab Qinnasrin", "al-Rawda"]
    assert {e[2] for e in got} == {"SY-HL"}


def _names(extractor, text):
    _, mentions = extractor.geoparse(text)
    return [m.mention.text for m in mentions]


def test_a_word_opening_the_sentence_is_no_unknown_place(extractor):
    # Own sentences: "In the village of X" is no appositive "In, the village".
    text = "Drones struck Amuda. In the village of Kerma, a farmer was wounded."
    assert "In" not in _names(extractor, text)
    assert "Kerma" in _names(extractor, text)
    assert _names(extractor, "Rain fell. Around the town, the roads were closed.") == []
    assert "Northern" not in _names(extractor, "Northern and central Iraq - Kirkuk: calm.")

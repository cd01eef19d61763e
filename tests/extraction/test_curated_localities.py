"""Villages, quarters and ranges the registry lacks, placed from data/curated/ (sentences
written here)."""

import pytest

from tests.extraction.helpers import events


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Barrel bombs hit a bakery in Beit Sawa on Monday, a monitor said.", "Beit Sawa", "SY-RD"),
        ("Barrel bombs hit a market in Hamouriyeh on Monday.", "Hamouriyah", "SY-RD"),
        ("Rebels seized Sheikh Aqil and Anjara on Wednesday.", "Anjara", "SY-HL"),
        ("Rebels seized Qubtan al-Jabal from the army on Wednesday.", "Qabtan al-Jabal", "SY-HL"),
        ("Rebels seized Urum al-Sughra from the army on Wednesday.", "Urum al-Sughra", "SY-HL"),
        ("Gunmen abducted a trader in Baghdad al-Jadida on Sunday.", "Baghdad al-Jadida", "IQ-BG"),
        ("Police arrested four suspects in al-Amil on Friday.", "Al-Amil", "IQ-BG"),
        ("Turkish jets struck PKK hideouts on the Asos mountain on Friday.", "Asos", "IQ-SU"),
        ("US aircraft struck a militia depot near Albukamal on Friday.", "Albu Kamal", "SY-DY"),
        ("Iranian missiles hit a Komala camp in Zrgwez on Wednesday.", "Zirgwez", "IQ-SU"),
        (
            "Gunmen shot dead two shepherds near al-Tayba, north of Sukhnah, on Friday.",
            "Al-Tayba",
            "SY-HI",
        ),
        (
            "Army shells hit al-Taybah in the eastern Daraa countryside on Friday.",
            "Al-Taybah",
            "SY-DR",
        ),
        ("Gunmen killed 20 men in al-Mukhtariya village on Saturday.", "Al-Mukhtariyah", "SY-LA"),
        ("Iraqi F-16s bombed a hideout in Wadi al-Shay on Monday.", "Wadi al-Shay", "IQ-KI"),
        ("Rebels shelled Foua and Kefraya on Monday.", "Al-Fu'ah", "SY-ID"),
        ("Rebels shelled Foua and Kefraya on Monday.", "Kafriya", "SY-ID"),
        ("Government artillery shelled al-Bara on Monday.", "Al-Bara", "SY-ID"),
        ("Gunmen ambushed a patrol near Beit Ana on Monday.", "Beit Ana", "SY-LA"),
        ("Helicopters dropped barrel bombs on Misraba on Monday.", "Misraba", "SY-RD"),
        ("A car bomb exploded in the village of Sousian on Monday.", "Sousian", "SY-HL"),
        ("Turkish artillery shelled Umm Kaif on Monday.", "Umm al-Kaif", "SY-HA"),
        ("Turkish drones struck a power station in Teqil Beqil on Monday.", "Teqil Beqil", "SY-HA"),
        ("Gunmen clashed in the al-Maqwas neighbourhood on Monday.", "Al-Maqwas", "SY-SU"),
        ("Gunmen stormed the village of Nahr al-Imam on Monday.", "Nahr al-Imam", "IQ-DI"),
        ("A bomber attacked a church in Dweila on Sunday.", "Dweila", "SY-DI"),
        ("Militants attacked an army post at Arak, east of Palmyra, on Friday.", "Arak", "SY-HI"),
        ("Turkish jets struck a YPG command post on Karachok on Tuesday.", "Karachok", "SY-HA"),
    ],
)
def test_a_curated_place_is_where_the_event_was(extractor, text, name, admin1):
    found = events(extractor, text)
    assert (name, admin1) in [(e[1], e[2]) for e in found], found

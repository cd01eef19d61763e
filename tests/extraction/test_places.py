import pytest


def places(extractor, text):
    _, mentions = extractor.geoparse(text)
    return [
        (m.mention.text, m.place.name if m.place else None, m.place.kind if m.place else None)
        for m in mentions
    ]


def names(extractor, text):
    return [t for t, _, _ in places(extractor, text)]


def test_the_issue_example(extractor):
    text = (
        "A convoy of about 40 coalition soldiers with a dozen armoured vehicles left Erbil on "
        "Tuesday and took up positions at the K-1 air base outside Kirkuk, two security "
        "officials said on 7 August. In a separate incident, an IED struck an Iraqi army "
        "patrol near Jalawla in Diyala province, killing two soldiers. ISIS claimed the "
        "attack."
    )
    found = places(extractor, text)
    assert found == [
        ("Erbil", "Erbil", "city"),
        ("K-1 air base", "K-1 Air Base", "base"),
        ("Kirkuk", "Kirkuk", "city"),
        ("Jalawla", "Jalawla", "town"),
        ("Diyala province", "Diyala", "admin1"),
    ]


def test_offsets_point_at_the_mentions(extractor):
    text = "Fighting near al-Hol camp and in Deir ez-Zor; Kerkuk was calm."
    cleaned, mentions = extractor.geoparse(text)
    for m in mentions:
        assert cleaned[m.mention.start : m.mention.end] == m.mention.text
    assert [m.mention.text for m in mentions] == ["al-Hol camp", "Deir ez-Zor", "Kerkuk"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A roadside bomb hit a convoy on the road to Hit.", ["Hit"]),
        ("The Kurdistan Regional Government met the Deir ez-Zor Military Council.", []),
        ("Iraqi and Syrian officials met Kurdish leaders.", []),
        ("The US-led coalition and Iran-backed groups traded fire.", []),
        ("Rabia Hassan, who runs a shop in Rabia, said it was calm.", ["Rabia"]),
        ("Bashar al-Assad spoke in Damascus.", ["Damascus"]),
        ("Turkey denied the report; forces from Iran crossed.", ["Turkey", "Iran"]),
        ("Tehran said it would respond.", ["Tehran"]),
        ("Irbil's airport reopened.", ["Irbil"]),
        ("The wounded were taken to K1.", ["K1"]),
        (
            "Clashes erupted near Mount Sinjar and the Tishreen Dam.",
            ["Mount Sinjar", "Tishreen Dam"],
        ),
        # A one-word name that is the adjective of another place's name is a surname...
        ("Surrounded in a cellar, al-Baghdadi blew himself up.", []),
        ("Officials said al-Tikriti had fled to Mosul.", ["Mosul"]),
        # ...unless a locative or a kind word says it is the town.
        ("A rocket fell near al-Baghdadi overnight.", ["al-Baghdadi"]),
        ("Shells landed in the town of Al-Baghdadi.", ["Al-Baghdadi"]),
        # A town larger than any place of the region its name would be the adjective of
        # ("Kobani" of "Koban") is the town.
        ("Turkish drones struck Kobani and Amuda on Monday.", ["Kobani", "Amuda"]),
        ("Artillery hit Kobani overnight.", ["Kobani"]),
        # A comma before the article: a list, not "Bashar al-Assad".
        ("Jets struck Talbiseh, al-Rastan and Homs.", ["Talbiseh", "al-Rastan", "Homs"]),
        # A title makes the name a person's.
        ("Diyala governor Muthanna al-Tamimi ordered a curfew.", ["Diyala"]),
        # Followers make a one-word name a man's; residents leave it the town.
        ("In Kut, Sadr supporters blocked the bridge.", ["Kut"]),
        ("Residents of Sadr City blocked the bridge.", ["Sadr City"]),
    ],
)
def test_guards(extractor, text, expected):
    assert names(extractor, text) == expected


def test_names_not_in_the_gazetteer_are_reported_unresolved(extractor):
    found = places(extractor, "Militants attacked the village of Tal Qarmush near Mosul.")
    assert ("Tal Qarmush", None, None) in found
    found = places(extractor, "Residents of Umm Dhiyab, a nearby village, fled.")
    assert ("Umm Dhiyab", None, None) in found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Militants attacked the Village OF\n Tal Qarmush near Mosul.", True),
        ("Militants attacked the village of Tal Qarmush near Mosul.", True),
        ("Militants attacked the village ofTal Qarmush near Mosul.", False),
        ("Militants attacked Tal Qarmush,a village near Mosul.", False),
    ],
)
def test_the_cue_of_an_unknown_name_is_read_as_written(extractor, text, found):
    assert (("Tal Qarmush", None, None) in places(extractor, text)) is found


def test_kind_words_choose_the_reading(extractor):
    assert places(extractor, "Rockets hit Kirkuk province.")[0][2] == "admin1"
    assert places(extractor, "Rockets hit Kirkuk.")[0][2] == "city"
    assert places(extractor, "Shelling near the Rabia border crossing.")[0][2] == "border_crossing"
    assert places(extractor, "Curfew in Salah ad-Din and Kirkuk provinces.") == [
        ("Salah ad-Din", "Salah ad-Din", "admin1"),
        ("Kirkuk", "Kirkuk", "admin1"),
    ]


def test_arabic_script(extractor):
    assert places(extractor, "اشتباكات في كركوك") == [("كركوك", "Kirkuk", "city")]


def test_world_context_resolves_abroad(extractor):
    found = places(extractor, "Officials in Ankara and Doha welcomed the deal.")
    assert found == [("Ankara", "Ankara", "city"), ("Doha", "Doha", "city")]


def test_arabic_words_with_conjunction_preposition_and_article(extractor):
    text = (
        "قتل خمسة مدنيين في الموصل وفي كركوك. "
        "وقصفت طائرات بلدة تل أبيض وبالرقة ومدينة منبج والحسكة."
    )
    found = places(extractor, text)
    assert [(t, name) for t, name, _ in found] == [
        ("الموصل", "Mosul"),
        ("كركوك", "Kirkuk"),
        ("تل أبيض", "Tal Abyad"),
        ("الرقة", "Raqqa"),
        ("منبج", "Manbij"),
        ("الحسكة", "Hasakah"),
    ]
    _, mentions = extractor.geoparse(text)
    for m in mentions:
        assert text[m.mention.start : m.mention.end] == m.mention.text
    assert names(extractor, "وصل الوفد إلى واسط وكربلاء") == ["واسط"]  # a bare و stays


def test_a_site_named_for_a_town_lies_by_the_town(extractor):
    # No "Sarsang field" in the gazetteer: the field is the town's.
    found = places(extractor, "A drone hit the Sarsang field on Tuesday.")
    assert found == [("Sarsang field", "Sarsing", "village")]


def test_a_quarter_called_a_district_is_the_quarter(extractor):
    # No "Bab Touma District" in the gazetteer: the Damascus quarter.
    found = places(extractor, "Shells landed in the Bab Touma district on Monday.")
    assert found == [("Bab Touma district", "Bab Touma", "site")]


def test_the_province_of_a_name_is_the_governorate(extractor):
    found = places(extractor, "Gunmen killed two men in the province of Diyala.")
    assert [kind for _, _, kind in found] == ["admin1"]


def test_a_river_named_alone_is_the_river_not_the_dam_named_for_it(extractor):
    text = "Fighters crossed the Euphrates near Raqqa, and others held the Euphrates dam."
    kinds = [kind for name, _, kind in places(extractor, text) if name.startswith("Euphrates")]
    assert kinds == ["river", "dam"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A country inside a group's long-form name is part of the name, not where it acted.
        (
            "Gunmen of the Islamic State of Iraq and the Levant raided a farm near Hawija.",
            ["Hawija"],
        ),
        ("The Islamic State of Iraq and Syria shelled Deir Hafer at dawn.", ["Deir Hafer"]),
        ("A cell of the Islamic State in Iraq planted mines outside Baiji.", ["Baiji"]),
    ],
)
def test_a_country_in_a_group_s_long_name_is_no_place(extractor, text, expected):
    assert names(extractor, text) == expected


def test_words_for_peoples_are_read_from_the_demonyms(tmp_path):
    from app.extraction.lexicon import lexicon_dir, read_demonyms
    from app.extraction.place_words import people_words

    shipped = people_words(read_demonyms([lexicon_dir() / "demonyms.csv"]))
    assert shipped["iraqis"] == "IQ" and shipped["kuwaiti"] == "KW" and shipped["shia"] is None
    assert "coalition" not in shipped and "turkeys" not in shipped  # owner words only
    path = tmp_path / "demonyms.csv"
    path.write_text(
        "word,country,forces,valid_from,valid_to,people,note\n"
        "Omani,OM,,,,yes,x\nOmani's,OM,,,,,owner form\n"
    )
    assert people_words(read_demonyms([path])) == {"omani": "OM"}


@pytest.mark.parametrize("row", ["Omani,OM,,,,maybe,x", "South Sudanese,SS,,,,yes,two words"])
def test_a_bad_people_mark_is_refused_with_its_line(tmp_path, row):
    from app.errors import GazetteerError
    from app.extraction.lexicon import read_demonyms

    path = tmp_path / "demonyms.csv"
    path.write_text(
        f"word,country,forces,valid_from,valid_to,people,note\nIraqi,IQ,,,,yes,x\n{row}\n"
    )
    with pytest.raises(GazetteerError, match="demonyms.csv:3: people is yes"):
        read_demonyms([path])


def test_a_people_word_is_no_place_because_the_lexicon_says_so(extractor):
    """ "Turkmen" and "Saudi" are also names in the gazetteer: the lexicon's mark keeps them
    from being read as places."""
    text = "Turkmen and Saudi fighters were seen near Kirkuk."
    assert names(extractor, text) == ["Kirkuk"]
    unmarked = extractor.toponyms.with_people(frozenset())
    assert [m.text for m in unmarked.find(text, [0])] == ["Turkmen", "Saudi", "Kirkuk"]


def test_a_known_word_that_starts_a_longer_unknown_name_is_no_place(extractor):
    # "Tal al-Ahmar" is a village of its own, not the town al-Tall; "Deir al-Khabiya" is not
    # Deir ez-Zor.
    text = "Rebels overran a checkpoint near Tal al-Ahmar and shelled Deir al-Khabiya on Sunday."
    assert names(extractor, text) == []


def test_a_known_name_followed_by_its_own_article_word_is_still_found(extractor):
    # "al-Sham" is a word of the town's own name (Moadamiyet al-Sham), spelled otherwise.
    text = "Hundreds of fighters left Moadamiyeh al-Sham by bus on Wednesday."
    assert places(extractor, text) == [
        ("Moadamiyeh", "Moadamiyet al-Sham", "town"),
    ]


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("Harbiya lies east.", 0, True),
        ("The Harbiya road.", 4, True),
        ("  the Harbiya road.", 6, True),
        ("Troops left Harbiya.", 12, False),
        ("Then Harbiya fell.", 5, False),  # "Then" is no "The"
        ("Two days ago.", 4, False),
        ("A x. The Harbiya road.", 9, True),  # counted from its own sentence
    ],
)
def test_starts_sentence(text, start, expected):
    from app.extraction.places import _starts_sentence

    starts = [0, 5] if text.startswith("A x.") else [0]
    assert _starts_sentence(text, start, starts) is expected

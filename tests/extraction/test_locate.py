"""Where an event happened (sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def places(extractor, text):
    return [(e[0], e[1]) for e in events(extractor, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The United States said its forces struck a Kataib Hezbollah depot in Jurf al-Sakhar.",
        "Iran launched missiles at an office of the KDPI near Koya on Sunday.",
        "Turkey said its jets struck PKK targets near Amadiya on Friday.",
        "Iran-backed militias fired rockets at the Ain al-Asad base on Monday.",
    ],
)
def test_an_actors_home_country_is_never_the_place(extractor, text):
    found = events(extractor, text)
    assert found and all(e[2] is not None and e[2].startswith("IQ-") for e in found), found


def test_a_capital_speaking_is_not_the_place(extractor):
    found = places(
        extractor,
        "On Sunday, rockets that Ankara said were fired by the YPG hit the border town of Kilis.",
    )
    assert found == [("drone_or_rocket_attack", "Kilis")]


def test_a_country_after_in_is_a_place(extractor):
    found = events(extractor, "Two soldiers were killed in an ambush in Syria on Monday.")
    assert [(e[1], e[2]) for e in found] == [("Syria", None)]


def test_one_event_per_place_shelled(extractor):
    found = places(
        extractor, "Turkish artillery shelled Tal Tamr and Ain Issa overnight, residents said."
    )
    assert found == [("drone_or_rocket_attack", "Tal Tamr"), ("drone_or_rocket_attack", "Ain Issa")]


def test_one_deployment_per_destination(extractor):
    found = places(
        extractor, "The army deployed additional troops to Najaf and Nasiriyah on Monday."
    )
    assert found == [("troop_deployment", "Najaf"), ("troop_deployment", "Nasiriyah")]


def test_a_town_beats_its_governorate_and_country(extractor):
    found = places(
        extractor, "In Iraq's Diyala province, a roadside bomb killed two farmers near Jalawla."
    )
    assert found == [("ied_explosion", "Jalawla")]


def test_movements_keep_origin_and_destination(extractor):
    feature = extractor.extract(
        __import__("app.extraction.pipeline", fromlist=["ReportInput"]).ReportInput(
            "A column of Peshmerga left Erbil on Monday for Makhmour.",
            __import__("datetime").date(2024, 3, 14),
        )
    ).events[0]
    assert feature.properties.origin.name == "Erbil"
    assert feature.properties.location.name == "Makhmour"


def test_a_withdrawal_is_at_every_place_left(extractor):
    found = places(extractor, "HTS fighters pulled out of Morek and Kafr Zita on Monday.")
    assert [t for t, _ in found] == ["troop_withdrawal"] * 2


def test_a_range_bombed_is_the_place(extractor):
    found = places(
        extractor,
        "Turkish warplanes bombed the Qandil mountains on Sunday, targeting PKK shelters.",
    )
    assert found == [("airstrike", "Qandil Mountains")]


def test_listed_places_with_kind_words_between(extractor):
    found = places(
        extractor,
        "Russian warplanes raided Idlib city, al-Atarib and Darat Izza on Thursday.",
    )
    assert len(found) == 3 and {t for t, _ in found} == {"airstrike"}


def test_a_place_acting_as_a_state_is_not_the_place(extractor):
    found = events(
        extractor,
        "Killings have followed in Daraa province since a deal brokered by Moscow was signed "
        "in Bosra on Monday.",
    )
    assert all(e[1] != "Moscow" for e in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        # A governorate said of the place before is no item of the list.
        (
            "Jets struck depots at Rawa and Anah in Anbar and around Hajin and Susah on Friday.",
            ["Rawa", "Anah", "Hajin", "Al-Susah"],
        ),
        ("Militants overran Baiji and parts of Tikrit on Monday.", ["Baiji", "Tikrit"]),
        ("Guns shelled Tal Tamr and villages around Amuda on Monday.", ["Tal Tamr", "Amuda"]),
        # A count standing for the noun before it carries the list on.
        (
            "Jets hit three sites near Rawa in western Iraq and two across the border near "
            "Hajin on Friday.",
            ["Rawa", "Hajin"],
        ),
        # A noun phrase of sites between the places, and a place said with "north of".
        (
            "Drones hit a depot near Hajin and oil facilities in the countryside of Susah on "
            "Friday.",
            ["Hajin", "Al-Susah"],
        ),
        ("Rockets hit the Taji base north of Baghdad and its base at Balad on Friday.", None),
        # A comma and a locative word close a list as "and" does.
        ("Jets bombed depots at Rawa, in Anah and at a farm on Friday.", ["Rawa", "Anah"]),
        # A list that goes on with a name the gazetteer lacks: that name is an event too,
        # placed by the list's first place (never dropped), and Homs is none.
        (
            "Jets struck Talbiseh, al-Rastan and al-Qutnayn near Homs on Friday.",
            ["Talbiseh", "Ar Rastan", "Talbiseh"],
        ),
        # A direction word before the next place carries the list on...
        (
            "Drones struck positions across the Hajin and eastern Susah countryside.",
            ["Hajin", "Al-Susah"],
        ),
        # ...but the part of a province said of a place is not another place.
        ("Tal Afar, west Nineveh: gunmen attacked a checkpoint on Monday.", ["Tal Afar"]),
        # A heading names the places before a colon.
        (
            "Hajin, Susah: 3 civilians killed by artillery shelling on Friday.",
            ["Hajin", "Al-Susah"],
        ),
        # A name the gazetteer lacks does not break the list, and is reported near the
        # place before it.
        (
            "Gunmen stormed posts in Hajin, al-Kharafish and Susah on Monday.",
            ["Hajin", "Hajin", "Al-Susah"],
        ),
    ],
)
def test_one_event_per_listed_place(extractor, text, expected):
    found = [p for _, p in places(extractor, text)]
    if expected is None:  # two places: the names as the gazetteer has them
        assert len(found) == 2 and "Baghdad" not in found and "Homs" not in found, found
    else:
        assert found == expected


def test_a_comma_alone_makes_no_list(extractor):
    found = places(
        extractor,
        "Artillery shells hit a farm in Zakho district, Duhok health officials said on Monday.",
    )
    assert [p for _, p in found] == ["Zakho District"]


def test_a_road_named_for_a_town_is_not_the_place(extractor):
    found = places(extractor, "Gunmen abducted two drivers on the Baghdad highway near Tarmiyah.")
    assert found == [("kidnapping", "Tarmiyah")]


def test_the_home_of_fighters_is_not_the_place(extractor):
    found = places(
        extractor,
        "On Monday, tribesmen clashed with fighters from Raqqa and Hasakah in the outskirts "
        "of Manbij.",
    )
    assert [p for _, p in found] == ["Manbij"]


def test_the_place_of_an_after_clause_belongs_to_that_occurrence(extractor):
    found = events(
        extractor,
        "After a rocket hit the Taji base on Monday, US jets struck weapons depots in Karbala "
        "province on Tuesday.",
    )
    strikes = [e for e in found if e[0] == "airstrike"]
    assert [(e[1], e[2]) for e in strikes] == [("Karbala", "IQ-KA")]


def test_a_place_in_apposition_after_a_town_only_says_where_the_town_lies(extractor):
    found = events(
        extractor,
        "Shots rang out in Sayyida Zeinab, a mostly Shia suburb of Damascus, on Friday when "
        "gunmen attacked a police patrol.",
    )
    assert [e[1] for e in found] == ["Sayyida Zaynab"]


def test_a_place_naming_the_deed_an_arrest_is_for_is_not_where_it_was_made(extractor):
    found = events(
        extractor,
        "Asayish officers arrested two suspects in Sulaymaniyah on Monday over the Khor Mor "
        "attacks.",
    )
    assert [(e[0], e[1]) for e in found] == [("arrest", "Sulaymaniyah")]


def test_a_river_in_the_triggers_clause_does_not_hide_the_town_taken(extractor):
    found = events(
        extractor,
        "Government forces took control of Maadan on Sunday after a two-week offensive on the "
        "last town held by the militants in the Euphrates valley.",
    )
    assert [(e[0], e[1]) for e in found] == [("armed_clash", "Maadan")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The gunmen who bombed the market in Kirkuk were arrested in Tikrit on Thursday.",
            "Tikrit",
        ),
        (
            "Police arrested the man who killed a shopkeeper in Hillah during a raid in Karbala "
            "on Friday.",
            "Karbala",
        ),
        (
            "Troops arrested two men who had planted a bomb in Tuz Khurmatu during a raid in "
            "Kirkuk on Sunday.",
            "Kirkuk",
        ),
        (
            "The cell that planned the attack on a church in Baghdad was arrested in Hillah on "
            "Monday.",
            "Hillah",
        ),
    ],
)
def test_the_place_of_a_relative_clause_belongs_to_the_earlier_act(extractor, text, place):
    arrests = [e for e in events(extractor, text) if e[0] == "arrest"]
    assert [e[1] for e in arrests] == [place]


def test_a_place_naming_the_source_is_not_the_place(extractor):
    found = places(
        extractor, "Shells hit a farm in Zakho district on Monday, Duhok health officials said."
    )
    assert [p for _, p in found] == ["Zakho District"]


@pytest.mark.parametrize(
    "text",
    [
        # A partner in talks, or the state forces are aligned with, is an actor.
        "Gunmen fired on a Peshmerga post near Kifri on Monday, days after talks with Ankara.",
        "Fighters aligned with Tehran shelled a base near Kifri on Monday.",
        # A large city abroad with no locative word is its government, or a dateline.
        "ISTANBUL - Gunmen fired on a Peshmerga post near Kifri on Monday.",
        "It was the worst clash between Moscow's allies and rebels near Kifri on Monday.",
    ],
)
def test_a_state_named_by_its_city_is_not_the_place(extractor, text):
    found = events(extractor, text)
    assert found and all(e[2] == "IQ-DI" for e in found), found


def test_a_city_abroad_after_in_is_the_place(extractor):
    found = events(extractor, "A bomb exploded in Istanbul on Monday, killing two.")
    assert [e[1] for e in found] == ["Istanbul"]


def test_advancing_on_a_town_is_moving_to_it(extractor):
    feature = extractor.extract(
        __import__("app.extraction.pipeline", fromlist=["ReportInput"]).ReportInput(
            "On Monday, army units advanced on Baiji from bases in neighbouring Kirkuk province.",
            __import__("datetime").date(2024, 3, 14),
        )
    ).events[0]
    assert (feature.properties.event_type, feature.properties.location.name) == (
        "troop_movement",
        "Baiji",
    )


def test_the_city_is_the_storys_city_not_one_named_in_passing(extractor):
    from app.extraction.locate import inherited
    from app.extraction.text import split_sentences

    text = (
        "Troops pushed into Baiji on Monday. Fighting in Baiji went on all day, and families "
        "fled Baiji. Volunteers from Kirkuk joined the assault. Snipers hit soldiers in the city."
    )
    cleaned, mentions = extractor.geoparse(text)
    sentences = split_sentences(cleaned)
    last = sentences[-1]
    found = inherited(mentions, last, sentences[-2].start, None, None)
    assert found is not None and found.place.name == "Baiji"
    # Named last and as often as any other, the town named last is "the town".
    cleaned, mentions = extractor.geoparse(
        "Shelling hit Baiji. Gunmen then attacked Tikrit. The city was calm."
    )
    sentences = split_sentences(cleaned)
    found = inherited(mentions, sentences[-1], sentences[-2].start, None, None)
    assert found is not None and found.place.name == "Tikrit"


def test_a_river_is_no_destination(extractor):
    text = (
        "Militants pulled out of Rawa on Sunday. On Monday, army units entered the town on the "
        "northern bank of the Euphrates."
    )
    found = [e for e in events(extractor, text) if e[0] != "troop_withdrawal"]
    assert found and all(e[1] == "Rawa" for e in found), found


def test_a_region_inside_one_governorate_is_in_it(extractor):
    found = events(
        extractor, "US and Iraqi forces raided an ISIS hideout in Western Iraq on Monday."
    )
    assert [(e[1], e[2]) for e in found] == [("Western Iraq", "IQ-AN")]


def test_where_the_force_came_from_is_not_where_it_acted(extractor):
    text = (
        "Gunmen attacked a checkpoint in Kut on Monday. Police reinforcements were sent from "
        "Baghdad to the area on Tuesday and several suspects were detained."
    )
    arrests = [e for e in events(extractor, text) if e[0] == "arrest"]
    assert [(e[1], e[2]) for e in arrests] == [("Al-Kut", "IQ-WA")]


def test_the_place_of_another_one_is_not_this_ones(extractor):
    found = places(
        extractor,
        "A rocket hit the Taji base on Tuesday, and another fell near Balad on Monday.",
    )
    assert found[0] == ("drone_or_rocket_attack", "Camp Taji")


def test_where_civilians_fled_is_not_where_the_force_went(extractor):
    found = places(
        extractor,
        "Peshmerga units pulled back from Sinjar on Sunday, sending thousands of Yazidis "
        "fleeing toward Duhok.",
    )
    assert found == [("troop_withdrawal", "Sinjar")]


def test_the_place_an_enemy_is_driven_out_of_is_where_the_fight_was(extractor):
    text = "Kurdish fighters drove Islamic State out of Tal Abyad on Monday."
    assert [e[1] for e in events(extractor, text)] == ["Tal Abyad"]
    text = "Army units expelled the militants from the town of Rawa after heavy clashes."
    assert [e[1] for e in events(extractor, text)] == ["Rawa"]
    text = "Reinforcements sent from Baghdad clashed with gunmen in Tarmiyah on Monday."
    assert {e[1] for e in events(extractor, text)} == {"Tarmiyah"}


def test_the_site_named_before_is_where_its_place_was_said(extractor):
    text = (
        "Police fired on protesters in Basra on Monday, hours after the Turkish consulate in "
        "Mosul was attacked.\n\nOn Sunday night, a crowd of demonstrators stormed the "
        "consulate and set it on fire, officials said."
    )
    found = events(extractor, text)
    assert found[-1][1] == "Mosul"


def test_a_site_never_named_before_leaves_the_place_to_the_usual_rules(extractor):
    text = (
        "Gunmen attacked a checkpoint near Baiji on Monday. They then shelled the refinery, "
        "killing two guards."
    )
    assert {e[1] for e in events(extractor, text)} == {"Baiji"}


def test_places_named_by_their_sites_are_listed_together(extractor):
    text = "On Monday, rockets hit the Haditha water treatment plant and the Ain al-Asad air base."
    assert [e[1] for e in events(extractor, text)] == ["Haditha", "Ain al-Asad Air Base"]
    text = "On Monday, drones struck the Baiji power station and the Tuz Khurmatu market."
    assert [e[1] for e in events(extractor, text)] == ["Baiji", "Tuz Khurmatu"]


@pytest.mark.parametrize(
    "text",
    [
        "Turkish jets bombed PKK caves in the Qandil mountains of northern Iraq on Sunday.",
        "Two PKK fighters were killed in the Hakurk area of Iraq by Turkish air strikes.",
    ],
)
def test_a_range_said_with_its_country_is_the_place(extractor, text):
    found = events(extractor, text)
    assert found and all(e[2] is not None and e[2].startswith("IQ-") for e in found), found


def test_every_place_a_force_came_from_is_its_home_whatever_its_kind(extractor):
    found = places(
        extractor,
        "Heavy fighting broke out on Tuesday between Druze gunmen and tribal fighters from "
        "Palmyra, Homs and the Damascus countryside on the western edge of Shahba.",
    )
    assert [p for _, p in found] == ["Shahba"]


def test_a_force_sent_from_two_places_has_neither_as_its_destination(extractor):
    found = events(
        extractor,
        "On Monday the army sent reinforcements from Kirkuk and Tikrit to the front.",
    )
    assert all(e[1] not in ("Tikrit", "Kirkuk") for e in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ramadi, about 110 km west of Baghdad, was overrun by militants on Sunday.",
        "Militants overran Ramadi, 110 km west of Baghdad, on Sunday.",
        "Troops clashed with militants in Fallujah, west of Baghdad, on Sunday.",
    ],
)
def test_the_landmark_a_place_is_located_by_is_not_the_place(extractor, text):
    found = events(extractor, text)
    assert found and all(e[2] == "IQ-AN" for e in found), found


def test_a_plural_kind_noun_closes_a_list_of_places_of_any_kind(extractor):
    found = places(
        extractor,
        "Turkish jets struck militant hideouts in the Amadiya and Qandil areas on Sunday.",
    )
    assert sorted(p for _, p in found) == ["Amadiya", "Qandil Mountains"], found


def test_the_storys_protests_are_where_its_first_protest_was(extractor):
    text = (
        "Thousands of people rallied in Nasiriyah on Friday against power cuts. In Maysan "
        "province, dozens of people also protested in Amarah in solidarity on Friday. "
        "The protests began on 3 March, after the ministry cut supply hours."
    )
    found = events(extractor, text)
    began = [e for e in found if e[0] == "protest"][-1]
    assert (began[1], began[2]) == ("Nasiriyah", "IQ-DQ"), found


def test_the_city_is_not_the_landmark_it_was_located_by(extractor):
    text = (
        "Troops declared Ramadi retaken on Sunday, ending a month of fighting in the city, "
        "which lies west of Baghdad. Police units were deployed across the city on Monday."
    )
    found = events(extractor, text)
    assert found and all(e[2] == "IQ-AN" for e in found), found


def test_the_base_with_an_adjective_is_the_base_named_before(extractor):
    text = (
        "Coalition troops handed the K-1 air base to the Iraqi army on Monday. Their convoy "
        "later reached Erbil, officials said. Iraqi units deployed at the sprawling base on "
        "Tuesday."
    )
    found = [e for e in events(extractor, text) if "Iraqi Security Forces" in e[3]]
    assert found and all(e[2] == "IQ-KI" for e in found), found


def test_the_crossing_is_the_crossing_named_before_not_the_town_it_faces(extractor):
    text = (
        "RABIA, Iraq - Iraq reopened the Rabia border crossing with Syria on Monday. Lorries "
        "passed through the post, which faces the Syrian town of Yarubiyah, after a ceremony. "
        "The crossing had been closed since Islamic State militants overran the area in 2014."
    )
    found = [e for e in events(extractor, text) if e[0] == "armed_clash"]
    assert found and all(e[2] == "IQ-NI" for e in found), found


def test_a_part_of_a_country_in_a_list_is_a_place_not_its_government(extractor):
    found = places(
        extractor, "Turkish jets pounded militant positions across Syria and northern Iraq."
    )
    assert ("airstrike", "Iraq") in found, found


def test_a_dateline_of_two_cities_is_not_the_place(extractor):
    found = events(
        extractor, "ANKARA/ERBIL - Turkish jets pounded militant positions across northern Iraq."
    )
    assert [(e[1], e[2]) for e in found] == [("Iraq", None)], found


def test_where_people_fled_is_no_place_of_the_harm_done(extractor):
    text = (
        "Militants overran Tal Afar on Monday, killing and abducting dozens of villagers and "
        "forcing thousands of families to flee to Duhok."
    )
    assert {p for _, p in places(extractor, text)} == {"Tal Afar"}


def test_a_place_fired_from_is_the_place_when_only_its_country_is_named_besides(extractor):
    text = (
        "Four YPG militants who opened fire on our outpost from the Manbij area in northern "
        "Syria were neutralised on Sunday."
    )
    found = events(extractor, text)
    assert found and all(e[1] == "Manbij" for e in found), found


def test_a_withdrawal_from_a_town_in_a_named_province_is_one_event_at_the_town(extractor):
    found = [
        (e[0], e[1])
        for e in events(
            extractor,
            "On Sunday Asayish units pulled out of Amuda and from Darbasiyah in Hasakah "
            "province, residents said.",
            dt.date(2021, 5, 4),
        )
    ]
    assert [t for t, _ in found] == ["troop_withdrawal", "troop_withdrawal"]
    assert "Hasakah" not in {p for _, p in found}


@pytest.mark.parametrize(
    "source",
    ["from the direction of Hatla", "from over Hatla", "from the besieged Hatla"],
)
def test_where_the_shots_came_from_is_no_place_of_the_event(extractor, source):
    text = f"Militants fired mortar shells {source} at an army post in Mayadin on Sunday."
    assert [e[1] for e in events(extractor, text)] == ["Mayadin"]


def test_a_destination_named_again_stands_in_its_first_list(extractor):
    text = (
        "Syrian army units entered Manbij and Tabqa on Monday, raising the government flag in "
        "Tabqa for the first time since 2012."
    )
    found = sorted(e[1] for e in events(extractor, text, dt.date(2019, 10, 16)))
    assert found == ["Manbij", "Tabqa"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Iranian advisers had run the defence of al-Bukamal since 2017.\n\n"
            "On Saturday the advisers were reported to be pulling their men back towards Iran.",
            "Albu Kamal",
        ),
        (
            "Insurgents held the town of Qaim for three years.\n\n"
            "Most of them had withdrawn across the border into Syria before the army arrived.",
            "Al-Qaim",
        ),
    ],
)
def test_a_withdrawal_back_to_a_whole_country_is_at_the_place_left(extractor, text, place):
    found = [e for e in events(extractor, text) if e[0] == "troop_withdrawal"]
    assert [e[1] for e in found] == [place], found

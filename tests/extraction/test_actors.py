import datetime as dt

from app.extraction.actors import (
    Actor,
    ActorCatalog,
    ActorMatcher,
    default_actor_file,
    read_actors,
)
from tests.extraction.helpers import events


def test_shipped_dictionary_covers_the_required_actors():
    names = {a.name for a in read_actors([default_actor_file()])}
    required = {
        "US-led coalition",
        "ISIS",
        "Iraqi Security Forces",
        "Peshmerga",
        "KDP",
        "PUK",
        "Popular Mobilization Forces",
        "Kataib Hezbollah",
        "Islamic Resistance in Iraq",
        "SDF",
        "YPG",
        "PKK",
        "Autonomous Administration of North and East Syria",
        "Turkish Armed Forces",
        "Syrian government forces",
        "Russian Armed Forces",
        "IRGC",
        "HTS",
        "SNA",
        "Asayish",
        "BP",
    }
    assert required <= names


def test_acronyms_match_only_as_written():
    matcher = ActorMatcher(read_actors([default_actor_file()]))
    found = [
        (m.text, m.actors[0].name)
        for m in matcher.find(
            "It is said IS militants and Daesh attacked; the PKK and Hashd al-Shaabi responded."
        )
    ]
    assert ("is", "ISIS") not in found
    assert ("IS militants", "ISIS") in found and ("Daesh", "ISIS") in found
    assert ("PKK", "PKK") in found
    assert ("Hashd al-Shaabi", "Popular Mobilization Forces") in found


def test_shared_aliases_follow_the_report_country():
    matcher = ActorMatcher(read_actors([default_actor_file()]))
    mention = next(m for m in matcher.find("Gunmen opened fire.") if m.text == "Gunmen")
    assert mention.pick(["SY"]).name == "Unidentified armed group (Syria)"
    assert mention.pick(["IQ"]).name == "Unidentified armed group (Iraq)"


def test_dictionary_is_extensible(tmp_path):
    extra = tmp_path / "actors.csv"
    extra.write_text(
        "name,kind,country,aliases,source\n"
        "Example Brigade,political_militia,IQ,Ex Brigade|EXB,test\n"
    )
    actors = read_actors([default_actor_file(), extra])
    matcher = ActorMatcher(actors)
    assert [m.actors[0].name for m in matcher.find("The EXB said.")] == ["Example Brigade"]
    assert any(isinstance(a, Actor) and a.name == "ISIS" for a in actors)


def test_well_known_syrian_factions_are_named(extractor):
    found = events(
        extractor,
        "Jabhat al-Nusra and Ahrar al-Sham fighters clashed with government forces near "
        "Aleppo Central Prison on Monday.",
        dt.date(2014, 5, 6),
    )
    assert {"al-Nusra Front", "Ahrar al-Sham", "Syrian government forces"} <= set(found[0][3])


def test_asayish_are_the_kurdistan_regions_in_iraq(extractor):
    text = "Asayish detained six men at a checkpoint in Dibis on Monday."
    found = events(extractor, text, dt.date(2017, 5, 9))
    assert "Kurdistan Region Asayish" in found[0][3]


def test_rebels_in_syria_are_the_opposition(extractor):
    found = events(
        extractor,
        "Rebels fired mortar shells at Bab Touma in Damascus on Monday, killing two civilians.",
        dt.date(2018, 2, 21),
    )
    assert found[0][3]["Syrian opposition factions"] == "actor"


def test_proxies_are_named_by_their_backer():
    matcher = ActorMatcher(read_actors([default_actor_file()]))
    day = dt.date(2019, 10, 20)
    text = "Ankara-backed factions and US-backed fighters traded fire near Ain Issa."
    assert [m.actors[0].name for m in matcher.find(text, day)] == ["SNA", "SDF"]


def test_aliases_after_a_dotted_capital_i_are_found_where_they_stand():
    matcher = ActorMatcher(read_actors([default_actor_file()]))
    text = "REPUBLIC OF TÜRKİYE MINISTRY OF NATIONAL DEFENCE said the PKK lost ten men."
    found = {m.text: m.actors[0].name for m in matcher.find(text, dt.date(2022, 5, 1))}
    assert found["MINISTRY OF NATIONAL DEFENCE"] == "Turkish government"
    assert found["PKK"] == "PKK"


def test_kurdish_forces_are_the_peshmerga_in_iraq_and_the_sdf_in_syria(extractor):
    iraq = events(
        extractor, "Kurdish forces pulled out of Makhmour on Tuesday.", dt.date(2017, 10, 20)
    )
    syria = events(
        extractor, "Kurdish forces pulled out of Manbij on Tuesday.", dt.date(2019, 10, 20)
    )
    assert iraq and iraq[0][3].get("Peshmerga") == "actor"
    assert syria and syria[0][3].get("SDF") == "actor"


def test_the_kurdistan_regions_security_forces_are_its_asayish(extractor):
    found = events(
        extractor,
        "The security forces of the Kurdistan Region arrested three suspects in Koya on Monday.",
        dt.date(2022, 2, 15),
    )
    assert found and found[0][3].get("Kurdistan Region Asayish") == "actor"


def test_us_names_are_found_written_with_points():
    matcher = ActorMatcher(read_actors([default_actor_file()]))
    text = "U.S. Central Command said the U.S.-led coalition and U.S.-backed fighters held Hajin."
    names = [m.actors[0].name for m in matcher.find(text)]
    assert names == ["United States Armed Forces", "US-led coalition", "SDF"]


def test_us_and_partner_nation_forces_are_the_coalition(extractor):
    text = "U.S. and partner nation forces conducted nine airstrikes near Sinjar on Monday."
    found = events(extractor, text, dt.date(2015, 3, 3))
    assert found and found[0][3].get("US-led coalition") == "actor", found


def test_an_owner_before_police_officers_or_elements_names_its_forces(extractor):
    day = dt.date(2019, 5, 6)
    text = "A Syrian police officer and 40 regime elements were hurt; Turkish policemen watched."
    names = [m.actors[0].name for m in extractor.actors.find(text, day)]
    assert names == ["Syrian government forces", "Syrian government forces", "Turkish Armed Forces"]


def test_marchers_are_protesters(extractor):
    text = "Police detained six marchers near the governorate building in Nasiriyah on Sunday."
    found = events(extractor, text, dt.date(2020, 2, 3))
    assert found and found[0][3].get("Protesters (Iraq)") == "target", found


def test_the_kurdish_led_force_is_the_sdf_and_its_security_forces_the_asayish(extractor):
    text = "The Kurdish-led force and Kurdish-led security forces held Shaddadi."
    names = [m.actors[0].name for m in extractor.actors.find(text, dt.date(2021, 6, 1))]
    assert names == ["SDF", "Asayish"]


def test_turkish_backed_groups_of_any_wording_are_the_sna(extractor):
    text = "Turkey-backed armed groups and Turkish-backed opposition militias shelled Tal Tamr."
    names = [m.actors[0].name for m in extractor.actors.find(text, dt.date(2020, 1, 5))]
    assert names == ["SNA", "SNA"]


def test_iranian_kurdish_fighters_are_the_iranian_kurdish_opposition(extractor):
    text = "Iranian Kurdish fighters and Iranian Kurdish parties left the camp."
    names = [m.actors[0].name for m in extractor.actors.find(text, dt.date(2022, 9, 28))]
    assert names == ["Iranian Kurdish opposition groups"] * 2


def test_holidaymakers_and_evacuees_are_civilians(extractor):
    text = "Holidaymakers, evacuees and a boy were among those counted."
    found = [m.text for m in extractor.actors.find(text, dt.date(2022, 7, 21))]
    assert found == ["Holidaymakers", "evacuees", "a boy"]


def test_militias_written_with_the_arabic_apostrophe_are_found():
    matcher = ActorMatcher(read_actors([default_actor_file()]))
    text = "Depots of Kata'ib Hezbollah and Kata'ib Sayyid al-Shuhada were hit."
    names = {a.name for m in matcher.find(text) for a in m.actors}
    assert names == {"Kataib Hezbollah", "Kataib Sayyid al-Shuhada"}


def test_iraqi_paramilitary_units_are_the_pmf(extractor):
    text = "Iraqi troops and allied paramilitary units took control of Tuz Khurmatu on Monday."
    found = events(extractor, text, dt.date(2017, 10, 17))
    assert found and found[0][3].get("Popular Mobilization Forces") == "actor", found


def test_us_and_partner_nation_aircraft_are_the_coalition(extractor):
    text = (
        "U.S. and partner nation military aircraft bombed ISIL fighting positions near Hit "
        "on Monday."
    )
    found = events(extractor, text)
    assert found and found[0][3].get("US-led coalition") == "actor", found


def test_the_catalog_finds_a_generic_actor_by_its_country_code():
    catalog = ActorCatalog(read_actors([default_actor_file()]))
    assert catalog.local("Civilians", "SY") == catalog["Civilians (Syria)"]
    assert catalog.local("Rioters", "TR") == catalog["Rioters (Turkey)"]
    assert catalog.local("Rioters", "JO") is None  # the list has no Jordanian row
    assert catalog.local("Civilians", None) is None


def test_counter_terrorism_units_are_the_iraqi_forces(extractor):
    text = "Counter-terrorism units clashed with ISIS militants in western Ramadi on Tuesday."
    found = [f for f in events(extractor, text, dt.date(2015, 12, 29)) if f[0] == "armed_clash"]
    assert found, found
    assert found[0][3].get("Iraqi Security Forces") == "actor"


def test_a_defence_ministry_moves_its_states_forces(extractor):
    cases = (
        (
            "The Defence Ministry sent large reinforcements from Hama to Latakia on Friday.",
            dt.date(2025, 3, 8),
            "Syrian transitional government forces",
        ),
        (
            "The Ministry of Defence deployed two brigades to Sinjar on Tuesday.",
            dt.date(2021, 5, 4),
            "Iraqi Security Forces",
        ),
    )
    for text, day, forces in cases:
        found = events(extractor, text, day)
        assert found and found[0][3].get(forces) == "actor", (text, found)


def test_another_states_defence_ministry_that_speaks_is_no_party(extractor):
    text = "Turkey's defence ministry said its jets struck PKK positions near Qandil on Friday."
    found = events(extractor, text, dt.date(2022, 6, 3))
    assert found and "Iraqi Security Forces" not in found[0][3], found


def test_fighters_aligned_with_the_government_are_its_forces(extractor):
    for text, published, forces in (
        (
            "Government-aligned fighters shelled two villages near Jableh on Saturday.",
            dt.date(2025, 3, 9),
            "Syrian transitional government forces",
        ),
        (
            "Factions affiliated with the Damascus government attacked Asayish posts in "
            "Sheikh Maqsoud in Aleppo on Monday night.",
            dt.date(2025, 10, 7),
            "Syrian transitional government forces",
        ),
        (
            "Government-affiliated factions shelled Kafr Nabudah in Hama province on Sunday.",
            dt.date(2019, 5, 12),
            "Syrian government forces",
        ),
    ):
        found = events(extractor, text, published)
        assert found and found[0][3].get(forces) == "actor", (text, found)

"""Types settled from actors and route (sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def kinds(extractor, text, published=dt.date(2021, 6, 9)):
    return [(e[0], e[3]) for e in events(extractor, text, published)]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen struck a police checkpoint near Tuz Khurmatu on Monday, killing three policemen.",
        "ISIS militants attacked a Peshmerga outpost south of Kalar, killing two Peshmerga.",
        "Two PMF fighters were killed in an IS attack on their post near Baqubah on Sunday.",
    ],
)
def test_an_attack_on_an_armed_side_is_a_clash(extractor, text):
    found = kinds(extractor, text)
    assert [k for k, _ in found] == ["armed_clash"]


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi special forces conducted a night raid near Rutba on Monday, killing four ISIS "
        "fighters.",
        "US forces carried out a helicopter raid in Deir ez-Zor province on Monday that killed "
        "two ISIS commanders.",
        "An ISIS sniper killed a Peshmerga fighter at a post near Makhmour on Monday.",
        "HTS snipers shot two government soldiers near Kabani on Monday.",
    ],
)
def test_a_raid_or_sniper_fire_on_an_armed_side_is_a_clash(extractor, text):
    found = kinds(extractor, text)
    assert [k for k, _ in found] == ["armed_clash"]


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers manning a post near Tuz Khurmatu came under fire from gunmen on Monday.",
        "A patrol came under fire near Tuz Khurmatu on Monday.",
        "The unit came under attack on Monday while reinforcing its positions near Amadiya.",
        "Two cell members refused to surrender near Hawija on Monday and opened fire on our "
        "forces.",
    ],
)
def test_fire_at_forces_is_a_clash(extractor, text):
    found = kinds(extractor, text)
    assert [k for k, _ in found] == ["armed_clash"]


def test_civilians_under_fire_stay_an_attack(extractor):
    text = "Civilians fleeing Rubaya came under fire from militants on Monday; three were killed."
    assert [k for k, _ in kinds(extractor, text)] == ["attack"]


def test_a_sniper_killing_a_civilian_stays_an_attack(extractor):
    found = kinds(extractor, "A sniper killed a shepherd near Tal Afar on Monday.")
    assert [k for k, _ in found] == ["attack"]


def test_an_execution_of_civilians_stays_an_attack(extractor):
    found = kinds(extractor, "In Raqqa, IS executed three young men in a public square on Monday.")
    assert found[0][0] == "attack" and found[0][1]["Civilians (Syria)"] == "target"


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces shelled Kafr Nabl on Monday, killing a woman and two children.",
        "Turkish artillery shells hit homes in Tal Tamr on Monday, killing four civilians.",
        "On Monday heavy shelling hit a crowded market in Sarmin, killing six people.",
    ],
)
def test_shelling_that_kills_civilians_is_an_attack(extractor, text):
    assert [k for k, _ in kinds(extractor, text)] == ["attack"]


@pytest.mark.parametrize(
    "text",
    [
        "Turkish artillery shelled SDF positions near Ain Issa on Monday.",
        "Rockets hit homes in Tal Tamr on Monday, killing four civilians.",
    ],
)
def test_shelling_of_fighters_and_rockets_stay_remote_violence(extractor, text):
    assert [k for k, _ in kinds(extractor, text)] == ["drone_or_rocket_attack"]


@pytest.mark.parametrize(
    "text",
    [
        "Russian military police arrived in Kobani on Monday.",
        "Hashd units moved into Sinjar on Monday within hours.",
        "Around 2,000 PMF fighters arrived at Habbaniya on Monday.",
    ],
)
def test_a_move_to_a_place_without_a_route_is_a_deployment(extractor, text):
    assert [k for k, _ in kinds(extractor, text)] == ["troop_deployment"]


@pytest.mark.parametrize(
    "text",
    [
        "Army brigades moved north on Monday from Qayyarah toward Mosul.",
        "Convoys of tribal fighters passed through Busra al-Harir towards Suwayda on Monday.",
    ],
)
def test_a_move_with_a_route_stays_a_movement(extractor, text):
    assert [k for k, _ in kinds(extractor, text)] == ["troop_movement"]


@pytest.mark.parametrize(
    "text",
    [
        "Israeli troops advanced into the village of Ruwayhinah on Monday.",
        "Turkish commandos pushed deeper into the Zap region on Monday.",
        "Government columns swept into the town of Kafr Nabudah on Monday.",
        "Army units advancing from the desert reached the edge of Sukhnah on Monday.",
    ],
)
def test_an_advance_stays_a_movement(extractor, text):
    assert [k for k, _ in kinds(extractor, text)] == ["troop_movement"]


@pytest.mark.parametrize(
    "text",
    [
        "Army brigades advanced on Kafr Nabudah from the north on Monday, retaking four hamlets.",
        "Iraqi troops advanced into the district of Zuhur on Monday and took control of it.",
        "Army units advanced on Sukhnah on Monday, where fighting with the defenders went on.",
        "The army launched its offensive on Monday, advancing on Sukhnah from the west.",
    ],
)
def test_an_advance_that_takes_ground_is_a_battle(extractor, text):
    assert "armed_clash" in [k for k, _ in kinds(extractor, text)]
    assert "troop_movement" not in [k for k, _ in kinds(extractor, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Army reinforcements from Hama were seen heading towards Khan Shaykhun on Monday.",
        "The interior ministry dispatched police units from Basra towards Amarah on Monday.",
    ],
)
def test_forces_sent_and_on_their_way_are_a_movement(extractor, text):
    assert [k for k, _ in kinds(extractor, text)] == ["troop_movement"]


def test_forces_sent_to_a_place_stay_a_deployment(extractor):
    text = "The interior ministry sent police reinforcements to Amarah on Monday."
    assert [k for k, _ in kinds(extractor, text)] == ["troop_deployment"]


@pytest.mark.parametrize(
    ("text", "published", "actor"),
    [
        (
            "Regime helicopters dropped barrel bombs on Kafr Zita on Monday.",
            dt.date(2016, 5, 4),
            "Syrian government forces",
        ),
        (
            "Government warplanes bombed a hospital in Idlib city on Monday.",
            dt.date(2019, 5, 4),
            "Syrian government forces",
        ),
        (
            "Government warplanes bombed an ISIS hideout near Rutba on Monday.",
            dt.date(2019, 5, 4),
            "Iraqi Security Forces",
        ),
        (
            "Iraqi government troops retook the village of Imam Gharbi on Monday.",
            dt.date(2016, 5, 4),
            "Iraqi Security Forces",
        ),
    ],
)
def test_government_and_regime_before_a_force_noun_name_the_state_forces(
    extractor, text, published, actor
):
    found = kinds(extractor, text, published)
    assert found[0][1][actor] == "actor"
    assert "Iraqi government" not in found[0][1]


def test_a_position_names_its_owner_as_the_target(extractor):
    found = kinds(
        extractor,
        "ISIS militants attacked government positions near al-Sukhnah on Monday.",
        dt.date(2017, 9, 6),
    )
    assert found[0][1] == {"ISIS": "actor", "Syrian government forces": "target"}


def test_witnesses_are_no_party(extractor):
    found = kinds(extractor, "Turkish artillery shelled Ain Issa overnight, residents said.")
    assert found[0][1] == {"Turkish Armed Forces": "actor"}


@pytest.mark.parametrize(
    "text",
    [
        "Islamic State fighters entered Rawa on Tuesday without a fight.",
        "Militant convoys had pushed west along the Euphrates into Anah by Tuesday evening.",
    ],
)
def test_the_islamic_state_moving_into_a_town_is_insurgent_activity(extractor, text):
    found = events(extractor, text, dt.date(2014, 6, 25))
    assert [e[0] for e in found] == ["insurgent_activity"]


def test_the_islamic_state_pulling_back_stays_a_withdrawal(extractor):
    found = events(
        extractor,
        "Islamic State fighters pulled out of Rawa on Tuesday towards the Syrian border.",
        dt.date(2017, 11, 15),
    )
    assert [e[0] for e in found] == ["troop_withdrawal"]


def test_the_army_entering_a_town_stays_a_deployment(extractor):
    found = events(extractor, "Iraqi army units entered Rawa on Tuesday.", dt.date(2017, 11, 15))
    assert [e[0] for e in found] == ["troop_deployment"]


def test_a_push_that_opened_an_offensive_is_the_battle(extractor):
    text = (
        "The assault began before dawn on Tuesday, when Iraqi army units pushed into Shirqat "
        "from two directions."
    )
    assert [k for k, _ in kinds(extractor, text)] == ["armed_clash"]


def test_a_route_that_opened_an_offensive_stays_a_movement(extractor):
    text = "The assault began on Tuesday, when army brigades advanced on Shirqat from Qayyarah."
    assert "armed_clash" not in [k for k, _ in kinds(extractor, text)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Rebel fighters pulled out of Kafr Zita on Monday; army units entered the town "
            "hours later.",
            "Kafr Zita",
        ),
        (
            "On Friday the militia withdrew from Tadmur, and government troops entered it the "
            "same evening.",
            "Palmyra",
        ),
    ],
)
def test_a_force_entering_a_place_the_other_side_left_is_deployed_there(extractor, text, place):
    """The place the other side left is no route's start for the force that came in."""
    found = [(e[0], e[1]) for e in events(extractor, text) if e[0] != "troop_withdrawal"]
    assert found == [("troop_deployment", place)]


@pytest.mark.parametrize(
    "text",
    [
        "Islamic State fighters overran the village of Hardan on Monday, killing dozens of "
        "Yazidi villagers.",
        "Islamic State militants overran Kocho on Monday and executed dozens of Yazidis.",
    ],
)
def test_a_battle_word_that_only_kills_civilians_is_an_attack(extractor, text):
    found = kinds(extractor, text, dt.date(2014, 8, 20))
    assert [k for k, _ in found] == ["attack"]


def test_clashes_that_killed_civilians_stay_a_battle(extractor):
    found = kinds(
        extractor,
        "Clashes between the army and Druze gunmen in Sahnaya on Monday killed six residents.",
        dt.date(2025, 5, 1),
    )
    assert [k for k, _ in found] == ["armed_clash"]


@pytest.mark.parametrize(
    "text",
    [
        "Counter-terrorism forces said they had killed two ISIS members and detained a third in "
        "a raid near Rawa on Monday.",
        "Anbar, Wadi Hauran: CTS raid on an ISIS hideout on Monday; 4 militants killed.",
    ],
)
def test_state_forces_killing_an_armed_group_in_a_raid_is_a_clash(extractor, text):
    found = kinds(extractor, text, dt.date(2024, 5, 16))
    assert [k for k, _ in found][0] == "armed_clash"

"""Who a crowd is and whom it is against (sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def one(extractor, text, published=dt.date(2024, 3, 14)):
    found = events(extractor, text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "rioters"),
    [
        (
            "Demonstrators set fire to the offices of two parties in Diwaniyah on Tuesday.",
            "Rioters (Iraq)",
        ),
        (
            "Angry protesters torched cars and looted shops in Salkhad on Tuesday.",
            "Rioters (Syria)",
        ),
    ],
)
def test_a_rioting_crowd_is_rioters_not_protesters(extractor, text, rioters):
    kind, _, _, actors = one(extractor, text)
    assert kind == "riot"
    assert actors.get(rioters) == "actor"
    assert not any(name.startswith("Protesters") for name in actors)


def test_a_peaceful_crowd_stays_protesters(extractor):
    kind, _, _, actors = one(
        extractor, "Hundreds of teachers rallied peacefully in Kut on Tuesday over unpaid wages."
    )
    assert kind == "protest"
    assert actors.get("Protesters (Iraq)") == "actor"


@pytest.mark.parametrize(
    ("text", "government"),
    [
        (
            "Crowds stormed the Turkish consulate in Mosul on Tuesday and tore down its flag.",
            "Turkish government",
        ),
        (
            "Several hundred people demonstrated outside the Iranian embassy in Baghdad "
            "on Tuesday.",
            "Iranian government",
        ),
        (
            "Protesters broke into the governorate building in Nasiriyah on Tuesday and set "
            "it ablaze.",
            "Iraqi government",
        ),
    ],
)
def test_the_mission_or_seat_a_crowd_turns_on_names_the_government_hit(extractor, text, government):
    _, _, _, actors = one(extractor, text)
    assert actors.get(government) == "target"


def test_a_syrian_seat_stormed_before_and_after_december_2024(extractor):
    text = "Protesters stormed the governorate building in Suwayda on Tuesday and burned it."
    _, _, _, before = one(extractor, text, dt.date(2023, 9, 14))
    _, _, _, after = one(extractor, text, dt.date(2025, 9, 14))
    assert before.get("Syrian government") == "target"
    assert after.get("Syrian transitional government") == "target"


def test_a_crowd_demanding_an_embassy_close_does_not_make_it_a_target(extractor):
    _, _, _, actors = one(
        extractor,
        "Hundreds of people rallied in Basra on Tuesday demanding the closure of the "
        "Turkish embassy.",
    )
    assert "Turkish government" not in actors


def test_a_crowd_met_with_tear_gas_had_the_state_s_forces_intervene(extractor):
    kind, _, _, actors = one(
        extractor,
        "Hundreds of graduates protested in Nasiriyah on Tuesday and were met with tear gas.",
    )
    assert kind == "protest"
    assert actors.get("Iraqi Security Forces") == "associated"


def test_a_crowd_dispersed_by_a_named_force_keeps_that_force_alone(extractor):
    _, _, _, actors = one(
        extractor,
        "Asayish members fired tear gas to disperse a demonstration in Qamishli on Tuesday.",
    )
    assert "Syrian government forces" not in actors
    assert "Syrian transitional government forces" not in actors


def test_residents_who_stone_the_premiers_convoy_riot_against_the_government(extractor):
    kind, _, _, actors = one(
        extractor,
        "Angry residents of Hilla threw stones at the prime minister's convoy on Tuesday "
        "as he toured the bombed market.",
    )
    assert kind == "riot"
    assert actors.get("Rioters (Iraq)") == "actor"
    assert actors.get("Iraqi government") == "target"
    assert "Civilians (Iraq)" not in actors


def test_a_foreign_base_a_crowd_storms_is_its_target(extractor):
    kind, _, _, actors = one(
        extractor,
        "Angry residents of Amedi stormed a Turkish military base on Tuesday and set fire "
        "to two vehicles.",
    )
    assert kind == "riot"
    assert actors.get("Turkish Armed Forces") == "target"


def test_a_crowd_burning_a_partys_offices_is_a_riot(extractor):
    found = events(
        extractor,
        "Demonstrators in Koya burned the offices of the Gorran movement on Monday.",
        dt.date(2016, 3, 2),
    )
    assert found[0][0] == "riot"
    assert found[0][3].get("Rioters (Iraq)") == "actor"


def test_a_crowd_storming_an_airport_is_a_riot(extractor):
    found = events(
        extractor,
        "Protesters stormed Basra International Airport on Friday and smashed its windows.",
        dt.date(2018, 9, 9),
    )
    assert found[0][0] == "riot"


def test_rival_crowds_clashing_are_a_riot(extractor):
    found = events(
        extractor,
        "Two people were killed in Tuz Khurmatu on Sunday when rival crowds of Kurds and "
        "Turkmens clashed near the market.",
        dt.date(2017, 10, 16),
    )
    assert found[0][0] == "riot"


def test_people_arrested_for_rioting_are_the_rioters(extractor):
    found = events(
        extractor,
        "Police in Nasiriyah arrested 14 people on Monday on charges of rioting and burning "
        "public property.",
        dt.date(2019, 12, 3),
    )
    arrests = [f for f in found if f[0] == "arrest"]
    assert arrests, found
    assert arrests[0][3].get("Rioters (Iraq)") == "target"
    assert "Civilians (Iraq)" not in arrests[0][3]


def test_a_mission_s_owner_is_read_from_the_lexicon_s_states(extractor):
    """The owners' words are the states' adjectives and names (data/lexicon/states.csv):
    a state added there owns its embassy; Iraq and Syria, where the events happen, do not."""
    from app.extraction.crowds import CrowdTargets
    from app.extraction.lexicon import State

    text = "Protesters stormed the Kuwaiti embassy and Turkey's consulate on Friday."
    assert extractor.crowd_targets.mission_owner(text) == "Turkish government"
    kuwait = State("KW", "Kuwait", "Kuwait City", "Kuwaiti government", ("Kuwaiti",))
    with_kuwait = CrowdTargets([kuwait, *extractor.lexicon.states], extractor.actors.as_of)
    assert with_kuwait.mission_owner(text) == "Kuwaiti government"
    assert with_kuwait.mission_owner("Protesters stormed the Iraqi embassy in Tehran.") is None


def test_residents_who_demonstrate_are_the_protesters(extractor):
    found = events(
        extractor,
        "Hundreds of residents of Deir ez-Zor city demonstrated on Friday against power cuts "
        "and fuel prices, local activists said.",
        dt.date(2025, 3, 8),
    )
    (protest,) = [e for e in found if e[0] == "protest"]
    assert protest[3] == {"Protesters (Syria)": "actor"}


def test_people_detained_at_a_demonstration_are_its_protesters(extractor):
    found = events(
        extractor,
        "Police fired tear gas in Nasiriyah on Monday and detained dozens of people as they "
        "tried to march on the governorate building.",
        dt.date(2020, 1, 21),
    )
    (arrest,) = [e for e in found if e[0] == "arrest"]
    assert arrest[3].get("Protesters (Iraq)") == "target"
    assert "Civilians (Iraq)" not in arrest[3]


def test_people_detained_in_march_or_before_a_protest_stay_civilians(extractor):
    found = events(
        extractor,
        "Soldiers arrested residents of the village of Kodana on Friday, prompting a protest "
        "by their relatives.",
        dt.date(2025, 1, 20),
    )
    (arrest,) = [e for e in found if e[0] == "arrest"]
    assert "Protesters (Syria)" not in arrest[3]

"""The governments party to an agreement (sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def agreement(extractor, text, published=dt.date(2023, 5, 20)):
    found = [e for e in events(extractor, text, published) if e[0] == "agreement"]
    assert len(found) == 1, events(extractor, text, published)
    return found[0][3]


@pytest.mark.parametrize(
    ("text", "governments"),
    [
        (
            "The Iranian and Turkish foreign ministers signed a border security accord in "
            "Baghdad on Thursday.",
            {"Iranian government", "Turkish government"},
        ),
        (
            "Baghdad and Ankara agreed on Thursday to reopen the Ibrahim Khalil crossing.",
            {"Iraqi government", "Turkish government"},
        ),
        (
            "A water-sharing deal was signed in Erbil on Thursday between Baghdad and Erbil.",
            {"Iraqi government", "Kurdistan Regional Government"},
        ),
    ],
)
def test_states_named_by_their_people_or_seats_are_the_parties(extractor, text, governments):
    actors = agreement(extractor, text)
    assert {name for name, role in actors.items() if role == "actor"} >= governments


def test_syria_s_government_party_follows_the_date(extractor):
    text = "Syria's president and a Kurdish delegation signed a deal in Damascus on Thursday."
    before = agreement(extractor, text, dt.date(2023, 5, 20))
    after = agreement(extractor, text, dt.date(2025, 5, 20))
    assert before.get("Syrian government") == "actor"
    assert after.get("Syrian transitional government") == "actor"


def test_a_mediating_state_is_associated_not_a_party(extractor):
    actors = agreement(
        extractor,
        "A US-brokered truce between the Iraqi government and Kurdish forces was agreed "
        "in Erbil on Thursday.",
    )
    assert actors.get("United States government") == "associated"


@pytest.mark.parametrize(
    ("text", "published", "governments"),
    [
        (
            "Iran and Turkey signed an accord on border trade in Tehran on Monday.",
            dt.date(2023, 5, 20),
            {"Iranian government", "Turkish government"},
        ),
        (
            "Calm returned to the front after a truce was agreed by Russia and Turkey on Monday.",
            dt.date(2020, 3, 10),
            {"Russian government", "Turkish government"},
        ),
        (
            "A ceasefire announced by the United States, Russia and Jordan on Monday covers "
            "the south-west.",
            dt.date(2017, 7, 12),
            {"United States government", "Russian government"},
        ),
    ],
)
def test_countries_named_as_parties_are_their_governments(extractor, text, published, governments):
    actors = agreement(extractor, text, published)
    assert {name for name, role in actors.items() if role == "actor"} >= governments


@pytest.mark.parametrize(
    ("text", "published", "government"),
    [
        (
            "Presidents Putin and Erdogan agreed on Monday on a ceasefire along the M4 road.",
            dt.date(2020, 3, 10),
            "Turkish government",
        ),
        (
            "Ahmed al-Sharaa announced a ceasefire in Suwayda province on Monday.",
            dt.date(2025, 7, 22),
            "Syrian transitional government",
        ),
    ],
)
def test_a_leader_who_strikes_a_deal_stands_for_its_government(
    extractor, text, published, government
):
    assert agreement(extractor, text, published).get(government) == "actor"


def test_leaders_and_region_seats_are_read_from_the_lexicon(tmp_path):
    from app.extraction.lexicon import lexicon_dir, read_states
    from app.extraction.lexicon_tables import read_pairs

    codes = [s.country for s in read_states([lexicon_dir() / "states.csv"])]
    leaders = read_pairs([lexicon_dir() / "leaders.csv"], ("name", "country"), codes)
    assert ("Putin", "RU") in {(r.name, r.value) for r in leaders}
    seats = read_pairs([lexicon_dir() / "region_seats.csv"], ("seat", "government"))
    assert ("Erbil", "Kurdistan Regional Government") in {(r.name, r.value) for r in seats}


@pytest.mark.parametrize(
    ("row", "message"),
    [("Tebboune,DZ,x", "leaders.csv:3: unknown country 'DZ'"), (",TR,x", "leaders.csv:3")],
)
def test_a_leader_of_no_known_state_is_refused_with_its_line(tmp_path, row, message):
    from app.errors import GazetteerError
    from app.extraction.lexicon_tables import read_pairs

    path = tmp_path / "leaders.csv"
    path.write_text(f"name,country,note\nPutin,RU,x\n{row}\n")
    with pytest.raises(GazetteerError, match=message):
        read_pairs([path], ("name", "country"), ["RU", "TR"])


def test_a_leader_and_a_regional_seat_are_parties_from_the_data(extractor):
    """A name the lexicon gives no state is no party; one it gives a state is."""
    from app.extraction.lexicon_tables import Named
    from app.extraction.parties import Parties

    text = (
        "Presidents Putin and Tokayev agreed on Friday to extend the grain corridor, and a "
        "deal between Baghdad and Zakho was signed in Zakho."
    )
    published = dt.date(2023, 5, 20)
    assert "Turkish government" not in agreement(extractor, text, published)
    kept = extractor.parties
    try:
        extractor.parties = Parties(
            extractor.lexicon.states,
            [Named("Putin", "RU", "test"), Named("Tokayev", "TR", "test")],
            [Named("Zakho", "Kurdistan Regional Government", "test")],
        )
        parties = agreement(extractor, text, published)
    finally:
        extractor.parties = kept
    assert parties.get("Turkish government") == "actor"
    assert parties.get("Kurdistan Regional Government") == "actor"
    assert "Kurdistan Regional Government" not in agreement(extractor, text, published)


def test_a_head_of_government_who_orders_measures_stands_for_his_government(extractor):
    cases = (
        ("Prime Minister Mohammed Shia al-Sudani ordered a curfew in Kirkuk on Friday.", 2024),
        ("Prime Minister Adel Abdul Mahdi imposed a curfew in Baghdad on Thursday.", 2019),
    )
    for text, year in cases:
        found = [e for e in events(extractor, text, dt.date(year, 10, 4)) if e[0] == "other"]
        assert found and found[0][3].get("Iraqi government") == "actor", (text, found)


def test_a_state_recalling_its_envoy_acts_against_the_state_it_leaves(extractor):
    text = "Baghdad recalled its ambassador from Ankara on Wednesday over the shelling near Zakho."
    found = [e for e in events(extractor, text, dt.date(2022, 7, 21)) if e[0] == "other"]
    assert found, found
    assert found[0][3].get("Iraqi government") == "actor", found
    assert found[0][3].get("Turkish government") == "target", found


def test_a_state_summoning_an_ambassador_targets_the_envoys_state(extractor):
    text = (
        "Iraq recalled its envoy from Tehran and summoned the Turkish charge d'affaires on "
        "Thursday over strikes in the north."
    )
    found = [e for e in events(extractor, text, dt.date(2024, 1, 18)) if e[0] == "other"]
    assert found and found[0][3].get("Turkish government") == "target", found


def test_an_office_of_no_named_state_in_a_deal_is_the_local_government(extractor):
    cases = (
        (
            "Tribal elders and the interior ministry agreed on a truce in Suwayda on Monday.",
            dt.date(2025, 7, 22),
            "Syrian transitional government",
        ),
        (
            "Clan leaders and the authorities signed a reconciliation deal in Basra on Sunday.",
            dt.date(2022, 3, 6),
            "Iraqi government",
        ),
    )
    for text, day, government in cases:
        found = [e for e in events(extractor, text, day) if e[0] == "agreement"]
        assert found and found[0][3].get(government) == "actor", (text, found)


def test_a_state_named_by_its_short_name_beside_another_agrees(extractor):
    text = "The US and Iraq agreed on Tuesday on a timetable for the drawdown from Ain al-Asad."
    found = agreement(extractor, text, dt.date(2024, 9, 25))
    assert found.get("United States government") == "actor", found
    assert found.get("Iraqi government") == "actor", found


def test_a_seat_and_a_named_government_sign_together(extractor):
    text = "Baghdad and the Kurdistan Regional Government signed a deal on oil exports on Monday."
    found = agreement(extractor, text, dt.date(2023, 4, 5))
    assert found.get("Iraqi government") == "actor", found
    assert found.get("Kurdistan Regional Government") == "actor", found


def test_a_state_whose_mediation_a_truce_came_with_is_associated(extractor):
    text = "A truce took hold in Sweida on Saturday with Russian mediation, officials said."
    found = agreement(extractor, text, dt.date(2025, 7, 20))
    assert found.get("Russian government") == "associated", found

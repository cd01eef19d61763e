"""Air strikes in a list take the air force of their lead (texts written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events

LEAD = (
    "Coalition forces kept up their campaign, using fighter and bomber aircraft to conduct "
    "seven airstrikes between Monday and Tuesday.\n\n"
)


def test_listed_strikes_are_flown_by_the_force_of_the_lead(extractor):
    text = LEAD + (
        "- Near Hit, two airstrikes struck an ISIS tactical unit.\n"
        "- Near Baiji, one airstrike destroyed an ISIS vehicle.\n"
    )
    found = events(extractor, text, dt.date(2015, 6, 10))
    strikes = [f for f in found if f[0] == "airstrike"]
    assert len(strikes) == 2, found
    assert all(f[3].get("US-led coalition") == "actor" for f in strikes)


def test_a_strike_with_no_air_power_told_before_stays_unflown(extractor):
    text = (
        "Coalition advisers met tribal leaders in Anbar on Monday.\n\n"
        "- Near Hit, two airstrikes struck an ISIS tactical unit.\n"
    )
    found = events(extractor, text, dt.date(2015, 6, 10))
    strikes = [f for f in found if f[0] == "airstrike"]
    assert strikes, found
    assert "US-led coalition" not in strikes[0][3]


def test_planes_that_began_bombing_struck_from_the_air(extractor):
    text = "Government planes began bombing Khan Shaykhun early on Friday."
    assert [e[0] for e in events(extractor, text)] == ["airstrike"]


def test_enemies_neutralised_in_an_air_operation_are_its_toll(extractor):
    text = "In an air operation in the Zap region, 2 terrorists were neutralised on Friday."
    assert [e[0] for e in events(extractor, text)] == ["airstrike"]


def test_enemies_neutralised_by_commandos_with_air_support_fought_them(extractor):
    text = (
        "On Friday, 2 terrorists in the Zap region were neutralised by our commandos in an "
        "operation supported by armed drones and an air operation."
    )
    assert "armed_clash" in [e[0] for e in events(extractor, text)]


def test_a_lead_that_says_only_strikes_names_who_flew_them(extractor):
    text = (
        "Coalition forces pressed on against ISIS, carrying out nine strikes across Iraq on "
        "Monday, task force officials said.\n\n"
        "Aircraft of several kinds flew the missions in support of the Government of Iraq:\n\n"
        "- Near Hit, two strikes destroyed an ISIS mortar team.\n"
    )
    found = events(extractor, text, dt.date(2015, 6, 10))
    strikes = [f for f in found if f[0] == "airstrike" and f[1] == "Hit"]
    assert strikes, found
    assert strikes[0][3].get("US-led coalition") == "actor"


@pytest.mark.parametrize(
    ("text", "day", "forces"),
    [
        (
            "Helicopters dropped barrel bombs on a bakery queue in Darayya on Saturday.",
            dt.date(2015, 6, 7),
            "Syrian government forces",
        ),
        (
            "A barrel bomb hit a school in Karm al-Jabal, Aleppo, on Monday.",
            dt.date(2016, 2, 9),
            "Syrian government forces",
        ),
        (
            "Barrel bombs fell on the Nazal district of Fallujah on Thursday, wounding six.",
            dt.date(2014, 5, 2),
            "Iraqi Security Forces",
        ),
    ],
)
def test_barrel_bombs_are_the_air_force_of_the_events_country(extractor, text, day, forces):
    strikes = [f for f in events(extractor, text, day) if f[0] == "airstrike"]
    assert strikes, events(extractor, text, day)
    assert strikes[0][3].get(forces) == "actor"


def test_the_force_a_lead_aimed_at_is_hit_not_flying(extractor):
    text = (
        "Israeli aircraft kept up their campaign against IRGC depots between Monday and "
        "Tuesday, a monitor said.\n\n"
        "- Near Kisweh, two airstrikes hit weapons stores.\n"
    )
    found = events(extractor, text, dt.date(2023, 6, 14))
    strikes = [f for f in found if f[0] == "airstrike" and f[2] == "SY-RD"]
    assert strikes, found
    assert strikes[0][3].get("IRGC") == "target", found
    assert "actor" in strikes[0][3].values(), found

"""Named Syrian armed groups, and the spellings writers give loyalist and Druze fighters."""

import datetime as dt

import pytest

from app.extraction.actors import default_actor_file, read_actors
from app.extraction.evaluation.actor_names import GoldActorNames
from tests.extraction.helpers import events


@pytest.fixture(scope="module")
def names():
    return GoldActorNames.from_actors(read_actors([default_actor_file()]))


def test_written_names_of_loyalist_and_druze_fighters_read_as_the_listed_actors(names):
    assert names.name("Assad loyalist insurgents") == "Assad loyalists"
    assert names.name("Pro-Assad insurgents") == "Assad loyalists"
    assert names.name("Druze armed groups (Syria)") == "Druze armed factions"
    assert names.name("Druze militias (Sweida)") == "Druze armed factions"
    assert names.name("Jaysh al-Islam") == "Jaish al-Islam"
    assert names.name("Syrian rebel factions") == "Syrian opposition factions"


def test_loyalist_insurgents_in_a_sentence_are_assad_loyalists(extractor):
    found = events(
        extractor,
        "Assad loyalist insurgents ambushed a General Security patrol outside Jableh on "
        "Tuesday, killing three members.",
        dt.date(2025, 3, 12),
    )
    assert found[0][3]["Assad loyalists"] == "actor"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Faylaq al-Rahman fighters clashed with army units in Jobar on Sunday.",
            "Faylaq al-Rahman",
        ),
        ("The Hamza Division shelled villages near Tal Rifaat on Sunday.", "Hamza Division"),
        ("Hurras al-Din fighters clashed with HTS near Idlib on Sunday.", "Hurras al-Din"),
        (
            "Fighters of the Eighth Brigade clashed with gunmen in Busra al-Sham on Sunday.",
            "Eighth Brigade",
        ),
    ],
)
def test_named_syrian_factions_are_actors(extractor, text, name):
    found = events(extractor, text, dt.date(2020, 6, 9))
    assert name in found[0][3]


def test_kurdish_militants_are_the_pkk_not_the_reports_main_group(extractor):
    text = (
        "Islamic State fighters attacked an army post near Mosul on Sunday. "
        "On Monday Turkish jets struck Kurdish militant positions in the Qandil mountains."
    )
    found = events(extractor, text, dt.date(2016, 5, 10))
    strike = next(f for f in found if f[0] == "airstrike")
    assert strike[3].get("PKK") == "target" and "ISIS" not in strike[3], found


def test_the_militants_stay_the_group_called_militants_by_name(extractor):
    text = (
        "Islamic State militants seized a village near Sinjar on Sunday; Turkey calls the "
        "local force an offshoot of the PKK, whose PKK camps it bombs. On Monday the "
        "militants attacked a checkpoint near Sinjar."
    )
    found = events(extractor, text, dt.date(2016, 5, 10))
    later = [f for f in found if "ISIS" in f[3]]
    assert len(later) >= 2, found

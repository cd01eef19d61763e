"""A strike on a base or a foreign mission hits the force or state it hosts (sentences
written for these tests)."""

import datetime as dt
from pathlib import Path

import pytest

from app.errors import GazetteerError
from app.extraction.hosts import HostedSites
from app.extraction.lexicon import HostedSite, lexicon_dir, read_hosted_sites
from tests.extraction.helpers import events


def only(extractor, text, published=dt.date(2023, 11, 9)):
    found = events(extractor, text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "host"),
    [
        (
            "Two rockets came down inside Ain al-Asad air base in Anbar late on Tuesday, "
            "causing no casualties.",
            "United States Armed Forces",
        ),
        (
            "A one-way attack drone was downed over Harir air base, north of Erbil, on Tuesday.",
            "United States Armed Forces",
        ),
        (
            "An explosive-laden drone crashed near Erbil International Airport on Tuesday night.",
            "US-led coalition",
        ),
        (
            "A Katyusha rocket landed near the US consulate in Erbil on Tuesday, officials said.",
            "United States government",
        ),
    ],
)
def test_a_strike_on_a_hosted_site_targets_its_host(extractor, text, host):
    kind, _, _, actors = only(extractor, text)
    assert kind == "drone_or_rocket_attack"
    assert actors.get(host) == "target"


def test_the_host_is_no_target_of_its_own_strike(extractor):
    _, _, _, actors = only(
        extractor,
        "US forces fired rockets from Ain al-Asad air base at militia positions near al-Qaim "
        "on Tuesday.",
    )
    assert actors.get("United States Armed Forces") != "target"


def test_a_sentence_naming_the_hosted_force_keeps_that_force(extractor):
    _, _, _, actors = only(
        extractor,
        "Rockets were fired on Tuesday at Ain al-Asad, a base that hosts coalition troops.",
    )
    assert actors.get("US-led coalition") == "target"
    assert "United States Armed Forces" not in actors


def test_a_site_before_its_force_arrived_hosts_nobody(extractor):
    _, _, _, actors = only(
        extractor,
        "Rockets hit Ain al-Asad air base in Anbar on Tuesday, killing two soldiers.",
        published=dt.date(2014, 6, 11),
    )
    assert "United States Armed Forces" not in actors


def test_a_town_sharing_a_base_name_hosts_nobody(extractor):
    found = events(
        extractor,
        "Regime shelling hit Busra al-Harir in the eastern Daraa countryside on Tuesday.",
        dt.date(2018, 6, 20),
    )
    assert found
    assert all("United States Armed Forces" not in actors for *_, actors in found)


def test_the_shipped_sites_name_known_actors(extractor):
    sites = read_hosted_sites([lexicon_dir() / "hosted_sites.csv"])
    assert sites
    HostedSites(sites, extractor.actors.actors)  # refuses an unknown actor


def test_a_site_naming_an_unknown_actor_is_refused(extractor):
    with pytest.raises(GazetteerError, match="unknown actor"):
        HostedSites([HostedSite(("Camp Nowhere",), "Martians")], extractor.actors.actors)


def test_a_site_row_without_an_actor_is_refused(tmp_path: Path):
    path = tmp_path / "hosted.csv"
    path.write_text("site,actor\nCamp Nowhere,\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="a site and its actor"):
        read_hosted_sites([path])


@pytest.mark.parametrize(
    ("text", "published", "struck"),
    [
        (
            "Israeli jets struck military sites near Kisweh, south of Damascus, on Tuesday night.",
            dt.date(2025, 3, 12),
            "Syrian transitional government forces",
        ),
        (
            "Israeli missiles hit an air base near Damascus on Tuesday night, state media said.",
            dt.date(2019, 1, 23),
            "Syrian government forces",
        ),
        (
            "Israeli warplanes struck near the presidential palace in Damascus on Tuesday.",
            dt.date(2025, 5, 8),
            "Syrian transitional government",
        ),
    ],
)
def test_a_foreign_strike_on_a_states_military_hits_that_state(extractor, text, published, struck):
    strikes = {"airstrike", "drone_or_rocket_attack"}  # "missiles hit" reads as either
    found = [f for f in events(extractor, text, published) if f[0] in strikes]
    assert found, events(extractor, text, published)
    assert found[0][3].get(struck) == "target"


def test_a_named_target_keeps_the_strike_off_the_state(extractor):
    found = events(
        extractor,
        "Turkish drones struck an SDF military site near Qamishli on Tuesday.",
        dt.date(2023, 11, 9),
    )
    assert found
    assert all("Syrian government forces" not in actors for *_, actors in found)
    assert found[0][3].get("SDF") == "target"


def test_a_site_named_as_a_landmark_is_not_struck(extractor):
    found = events(
        extractor,
        "Islamic State fighters overran a village 10 km west of Ain al-Asad air base on Tuesday.",
        dt.date(2016, 2, 17),
    )
    assert found
    assert all("United States Armed Forces" not in actors for *_, actors in found)


def test_a_ministry_that_speaks_is_no_seat_struck(extractor):
    text = (
        "Turkey's defence ministry said its jets struck hideouts in the Gara region of "
        "northern Iraq on Monday."
    )
    found = events(extractor, text, dt.date(2023, 5, 9))
    assert found, found
    assert found[0][3].get("Turkish Armed Forces") == "actor"
    assert "Iraqi government" not in found[0][3]


def test_forces_of_one_side_are_read_from_the_lexicon(tmp_path, extractor):
    from app.extraction.lexicon_tables import read_pairs

    rows = read_pairs([lexicon_dir() / "allies.csv"], ("actor", "ally"))
    assert ("United States Armed Forces", "US-led coalition") in {(r.name, r.value) for r in rows}
    path = tmp_path / "allies.csv"
    path.write_text("actor,ally,note\nUnited States Armed Forces,,no ally\n")
    with pytest.raises(GazetteerError, match="allies.csv:2: actor and ally"):
        read_pairs([path], ("actor", "ally"))
    path.write_text("actor,ally,note\nUnited States Armed Forces,Coalition,misspelt\n")
    with pytest.raises(GazetteerError, match="allies.csv:2: unknown actor 'Coalition'"):
        HostedSites((), extractor.actors.actors, allies=read_pairs([path], ("actor", "ally")))


def test_a_strike_by_an_ally_of_the_host_is_no_attack_on_it_by_the_data(extractor):
    """Without the lexicon's allies, a US strike near the coalition's base hits the coalition."""
    text = "A US drone strike hit a vehicle near Erbil airport on Tuesday, killing two militants."
    published = dt.date(2021, 3, 3)
    assert "US-led coalition" not in events(extractor, text, published)[0][3]
    kept, x = extractor.hosted, extractor.actors
    try:
        extractor.hosted = HostedSites(
            extractor.lexicon.hosted_sites, x.actors, x.national, x.as_of, {}, None, ()
        )
        found = events(extractor, text, published)
    finally:
        extractor.hosted = kept
    assert found[0][3].get("US-led coalition") == "target", found

"""Islamic State and its enemies are the two sides of a fight, never one (texts written for
these tests)."""

import datetime as dt

import pytest

from app.errors import GazetteerError
from tests.extraction.helpers import events


def _parties(extractor, text, published):
    return [found[3] for found in events(extractor, text, published)]


def test_a_force_clearing_streets_fights_the_holdouts(extractor):
    parties = _parties(
        extractor,
        "Federal Police units cleared the last streets of Sharqat on Tuesday, clashing with "
        "Islamic State holdouts hiding in a school; the command said 20 militants were killed.",
        dt.date(2016, 9, 21),
    )
    assert parties[0]["Iraqi Security Forces"] == "actor"
    assert parties[0]["ISIS"] == "target"


def test_a_village_retaken_after_fighting_the_group(extractor):
    parties = _parties(
        extractor,
        "The SDF said it had retaken the village of Abu Hamam on Thursday, ending three days "
        "of fighting with Islamic State militants who had seized it.",
        dt.date(2018, 11, 9),
    )
    assert parties[0] == {"SDF": "actor", "ISIS": "target"}


def test_a_raid_on_a_hideout_kills_and_detains_the_groups_men(extractor):
    parties = _parties(
        extractor,
        "4 Mar - Deir ez-Zor, Baghouz: SDF raid on an IS hideout; 2 militants killed, 3 detained.",
        dt.date(2019, 3, 5),
    )
    assert parties
    assert all(p == {"SDF": "actor", "ISIS": "target"} for p in parties)


def test_the_side_named_first_pushed_the_other_back(extractor):
    parties = _parties(
        extractor,
        "ISIS took control of several villages near Hajin and pushed the SDF back three km; "
        "6 ISIS members killed.",
        dt.date(2018, 10, 12),
    )
    assert parties[0] == {"ISIS": "actor", "SDF": "target"}


def test_the_group_that_lost_ground_is_the_target(extractor):
    parties = _parties(
        extractor,
        "Islamic State lost its last foothold in Manbij in August, when SDF fighters overran "
        "the old market after weeks of siege.",
        dt.date(2016, 9, 1),
    )
    assert parties[0] == {"ISIS": "target", "SDF": "actor"}


def test_fighters_shot_dead_by_the_group_are_its_target(extractor):
    parties = _parties(
        extractor,
        "Yesterday: 3 SDF fighters shot dead by ISIS members in a clash near Hajin.",
        dt.date(2018, 10, 12),
    )
    assert parties[0] == {"SDF": "target", "ISIS": "actor"}


def test_fighters_who_surrender_are_taken_by_the_force_they_surrender_to(extractor):
    parties = _parties(
        extractor,
        "Kurdish officials said 300 Islamic State fighters had handed themselves over to "
        "Peshmerga forces near Dibis on Tuesday.",
        dt.date(2017, 10, 10),
    )
    assert parties[0] == {"ISIS": "target", "Peshmerga": "actor"}


def test_an_attack_told_as_repelled_was_made_by_the_group(extractor):
    parties = _parties(
        extractor,
        "Daesh gunmen attacked a PMF post near Tarmiyah on Monday; the assault was repelled.",
        dt.date(2017, 6, 1),
    )
    assert parties[0] == {"ISIS": "actor", "Popular Mobilization Forces": "target"}


def test_fighters_killed_in_a_clash_with_the_group_are_its_target(extractor):
    parties = _parties(
        extractor,
        "Four SDF fighters were killed on Friday in a clash with Daesh near Hajin.",
        dt.date(2017, 6, 1),
    )
    assert parties[0] == {"SDF": "target", "ISIS": "actor"}


def test_the_groups_and_their_enemies_are_read_from_the_lexicon(tmp_path):
    from app.extraction.lexicon import lexicon_dir
    from app.extraction.lexicon_tables import read_pairs

    rows = read_pairs([lexicon_dir() / "outlaws.csv"], ("outlaw", "enemy"))
    assert ("ISIS", "SDF") in {(r.name, r.value) for r in rows}
    path = tmp_path / "outlaws.csv"
    path.write_text("outlaw,enemy,note\nISIS,YPG,x\nISIS,,no enemy\n")
    with pytest.raises(GazetteerError, match="outlaws.csv:3: outlaw and enemy"):
        read_pairs([path], ("outlaw", "enemy"))


def test_an_enemy_unknown_to_the_actor_list_is_refused_with_its_line(tmp_path, extractor):
    from app.extraction.lexicon_tables import read_pairs
    from app.extraction.outlaw_sides import OutlawSides

    path = tmp_path / "outlaws.csv"
    path.write_text("outlaw,enemy,note\nISIS,SDF,x\nISIS,Sinjar Units,misspelt\n")
    with pytest.raises(GazetteerError, match="outlaws.csv:3: unknown actor 'Sinjar Units'"):
        OutlawSides(read_pairs([path], ("outlaw", "enemy")), extractor.actors.actors)


def test_an_enemy_comes_from_the_data_not_the_code(extractor):
    """Without its row, the SDF and the group both stay the actors of their fight."""
    from app.extraction.lexicon_tables import Named
    from app.extraction.outlaw_sides import OutlawSides

    text = (
        "The SDF said it had retaken the village of Abu Hamam on Thursday, ending three days "
        "of fighting with Islamic State militants who had seized it."
    )
    published = dt.date(2018, 11, 9)
    kept = extractor.outlaws
    try:
        extractor.outlaws = OutlawSides([Named("ISIS", "YPG", "test")], extractor.actors.actors)
        assert _parties(extractor, text, published)[0] != {"SDF": "actor", "ISIS": "target"}
    finally:
        extractor.outlaws = kept
    assert _parties(extractor, text, published)[0] == {"SDF": "actor", "ISIS": "target"}

"""A coalition strike that names no target hit ISIS (sentences written for these tests)."""

import datetime as dt

import pytest

from app.errors import GazetteerError
from tests.extraction.helpers import events


def test_a_coalition_strike_naming_no_target_hit_isis(extractor):
    text = "Coalition warplanes carried out nine strikes around Baiji on Sunday."
    found = [f for f in events(extractor, text, dt.date(2015, 5, 4)) if f[0] == "airstrike"]
    assert found and found[0][3].get("ISIS") == "target", found


def test_a_coalition_strike_on_a_named_target_keeps_it(extractor):
    text = "Coalition jets struck a pro-government convoy near al-Tanf on Thursday."
    found = [f for f in events(extractor, text, dt.date(2017, 5, 19)) if f[0] == "airstrike"]
    assert found and "ISIS" not in found[0][3], found


def test_a_turkish_strike_in_iraq_naming_no_target_hit_the_pkk(extractor):
    text = "A Turkish drone struck a vehicle near Batifa in Zakho district on Friday."
    found = events(extractor, text, dt.date(2023, 3, 11))
    assert found and found[0][3].get("PKK") == "target", found


def test_the_terrorists_of_turkish_forces_in_syria_are_the_ypg(extractor):
    text = (
        "Turkish commandos raided shelters of the separatist terrorist organisation near "
        "Tal Rifaat on Monday, the ministry said."
    )
    found = events(extractor, text, dt.date(2021, 10, 12))
    assert found and found[0][3].get("YPG") == "target", found


def test_the_terrorists_of_turkish_forces_in_iraq_are_the_pkk_in_a_clash_too(extractor):
    text = "Turkish soldiers clashed with terrorists near Amadiya in Duhok province on Sunday."
    found = [f for f in events(extractor, text, dt.date(2021, 10, 12)) if f[0] == "armed_clash"]
    assert found and found[0][3].get("PKK") == "target", found


def test_terrorists_read_back_to_a_joint_name_are_the_ypg_in_syria(extractor):
    text = (
        "Turkish warplanes flew against the PKK/YPG terrorist organisation on Sunday. "
        "Turkish jets destroyed 12 depots used by the terrorists near Derik in Syria."
    )
    found = [f for f in events(extractor, text, dt.date(2022, 11, 21)) if f[0] == "airstrike"]
    assert found and found[-1][3].get("YPG") == "target", found
    assert "PKK" not in found[-1][3], found


def test_a_counter_terrorism_unit_hit_stays_the_target(extractor):
    text = (
        "A Turkish drone struck the Arbat airstrip used by the PUK Counter-Terrorism Group "
        "near Sulaymaniyah on Monday, killing three of its members; Ankara said it hit "
        "terrorists."
    )
    found = events(extractor, text, dt.date(2023, 9, 19))
    assert found and found[0][3].get("PUK") == "target", found
    assert "PKK" not in found[0][3], found


def test_terrorists_of_another_force_are_not_the_pkk(extractor):
    text = "Iraqi soldiers clashed with terrorists near Tarmiyah on Sunday."
    found = [f for f in events(extractor, text, dt.date(2021, 10, 12)) if f[0] == "armed_clash"]
    assert found and "PKK" not in found[0][3], found


def test_the_campaigns_are_read_from_the_lexicon(tmp_path):
    from app.extraction.lexicon import lexicon_dir
    from app.extraction.lexicon_tables import read_campaigns

    rows = read_campaigns([lexicon_dir() / "campaigns.csv"])
    assert ("Turkish Armed Forces", "SY", "YPG", "terrorists") in {
        (r.force, r.country, r.enemy, r.reading) for r in rows
    }


@pytest.mark.parametrize(
    "row", ["IRGC,IQ,PKK,shelling,unknown reading", ",IQ,PKK,strike,no force", "IRGC,IQ,,strike,x"]
)
def test_a_bad_campaign_row_is_refused_with_its_line(tmp_path, row):
    from app.extraction.lexicon_tables import read_campaigns

    path = tmp_path / "campaigns.csv"
    path.write_text(f"force,country,enemy,reading,note\nIRGC,IQ,PKK,strike,x\n{row}\n")
    with pytest.raises(GazetteerError, match="campaigns.csv:3: force, enemy and reading"):
        read_campaigns([path])


def test_a_campaign_naming_an_unknown_actor_is_refused_with_its_line(tmp_path, extractor):
    from app.extraction.campaign_targets import CampaignTargets
    from app.extraction.lexicon_tables import read_campaigns

    path = tmp_path / "campaigns.csv"
    path.write_text("force,country,enemy,reading,note\nIRGC,IQ,Kurdish parties,strike,x\n")
    with pytest.raises(GazetteerError, match="campaigns.csv:2: unknown actor 'Kurdish parties'"):
        CampaignTargets(read_campaigns([path]), extractor.actors.actors)


def test_a_campaign_s_enemy_comes_from_the_data(extractor):
    """A row moved from Iraq to Syria moves the reading with it."""
    from app.extraction.campaign_targets import CampaignTargets
    from app.extraction.lexicon_tables import Campaign

    text = "A Turkish drone struck a vehicle near Batifa in Zakho district on Friday."
    published = dt.date(2023, 3, 11)
    kept = extractor.campaigns
    try:
        extractor.campaigns = CampaignTargets(
            [Campaign("Turkish Armed Forces", "SY", "PKK", "strike", "test")],
            extractor.actors.actors,
        )
        found = events(extractor, text, published)
    finally:
        extractor.campaigns = kept
    assert found and "PKK" not in found[0][3], found
    assert events(extractor, text, published)[0][3].get("PKK") == "target"

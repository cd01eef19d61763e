"""Words of troop movements and ground taken, and when they are no move of their own
(sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def types(extractor, text, published=dt.date(2023, 5, 10)):
    return [(e[0], e[1]) for e in events(extractor, text, published)]


def test_a_unit_that_arrived_from_a_town_moved(extractor):
    found = types(
        extractor, "A fresh Peshmerga battalion arrived on the Gwer front from Erbil on Monday."
    )
    assert [t for t, _ in found] in (["troop_movement"], ["troop_deployment"])


def test_troops_sent_into_a_province_deploy(extractor):
    found = types(
        extractor, "Army brigades were sent into Anbar province on Monday to hold the road."
    )
    assert [t for t, _ in found] == ["troop_deployment"]


def test_sending_commandos_across_the_border_deploys_them(extractor):
    found = types(
        extractor,
        "Ankara opened a new operation on Monday, sending commandos across the border into "
        "the Zap area.",
    )
    assert "troop_deployment" in [t for t, _ in found]


def test_a_flag_raised_over_a_town_is_ground_taken(extractor):
    found = types(
        extractor, "Army units raised the Iraqi flag over the council building in Rawa on Monday."
    )
    assert [t for t, _ in found] == ["armed_clash"]


def test_killings_of_civilians_are_an_attack(extractor):
    found = types(
        extractor, "Gunmen carried out killings of shepherds near Tarmiyah on Monday, police said."
    )
    assert [t for t, _ in found] == ["attack"]


def test_a_push_into_a_district_to_fight_is_the_fight(extractor):
    found = types(
        extractor,
        "On Monday troops pushed into the western district of Hit and fought militants "
        "for six hours.",
    )
    assert [t for t, _ in found] == ["armed_clash"]


def test_an_attack_on_positions_is_a_battle(extractor):
    found = types(extractor, "Fighters attacked two positions near Hajin on Monday night.")
    assert [t for t, _ in found] == ["armed_clash"]
    assert [t for t, _ in types(extractor, "Gunmen attacked a bakery in Hajin on Monday.")] == [
        "attack"
    ]


def test_a_force_said_to_be_stationed_somewhere_does_not_deploy(extractor):
    found = types(
        extractor,
        "Militias stationed south of the river shelled Hajin on Monday, wounding a child.",
    )
    assert "troop_deployment" not in [t for t, _ in found]
    found = types(extractor, "The army stationed two battalions in Hajin on Monday.")
    assert [t for t, _ in found] == ["troop_deployment"]


@pytest.mark.parametrize(
    "text",
    [
        "Armoured vehicles were stationed at the main square of Tal Afar after the unrest.",
        "Peshmerga units stationed near Makhmour pulled out on Sunday morning.",
    ],
)
def test_a_force_told_where_it_is_stationed_is_no_deployment(extractor, text):
    """ "were stationed at", "units stationed near": where a force is, not a posting made."""
    assert "troop_deployment" not in [t for t, _ in types(extractor, text)]


def test_ways_of_telling_a_withdrawal(extractor):
    for text in (
        "On Monday the SDF pulled its fighters out of Tal Tamr.",
        "Government troops began to withdraw from Tal Tamr on Monday.",
        "Army units vacated their positions near Tal Tamr on Monday.",
        "Russian forces evacuated the air base at Tal Tamr on Monday.",
        "Outnumbered, the army units fell back from Tal Tamr on Monday.",
    ):
        assert "troop_withdrawal" in [t for t, _ in types(extractor, text)], text


def test_bodies_pulled_out_of_rubble_are_no_withdrawal(extractor):
    found = types(extractor, "Rescuers pulled the bodies out of the rubble in Tal Tamr on Monday.")
    assert "troop_withdrawal" not in [t for t, _ in found]


def test_ways_of_telling_a_kidnapping(extractor):
    for text in (
        "Two activists were forcibly disappeared in Nasiriyah on Monday, their families said.",
        "Gunmen seized a trader in Kirkuk on Monday and demanded a ransom from his family.",
    ):
        assert "kidnapping" in [t for t, _ in types(extractor, text)], text


def test_gunmen_setting_up_a_checkpoint_are_insurgent_activity(extractor):
    found = types(
        extractor,
        "On Monday, masked gunmen set up a checkpoint near Hawija and searched passing cars.",
    )
    assert [t for t, _ in found] == ["insurgent_activity"]
    found = types(extractor, "On Monday, police set up a checkpoint near Hawija.")
    assert [t for t, _ in found] == ["troop_deployment"]


def test_an_understanding_reached_is_an_agreement(extractor):
    found = types(
        extractor,
        "The Kurdish-led administration reached an understanding with Damascus in Qamishli on "
        "Monday.",
    )
    assert [t for t, _ in found] == ["agreement"]
    found = types(extractor, "Police patrolled Qamishli on Monday under the arrangement.")
    assert "agreement" not in [t for t, _ in found]


def test_a_town_that_fell_to_an_armed_group_was_taken(extractor):
    found = types(
        extractor, "Hit fell to Islamic State militants on 13 October 2014.", dt.date(2015, 6, 1)
    )
    assert [t for t, _ in found] == ["armed_clash"]


def test_gunmen_fleeing_after_an_aside_get_away(extractor):
    text = "The gunmen, both wearing masks, fled toward the orchards near Baquba on Monday."
    assert [t for t, _ in types(extractor, text)] == []


def test_a_ruler_who_fled_is_no_withdrawal(extractor):
    text = "The governor fled to Erbil on Monday as the militants closed in on Mosul."
    assert "troop_withdrawal" not in [t for t, _ in types(extractor, text)]


def test_troops_who_fled_a_town_withdrew_from_it(extractor):
    text = "Army units fled Tikrit on Monday as the militants advanced."
    assert types(extractor, text) == [("troop_withdrawal", "Tikrit")]


def test_columns_seen_retreating_are_a_withdrawal(extractor):
    found = types(
        extractor,
        "Columns of army trucks were seen on Monday retreating east toward the Taji base.",
    )
    assert [t for t, _ in found] == ["troop_withdrawal"]


def test_troops_abandoning_their_last_posts_withdraw(extractor):
    found = types(
        extractor,
        "Police units abandoned their last checkpoints in Hit on Monday, leaving their vehicles.",
    )
    assert found == [("troop_withdrawal", "Hit")]

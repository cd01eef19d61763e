"""Lexicon rows for troop movements and for ``other`` news: handovers, pull-outs, fighters
bused out, crossings, recalled envoys (sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def types(extractor, text, published=dt.date(2022, 4, 6)):
    return [e[0] for e in events(extractor, text, published)]


@pytest.mark.parametrize(
    "text",
    [
        "Army units began pulling out of Tal Afar on Monday, residents said.",
        "The militants had fallen back to the villages south of Hit by Monday night.",
        "The Asayish pulled its guards out of Roj camp on Monday.",
        "Troops set fire to their stores after the evacuation of the Kuweires air base on Monday.",
        "About 200 gunmen were allowed to leave Mayadin on Monday under a local deal.",
        "Buses carrying 400 rebel fighters left Harasta on Monday for the north.",
        "Some 300 militants were bused out of Qalamoun on Monday toward the eastern desert.",
    ],
)
def test_ways_of_telling_forces_leaving(extractor, text):
    assert "troop_withdrawal" in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The army sent three brigades from Kirkuk to Tuz Khurmatu on Monday.",
        "The ministry sent reinforcements from Hama towards the coast on Monday.",
    ],
)
def test_ways_of_telling_forces_moving(extractor, text):
    assert "troop_movement" in types(extractor, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Army units abandoned Tal Tamr late on Friday, residents said.", "Tal Tamr"),
        ("Two soldiers were hurt before their battalion abandoned the town of Sarrin.", "Sarrin"),
    ],
)
def test_a_force_abandoning_a_town_withdraws_from_it(extractor, text, place):
    found = events(extractor, text)
    assert [e[:2] for e in found] == [("troop_withdrawal", place)]


def test_a_place_called_abandoned_is_no_withdrawal(extractor):
    found = types(extractor, "Jets bombed the abandoned Lafarge plant near Jalabiya on Monday.")
    assert "troop_withdrawal" not in found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Police reinforcements were sent from Kirkuk to Hawija on Thursday.", "Hawija"),
        ("Two army battalions were sent from Basra to Amarah on Friday.", "Al ‘Amārah"),
        ("Federal police reinforcements sent from Baghdad reached Kut on Monday.", "Al-Kut"),
        ("A commando unit was dispatched from Erbil to Makhmour on Sunday.", "Makhmour"),
    ],
)
def test_forces_told_sent_from_a_place_are_deployed_where_they_went(extractor, text, place):
    """A force told as sent or dispatched from a place (passive, or "reinforcements sent
    from") goes to hold the other one: a deployment there, not a movement."""
    found = events(extractor, text)
    assert [e[:2] for e in found if e[0].startswith("troop")] == [("troop_deployment", place)]


@pytest.mark.parametrize(
    "text",
    [
        "Opposition fighters swept into Saraqib on Monday without a shot being fired.",
        "Hundreds of SDF fighters crossed the Euphrates at Shuyukh on Monday.",
        "Turkish special forces were inserted into the Avashin valley on Monday.",
        "Israeli troops penetrated into the village of Kodana on Monday.",
    ],
)
def test_ways_of_telling_forces_taking_up_a_place(extractor, text):
    assert set(types(extractor, text)) & {"troop_deployment", "troop_movement"}
    assert "insurgent_activity" not in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Baghdad recalled its ambassador from Ankara on Monday over the shelling of a resort.",
        "Jordanian planes dropped food parcels over Rukban camp on Monday.",
        "Bulldozers razed dozens of olive orchards near Jinderes on Monday, residents said.",
    ],
)
def test_news_of_the_conflict_that_is_neither_violence_nor_a_move(extractor, text):
    assert "other" in types(extractor, text)


def test_forces_leaving_as_the_other_side_meets_no_resistance_still_left(extractor):
    text = (
        "Rebel fighters swept into Saraqib on Monday, meeting almost no resistance as soldiers "
        "abandoned their checkpoints."
    )
    assert "troop_withdrawal" in types(extractor, text)


def test_a_bomb_left_behind_by_those_who_put_up_little_resistance_is_no_blast(extractor):
    text = (
        "Officers said the militants put up little resistance, leaving behind roadside bombs "
        "in Rutba."
    )
    assert "ied_explosion" not in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Army units reached the Tanf border crossing on Monday, state media said.",
        "Russian military police set up two observation points near Saraqib on Monday.",
    ],
)
def test_forces_taking_up_a_post(extractor, text):
    assert types(extractor, text) == ["troop_deployment"]


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, Peshmerga units left Gwer and Makhmour without a fight.",
        "The last Russian helicopters left Qamishli airport on Saturday, officials said.",
    ],
)
def test_a_force_leaving_a_named_place_is_a_withdrawal(extractor, text):
    assert "troop_withdrawal" in types(extractor, text)


def test_a_force_leaving_a_place_for_another_is_no_withdrawal(extractor):
    text = "A Peshmerga battalion left Duhok on Sunday for the Sinjar front."
    assert "troop_withdrawal" not in types(extractor, text)


def test_fighters_bussed_out_are_a_withdrawal(extractor):
    text = "Some 150 rebel fighters were bussed out of Harasta on Tuesday toward Idlib."
    assert "troop_withdrawal" in types(extractor, text)


def test_forces_that_are_deployed_somewhere_are_a_presence(extractor):
    text = "Some 900 French soldiers are deployed in Iraq, mostly as trainers."
    assert types(extractor, text) == []
    assert "troop_deployment" in types(extractor, "France deployed 900 soldiers to Erbil on Monday")


@pytest.mark.parametrize(
    "text",
    [
        "The last YPG fighters left the two neighbourhoods of Aleppo on Friday under a deal.",
        "Two militias said on Friday they were pulling their fighters back from the Baiji front.",
    ],
)
def test_more_ways_of_telling_forces_leaving(extractor, text):
    assert "troop_withdrawal" in types(extractor, text)


def test_a_force_leaving_a_place_and_taking_up_another_is_no_withdrawal(extractor):
    text = "A Peshmerga battalion left Duhok on Sunday and took up positions near Bashiqa."
    assert "troop_withdrawal" not in types(extractor, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Rebel commanders said their columns were moving toward Hit on Monday.", "Hit"),
        (
            "Hundreds of clan fighters streamed towards Tal Tamr on Monday, residents said.",
            "Tal Tamr",
        ),
        ("Tribal gunmen mobilised towards Dhiban on Monday, local sources said.", "Dhiban"),
    ],
)
def test_a_force_on_its_way_toward_a_town_moves_to_it(extractor, text, place):
    found = [e[:2] for e in events(extractor, text)]
    assert ("troop_movement", place) in found


@pytest.mark.parametrize(
    "text",
    [
        "Buses carrying 1,450 rebels and their relatives rolled out of Zabadani on Friday.",
        "The last Asayish fighters were evacuated by bus from Sheikh Maqsoud on Sunday.",
    ],
)
def test_fighters_bused_out_in_numbers_or_evacuated_by_bus_withdraw(extractor, text):
    assert "troop_withdrawal" in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "A column of Russian armoured cars was seen leaving an outpost near Tal Tamr on Monday.",
        "A convoy of US vehicles was seen leaving the garrison at Rmeilan on Monday.",
    ],
)
def test_a_force_leaving_its_post_withdraws(extractor, text):
    assert "troop_withdrawal" in types(extractor, text)


def test_a_side_named_as_the_holder_of_posts_taken_over_was_fought(extractor):
    text = "Clan fighters took over SDF checkpoints in Diban on Monday."
    assert types(extractor, text) == ["armed_clash"]


def test_a_deal_that_left_towns_under_a_sides_control_is_no_withdrawal(extractor):
    text = (
        "A truce announced on 18 March left Manbij and Tabqa under government control, and the "
        "SDF pulled back to Hasakah."
    )
    assert [e[1] for e in events(extractor, text) if e[0] == "troop_withdrawal"] == ["Hasakah"]

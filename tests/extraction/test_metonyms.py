"""Place names that stand for a state (app/extraction/metonyms.py)."""

from tests.extraction.helpers import events


def test_the_government_in_a_capital_is_the_state_not_the_place(extractor):
    text = (
        "Hundreds rallied in Qamishli in support of the new government in Damascus, and "
        "Asayish units detained six of them."
    )
    assert {e[1] for e in events(extractor, text)} == {"Qamishli"}


def test_the_authorities_of_a_town_are_where_they_act(extractor):
    text = "Security forces in Kirkuk detained six men on Monday."
    assert [e[1] for e in events(extractor, text)] == ["Kirkuk"]


def test_a_bomb_outside_a_capital_abroad_is_there(extractor):
    # A big city abroad named without "in" stands for its state; "outside Ankara" is a place.
    text = (
        "Turkish jets struck PKK positions near Zakho on Monday. On Tuesday, gunmen attacked "
        "a defence factory outside Ankara, killing four workers."
    )
    places = [(e[0], e[1]) for e in events(extractor, text)]
    assert ("attack", "Ankara") in places


def test_a_capital_party_to_a_truce_is_not_where_it_holds(extractor):
    text = (
        "A truce between Damascus and the clan elders was agreed on Tuesday night in Busra al-Sham."
    )
    assert [(e[0], e[1]) for e in events(extractor, text)] == [("agreement", "Bosra")]


def test_the_authorities_in_a_capital_are_the_state(extractor):
    text = (
        "Tribal leaders and the authorities in Damascus reached an agreement on Sunday to "
        "reopen the road to Sweida."
    )
    assert "Damascus" not in {e[1] for e in events(extractor, text)}


def test_a_part_of_a_capital_with_a_pluperfect_is_a_place(extractor):
    # "in western Baghdad had wounded": a compass word between "in" and the name keeps it a
    # place, not the government acting ("Baghdad had ordered").
    text = (
        "A car bomb exploded at a checkpoint in Tikrit on 2 March, killing four policemen.\n\n"
        "Days earlier, on 26 February, a roadside bomb in western Baghdad had wounded three "
        "soldiers."
    )
    places = {(e[0], e[1]) for e in events(extractor, text)}
    assert ("ied_explosion", "Baghdad") in places


def test_a_capital_asking_for_strikes_is_not_where_they_fell(extractor):
    # "at Baghdad's request": the government asks; the strikes fell on the town named before.
    text = (
        "Iraqi troops and tribal fighters fought their way into Baiji on Sunday.\n\n"
        "At Baghdad's request, coalition jets bombed militant positions inside the town on "
        "Monday."
    )
    strikes = [e[1] for e in events(extractor, text) if e[0] == "airstrike"]
    assert strikes == ["Baiji"]


def test_where_a_leader_spoke_is_not_where_the_town_fell(extractor):
    # "in a speech in Izmir": where the president spoke; the later withdrawal is from the
    # town the story is about.
    text = (
        "Turkish-backed fighters captured the town of Jarablus on Saturday.\n\n"
        "The president hailed the capture in a speech in Izmir. Kurdish fighters said they had "
        "withdrawn from the town on Friday to spare its residents."
    )
    withdrawals = [e[1] for e in events(extractor, text) if e[0] == "troop_withdrawal"]
    assert withdrawals == ["Jarablus"]


def test_a_place_naming_a_clock_is_no_place_of_the_event(extractor):
    text = (
        "At 2:10 a.m. Baghdad time on Tuesday, coalition aircraft struck weapons depots of "
        "Kataib Hezbollah in western Iraq."
    )
    assert "Baghdad" not in {e[1] for e in events(extractor, text)}

"""The same kind told again in a clause of its own (sentences written for these tests)."""

from tests.extraction.helpers import events


def _places(extractor, text):
    return sorted((e[0], e[1]) for e in events(extractor, text))


def test_a_count_of_strikes_again_after_and_is_a_second_event(extractor):
    text = (
        "Near Baiji, three strikes hit an ISIL tactical unit, and two strikes south of "
        "Kirkuk destroyed an ISIL bunker."
    )
    assert _places(extractor, text) == [("airstrike", "Baiji"), ("airstrike", "Kirkuk")]


def test_a_rocket_again_while_one_landed_elsewhere_is_a_second_event(extractor):
    text = "A rocket hit the airport in Erbil on Monday, while a rocket landed near Kirkuk."
    assert len(_places(extractor, text)) == 2


def test_a_second_verb_of_harm_names_a_place_of_its_own(extractor):
    text = (
        "On Monday, Turkish jets bombed a depot outside Zakho, killing two guards, and also "
        "bombed a checkpoint near Sinjar, officials said."
    )
    assert _places(extractor, text) == [("airstrike", "Sinjar"), ("airstrike", "Zakho")]


def test_a_strike_after_a_drone_attack_told_in_an_after_clause_is_its_own(extractor):
    text = (
        "After a drone attack hit the base at Harir on 3 May, US jets struck two depots in "
        "Jurf al-Sakhar the next day."
    )
    assert _places(extractor, text) == [
        ("airstrike", "Jurf al-Sakhar"),
        ("drone_or_rocket_attack", "Harir"),
    ]


def test_helicopters_of_a_named_side_while_jets_struck_elsewhere(extractor):
    text = (
        "Russian jets struck Ariha on Monday, killing a farmer, while regime helicopters "
        "dropped barrel bombs on Maarat al-Numan."
    )
    assert _places(extractor, text) == [("airstrike", "Ariha"), ("airstrike", "Maarat al-Numan")]


def test_one_rocket_of_the_salvo_landing_is_no_second_event(extractor):
    text = (
        "Air defences over the Green Zone engaged rockets fired at the US embassy on Sunday; "
        "one rocket landed near a school, causing minor damage."
    )
    assert len(_places(extractor, text)) == 1


def test_a_demonstration_told_again_in_a_clause_of_its_own_is_one_in_each_town(extractor):
    text = (
        "On Sunday hundreds of teachers gathered outside the education directorate in Kut, "
        "while similar rallies were held in Amara and Diwaniyah."
    )
    found = events(extractor, text)
    assert [e[0] for e in found] == ["protest"] * 3
    assert [e[2] for e in found] == ["IQ-WA", "IQ-MA", "IQ-QA"]


def test_the_same_demonstration_said_again_is_no_second_one(extractor):
    text = "Hundreds of teachers gathered in Kut on Sunday, and the rally ended peacefully."
    assert [(e[0], e[1]) for e in events(extractor, text)] == [("protest", "Al-Kut")]

"""Claims of responsibility and blame (texts written for these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def test_a_claim_covers_every_strike_of_the_attack_it_names(extractor):
    found = events(
        extractor,
        "Several rockets struck houses in Erbil late on Monday, killing two civilians. "
        "Another rocket fell in an empty field near Erbil International Airport.\n\n"
        "The IRGC claimed responsibility for the attack on Tuesday.",
        dt.date(2024, 1, 16),
    )
    strikes = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert len(strikes) == 2
    assert all(e[3].get("IRGC") == "actor" for e in strikes)


def test_a_group_that_says_it_had_fired_the_missiles_claims_them(extractor):
    found = events(
        extractor,
        "A dozen ballistic missiles hit Erbil early on Sunday, Kurdish officials said. "
        "Iran's Revolutionary Guards said in a statement that they had fired the missiles at "
        "a Mossad centre.",
        dt.date(2022, 3, 13),
    )
    strikes = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert strikes and strikes[0][3].get("IRGC") == "actor"
    assert "Israel Defense Forces" not in strikes[0][3]


def test_a_dated_strike_named_in_a_claim_is_an_event_of_its_own(extractor):
    found = events(
        extractor,
        "A dozen ballistic missiles hit Erbil early on Sunday, Kurdish officials said. "
        "The Guards said they had fired the missiles in response to an Israeli air strike near "
        "Damascus on 7 March.",
        dt.date(2022, 3, 13),
    )
    assert sorted(e[0] for e in found) == ["airstrike", "drone_or_rocket_attack"]


def test_the_party_blamed_is_named_after_the_word(extractor):
    found = events(
        extractor,
        "A roadside bomb killed two soldiers near Hit on Tuesday. "
        "Anbar police blamed Islamic State militants.",
        dt.date(2021, 5, 12),
    )
    (bombing,) = [e for e in found if e[0] == "ied_explosion"]
    assert bombing[3].get("ISIS") == "actor"
    assert (
        "Iraqi Security Forces" not in bombing[3] or bombing[3]["Iraqi Security Forces"] != "actor"
    )


def test_a_claim_is_about_the_attack_not_the_arrests_after_it(extractor):
    found = events(
        extractor,
        "A roadside bomb struck an army patrol near Tarmiyah late on Sunday, killing two "
        "soldiers. Troops sealed off the area and detained three suspects. Islamic State "
        "claimed the attack on Monday.",
        dt.date(2021, 6, 14),
    )
    bombs = [e for e in found if e[0] == "ied_explosion"]
    assert bombs, found
    assert bombs[0][3].get("ISIS") == "actor"
    arrests = [e for e in found if e[0] == "arrest"]
    assert all(e[3].get("ISIS") != "actor" for e in arrests)

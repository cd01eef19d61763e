"""Ground taken, forces leaving, accusations and rebel fire (sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def types(extractor, text, published=dt.date(2019, 5, 12)):
    return [e[0] for e in events(extractor, text, published)]


@pytest.mark.parametrize(
    "text",
    [
        "Kurdish fighters captured the village of Tal Baydar from the militants on Friday.",
        "Army units took the town of Rutba on Thursday, a commander said.",
        "Rebels took al-Latamneh on Friday, a monitor said.",
        "Government troops seized most of the villages of Jabal Shashabo on Saturday.",
    ],
)
def test_ground_taken_is_a_clash(extractor, text):
    assert types(extractor, text) == ["armed_clash"]


@pytest.mark.parametrize(
    "text",
    [
        "The talks took place in Ankara on Friday.",
        "The minister took part in a meeting in Baghdad on Friday.",
    ],
)
def test_took_without_a_place_taken_is_no_clash(extractor, text):
    assert "armed_clash" not in types(extractor, text)


def test_a_force_that_drove_the_enemy_out_after_a_backing_phrase(extractor):
    found = events(
        extractor,
        "Peshmerga units, backed by coalition jets and local volunteers, drove the militants "
        "out of Gwer on Friday.",
        dt.date(2016, 8, 20),
    )
    assert [e[0] for e in found] == ["armed_clash"]
    assert found[0][3].get("Peshmerga") == "actor"


def test_hundreds_of_troops_withdrawing_are_no_fleeing_civilians(extractor):
    found = types(
        extractor, "Hundreds of soldiers withdrew from Hit toward the Ain al-Asad base on Sunday."
    )
    assert found == ["troop_withdrawal"]


def test_hundreds_of_families_fleeing_are_no_withdrawal(extractor):
    assert "troop_withdrawal" not in types(
        extractor, "Hundreds of families fled Hit toward Haditha on Sunday as fighting neared."
    )


def test_men_accused_of_helping_attackers_are_still_arrested(extractor):
    found = types(
        extractor,
        "Asayish forces rounded up 14 men accused of sheltering the attackers in Shaddadi on "
        "Saturday.",
    )
    assert found == ["arrest"]


def test_rebel_mortar_fire_on_civilians_is_an_attack_by_the_opposition(extractor):
    found = events(
        extractor,
        "Three civilians were killed by rebel mortar shells in the Mahatta district of Hama on "
        "Monday.",
        dt.date(2016, 3, 9),
    )
    assert len(found) == 1
    kind, _, _, actors = found[0]
    assert kind == "attack"
    assert actors["Syrian opposition factions"] == "actor"
    assert actors["Civilians (Syria)"] == "target"

"""A battle's sequel told after it is the same battle (sentences written for these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def test_the_flag_raised_after_a_capture_is_the_capture(extractor):
    found = events(
        extractor,
        "Iraqi troops recaptured the town of Baiji from Islamic State militants on Tuesday, "
        "army officers said.\n\n"
        "Residents fled north as the convoys arrived.\n\n"
        "The town lies on the Tigris, beside the country's largest oil refinery.\n\n"
        "An officer said soldiers had raised the Iraqi flag over the district council building "
        "on Tuesday afternoon.",
        dt.date(2015, 10, 21),
    )
    assert [e[0] for e in found] == ["armed_clash"]


def test_fighting_that_continued_is_the_battle_told(extractor):
    found = events(
        extractor,
        "Kurdish fighters captured the centre of Kobani on Thursday after a week of street "
        "battles with Islamic State, a spokesman said.\n\n"
        "Aid groups said thousands of families were sheltering across the border.\n\n"
        "The town had been besieged since September.\n\n"
        "Sporadic fighting continued on the eastern edge of the town into the evening.",
        dt.date(2015, 1, 23),
    )
    assert [e[0] for e in found] == ["armed_clash"]


def test_troops_entering_the_town_after_its_capture_are_the_capture(extractor):
    found = events(
        extractor,
        "Iraqi forces recaptured the town of Rutba from Islamic State on Sunday, the Joint "
        "Operations Command said.\n\n"
        "The desert town sits on the main road to Jordan.\n\n"
        "Police and tribal fighters entered the town from the east on Sunday morning.",
        dt.date(2016, 5, 23),
    )
    assert [e[0] for e in found] == ["armed_clash"]


def test_a_later_battle_on_days_of_its_own_stays(extractor):
    found = events(
        extractor,
        "Iraqi troops recaptured the town of Baiji from Islamic State militants on 20 October "
        "2015, army officers said.\n\n"
        "Residents fled north as the convoys arrived.\n\n"
        "On 3 December 2015 fighting raged again in Baiji when the militants attacked the "
        "refinery.",
        dt.date(2015, 12, 5),
    )
    assert [(e[0], e[1]) for e in found] == [("armed_clash", "Baiji"), ("armed_clash", "Baiji")]


def test_troops_entering_a_town_named_anew_stay_an_event(extractor):
    found = events(
        extractor,
        "Iraqi forces recaptured the town of Rutba from Islamic State on Sunday, the Joint "
        "Operations Command said.\n\n"
        "Police units entered the town of Akashat, 100 km to the north, on Sunday.",
        dt.date(2016, 5, 23),
    )
    assert [(e[0], e[1]) for e in found] == [
        ("armed_clash", "Rutba"),
        ("troop_deployment", "Akashat"),
    ]


def test_fighting_that_continued_on_another_front_stays_its_own(extractor):
    found = events(
        extractor,
        "Kurdish fighters captured the centre of Kobani on Thursday after a week of street "
        "battles with Islamic State, a spokesman said.\n\n"
        "Aid groups said thousands of families were sheltering across the border.\n\n"
        "The town had been besieged since September.\n\n"
        "Militants held on in villages south of the town, where fighting continued.",
        dt.date(2015, 1, 23),
    )
    assert [e[0] for e in found] == ["armed_clash", "armed_clash"]


def test_the_weapons_the_battle_involved_are_no_attack_of_their_own(extractor):
    found = events(
        extractor,
        "Peshmerga fighters and Iraqi troops clashed for hours near the town of Makhmour on "
        "Wednesday, officials on both sides said.\n\n"
        "Schools in the town stayed shut.\n\n"
        "Farmers said the harvest was lost.\n\n"
        "The clashes, which began before dawn, involved mortars, rockets and heavy machine guns.",
        dt.date(2017, 10, 19),
    )
    assert [e[0] for e in found] == ["armed_clash"]

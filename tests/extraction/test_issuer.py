"""The issuer of a statement (texts written for these tests)."""

import datetime as dt

from tests.extraction.helpers import events

HEADER = "Ministry of National Defence - Press Release\n\n"


def test_a_defence_ministry_speaks_for_its_army(extractor):
    text = HEADER + (
        "Our commandos neutralised 4 PKK terrorists in the Metina region of northern Iraq "
        "yesterday."
    )
    found = events(extractor, text, dt.date(2024, 6, 20))
    assert found, found
    assert found[0][3].get("Turkish Armed Forces") == "actor"
    assert found[0][3].get("PKK") == "target"


def test_an_untold_strike_in_a_first_person_statement_is_the_issuers(extractor):
    text = HEADER + (
        "Our forces continue to fight terrorism. In an air operation carried out in the "
        "Hakurk region yesterday, 3 terrorists were neutralised."
    )
    found = events(extractor, text, dt.date(2024, 6, 20))
    strikes = [f for f in found if f[0] == "airstrike"]
    assert strikes, found
    assert strikes[0][3].get("Turkish Armed Forces") == "actor"


def test_news_in_the_third_person_has_no_issuer(extractor):
    text = (
        "The Turkish Defence Ministry said on Thursday that talks would resume. "
        "In an air strike near Hakurk yesterday, three people were killed, residents said."
    )
    found = events(extractor, text, dt.date(2024, 6, 20))
    strikes = [f for f in found if f[0] == "airstrike"]
    assert strikes, found
    assert "Turkish Armed Forces" not in strikes[0][3]


def test_our_jets_and_drones_are_the_issuers_aircraft(extractor):
    text = HEADER + (
        "Last night our fighter jets and armed drones struck hideouts in the Gara region of "
        "northern Iraq."
    )
    strikes = [f for f in events(extractor, text, dt.date(2023, 5, 9)) if f[0] == "airstrike"]
    assert strikes, strikes
    assert strikes[0][3].get("Turkish Armed Forces") == "actor"


def test_an_arrest_naming_no_one_in_a_statement_is_the_issuers(extractor):
    text = (
        "Syrian Democratic Forces - Media Centre\n\n"
        "Our units raided a farm near the town of Hajin on Monday night. "
        "The raid ended in the arrest of two smugglers."
    )
    found = events(extractor, text, dt.date(2024, 6, 20))
    arrests = [f for f in found if f[0] == "arrest"]
    assert arrests, found
    assert arrests[0][3].get("SDF") == "actor"
    assert "Syrian government forces" not in arrests[0][3]


def test_the_source_a_headline_opens_with_issues_the_statement(extractor):
    text = (
        "Press release\n\n"
        "In an air operation carried out last night, 14 shelters and caves used by the "
        "terrorists were destroyed in the Gara region of northern Iraq. Our struggle against "
        "terrorism will go on."
    )
    title = "Turkish Armed Forces: shelters destroyed in northern Iraq"
    strikes = [
        f for f in events(extractor, text, dt.date(2023, 5, 9), title) if f[0] == "airstrike"
    ]
    assert strikes, strikes
    assert strikes[0][3].get("Turkish Armed Forces") == "actor"


def test_our_struggle_said_by_someone_quoted_makes_no_statement(extractor):
    text = (
        "An air strike destroyed a farmhouse near Gara in northern Iraq on Tuesday, killing "
        'two people, residents said. "Our struggle goes on," a PKK official told reporters.'
    )
    strikes = [f for f in events(extractor, text, dt.date(2023, 5, 9)) if f[0] == "airstrike"]
    assert strikes, strikes
    assert "PKK" not in strikes[0][3] or strikes[0][3]["PKK"] != "actor"


def test_the_military_operations_command_of_late_2024_is_hts(extractor):
    text = (
        "Military Operations Command - Statement No. 4\n\n"
        "At dawn today our forces stormed the regime's positions in the town of Saraqib and "
        "took full control of it after fierce battles."
    )
    found = events(extractor, text, dt.date(2024, 12, 1))
    fights = [f for f in found if f[0] == "armed_clash"]
    assert fights, found
    assert fights[0][3].get("HTS") == "actor"
    assert "Syrian government forces" not in fights[0][3] or (
        fights[0][3]["Syrian government forces"] == "target"
    )

"""Event drafts of one trigger (app/extraction/drafting.py), read through the pipeline."""

import datetime as dt

from app.extraction.report_input import ReportInput
from tests.extraction.helpers import events


def test_one_event_per_place_a_sentence_names(extractor):
    text = "Hundreds of people protested in Shahba and Salkhad on Friday against fuel prices."
    found = sorted((e[0], e[1]) for e in events(extractor, text))
    assert found == [("protest", "Salkhad"), ("protest", "Shahba")]


def test_a_sentence_going_on_about_the_event_adds_to_it(extractor):
    text = (
        "A roadside bomb exploded near a police patrol in Kirkuk on Tuesday. "
        "The blast killed three policemen, a security source said."
    )
    features = extractor.extract(ReportInput(text, dt.date(2024, 3, 14))).events
    assert [f.properties.event_type for f in features] == ["ied_explosion"]
    assert features[0].properties.fatalities == 3


def test_the_same_kind_again_with_its_own_date_is_a_second_event(extractor):
    text = (
        "Gunmen attacked an army post in Tarmiyah on Monday. "
        "Gunmen attacked the same post again on 2 March, killing a soldier."
    )
    features = extractor.extract(ReportInput(text, dt.date(2024, 3, 14))).events
    assert sorted(f.properties.date for f in features) == [
        dt.date(2024, 3, 2),
        dt.date(2024, 3, 11),
    ]


def test_a_dated_item_is_not_folded_into_an_undated_summary(extractor):
    text = (
        "Key points: A rocket attack hit the Ain al-Asad base. Protests over power cuts "
        "continued in the south.\n\nNineveh\n- On Saturday, police arrested four suspects in "
        "eastern Mosul.\n\nSouth\n- 6 March: Hundreds of people protested over power cuts in "
        "Kut and Samawah; in Kut, riot police used water cannon to disperse the demonstrators."
    )
    found = extractor.extract(ReportInput(text, dt.date(2024, 3, 10))).events
    dated = {
        f.properties.location.admin1
        for f in found
        if f.properties.date == dt.date(2024, 3, 6) and f.properties.location
    }
    assert dated == {"IQ-WA", "IQ-MU"}, [
        (f.properties.event_type, f.properties.date) for f in found
    ]


def test_an_agreement_noun_does_not_fold_a_movement_into_the_last_one(extractor):
    text = (
        "Soldiers abandoned their posts in Homs overnight, residents said. "
        "In the south, Israeli troops moved into the buffer zone on the Golan Heights on "
        "Sunday, calling the old armistice agreement void."
    )
    found = events(extractor, text, dt.date(2024, 12, 8))
    assert ("Golan Heights", "SY-QU") in [(e[1], e[2]) for e in found]


def test_a_deal_struck_is_no_attack(extractor):
    text = "The deal was struck in the town of Busra al-Sham after two days of talks."
    assert [e[0] for e in events(extractor, text)] == ["agreement"]


def test_a_release_after_an_arrest_is_an_event_of_its_own(extractor):
    text = (
        "Counter-terrorism police detained fourteen members of a militia in Baghdad on "
        "Monday, officials said. All but two were released within days."
    )
    assert [e[0] for e in events(extractor, text)] == ["arrest", "prisoner_release"]


def test_executions_after_a_battle_are_an_attack_of_their_own(extractor):
    text = (
        "Government troops clashed with local gunmen in Jableh on Friday. "
        "Residents said dozens of unarmed men were executed in their homes by the troops."
    )
    assert sorted(e[0] for e in events(extractor, text, dt.date(2025, 3, 9))) == [
        "armed_clash",
        "attack",
    ]

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

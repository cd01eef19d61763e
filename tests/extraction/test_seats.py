"""Acts of a government happen at its seat, not where the crisis they answer was."""

import datetime as dt

import pytest

from app.extraction.report_input import ReportInput


def places(extractor, text):
    events = extractor.extract(ReportInput(text, dt.date(2024, 3, 10))).events
    return [
        (e.properties.event_type, e.properties.location.name if e.properties.location else None)
        for e in events
    ]


BASRA = "Gunmen attacked an oil company convoy near Zubair in Basra province on Tuesday. "
HOMS = "Unknown gunmen shot dead two farmers in a village outside Homs on Wednesday. "


def test_a_recalled_ambassador_is_the_capitals_act(extractor):
    text = BASRA + "On Thursday Baghdad recalled its ambassador from Kuwait over the Basra raid."
    assert ("other", "Baghdad") in places(extractor, text)


def test_a_ministrys_recall_is_the_capitals_act(extractor):
    text = (
        BASRA + "The Iraqi foreign ministry recalled its charge d'affaires from Kuwait on Thursday."
    )
    assert ("other", "Baghdad") in places(extractor, text)


def test_a_national_body_acts_in_the_capital(extractor):
    text = HOMS + "On Thursday, the President dismissed the provincial governor."
    assert ("other", "Damascus") in places(extractor, text)


def test_a_regional_parliament_is_not_the_national_one(extractor):
    text = (
        "A Turkish drone struck a car near Sidakan in Erbil province on Tuesday. "
        "On Thursday the Kurdistan Region parliament dismissed the provincial governor."
    )
    assert ("other", "Baghdad") not in places(extractor, text)


def test_a_foreign_states_recall_is_not_iraqs(extractor):
    text = BASRA + "On Thursday Kuwait recalled its ambassador from Baghdad over the raid."
    assert ("other", "Baghdad") not in places(extractor, text)


def test_a_measure_over_the_city_stays_where_it_applies(extractor):
    text = BASRA + "On Wednesday the Prime Minister ordered a curfew across the town."
    assert ("other", "Al-Zubayr") in places(extractor, text)
    text = HOMS + "On Thursday, the President dismissed the security chief of the city."
    assert ("other", "Damascus") not in places(extractor, text)


def test_another_states_words_come_from_the_gazetteer_and_the_lexicon(gazetteer):
    from app.extraction.event_types import BY_NAME
    from app.extraction.lexicon import Demonym, load_lexicon
    from app.extraction.seats import Seats

    lexicon = load_lexicon(BY_NAME)
    omani = Demonym("Omani", "OM", None)  # an analyst's extra owner word
    others = Seats(gazetteer, lexicon.states, [*lexicon.demonyms, omani])._others
    # A country of the gazetteer, an English alias of one, a lexicon capital, an owner word.
    for subject in ("Norway's parliament", "Britain's cabinet", "Ankara's cabinet", "Omani"):
        assert others.search(subject), subject
    for subject in ("Iraq's parliament", "the Syrian cabinet", "Baghdad", "The parliament"):
        assert not others.search(subject), subject


def test_a_deal_the_president_signed_with_no_place_was_made_at_the_capital(extractor):
    text = (
        HOMS + "On Friday an agreement was signed between the President of the Republic and "
        "the leaders of the Druze factions, the presidency said."
    )
    assert ("agreement", "Damascus") in places(extractor, text)


def test_a_deal_of_the_government_of_a_country_named_whole_was_made_at_its_capital(extractor):
    text = (
        "The Government of the Republic of Iraq and the Government of Kuwait reached an "
        "agreement on Friday on the shared oil fields of Iraq."
    )
    assert ("agreement", "Baghdad") in places(extractor, text)


def test_a_deal_made_at_a_place_named_stays_there(extractor):
    text = "The President of the Republic signed an agreement with Druze leaders in Suwayda."
    found = places(extractor, text)
    assert ("agreement", "Damascus") not in found, found


def test_a_deal_between_foreign_presidents_is_not_moved_to_the_capital(extractor):
    text = HOMS + "On Friday President Putin and President Erdogan agreed on a ceasefire."
    assert ("agreement", "Damascus") not in places(extractor, text)


def test_a_deal_the_head_of_state_signed_by_name_was_made_at_the_capital(extractor):
    text = HOMS + "On Friday Sharaa and the Druze leaders signed an agreement on the province."
    assert ("agreement", "Damascus") in places(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Druze fighters and tribal gunmen clashed in Shahba on Thursday. "
        "A ceasefire was declared by the presidency on Friday across the province.",
        "Druze fighters and tribal gunmen clashed in Shahba on Thursday. "
        "The president said a truce agreed on Friday would leave security inside the town "
        "to local factions.",
    ],
)
def test_a_national_deal_over_the_ground_told_before_stays_there(extractor, text):
    found = places(extractor, text)
    assert any(kind == "agreement" for kind, _ in found), found
    assert ("agreement", "Damascus") not in found, found

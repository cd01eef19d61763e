"""Which date an event with no date of its own takes (app/extraction/event_dates.py)."""

import datetime as dt

from app.extraction.report_input import ReportInput

WEDNESDAY = dt.date(2024, 5, 15)
WEEK_BEFORE = (dt.date(2024, 5, 8), WEDNESDAY)


def dated(extractor, text, published=WEDNESDAY):
    """(type, place, first day, last day) of each event."""
    return [
        (p.event_type, p.location.name if p.location else None, p.date, p.date_end)
        for p in (e.properties for e in extractor.extract(ReportInput(text, published)).events)
    ]


def test_an_undated_item_of_a_statement_is_not_dated_by_the_item_before(extractor):
    text = (
        "Police arrested a wanted man in Samarra on Monday.\n\n"
        "Border guards arrested two smugglers near the town of Rutba."
    )
    found = dated(extractor, text)
    assert found[0][2:] == (dt.date(2024, 5, 13), dt.date(2024, 5, 13))
    assert found[1][:2] == ("arrest", "Rutba")
    assert found[1][2:] == WEEK_BEFORE


def test_a_heading_item_about_another_place_has_no_date_of_the_one_before(extractor):
    text = (
        "Weekly notes\n\n"
        "Nineveh: gunmen attacked a checkpoint near Tal Afar yesterday.\n"
        "Anbar: a roadside bomb exploded near Heet, wounding two soldiers."
    )
    found = dated(extractor, text)
    assert found[0][2] == dt.date(2024, 5, 14)
    assert found[1][2:] == WEEK_BEFORE


def test_the_same_paragraph_goes_on_with_the_narrative_date(extractor):
    text = (
        "Gunmen attacked a checkpoint near Tal Afar on Monday. Hours later a roadside bomb "
        "exploded near Sinjar, wounding two soldiers."
    )
    assert [d[2] for d in dated(extractor, text)] == [dt.date(2024, 5, 13)] * 2


def test_a_new_paragraph_at_the_same_place_goes_on_with_the_narrative_date(extractor):
    text = (
        "Gunmen attacked a checkpoint near Tal Afar on Monday.\n\n"
        "Another group of gunmen attacked a second checkpoint near Tal Afar."
    )
    found = dated(extractor, text)
    assert [d[2] for d in found] == [dt.date(2024, 5, 13)] * len(found)


def test_background_in_a_relative_clause_with_a_date_in_figures_is_an_event(extractor):
    text = (
        "Talks stalled over the 300 Iraqi soldiers at a base near Rabia, who were deployed "
        "there in March 2021 over the objections of Erbil."
    )
    found = dated(extractor, text)
    assert ("troop_deployment", dt.date(2021, 3, 1), dt.date(2021, 3, 31)) in [
        (f[0], f[2], f[3]) for f in found
    ]


def test_an_aside_before_a_dated_background_event_does_not_hide_it(extractor):
    text = (
        "Iraqi troops, backed by air strikes and tribal fighters, drove Islamic State out of "
        "Rawa on 17 November 2017."
    )
    found = dated(extractor, text)
    assert ("armed_clash", "Rawa", dt.date(2017, 11, 17), dt.date(2017, 11, 17)) in found


def test_a_relative_clause_without_a_date_in_figures_stays_background(extractor):
    text = "Two shepherds who were kidnapped near Rutba on Sunday were freed, officials said."
    assert "kidnapping" not in [f[0] for f in dated(extractor, text)]
    text = "Officers who have been detained in Basra since 1 October went on hunger strike."
    assert dated(extractor, text) == []


def test_a_new_paragraph_closer_in_goes_on_with_the_narrative_date(extractor):
    text = (
        "Gunmen attacked army posts across the province of Diyala on 2 May.\n\n"
        "In Baqubah, a roadside bomb exploded near a police patrol, wounding two officers."
    )
    found = dated(extractor, text)
    assert [(f[2], f[3]) for f in found] == [(dt.date(2024, 5, 2), dt.date(2024, 5, 2))] * 2


def test_an_undated_event_going_on_with_a_day_of_the_last_week_is_that_week(extractor):
    # No date of its own: the week before the report (the annotation rule), which holds the
    # narrative's Monday.
    text = (
        "Gunmen attacked army posts across the province of Diyala on Monday.\n\n"
        "In Baqubah, a roadside bomb exploded near a police patrol, wounding two officers."
    )
    found = dated(extractor, text)
    assert [(f[2], f[3]) for f in found] == [
        (dt.date(2024, 5, 13), dt.date(2024, 5, 13)),
        WEEK_BEFORE,
    ]


def test_each_place_of_a_list_takes_the_day_said_right_after_it(extractor):
    text = "Turkish drones struck Sinjar on 11 May and Makhmour early on 12 May, officials said."
    assert [(f[1], f[2]) for f in dated(extractor, text)] == [
        ("Sinjar", dt.date(2024, 5, 11)),
        ("Makhmour", dt.date(2024, 5, 12)),
    ]
    text = "Turkish drones struck Sinjar and Makhmour on 12 May, officials said."
    assert [f[2] for f in dated(extractor, text)] == [dt.date(2024, 5, 12)] * 2


def test_the_previous_day_counts_back_from_the_event_told_or_the_reporting_day(extractor):
    text = (
        "Police said on Sunday that gunmen had attacked a checkpoint near Baiji the previous day."
    )
    assert [f[2] for f in dated(extractor, text)] == [dt.date(2024, 5, 11)]
    text = (
        "A roadside bomb exploded near Tikrit on Tuesday. The previous day, gunmen attacked "
        "a checkpoint near Baiji."
    )
    assert [f[2] for f in dated(extractor, text)] == [dt.date(2024, 5, 14), dt.date(2024, 5, 13)]


def test_an_undated_event_is_in_the_week_before_the_day_its_sentence_was_reported(extractor):
    text = (
        "Officials said on 3 May that army units were reinforcing positions in the town of "
        "Tal Afar."
    )
    found = dated(extractor, text)
    assert [(f[0], f[2], f[3]) for f in found] == [
        ("troop_deployment", dt.date(2024, 4, 26), dt.date(2024, 5, 3))
    ]


def test_news_reported_on_a_day_does_not_take_an_old_background_date(extractor):
    text = (
        "Syrian troops broke the siege of Deir ez-Zor on 5 September 2017.\n\n"
        "The SDF said on Friday that government forces were reinforcing positions in the "
        "villages of Khirbet Ghazal and Umm Wulad."
    )
    found = dated(extractor, text)
    assert [f[3] for f in found if f[0] == "troop_deployment"] == [dt.date(2024, 5, 10)] * 2


def test_a_kidnapping_days_before_the_release_takes_that_earlier_day(extractor):
    text = (
        "A trader from Tafas was freed near Nawa on Tuesday, four days after he was "
        "abducted by gunmen, his brother said."
    )
    found = {t: (first, last) for t, _, first, last in dated(extractor, text)}
    assert found["prisoner_release"] == (dt.date(2024, 5, 14), dt.date(2024, 5, 14))
    assert found["kidnapping"] == (dt.date(2024, 5, 10), dt.date(2024, 5, 10))
    weeks = "Two shepherds were freed near Rutba on Tuesday, two weeks after they were seized."
    taken = {t: first for t, _, first, _ in dated(extractor, weeks)}
    assert taken["kidnapping"] == dt.date(2024, 4, 30)


def test_what_a_subject_did_days_before_is_dated_that_long_before(extractor):
    # The trigger is the verb of the "N days after" clause: it happened that long before.
    active = "Shops reopened in Tikrit on Tuesday, two days after gunmen attacked the market."
    assert [(t, first) for t, _, first, _ in dated(extractor, active)] == [
        ("attack", dt.date(2024, 5, 12))
    ]
    passive = "Shops reopened in Tikrit on Tuesday, two days after a guard was shot dead there."
    assert [(t, first) for t, _, first, _ in dated(extractor, passive)] == [
        ("attack", dt.date(2024, 5, 12))
    ]
    withdrawal = (
        "Turkish-backed fighters entered Tal Tamr on Tuesday, three days after the Kurdish-led "
        "forces pulled out of the town."
    )
    assert [(t, first) for t, _, first, _ in dated(extractor, withdrawal)] == [
        ("troop_deployment", dt.date(2024, 5, 14)),
        ("troop_withdrawal", dt.date(2024, 5, 11)),
    ]


def test_a_campaign_opened_days_before_keeps_the_sentences_date(extractor):
    # "a day after the air force opened the offensive": the fighting the sentence goes on with.
    linked = (
        "Army units pushed into Rawa on Tuesday, a day after the air force opened the "
        "offensive, and fighting went on through Wednesday."
    )
    assert {first for _, _, first, _ in dated(extractor, linked)} == {dt.date(2024, 5, 14)}


def test_a_day_said_right_after_the_trigger_counts_back_from_the_sentences_date(extractor):
    truce = (
        "Government troops began leaving the town of Hit on Tuesday under a ceasefire agreed "
        "the previous evening."
    )
    found = {t: (first, last) for t, _, first, last in dated(extractor, truce)}
    assert found == {
        "agreement": (dt.date(2024, 5, 13), dt.date(2024, 5, 13)),
        "troop_withdrawal": (dt.date(2024, 5, 14), dt.date(2024, 5, 14)),
    }
    body = (
        "The body of a trader was found near Baquba on Tuesday; he had been kidnapped two "
        "days earlier."
    )
    assert [(t, first) for t, _, first, _ in dated(extractor, body)] == [
        ("kidnapping", dt.date(2024, 5, 12))
    ]


def test_an_event_told_in_a_when_clause_after_since_takes_that_date(extractor):
    text = (
        "Monday's bombing was the deadliest in the city since March, when a car bomb at a busy "
        "market in Kirkuk killed 20 people."
    )
    found = dated(extractor, text)
    assert ("ied_explosion", "Kirkuk", dt.date(2024, 3, 1), dt.date(2024, 3, 31)) in found


def test_fighting_on_its_nth_day_began_that_many_days_back(extractor):
    text = (
        "Fighting between government forces and tribal fighters in Suwayda went into a third "
        "day on Tuesday, residents said."
    )
    assert [(first, last) for _, _, first, last in dated(extractor, text)] == [
        (dt.date(2024, 5, 12), dt.date(2024, 5, 14))
    ]
    second = "Clashes raged for a second straight day near Tal Afar on Tuesday."
    assert [(first, last) for _, _, first, last in dated(extractor, second)] == [
        (dt.date(2024, 5, 13), dt.date(2024, 5, 14))
    ]
    night = "Rockets struck Camp Taji on Tuesday for the third night in a row."
    assert [(first, last) for _, _, first, last in dated(extractor, night)] == [
        (dt.date(2024, 5, 12), dt.date(2024, 5, 14))
    ]


def test_what_a_subject_did_days_before_a_later_event_is_dated_that_much_later(extractor):
    text = "Turkish artillery shelled Zakho on 3 May, a week before Turkish jets struck Batifa."
    assert [(t, first) for t, _, first, _ in dated(extractor, text)] == [
        ("drone_or_rocket_attack", dt.date(2024, 5, 3)),
        ("airstrike", dt.date(2024, 5, 10)),
    ]


def test_fighting_that_lasted_days_up_to_a_day_said_spans_them(extractor):
    text = "Militants and soldiers fought near Baiji for four days, and by Tuesday 30 were dead."
    assert [(first, last) for _, _, first, last in dated(extractor, text)] == [
        (dt.date(2024, 5, 11), dt.date(2024, 5, 14))
    ]
    # Another clause's "for two days" widens nothing.
    body = "Gunmen shot dead a shepherd in Baiji on Tuesday; the man had been missing for two days."
    assert {(first, last) for _, _, first, last in dated(extractor, body)} == {
        (dt.date(2024, 5, 14), dt.date(2024, 5, 14))
    }


def test_the_days_that_followed_run_from_the_day_after_to_the_report(extractor):
    # Published on Wednesday 15 May: the days after Sunday's fall, up to the report.
    text = (
        "Militants overran Baiji on Sunday. In the days that followed, the army withdrew "
        "from Tikrit."
    )
    found = {t: (first, last) for t, _, first, last in dated(extractor, text)}
    assert found["troop_withdrawal"] == (dt.date(2024, 5, 13), WEDNESDAY)


def test_a_capture_after_days_of_fighting_spans_the_fighting(extractor):
    text = (
        "Army units seized the village of Tal Hamis on Monday after three days of fierce clashes."
    )
    assert [(first, last) for _, _, first, last in dated(extractor, text)] == [
        (dt.date(2024, 5, 10), dt.date(2024, 5, 13))
    ]


def test_convoys_over_a_stated_number_of_days_span_them(extractor):
    text = "Over five days, jets struck rebel positions around Daraya, ending on Tuesday."
    assert [(first, last) for _, _, first, last in dated(extractor, text)] == [
        (dt.date(2024, 5, 10), dt.date(2024, 5, 14))
    ]


def test_a_place_told_a_day_after_the_date_is_the_day_before(extractor):
    text = (
        "Army units entered Manbij on Tuesday, a day after capturing the town of Jarablus in "
        "heavy fighting."
    )
    found = {place: (first, last) for _, place, first, last in dated(extractor, text)}
    assert found["Jarablus"] == (dt.date(2024, 5, 13), dt.date(2024, 5, 13))


def test_a_sentence_opening_with_a_span_ends_it_on_the_day_told_before(extractor):
    text = (
        "Evacuations from the northern sector of Eastern Ghouta ended on 12 May. Over five "
        "days, convoys took more than 9,000 fighters and their families from Harasta to "
        "Idlib province."
    )
    assert [d[2:] for d in dated(extractor, text)] == [(dt.date(2024, 5, 8), dt.date(2024, 5, 12))]


def test_a_truce_takes_the_day_said_of_it_not_the_span_told_before(extractor):
    text = (
        "The old quarter of the town emptied in stages between June and August 2016 under "
        "an agreement concluded on 9 June 2016."
    )
    found = dated(extractor, text, dt.date(2017, 2, 1))
    truce = [f for f in found if f[0] == "agreement"]
    assert truce and truce[0][2:] == (dt.date(2016, 6, 9), dt.date(2016, 6, 9))


def test_a_date_said_of_a_noun_does_not_date_the_verb_after_it(extractor):
    text = (
        "Hundreds of voters angry at the 3 May count demonstrated outside the election "
        "office in Kirkuk on 12 May."
    )
    found = dated(extractor, text, dt.date(2024, 5, 14))
    assert found[0][0] == "protest"
    assert found[0][2:] == (dt.date(2024, 5, 12), dt.date(2024, 5, 12))


def test_a_day_earlier_a_little_further_from_the_trigger_still_dates_it(extractor):
    text = (
        "Militants paraded through Baiji on Tuesday after soldiers abandoned their checkpoints "
        "around the oil refinery north of town a day earlier."
    )
    found = dated(extractor, text)
    withdrawal = [f for f in found if f[0] == "troop_withdrawal"]
    assert withdrawal and withdrawal[0][2] == dt.date(2024, 5, 13)


def test_news_said_before_the_narrative_day_is_not_of_that_day(extractor):
    text = (
        "Gunmen torched houses in Tikrit on Wednesday, residents said.\n\n"
        "The army said on Sunday that its troops had entered the centre of the city after a "
        "long campaign."
    )
    found = dated(extractor, text)
    entry = [f for f in found if f[0] == "troop_deployment"]
    assert entry and entry[0][3] == dt.date(2024, 5, 12)


def test_news_of_a_later_paragraph_is_not_of_a_month_of_background_before(extractor):
    text = (
        "Turkish drones struck a car near Sinjar on Tuesday, killing two fighters.\n\n"
        "In February, Turkish jets bombed an arms depot near Sinjar, killing one guard.\n\n"
        "Residents of Sinjar said that YBS fighters had set up new checkpoints near the town."
    )
    found = dated(extractor, text, dt.date(2024, 6, 20))
    deployed = [e for e in found if e[0] == "troop_deployment"]
    assert deployed and deployed[0][2:] == (dt.date(2024, 6, 13), dt.date(2024, 6, 20))


def test_a_day_said_after_the_deed_of_a_days_after_clause_is_its_own(extractor):
    text = (
        "The protests came two days after a drone hit the Khurmala oil field, run by a local "
        "firm, in Erbil province on Monday, causing a fire."
    )
    found = dated(extractor, text, dt.date(2024, 5, 15))
    drones = [e for e in found if e[0] == "drone_or_rocket_attack"]
    assert drones and drones[0][2:] == (dt.date(2024, 5, 13), dt.date(2024, 5, 13))


def test_the_days_that_followed_go_on_from_the_sentence_right_before(extractor):
    # The background month said just before, not Tuesday's bombing told earlier.
    text = (
        "A roadside bomb wounded two soldiers near Kirkuk on Tuesday. Militants seized the "
        "village of Bashir in May 2016. Peshmerga units recaptured Bashir in the days that "
        "followed."
    )
    found = [first for _, _, first, _ in dated(extractor, text)]
    assert len(found) == 3 and found[2].year == 2016


def test_an_act_said_on_a_day_to_have_been_done_goes_on_with_the_narrative_only_to_that_day(
    extractor,
):
    text = (
        "A car bomb exploded near Sayyida Zaynab this week, killing five people. The interior "
        "ministry said on 13 May it had arrested members of the cell in raids in Rif Dimashq."
    )
    found = dated(extractor, text)
    assert found[0][2:] == (dt.date(2024, 5, 13), WEDNESDAY)
    assert found[1][0] == "arrest"
    assert found[1][3] == dt.date(2024, 5, 13)  # not after the day it was said

"""When extracted events happened: weekdays, reporting dates, background events (issue 9)."""

import datetime as dt

from app.extraction.report_input import ReportInput

SUNDAY = dt.date(2024, 3, 10)


def events(extractor, text, published=SUNDAY):
    return [e.properties for e in extractor.extract(ReportInput(text, published)).events]


def test_a_weekday_of_the_publication_day_is_that_day(extractor):
    (event,) = events(extractor, "A roadside bomb exploded in Tikrit on Sunday.")
    assert event.date == SUNDAY
    (event,) = events(extractor, "A roadside bomb exploded in Tikrit last Sunday.")
    assert event.date == dt.date(2024, 3, 3)


def test_the_reporting_day_anchors_the_sentence(extractor):
    # Published on Sunday: "said on Friday" is 8 March, and Thursday the day before it.
    text = "The ministry said on Friday that a roadside bomb exploded in Tikrit on Thursday."
    (event,) = events(extractor, text)
    assert (event.date, event.reported_at) == (dt.date(2024, 3, 7), dt.date(2024, 3, 8))
    text = "The ministry said on Friday that a roadside bomb exploded in Tikrit on Friday."
    assert events(extractor, text)[0].date == dt.date(2024, 3, 8)


def test_background_with_its_own_date_is_an_event_of_that_date(extractor):
    text = (
        "Protesters rallied in Jarablus on Sunday. In August 2016 Turkish troops and allied "
        "rebels clashed with ISIS fighters in Jarablus before taking the town."
    )
    found = {(e.event_type, e.date, e.date_end) for e in events(extractor, text)}
    assert ("protest", SUNDAY, SUNDAY) in found
    assert ("armed_clash", dt.date(2016, 8, 1), dt.date(2016, 8, 31)) in found


def test_old_text_with_no_date_of_its_own_is_not_an_event(extractor):
    text = (
        "In March 2019 gunmen attacked a checkpoint near Baiji. Later they kidnapped two shepherds."
    )
    found = events(extractor, text, dt.date(2024, 3, 10))
    # Only the dated attack (a checkpoint is held by an armed side: a battle); the undated
    # kidnapping told years later is not an event.
    assert [e.event_type for e in found] == ["armed_clash"]


def test_a_year_of_protests_is_not_one_event(extractor):
    text = "The activist, who organised protests in Basra in 2019, was detained in Basra today."
    assert [e.event_type for e in events(extractor, text)] == ["arrest"]


def test_an_earlier_date_in_an_anaphoric_sentence_is_its_own_event(extractor):
    text = (
        "A drone struck the Khor Mor gas field in Sulaymaniyah on Friday. "
        "It was the second attack this year; on 25 January, a drone struck the same field."
    )
    dates = sorted(e.date for e in events(extractor, text))
    assert dates == [dt.date(2024, 1, 25), dt.date(2024, 3, 8)]


def test_an_attributive_date_dates_only_its_own_noun(extractor):
    text = (
        "Police arrested six suspects linked to Thursday's bombing in raids carried out in "
        "Tarmiyah on Friday, officials said."
    )
    arrest = next(e for e in events(extractor, text) if e.event_type == "arrest")
    assert arrest.date == dt.date(2024, 3, 8)


def test_a_following_sentence_takes_the_narrative_date_not_an_attached_one(extractor):
    text = (
        "Under the agreement signed on 1 March, 40 prisoners were released in Aleppo on "
        "Sunday. Later, a convoy of fighters withdrew from Aleppo towards Tabqa."
    )
    withdrawal = next(e for e in events(extractor, text) if e.event_type == "troop_withdrawal")
    assert withdrawal.date <= SUNDAY <= withdrawal.date_end


def test_over_the_following_days_spans_them(extractor):
    text = (
        "Gunmen ambushed a patrol near Jableh on Thursday. Over the following three days "
        "hundreds of civilians were killed in Baniyas."
    )
    later = events(extractor, text, dt.date(2025, 3, 11))[-1]
    assert (later.date, later.date_end) == (dt.date(2025, 3, 7), dt.date(2025, 3, 9))
    assert later.date_precision == "week"


def test_a_reference_with_its_own_date_is_a_background_event(extractor):
    text = (
        "US jets struck militia depots near al-Qaim on Friday. The strikes came in response "
        "to the drone attack of 28 January on a US outpost near Rutba."
    )
    found = {(e.event_type, e.date) for e in events(extractor, text)}
    assert ("drone_or_rocket_attack", dt.date(2024, 1, 28)) in found
    assert ("airstrike", dt.date(2024, 3, 8)) in found


def test_a_reference_without_a_date_of_its_own_is_not_an_event(extractor):
    text = (
        "US jets struck militia depots near al-Qaim on Friday, in response to a string of "
        "drone attacks on US troops in Iraq since 12 January."
    )
    assert [e.event_type for e in events(extractor, text)] == ["airstrike"]


def test_a_running_tally_is_not_an_event(extractor):
    text = (
        "Gunmen attacked a checkpoint in Kirkuk on Sunday. More than 40 people have been "
        "killed in Kirkuk since the start of the year."
    )
    assert [e.date for e in events(extractor, text)] == [SUNDAY]


def test_the_date_of_the_triggers_own_clause(extractor):
    text = (
        "The minister visited the front on Saturday, three days after the army pulled back "
        "from positions at Tal Afar on Wednesday."
    )
    found = [(e.event_type, e.date) for e in events(extractor, text)]
    assert found == [("troop_withdrawal", dt.date(2024, 3, 6))]


def test_the_following_day_moves_on_from_another_clauses_date(extractor):
    text = (
        "After militants ambushed a patrol near Tuz Khurmatu on 2 March, army helicopters "
        "bombed their hideouts in the Hamrin mountains the following day."
    )
    strikes = [e for e in events(extractor, text) if e.event_type == "airstrike"]
    assert [(e.date, e.date_end) for e in strikes] == [(dt.date(2024, 3, 3), dt.date(2024, 3, 3))]
    # A movement spans its two days.
    (move,) = events(
        extractor, "A convoy left Erbil on 2 March and reached Sinjar the following day."
    )
    assert (move.date, move.date_end) == (dt.date(2024, 3, 2), dt.date(2024, 3, 3))


def test_a_bullet_date_holds_when_fighting_lasts_into_another_day(extractor):
    text = (
        "- 7 March: Gunmen stormed a checkpoint in Baiji, sparking clashes that lasted into Friday."
    )
    found = events(extractor, text)
    assert found and all(e.date == dt.date(2024, 3, 7) for e in found)


def test_a_sentence_opening_month_dates_background(extractor):
    text = "In January, militants overran Hit and parts of Haditha."
    found = events(extractor, text, dt.date(2014, 6, 20))
    assert {(e.date, e.date_end) for e in found} == {(dt.date(2014, 1, 1), dt.date(2014, 1, 31))}


def test_the_month_may_is_no_modal_verb(extractor):
    found = events(extractor, "On 3 May, police arrested four smugglers in Basra.")
    assert [(e.event_type, e.date) for e in found] == [("arrest", dt.date(2023, 5, 3))]
    found = events(
        extractor, "May 2: Gunmen attacked a checkpoint near Baiji.", dt.date(2024, 5, 6)
    )
    assert [e.date for e in found] == [dt.date(2024, 5, 2)]
    assert events(extractor, "Militants may have attacked a checkpoint near Baiji on Sunday.") == []


def test_the_same_day_is_the_day_the_sentence_before_names(extractor):
    # Published on Sunday 10 March; the rally of Friday 8 March is told with no event word
    # the extractor reads ("packed the square"), so "the same day" is that Friday, not the
    # Wednesday of the last event read.
    text = (
        "Police fired tear gas at protesters in Basra on Wednesday. On Friday, thousands "
        "packed the main square of Basra. Smaller rallies were held on the same day in "
        "Nasiriyah and Amarah."
    )
    found = {(e.location.admin1, e.date) for e in events(extractor, text)}
    assert ("IQ-DQ", dt.date(2024, 3, 8)) in found
    assert ("IQ-MA", dt.date(2024, 3, 8)) in found


def test_the_following_day_still_counts_from_the_last_event(extractor):
    text = (
        "Police fired tear gas at protesters in Basra on Wednesday. Smaller rallies were held "
        "the following day in Nasiriyah and Amarah."
    )
    found = {(e.location.admin1, e.date) for e in events(extractor, text)}
    assert ("IQ-DQ", dt.date(2024, 3, 7)) in found


def test_an_operation_of_stated_length_spans_those_days(extractor):
    text = (
        "Security forces said on Saturday they had ended a ten-day sweep of the al-Hol camp, "
        "detaining 40 suspects."
    )
    (event,) = events(extractor, text)
    assert (event.date, event.date_end) == (dt.date(2024, 2, 29), dt.date(2024, 3, 9))


def test_at_the_time_is_the_time_the_sentence_before_told(extractor):
    text = (
        "Mortar shells hit Peshmerga positions near Bashiqa on Sunday. The militants made their "
        "last big push on the town in December 2015. Several tribal sheikhs were detained in "
        "the town by the militants at the time."
    )
    found = {(e.event_type, e.date, e.date_end) for e in events(extractor, text)}
    assert ("arrest", dt.date(2015, 12, 1), dt.date(2015, 12, 31)) in found


def test_a_new_wave_that_began_on_a_day_is_an_event_in_each_place(extractor):
    text = (
        "Sit-ins spread across the south on Friday. After a lull during Ramadan, a second wave of "
        "protests began on 2 February in Nasiriyah, Diwaniyah and Samawah."
    )
    found = {(e.location.name, e.date) for e in events(extractor, text) if e.date.month == 2}
    assert {name for name, _ in found} == {"Nasiriyah", "Al Diwaniyah", "Samawah"}
    assert {day for _, day in found} == {dt.date(2024, 2, 2)}


def test_a_string_of_attacks_in_a_month_is_no_one_event(extractor):
    text = "A string of rocket attacks in January 2023 hit bases near Baghdad airport."
    assert not [e for e in events(extractor, text) if e.date.year == 2023]


def test_the_dated_event_a_state_has_lasted_since_is_an_event(extractor):
    text = (
        "Ties between the governor and the tribes have been tense since police arrested a "
        "tribal leader, Hamid Saleh, in Ramadi on 4 January over a land dispute."
    )
    found = {(e.event_type, e.date) for e in events(extractor, text)}
    assert ("arrest", dt.date(2024, 1, 4)) in found


def test_a_state_with_no_dated_event_is_no_event(extractor):
    text = "Ties between the governor and the tribes have been tense since police arrests."
    assert not [e for e in events(extractor, text) if e.event_type == "arrest"]


def test_an_undated_event_takes_the_day_of_the_sentence_just_before(extractor):
    text = (
        "Gunmen attacked an army post near Hawija on Tuesday. Tribal elders met officers at a "
        "base in Kirkuk on Friday to calm tensions. Both sides agreed to a truce in the district."
    )
    found = {(e.event_type, e.date) for e in events(extractor, text)}
    assert ("agreement", dt.date(2024, 3, 8)) in found, found


def test_the_day_before_a_new_paragraph_does_not_carry_over(extractor):
    text = (
        "Gunmen attacked an army post near Hawija on Tuesday. Tribal elders met officers at a "
        "base in Kirkuk on Friday.\n\nBoth sides agreed to a truce in the district."
    )
    found = {(e.event_type, e.date) for e in events(extractor, text)}
    assert ("agreement", dt.date(2024, 3, 8)) not in found, found


def test_hours_later_is_the_day_of_the_event_told_before(extractor):
    text = (
        "Police arrested a tribal leader in Ramadi on 4 March. Within hours, his supporters "
        "attacked police checkpoints in Hit, Rawa and other towns."
    )
    found = {(e.location.name if e.location else None, e.date) for e in events(extractor, text)}
    assert {("Hit", dt.date(2024, 3, 4)), ("Rawa", dt.date(2024, 3, 4))} <= found, found


def test_a_when_clause_after_a_date_tells_what_happened_then(extractor):
    text = (
        "The district has been tense since June 2017, when gunmen kidnapped six farmers near "
        "Tarmiyah."
    )
    found = {(e.event_type, e.date, e.date_end) for e in events(extractor, text)}
    assert ("kidnapping", dt.date(2017, 6, 1), dt.date(2017, 6, 30)) in found, found


def test_hours_after_is_the_day_of_the_event_told_before(extractor):
    text = (
        "The two sides signed a truce in Daraa on 5 March.\n\nHours after the agreement, "
        "government troops deployed at the Nasib crossing."
    )
    found = {(e.event_type, e.date) for e in events(extractor, text)}
    assert ("troop_deployment", dt.date(2024, 3, 5)) in found, found


def test_a_day_earlier_than_the_reporting_day_of_its_own_sentence(extractor):
    # Published on Sunday 10 March: Friday is 8 March, "a day earlier" the 7th, even after
    # an event of another day.
    text = (
        "A roadside bomb exploded in Tikrit on Tuesday. The army said on Friday that its "
        "troops had clashed with ISIS fighters near Baiji a day earlier."
    )
    clash = next(e for e in events(extractor, text) if e.event_type == "armed_clash")
    assert clash.date == clash.date_end == dt.date(2024, 3, 7)


def test_the_same_day_skips_background_told_in_between(extractor):
    text = (
        "Gunmen attacked a checkpoint near Baiji on Thursday. In October 2015 Iraqi troops "
        "clashed with ISIS fighters in Baiji. On the same day, a roadside bomb exploded in "
        "Tikrit."
    )
    bomb = next(e for e in events(extractor, text) if e.event_type == "ied_explosion")
    assert bomb.date == bomb.date_end == dt.date(2024, 3, 7)


def test_an_undated_event_said_on_a_later_day_spans_to_that_day(extractor):
    text = (
        "Gunmen shot dead two soldiers in Baiji on Friday. Police said on Saturday they had "
        "arrested four suspects in Baiji."
    )
    arrest = next(e for e in events(extractor, text) if e.event_type == "arrest")
    assert (arrest.date, arrest.date_end) == (dt.date(2024, 3, 8), dt.date(2024, 3, 9))


def test_a_date_of_the_next_clause_is_not_the_place_before_it(extractor):
    text = (
        "On 2 March, rockets hit Balad air base and Samarra, and on 6 March a roadside bomb "
        "exploded in Tikrit."
    )
    rockets = [e for e in events(extractor, text) if e.event_type != "ied_explosion"]
    assert len(rockets) == 2
    assert {e.date for e in rockets} == {dt.date(2024, 3, 2)}


def test_a_date_far_after_a_place_of_a_list_dates_another_noun(extractor):
    text = (
        "Yesterday police arrested two men in Tikrit and in Baiji, one of whom is wanted for "
        "a string of bombings on the city's markets in 2016."
    )
    arrests = [e for e in events(extractor, text) if e.event_type == "arrest"]
    assert len(arrests) == 2
    assert {e.date for e in arrests} == {dt.date(2024, 3, 9)}


def test_what_goes_on_with_background_told_to_the_day_is_of_that_day(extractor):
    text = (
        "On 12 June 2017, ISIS fighters stormed the village of Hatra. They abducted dozens of "
        "women and children from the village."
    )
    found = {(e.event_type, e.date) for e in events(extractor, text)}
    assert ("kidnapping", dt.date(2017, 6, 12)) in found
    # A month of background carries no undated sentence with it.
    vague = (
        "In June 2017, ISIS fighters stormed the village of Hatra. They abducted dozens of "
        "women and children from the village."
    )
    assert "kidnapping" not in {e.event_type for e in events(extractor, vague)}


def test_plural_occurrences_over_a_season_are_a_trend(extractor):
    text = "Air strikes on Idlib intensified over the summer, residents said."
    assert events(extractor, text, dt.date(2024, 10, 1)) == []
    one_event = "Militants captured the town of Baiji in the summer of 2014."
    (event,) = events(extractor, one_event, dt.date(2024, 10, 1))
    assert (event.date, event.date_end) == (dt.date(2014, 6, 1), dt.date(2014, 8, 31))


def test_earlier_in_the_day_is_the_day_of_the_event_told_before(extractor):
    text = (
        "A suicide bomber killed 12 people in Tikrit on Tuesday. Earlier in the day, a "
        "roadside bomb exploded in Baiji."
    )
    bomb = next(e for e in events(extractor, text) if e.event_type == "ied_explosion")
    assert bomb.date == bomb.date_end == dt.date(2024, 3, 5)


def test_the_reporting_date_is_said_in_the_lead(extractor):
    text = (
        "U.S. jets struck militia sites near al-Qaim on Monday.\n\n"
        "Hospital officials in Rutba said gunmen killed two guards at a checkpoint.\n\n"
        "A spokesman for the militia said on 10 May that it was suspending its operations."
    )
    published = dt.date(2024, 5, 15)
    rutba = [e for e in events(extractor, text, published) if e.location.name == "Rutba"]
    assert rutba and (rutba[0].date, rutba[0].date_end) == (dt.date(2024, 5, 8), published)

"""What a trigger word's clause says of it: told, or only possible, habitual or a run of events
(sentences written for these tests)."""

import datetime as dt

from app.extraction.irrealis import irrealis, own_clause, planned
from app.extraction.occurrences import without_month_may
from tests.extraction.helpers import events


def _irrealis(sentence: str, word: str) -> bool:
    return irrealis(without_month_may(sentence), sentence.index(word))


def types(extractor, text, published=dt.date(2022, 11, 20)):
    return [(e[0], e[1]) for e in events(extractor, text, published)]


def test_own_clause_starts_after_a_colon_or_semicolon():
    assert own_clause("It was not the first time: on Monday a ") == "on Monday a "
    assert own_clause("no casualties; later a ") == "later a "
    assert own_clause("would not have ") == "would not have "


def test_a_negation_before_a_colon_says_nothing_of_what_follows():
    text = "It was not the first such incident: on 3 May a drone hit a warehouse in Kirkuk."
    assert not _irrealis(text, "drone")
    assert _irrealis("It was not a drone that hit the warehouse.", "drone")


def test_a_when_clause_after_a_habitual_main_clause_is_one_occurrence():
    text = (
        "The valley has been a front line since March 2016, when militants killed "
        "eleven shepherds there."
    )
    assert not _irrealis(text, "killed")
    assert _irrealis("The valley has been a front line since 2016 and militants killed", "killed")


def test_frequency_words_make_a_habit():
    text = "Clan feuds over grazing land frequently turn deadly in the desert."
    assert _irrealis(text, "Clan feuds")
    assert not _irrealis("Clan feuds over grazing land turned deadly on Monday.", "Clan feuds")


def test_nobody_killed_is_no_killing():
    assert _irrealis("Nobody was killed when the crowd dispersed.", "killed")


def test_a_deal_said_to_be_possible_is_not_yet_made():
    assert _irrealis("A truce agreement is possible within days, diplomats said.", "agreement")


def test_the_month_may_is_no_modal(extractor):
    found = types(
        extractor,
        "Tensions rose in early May, when clashes between two clans in Qurna killed six men.",
        dt.date(2023, 6, 20),
    )
    assert found == [("armed_clash", "Qurna")]


def test_a_wave_that_began_on_a_day_in_several_towns_is_an_event_in_each(extractor):
    found = types(
        extractor,
        "After a lull over the holiday, a second wave of protests began on 3 November in "
        "Kut, Diwaniyah and Nasiriyah.",
        dt.date(2019, 11, 12),
    )
    assert [t for t, _ in found] == ["protest"] * 3
    assert {p for _, p in found} == {"Al-Kut", "Al Diwaniyah", "Nasiriyah"}


def test_a_wave_that_left_people_dead_is_an_event(extractor):
    assert not _irrealis(
        "The first wave of protests, from 2 to 5 March, left 40 people dead.", "protests"
    )
    # A run named as a reason is still no one event.
    assert _irrealis("Police were deployed after a wave of protests in the south.", "protests")


def test_the_verb_deal_is_no_deal(extractor):
    found = types(extractor, "Tribal leaders in Hawija met on Monday to deal with the dispute.")
    assert "agreement" not in [t for t, _ in found]


def test_taking_people_hostage_is_a_kidnapping(extractor):
    found = types(
        extractor,
        "Inmates overpowered the guards at the Hasakah jail on Monday, taking six of them hostage.",
    )
    assert "kidnapping" in [t for t, _ in found]


def test_a_count_of_events_recorded_is_a_tally():
    assert _irrealis(
        "A local monitor recorded 14 kidnappings in the province in September.", "kidnappings"
    )
    assert _irrealis(
        "The number of assassinations in the province since January has risen to 61.",
        "assassinations",
    )


def test_what_a_crowd_protests_against_is_no_new_event(extractor):
    found = types(
        extractor,
        "On Tuesday hundreds of people protested in Amuda against Turkish air strikes on "
        "power stations.",
        dt.date(2024, 2, 1),
    )
    assert [t for t, _ in found] == ["protest"]


def test_a_line_headed_as_commentary_tells_no_event():
    assert _irrealis("Analysis: the Turkish strikes mark a new phase of the campaign.", "strikes")
    assert _irrealis("Overview: drone strikes continued along the border strip.", "drone")
    assert not _irrealis("Update: drone strikes hit Amuda on Monday.", "drone")


def test_a_claim_about_the_shells_told_before_is_no_new_event(extractor):
    text = (
        "Shells hit a village near Zakho on Monday, killing two shepherds. Baghdad said the "
        "shells were fired by Turkish forces; Ankara denied it and blamed the PKK."
    )
    # The shelling killed civilians: an attack on them; one event, not a second one.
    assert [t for t, _ in types(extractor, text, dt.date(2022, 7, 20))] == ["attack"]


def test_a_meeting_to_discuss_the_attack_is_no_new_attack():
    text = "The governor chaired a meeting on Tuesday to discuss the attack on the market."
    assert _irrealis(text, "attack")


def test_accusing_someone_of_an_act_is_no_report_of_it():
    text = "Baghdad accused Ankara on Thursday of killing nine tourists in an artillery attack."
    assert _irrealis(text, "killing")


def test_raids_counted_since_this_morning_are_the_days_strikes(extractor):
    text = "Since this morning, warplanes have carried out more than 20 raids on Ariha."
    assert [e[0] for e in events(extractor, text)] == ["airstrike"]


def test_raids_counted_since_january_are_a_tally(extractor):
    text = "Warplanes have carried out more than 300 raids on Ariha since January."
    assert events(extractor, text) == []


def test_attacks_stepped_up_are_a_trend(extractor):
    text = "ISIS sleeper cells have intensified their attacks in the countryside of Kirkuk."
    assert events(extractor, text) == []


def test_leave_to_act_is_no_act():
    # a deal that lets a force move, a meeting about a move: neither tells the move itself
    text = "The accord, signed late on Friday, permits Iraqi border guards to deploy at Rabia."
    assert _irrealis(text, "deploy")
    assert _irrealis("The two delegations discussed the deployment of police in Tuz.", "deploy")
    assert _irrealis("Ministers met on Monday, allowing the brigade to leave Hit.", "leave")


def test_a_force_allowed_out_is_still_told_leaving():
    # the passive tells what happened: the gunmen did leave
    assert not _irrealis("About 80 gunmen were allowed to leave Rawa on Monday.", "leave")


def test_a_count_over_the_past_few_days_is_a_tally_but_a_move_then_is_not():
    text = "Police said 40 suspects were detained over the past few days in the district."
    assert _irrealis(text, "detained")
    moved = "The army sent reinforcements to the border in the last few days."
    assert not irrealis(moved, moved.index("sent"), movement=True)


def test_a_totals_line_is_no_event(extractor):
    text = (
        "- Gunmen shot dead a shopkeeper in Tafas on Monday.\n"
        "- Total killed in the western countryside this week: 9."
    )
    assert types(extractor, text) == [("attack", "Tafas")]
    assert _irrealis("Total dead in attacks on the camp since March: 31.", "attacks")
    assert not _irrealis("Gunmen killed three men in attacks on the camp on Monday.", "attacks")


def test_a_running_count_or_cumulative_tally_is_no_event():
    assert _irrealis("Running count, 2023: 22 civilians killed by Turkish strikes.", "killed")
    assert _irrealis("Cumulative since 3 May (all provinces): 120+ killed.", "killed")
    assert _irrealis("Total shepherds killed by mines in the desert since March: 40.", "killed")


def test_a_totals_or_toll_heading_over_a_count_is_no_event():
    assert _irrealis("Totals this week: 6 incidents, 2 killed, 4 arrested.", "arrested")
    assert _irrealis("Toll at midnight: 31 killed, dozens wounded.", "killed")
    assert _irrealis("Nineveh toll in March (our count): 12 killed in attacks.", "attacks")
    assert _irrealis("Total since 2 June: 17 killed.", "killed")


def test_a_toll_for_one_day_still_tells_that_day():
    text = "Death toll for Friday: 14 civilians killed in air strikes on Saqba."
    assert not _irrealis(text, "air strikes")


def test_a_short_section_heading_names_a_kind_of_event_not_one():
    assert _irrealis("Mortar fire on the villages", "Mortar")
    assert _irrealis("Air raids and drone attacks", "Air raids")
    # a clause cut short, a title placing its event, a shouted headline: still told
    assert not _irrealis("More shells landed in the old market", "shells")
    assert not _irrealis("Statement on the car bomb in Kirkuk", "car bomb")
    assert not _irrealis("TURKISH DRONE STRIKES", "DRONE")
    assert not _irrealis("Gunmen fire on convoy to Tal Afar", "fire")


def test_deaths_mourned_at_a_funeral_are_no_event_of_the_funeral():
    text = "Funerals were held in Basra on Friday for the four men killed in a drone strike."
    assert _irrealis(text, "drone strike")
    text = "Villagers buried the victims of a car bomb that hit the market in Tuz on Monday."
    assert _irrealis(text, "car bomb")
    # a crowd's own act after the funeral is told all the same
    text = "Mourners buried their dead on Friday and then stormed the police station."
    assert not _irrealis(text, "stormed")


def test_what_is_due_to_happen_has_not():
    assert _irrealis("Army units were due to deploy in the town, negotiators said.", "deploy")
    assert not _irrealis("The road was closed due to clashes in the town on Monday.", "clashes")


def test_a_deployment_that_ended_a_brawl_after_until_happened(extractor):
    found = [
        e[0]
        for e in events(
            extractor,
            "Two tribes fought with rifles near Rifai on Monday until police units were "
            "deployed between their villages.",
        )
    ]
    assert "troop_deployment" in found


def test_until_with_a_present_clause_is_still_a_condition():
    text = "The militia says it will stay until foreign troops are withdrawn."
    assert irrealis(text, text.index("withdrawn"), True)


def test_what_is_awaited_or_feared_is_no_occurrence():
    assert _irrealis("Shopkeepers in Manbij were bracing for clashes at dawn.", "clashes")
    assert _irrealis("The report sees a high risk of shelling near Zummar.", "shelling")
    assert _irrealis("Columns gathered in preparation for an assault on Hajin.", "assault")
    assert not _irrealis("Shopkeepers in Manbij said clashes broke out at dawn.", "clashes")


def test_frequent_acts_in_a_description_are_habitual():
    sentence = "The valley is lawless, with frequent kidnappings by smugglers on its roads."
    assert _irrealis(sentence, "kidnappings")
    assert not _irrealis("Smugglers kidnapped two shepherds on the valley road.", "kidnapped")


def test_a_finding_made_later_tells_no_occurrence_of_its_own():
    sentence = "A parliamentary probe later found that 30 prisoners had been killed in the cells."
    assert _irrealis(sentence, "killed")
    assert _irrealis("The commission concluded that guards had shot the men.", "shot")
    assert not _irrealis("Soldiers later found a launcher and fired on the truck.", "fired")


def test_a_fight_still_going_on_is_told():
    assert not _irrealis("Near Baiji, clashes are still ongoing between the army and IS.", "clash")
    assert not _irrealis(
        "The militants were still trading fire with the Peshmerga south of Kalar on Monday.",
        "trading fire",
    )
    assert not _irrealis(
        "Clashes have been continuing since dawn on the edge of Ain Issa, a monitor said.",
        "Clashes",
    )


def test_a_fight_that_keeps_recurring_stays_habitual():
    assert _irrealis("Tribal clans still clash over grazing land around Basra.", "clash")
    assert _irrealis("Turkey has repeatedly struck the mountains near Amadiya.", "struck")


def test_a_fight_to_prepare_is_planned_not_fought():
    text = "About 2,000 PMF fighters reached Habbaniyah on Monday to prepare a counter-offensive."
    assert _irrealis(text, "counter-offensive")
    text = "Troops massed near Hit on Monday in preparation for an assault on the town."
    assert _irrealis(text, "assault")
    assert not _irrealis("The army launched a counter-offensive near Hit on Monday.", "counter")


def test_a_tally_in_another_clause_leaves_a_dated_occurrence_told():
    text = (
        "In Kut, demonstrators torched the council offices on Sunday, and at least nine "
        "people have been killed in the province since Friday, doctors said."
    )
    assert not _irrealis(text, "torched")
    # the same tally in the trigger's own clause, or with no day of its own: a tally still
    assert _irrealis("At least nine demonstrators have been killed in Kut since Friday.", "killed")
    assert _irrealis(
        "Crowds torched the council offices, and nine people have been killed in Kut.", "torched"
    )


def test_a_habit_in_another_clause_leaves_a_dated_occurrence_told():
    text = "Sappers are still clearing the town; on Monday a roadside bomb wounded two of them."
    assert not _irrealis(text, "roadside bomb")
    assert _irrealis("Sappers are still clearing roadside bombs from the town.", "roadside bombs")


def test_a_second_verb_after_a_reference_is_the_main_clause_act():
    text = "Mourners gathered after the burial and set fire to the mayor's office in Kut."
    assert not _irrealis(text, "set fire")
    # the event the reference names stays a reference
    assert _irrealis("Mourners gathered after the shelling and fighting near Kut.", "fighting")


def test_a_deal_being_negotiated_is_not_made():
    text = "The two governments were negotiating a deal on water shares from the dam."
    assert _irrealis(text, "deal")
    assert not _irrealis("The two governments signed a deal on water shares.", "deal")


def test_a_deal_that_failed_to_come_is_not_made():
    assert _irrealis("Envoys in Geneva failed to finalise a truce on Friday.", "truce")


def test_a_deal_sought_is_not_made():
    assert _irrealis("Elders met in Kut on Sunday to agree a truce between the clans.", "truce")
    assert _irrealis("Talks resumed in an effort to reach an agreement.", "agreement")


def test_the_terms_of_a_deal_are_not_what_happened():
    text = "The truce provides for a halt to shelling and the release of all detainees."
    assert _irrealis(text, "release")
    assert _irrealis("The accord stipulated the withdrawal of the brigade.", "withdrawal")


def test_what_is_planned_for_a_time_to_come_is_not_told_as_done():
    text = "Activists said protests scheduled for Friday would go ahead."
    assert planned(text, text.index("protests"))
    text = "The assault planned for months began at dawn."
    assert not planned(text, text.index("assault"))

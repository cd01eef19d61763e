"""A sentence that refers back to an event but lists places of its own (own sentences)."""

import datetime as dt

from tests.extraction.helpers import events


def places(extractor, text):
    return sorted((e[0], e[2]) for e in events(extractor, text))


def test_a_reference_listing_new_places_is_one_event_per_place(extractor):
    text = (
        "Turkish drones struck Hasakah on Wednesday. The drone strikes hit oil facilities "
        "in Tal Tamr, Amuda and Kobani."
    )
    found = [e[1] for e in events(extractor, text)]
    assert len(found) == 4, found


def test_protests_spreading_to_a_list_of_towns(extractor):
    text = "Protesters rallied in Basra on Friday. The protests spread to Nasiriyah and Kut."
    assert places(extractor, text) == [
        ("protest", "IQ-BA"),
        ("protest", "IQ-DQ"),
        ("protest", "IQ-WA"),
    ]


def test_where_the_crowd_came_from_is_no_new_event(extractor):
    text = (
        "Protesters rallied in Basra on Friday. The protests drew students from Nasiriyah and Kut."
    )
    assert places(extractor, text) == [("protest", "IQ-BA")]


def test_an_undated_overview_above_the_dated_item_is_one_event(extractor):
    text = (
        "Summary: a rocket attack targeted Harir air base; clashes went on in Makhmour.\n\n"
        "- 9 May: Four rockets struck Harir air base, damaging a hangar.\n"
        "- 10 May: Police arrested two smugglers near Zakho."
    )
    found = [(e[0], e[1]) for e in events(extractor, text, dt.date(2023, 5, 12))]
    assert found.count(("drone_or_rocket_attack", "Harir Air Base")) == 1


def test_an_item_said_to_be_additional_is_one_more(extractor):
    text = (
        "Near Raqqa, six strikes destroyed two fighting positions.\n\n"
        "Additionally, on 9 May, two strikes near Raqqa destroyed a bridge."
    )
    found = [e[0] for e in events(extractor, text, dt.date(2023, 5, 11))]
    assert found == ["airstrike", "airstrike"]


def test_a_massacre_feared_is_none(extractor):
    text = "Residents of the besieged town near Tikrit said on Monday they feared a massacre."
    assert events(extractor, text) == []


def test_a_reference_naming_one_place_inside_the_events_province_places_it(extractor):
    text = (
        "Iraqi jets bombed IS hideouts in Kirkuk province on Monday. The air strikes hit "
        "caves near Daquq, a security source said."
    )
    assert [e[1] for e in events(extractor, text)] == ["Daquq"]


def test_a_reference_listing_a_town_of_a_kind_word_is_one_event_per_place(extractor):
    text = (
        "Turkish jets bombed PKK hideouts in northern Iraq on Sunday. The air strikes hit "
        "sites near Makhmour and the town of Qaraj."
    )
    assert places(extractor, text) == [("airstrike", "IQ-AR"), ("airstrike", "IQ-AR")]


def test_owners_of_what_was_hit_told_later_are_targets(extractor):
    text = (
        "Turkish jets struck depots near Qamishli overnight into Sunday. The ministry said 40 "
        "targets had been destroyed, including depots it said belonged to the PKK and the "
        "Syrian Kurdish YPG."
    )
    found = [f for f in events(extractor, text, dt.date(2022, 11, 21)) if f[0] == "airstrike"]
    assert found, found
    assert found[0][3].get("PKK") == "target"
    assert found[0][3].get("YPG") == "target"


def test_country_wide_strikes_on_a_day_of_their_own_are_no_summary(extractor):
    text = (
        "The United States began air strikes in Iraq on 8 August. On 15 August, American jets "
        "struck militant artillery near Sinjar."
    )
    found = events(extractor, text, dt.date(2014, 8, 20))
    assert sorted((e[0], e[1]) for e in found) == [("airstrike", "Iraq"), ("airstrike", "Sinjar")]


def test_country_wide_strikes_on_the_same_day_sum_up_the_others(extractor):
    text = (
        "On Friday the coalition carried out 12 air strikes in Iraq. Jets struck militant "
        "positions near Sinjar on Friday, the statement said."
    )
    found = events(extractor, text, dt.date(2014, 8, 20))
    assert [(e[0], e[1]) for e in found] == [("airstrike", "Sinjar")]

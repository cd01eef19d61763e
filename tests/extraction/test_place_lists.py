"""Lists whose items each carry their governorate (sentences written for these tests)."""

from tests.extraction.helpers import events


def test_each_item_with_its_governorate_named_like_its_capital(extractor):
    text = (
        "On Monday, Turkish artillery shelled farms in the countryside of Derbasiyah in "
        "Hasakah and the countryside of Tal Abyad in Raqqa."
    )
    assert sorted(e[2] for e in events(extractor, text)) == ["SY-HA", "SY-RA"]


def _places(extractor, text):
    return sorted(e[1] for e in events(extractor, text))


def test_list_item_after_a_noun_phrase_with_its_own_locative(extractor):
    text = "Rockets hit the Harir air base in Erbil province and a warehouse in Kirkuk on Monday."
    assert _places(extractor, text) == ["Harir Air Base", "Kirkuk"]


def test_list_item_after_an_adjective_and_a_kind_word(extractor):
    text = "Thousands protested in Basra and the southern city of Amarah on Friday."
    assert _places(extractor, text) == ["Al ‘Amārah", "Basrah"]


def test_list_closed_by_the_places_own_surroundings(extractor):
    text = "Government jets bombed Saraqib, Ariha and their surroundings on Tuesday."
    assert _places(extractor, text) == ["Ariha", "Saraqib"]


def test_city_before_suburbs_of_only_says_where_the_suburbs_are(extractor):
    text = "Clashes in the Damascus suburbs of Jaramana and Sahnaya left nine dead on Monday."
    assert sorted(e[2] for e in events(extractor, text)) == ["SY-RD", "SY-RD"]


def test_area_said_of_listed_towns_is_no_place_of_the_event(extractor):
    text = (
        "Government forces captured the towns of Saqba and Kafr Batna in eastern Ghouta on Sunday."
    )
    assert _places(extractor, text) == ["Kafr Batna", "Saqba"]


def test_list_in_the_triggers_object_beats_a_town_said_of_its_subject(extractor):
    text = (
        "Gunmen from the countryside of Daraa attacked army posts in Tafas and al-Muzayrib "
        "on Friday."
    )
    assert _places(extractor, text) == ["Al-Muzayrib", "Tafas"]


def test_list_of_another_clause_does_not_replace_the_place(extractor):
    text = (
        "Rebels seized Tal Rifaat on Monday, and thousands of families fled toward Tabqa and Raqqa."
    )
    assert _places(extractor, text) == ["Tal Rifaat"]


def test_list_goes_on_past_an_unknown_item_with_its_landmark(extractor):
    text = (
        "Warplanes struck Talbiseh and al-Qarawiya north of Homs, and Kafr Zita in the "
        "Hama countryside, activists said."
    )
    got = _places(extractor, text)
    assert "Kafr Zita" in got and "Talbiseh" in got


def test_district_in_brackets_is_said_of_the_item_before(extractor):
    text = "Turkish jets struck Sidakan, Batifa (Zakho) and Amadiya on Sunday."
    assert _places(extractor, text) == ["Amadiya", "Batifa", "Sidakan"]


def test_another_name_in_brackets_is_the_same_place(extractor):
    text = "Turkish drones struck Ayn al-Arab (Kobani) and Tal Tamr on Sunday."
    assert _places(extractor, text) == ["Kobani", "Tal Tamr"]


def test_province_said_after_a_bracketed_name_is_no_item(extractor):
    text = "Tadmur (Palmyra), east Homs: IS fighters stormed the town on Friday."
    assert _places(extractor, text) == ["Palmyra"]


def test_lists_closed_by_kind_nouns_and_joined_by_and(extractor):
    text = (
        "Turkish jets hit targets in the Qandil and Hakurk regions of northern Iraq and in "
        "the Kobani and Derik areas of northern Syria on Saturday."
    )
    assert _places(extractor, text) == [
        "Al-Malikiyah",
        "Hakurk",
        "Kobani",
        "Qandil Mountains",
    ]


def test_list_of_an_earlier_action_in_an_after_clause_is_not_the_place(extractor):
    text = (
        "Turkish forces launched a ground operation in Amadiya on 17 June, two days after "
        "warplanes hit Sinjar, Makhmour and Sidakan."
    )
    assert [e[1] for e in events(extractor, text) if e[0] == "armed_clash"] == ["Amadiya"]


def test_place_a_rally_is_in_solidarity_with_is_not_where_it_was(extractor):
    text = "Hundreds marched in Jasim and Nawa on Friday in solidarity with Daraa al-Balad."
    assert _places(extractor, text) == ["Jasim", "Nawa"]


def test_desert_villages_of_the_curated_gazetteer_each_give_an_event(extractor):
    text = "Russian jets struck IS hideouts near Kabajeb and Ithriya on Monday."
    assert sorted(e[2] for e in events(extractor, text)) == ["SY-DY", "SY-HM"]


def test_what_a_place_is_said_between_commas_does_not_break_the_list(extractor):
    text = (
        "Jets pounded Busra al-Harir, a rebel-held town in the eastern countryside, and the "
        "nearby town of Nawa on Monday."
    )
    assert _places(extractor, text) == ["Busra al-Harir", "Nawa"]


def test_list_item_after_a_noun_phrase_with_an_acronym(extractor):
    text = "Drones targeted the Harir air base and an SDF position near Hasakah on Monday."
    assert sorted(e[2] for e in events(extractor, text)) == ["IQ-AR", "SY-HA"]


def test_list_item_after_a_site_the_gazetteer_lacks(extractor):
    text = "Iranian missiles hit Koya and the Surdash camp outside Dukan on Monday."
    assert sorted(e[2] for e in events(extractor, text)) == ["IQ-AR", "IQ-SU"]


def test_towns_that_spell_out_an_area_are_the_places(extractor):
    text = (
        "Air strikes killed 50 civilians in Eastern Ghouta on Monday - 20 in Hamouriyah, "
        "18 in Saqba and 12 in Douma."
    )
    assert _places(extractor, text) == ["Douma", "Hamouriyah", "Saqba"]


def test_a_withdrawal_from_an_area_spelled_out_is_one_event_per_town(extractor):
    text = (
        "Rebel factions withdrew from the northern Hama countryside pocket - Kafr Zita, Morek "
        "and al-Latamneh - on Friday."
    )
    assert _places(extractor, text) == ["Al-Lataminah", "Kafr Zita", "Morek"]


def test_ranges_listed_beside_a_town_are_each_a_place(extractor):
    text = "Turkish jets bombed hideouts in Sinjar, Hakurk and Qandil on Thursday."
    assert _places(extractor, text) == ["Hakurk", "Qandil Mountains", "Sinjar"]


def test_governorate_said_of_a_list_of_areas_is_no_place_of_its_own(extractor):
    text = "Turkish jets bombed caves in the Zap and Metina areas of Duhok province on Thursday."
    assert _places(extractor, text) == ["Matin Mountain", "Zap"]


def test_a_list_goes_on_after_as_well_as(extractor):
    text = "Crowds marched in Kafr Nabl and Saraqib as well as in Ariha on Friday."
    assert _places(extractor, text) == ["Ariha", "Kafr Nabl", "Saraqib"]


def test_ranges_listed_together_beat_a_country_named_after_them(extractor):
    text = (
        "Our aircraft hit shelters in Avashin, Gara and Hakurk in northern Iraq and in "
        "northern Syria on Thursday evening."
    )
    assert _places(extractor, text) == ["Avashin-Basyan", "Gara Mountain", "Hakurk"]


def test_each_item_after_the_country_it_lies_in(extractor):
    text = (
        "On Friday US jets hit depots at three sites: one in Iraq, near al-Qaim, and two in "
        "Syria, near Abu Kamal."
    )
    assert _places(extractor, text) == ["Al-Qaim", "Albu Kamal"]


def test_a_district_in_brackets_stands_for_an_item_the_gazetteer_lacks(extractor):
    text = "Our jets struck 12 shelters in Gara, Xerabe (Makhmour) and Hakurk on Tuesday night."
    assert _places(extractor, text) == ["Gara Mountain", "Hakurk", "Makhmour"]


def test_a_range_with_its_own_preposition_beside_a_town_is_one_more_place(extractor):
    text = (
        "Iraqi jets bombed militant hideouts around Tuz Khurmatu and in the Hamrin mountains "
        "on Tuesday, the army said."
    )
    assert _places(extractor, text) == ["Hamrin Mountains", "Tuz Khurmatu"]


def test_a_range_after_near_a_town_and_its_own_in_is_its_own_event(extractor):
    text = "Rebels attacked army posts near Tal Tamr and in the Abdulaziz mountains on Tuesday."
    assert _places(extractor, text) == ["Jabal Abdulaziz", "Tal Tamr"]


def test_a_place_said_to_be_nearby_is_one_more_item_of_the_list(extractor):
    text = "Police raided houses in al-Bayaa and nearby al-Amil on Monday, arresting five suspects."
    assert len(_places(extractor, text)) == 2


def test_a_neighbouring_quarter_is_one_more_item_of_the_list(extractor):
    text = "Gunfire broke out on Tuesday in Sheikh Maqsoud and neighbouring Ashrafieh, locals said."
    assert len(_places(extractor, text)) == 2


def test_a_list_of_towns_closed_by_and_before_an_area_keeps_its_towns(extractor):
    text = "Kurdish fighters pulled out of Sinjar, Makhmour, Khanaqin and the Nineveh Plains."
    assert {"Sinjar", "Makhmour", "Khanaqin"} <= set(_places(extractor, text))
    text = "Turkish jets struck Tal Abyad, Ain Issa, Kobani and the Jazira region overnight."
    assert {"Tal Abyad", "Ain Issa", "Kobani"} <= set(_places(extractor, text))

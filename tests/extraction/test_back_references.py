""" "The city", "the town" of a sentence with no place of its own (sentences written for these
tests)."""

import datetime as dt

from app.extraction.back_references import definite_at, definite_noun, referent
from app.extraction.report_input import ReportInput
from app.extraction.text import split_sentences


def places(extractor, text):
    events = extractor.extract(ReportInput(text, dt.date(2021, 5, 20))).events
    return [
        (e.properties.event_type, e.properties.location.admin1)
        for e in events
        if e.properties.location is not None
    ]


def test_the_city_is_the_one_introduced_as_a_city(extractor):
    # Homs, named plainly since, is not what "the city" goes back to.
    found = places(
        extractor,
        "Rebels pulled out of the northern city of Raqqa on Monday, days after jets bombed a "
        "depot in Homs. A ceasefire was agreed on Tuesday under which security in the city "
        "passes to local councils.",
    )
    assert ("agreement", "SY-RA") in found
    assert all(admin1 != "SY-HI" for kind, admin1 in found if kind == "agreement")


def test_the_village_is_the_one_introduced_as_a_village(extractor):
    found = places(
        extractor,
        "Gunmen stormed the village of Tal Abyad on Sunday. Clerics in Hasakah condemned "
        "the killing of the town's mayor. Troops later took up positions around the village.",
    )
    assert ("troop_deployment", "SY-RA") in found


def test_a_dateline_town_does_not_count_towards_the_story_town(extractor):
    # Named plainly once in the text, Baghdad gives way to the town the story keeps naming.
    found = places(
        extractor,
        "BAGHDAD - Troops fought militants in Ramadi on Monday. Commanders said Ramadi would "
        "fall within days, and aid reached Ramadi by boat. Ministers met in Baghdad on "
        "Tuesday. On Wednesday, soldiers fought militants in the centre of the city.",
    )
    assert all(admin1 == "IQ-AN" for kind, admin1 in found if kind == "armed_clash")


def test_a_road_named_for_a_town_is_not_the_city(extractor):
    found = places(
        extractor,
        "Two men were shot dead in Tikrit on Friday. Protesters had blocked the Tikrit-Kirkuk "
        "road for a week. The governor ordered a curfew in the city on Friday evening.",
    )
    assert ("other", "IQ-SD") in found
    assert all(admin1 != "IQ-KI" for kind, admin1 in found if kind == "other")


def test_the_most_specific_back_reference_is_followed():
    sent = "Troops were sent into the province and fought on the edge of the city"
    assert definite_noun(sent) == "city"
    assert definite_noun("Militants shelled the base near the town") == "base"
    assert definite_noun("No reference here") is None


def test_the_town_named_earlier_in_the_same_sentence(extractor):
    # The withdrawal keeps Saraqib; the takeover of "the town" is there too, not at the town
    # of the sentence before.
    found = places(
        extractor,
        "Jets struck the town of Suqaylabiyah on Sunday. Rebels withdrew from Saraqib "
        "overnight; army units took over the town on Monday morning.",
    )
    assert ("troop_deployment", "SY-ID") in found
    assert all(admin1 != "SY-HM" for kind, admin1 in found if kind == "troop_deployment")


def test_fighters_from_a_town_did_not_take_that_town(extractor):
    found = places(
        extractor,
        "Gunmen attacked the village of Dhiban on Monday. On Tuesday, tribal fighters from "
        "Hasakah took over the village.",
    )
    assert ("troop_deployment", "SY-DY") in found
    assert all(admin1 != "SY-HA" for kind, admin1 in found if kind == "troop_deployment")


def test_a_quarter_of_the_city_is_in_that_city(extractor):
    # "al-Bakr" alone is also an air base in Salahuddin; here it is a quarter of Hit.
    found = places(
        extractor,
        "Iraqi troops entered the town of Hit on Monday. On Tuesday, fighting went on in the "
        "al-Bakr neighbourhood in the north of the town, officers said.",
    )
    assert ("armed_clash", "IQ-AN") in found
    assert all(admin1 == "IQ-AN" for _, admin1 in found)


def test_a_back_reference_right_after_a_verb_gives_its_noun():
    text = "Tribal fighters swept into  the besieged town at dawn."
    assert definite_at(text, text.index(" into") + len(" into")) == "town"


def test_a_noun_introducing_a_name_or_a_name_itself_is_no_back_reference():
    text = "Tribal fighters entered the town of Rawa, then entered Anah."
    assert definite_at(text, text.index("entered") + len("entered")) is None
    assert definite_at(text, text.rindex("entered") + len("entered")) is None


def located(extractor, text):
    events = extractor.extract(ReportInput(text, dt.date(2021, 5, 20))).events
    return [
        (e.properties.event_type, e.properties.location.name if e.properties.location else None)
        for e in events
    ]


def test_the_camp_is_the_camp_named_last_not_the_base_named_since(extractor):
    found = located(
        extractor,
        "Hundreds of families fled to al-Hol camp in March. In April, a US convoy arrived at "
        "the Shaddadi base. On Sunday, security forces raided tents inside the camp and "
        "arrested 12 suspects.",
    )
    assert ("arrest", "Al-Hol camp") in found


def test_the_dam_is_the_dam_the_heading_names(extractor):
    found = located(
        extractor,
        "Fighting went on around Manbij on Monday.\n\n- Tishreen Dam: A drone struck a convoy of "
        "civilians heading to the dam from Qamishli on Tuesday, killing four.",
    )
    assert ("drone_or_rocket_attack", "Tishreen Dam") in found


def test_the_dam_with_no_dam_named_is_no_base(extractor):
    text, mentions = extractor.geoparse(
        "A US convoy arrived at the Shaddadi base on Monday. On Tuesday, a drone struck a car "
        "near the dam."
    )
    second = split_sentences(text)[1]
    earlier = [m for m in mentions if m.mention.start < second.start]
    assert [m.place.name for m in earlier] == ["Shaddadi base"]
    assert referent(second, earlier, text, None) is None


def test_the_town_is_the_one_its_first_sentence_called_the_town(extractor):
    # Zabadani, named once, is told as the town in its own sentence; Izraa is named since.
    found = places(
        extractor,
        "The last fighters of Zabadani left the town on Friday under a local deal. "
        "Hundreds of families were taken to shelters in Izraa. "
        "Soldiers entered the town on Saturday.",
    )
    assert ("troop_deployment", "SY-RD") in found, found


def test_a_big_city_is_not_the_town_its_sentence_names_later(extractor):
    # Damascus is where the statues went; "the town" of that sentence is Palmyra.
    text = (
        "Islamic State fighters seized the town of Palmyra on Wednesday. "
        "Curators had moved statues to Damascus before the town fell. "
        "Gunmen later shot dead two teachers in the town."
    )
    found = places(extractor, text)
    assert found and all(admin1 == "SY-HI" for _, admin1 in found), found

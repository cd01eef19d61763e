"""Fire answered: a force that answers a shelling shells back (own sentences)."""

import datetime as dt

from app.extraction.report_input import ReportInput

THURSDAY = dt.date(2024, 3, 14)


def events(extractor, text, published=THURSDAY):
    return [e.properties for e in extractor.extract(ReportInput(text, published)).events]


def sides(event):
    return (
        sorted(a.name for a in event.actors if a.role == "actor"),
        sorted(a.name for a in event.actors if a.role == "target"),
    )


def test_an_answered_shelling_is_a_second_shelling_by_its_target(extractor):
    text = (
        "Ministry of Defence - Press statement\n\n"
        "Yesterday evening, terrorists fired mortar rounds at our outpost near the village of "
        "Tal Tamr, wounding two soldiers. Our units returned fire at once and destroyed the "
        "positions it came from."
    )
    first, answer = events(extractor, text)
    assert answer.event_type == "drone_or_rocket_attack"
    assert answer.location.name == first.location.name
    assert answer.date == first.date
    assert sides(answer) == (sides(first)[1], sides(first)[0])


def test_the_fire_answered_may_be_told_in_the_passive(extractor):
    text = (
        "Republic of Turkey Ministry of National Defence - Press release\n\n"
        "PKK terrorists fired rockets at our base area near Zakho on Wednesday night. "
        "The fire was immediately answered and the launch sites were destroyed."
    )
    found = events(extractor, text)
    assert [e.event_type for e in found] == ["drone_or_rocket_attack"] * 2
    assert sides(found[1]) == (sides(found[0])[1], sides(found[0])[0])


def test_fire_answered_in_a_gunfight_is_part_of_the_fight(extractor):
    text = (
        "On Tuesday night, ISIS gunmen attacked one of our checkpoints near Hajin with "
        "machine guns. Our fighters responded to the source of fire and the attackers fled."
    )
    found = events(extractor, text)
    assert len(found) == 1
    assert found[0].event_type != "drone_or_rocket_attack"


def test_return_fire_as_a_noun_is_no_second_event(extractor):
    text = (
        "Mortar rounds fired by terrorists hit our base near Tal Abyad on Wednesday. "
        "Two of the terrorists were neutralised by the return fire of our troops."
    )
    found = [e.event_type for e in events(extractor, text)]
    assert found.count("drone_or_rocket_attack") == 1


SHELLED = (
    "Republic of Turkey Ministry of National Defence - Press release\n\n"
    "PKK terrorists fired rockets at our base area near Zakho on Wednesday night. "
)


def test_an_answer_told_as_a_habit_is_no_event(extractor):
    text = SHELLED + "Our forces have retaliated several times since the spring."
    found = [e.event_type for e in events(extractor, text)]
    assert found.count("drone_or_rocket_attack") == 1


def test_fire_answered_in_its_own_sentence_answers_that_fire(extractor):
    text = SHELLED + (
        "A patrol came under fire from a hill near Batifa on Thursday and returned fire, "
        "the ministry added."
    )
    found = [e.event_type for e in events(extractor, text)]
    assert found.count("drone_or_rocket_attack") == 1

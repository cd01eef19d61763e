"""'The group', 'the soldiers', 'the brigade' are the actor named before that the noun can mean
(sentences written for these tests)."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


def read(extractor, text, day=dt.date(2023, 5, 10)):
    """(text, actor name, generic, read back) of each mention, references read back."""
    matcher = extractor.actors
    found = extractor.coreference.resolve(text, matcher.find(text, day), matcher.is_generic)
    return [(m.text, m.actors[0].name, matcher.is_generic(m), m.owned) for m in found]


def meant(extractor, text, phrase, day=dt.date(2023, 5, 10)):
    """The actor a phrase of the text is read back as (None when it is not)."""
    return next(
        (name for t, name, _, back in read(extractor, text, day) if t == phrase and back), None
    )


@pytest.mark.parametrize(
    ("text", "phrase", "actor"),
    [
        (
            "Islamic State fighters attacked a checkpoint near Deir Hafer on Monday. "
            "The organisation also shelled the village of Maskanah on Tuesday.",
            "The organisation",
            "ISIS",
        ),
        (
            "Hezbollah fighters crossed into Qusayr last week. Hayat Tahrir al-Sham then "
            "advanced on Homs. By Friday the jihadist group had reached Rastan.",
            "the jihadist group",
            "HTS",
        ),
        (
            "Fighters of the Eighth Brigade clashed with General Security in Busra al-Sham. "
            "On Tuesday gunmen affiliated with the brigade stormed a checkpoint.",
            "the brigade",
            "Eighth Brigade",
        ),
        (
            "Iran's Revolutionary Guards fired missiles at targets near Erbil overnight. "
            "The Guards said they had hit an espionage centre.",
            "The Guards",
            "IRGC",
        ),
    ],
)
def test_a_definite_noun_is_the_latest_actor_it_can_mean(extractor, text, phrase, actor):
    assert meant(extractor, text, phrase) == actor


def test_the_soldiers_after_a_foreign_force_are_that_force(extractor):
    text = (
        "Israeli troops entered the village of Jubata al-Khashab on Monday. "
        "The soldiers detained two shepherds near the village."
    )
    assert meant(extractor, text, "The soldiers", dt.date(2025, 6, 10)) == ("Israel Defense Forces")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # A state's forces are no "group".
        ("Turkish drones struck a car near Qamishli. The group said two men died.", "The group"),
        # A noun before "of" starts a phrase of its own, or a name.
        (
            "Islamic State fighters attacked Hit. Aircraft struck the group of villages.",
            "the group",
        ),
        (
            "Islamic State fighters attacked Douma. Inspectors of the Organisation for the "
            "Prohibition of Chemical Weapons arrived.",
            "the Organisation",
        ),
        # A capitalised word ends no name that is not all capitalised.
        (
            "The security forces of the Kurdistan Region arrested two men in Erbil. "
            "The Region's share of the budget was cut.",
            "The Region",
        ),
        # "the other group" is not the one named.
        ("Islamic State fighters attacked Hit. The other group fled.", "The other group"),
    ],
)
def test_no_reference_back(extractor, text, phrase):
    assert meant(extractor, text, phrase) is None


def test_a_generic_word_named_last_keeps_its_reading(extractor):
    """'Army units ... the troops': the generic word's troops, the state's of the event."""
    text = (
        "US forces left the base on Monday. Army units deployed in Hit on Tuesday. "
        "The troops set up checkpoints."
    )
    assert ("troops", "Iraqi Security Forces", True, False) in read(extractor, text)
    assert meant(extractor, text, "The troops") is None


def test_the_reference_acts_as_the_named_force(extractor):
    text = (
        "Israeli troops entered the village of Jubata al-Khashab in Quneitra province on "
        "Monday morning. The soldiers opened fire on a car near the village, wounding the "
        "driver, residents said."
    )
    found = events(extractor, text, dt.date(2025, 6, 10))
    attacks = [actors for kind, _, _, actors in found if kind in ("attack", "armed_clash")]
    assert attacks, found
    assert attacks[0].get("Israel Defense Forces") == "actor", found
    assert "Syrian transitional government forces" not in attacks[0], found


def test_the_reference_as_object_is_the_target(extractor):
    text = (
        "Israeli troops entered the village of Jubata al-Khashab in Quneitra province on "
        "Monday morning. Local gunmen opened fire on the troops near the village, "
        "residents said."
    )
    found = events(extractor, text, dt.date(2025, 6, 10))
    attacks = [actors for kind, _, _, actors in found if kind in ("attack", "armed_clash")]
    assert attacks, found
    assert attacks[0].get("Israel Defense Forces") == "target", found

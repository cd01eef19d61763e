"""Who frees a hostage (sentences written for these tests)."""

import datetime as dt

from tests.extraction.helpers import events


def release(extractor, text, published=dt.date(2024, 3, 14)):
    found = [e for e in events(extractor, text, published) if e[0] == "prisoner_release"]
    assert len(found) == 1, events(extractor, text, published)
    return found[0][3]


def test_the_kidnappers_named_earlier_free_the_hostage(extractor):
    actors = release(
        extractor,
        "Islamic State militants abducted a shepherd near Tuz Khurmatu on Monday.\n\n"
        "The shepherd was released near Tuz Khurmatu on Wednesday after his family paid.",
    )
    assert actors.get("ISIS") == "actor"


def test_a_hostage_freed_with_no_kidnappers_named_was_freed_by_unknown_gunmen(extractor):
    actors = release(
        extractor,
        "A teacher who had been kidnapped last month was released unharmed in Basra on "
        "Wednesday, police said.",
    )
    assert actors.get("Unidentified armed group (Iraq)") == "actor"


def test_a_state_freeing_detainees_is_left_as_told(extractor):
    actors = release(
        extractor,
        "The Kurdistan Regional Government released 40 detainees in Erbil on Wednesday.",
    )
    assert not any(name.startswith("Unidentified") for name in actors)


def test_a_kidnapping_naming_no_one_taken_took_civilians(extractor):
    found = events(
        extractor,
        "Gunmen in a white pick-up abducted Hassan Kadhim near Nasiriyah on Saturday.",
        dt.date(2021, 5, 10),
    )
    taken = [f for f in found if f[0] == "kidnapping"]
    assert taken, found
    assert taken[0][3].get("Civilians (Iraq)") == "target"


def test_fighters_taken_are_no_civilians(extractor):
    found = events(
        extractor,
        "ISIS militants abducted two PMF fighters near Tarmiyah on Saturday.",
        dt.date(2021, 5, 10),
    )
    taken = [f for f in found if f[0] == "kidnapping"]
    assert taken, found
    assert "Civilians (Iraq)" not in taken[0][3]


def test_captives_freed_by_force_are_a_release(extractor):
    text = "Tribal fighters stormed a farm near Shaddadi on Friday, freeing six abducted shepherds."
    assert "prisoner_release" in [e[0] for e in events(extractor, text, dt.date(2022, 3, 5))]


def test_held_and_released_is_an_arrest_and_a_release(extractor):
    text = "Three journalists were detained and released the same evening in Kalar on Monday."
    found = [e[0] for e in events(extractor, text, dt.date(2022, 3, 8))]
    assert "arrest" in found and "prisoner_release" in found


def test_a_release_told_later_in_the_sentence_is_a_release(extractor):
    text = "Police detained four traders in Zakho on Monday; they were later released on bail."
    found = [e[0] for e in events(extractor, text, dt.date(2022, 3, 9))]
    assert "arrest" in found and "prisoner_release" in found


def test_a_note_opening_on_the_release_is_a_release(extractor):
    text = "Gunmen abducted a pharmacist in Baiji on Sunday; released the next morning after talks."
    found = [e[0] for e in events(extractor, text, dt.date(2022, 3, 9))]
    assert "kidnapping" in found and "prisoner_release" in found


def test_a_statement_released_later_is_no_release(extractor):
    text = "The army later released a video of the raid on a farm near Baiji on Sunday."
    assert "prisoner_release" not in [e[0] for e in events(extractor, text, dt.date(2022, 3, 9))]


def test_sides_exchanging_captives_is_a_release(extractor):
    text = "Rival factions exchanged some 60 detainees near al-Bab on Wednesday, mediators said."
    assert "prisoner_release" in [e[0] for e in events(extractor, text, dt.date(2022, 3, 9))]


def test_gunmen_taking_hostages_is_a_kidnapping(extractor):
    text = "Gunmen stormed a wedding hall in Tarmiyah on Friday and took hostages, police said."
    assert "kidnapping" in [e[0] for e in events(extractor, text, dt.date(2022, 3, 9))]


def test_the_kidnapped_men_freed_name_the_abduction_again(extractor):
    text = "The kidnapped drivers were freed near Rutba on Thursday, police said."
    found = [e[0] for e in events(extractor, text, dt.date(2022, 3, 9))]
    assert "kidnapping" not in found and "prisoner_release" in found, found


def test_enslaving_told_with_a_massacre_is_no_abduction_of_its_own(extractor):
    text = "In August 2014 the militants overran the town, killing and enslaving hundreds."
    assert "kidnapping" not in [e[0] for e in events(extractor, text, dt.date(2022, 3, 9))]


def test_the_rights_group_named_amnesty_is_no_amnesty(extractor):
    text = "Amnesty International published a report on the prisons of Sinjar on Monday."
    assert "prisoner_release" not in [e[0] for e in events(extractor, text, dt.date(2022, 3, 9))]


def test_families_let_out_of_a_camp_are_released_there(extractor):
    found = [
        (e[0], e[1])
        for e in events(
            extractor,
            "The Autonomous Administration released 60 Iraqi families from Roj camp on Monday.",
        )
    ]
    assert found == [("prisoner_release", "Roj camp")]

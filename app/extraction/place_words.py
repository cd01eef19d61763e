"""Word lists the toponym guards read: what may stand next to a place name, and what may not."""

from __future__ import annotations

from collections.abc import Iterable

from app.extraction.lexicon import Demonym
from app.extraction.tokens import tokenize

# "US-led coalition", "Iran-backed groups": the name qualifies an actor, it is no place.
ADJECTIVAL_SUFFIXES = frozenset(
    "led backed aligned allied controlled held dominated linked affiliated funded sponsored "
    "supported run influenced armed trained".split()
)
# Capitalised words that, after a place name, make it part of an organisation's name.
ORG_HEADS = frozenset(
    "council company government command operations brigade brigades division regiment front "
    "party university authority committee directorate units forces police ministry "
    "administration movement organization organisation corporation group media cell "
    "governor mayor times post news agency tribe tribes".split()
)
# Words after a one-word name that make it a person's, followed ("Sadr supporters", "Assad
# loyalists"): a town has residents, not followers.
FOLLOWER_WORDS = frozenset("supporters followers loyalists partisans devotees adherents".split())
# Capitalised words that may follow a place name and still leave it a place mention.
PLACE_FOLLOWERS = frozenset(
    "province governorate district region city town village camp base air airbase airport "
    "international military dam barrage field oil gas crossing border prison river lake "
    "mountains mountain mount plain plains valley desert highway road bridge square citadel "
    "refinery sub subdistrict east west north south central old new upper lower".split()
)
# Words before a name that make it a person's name, not a place.
PERSON_TITLES = frozenset(
    "president minister premier general gen commander sheikh shaikh mr mrs ms dr colonel "
    "col lieutenant lt major maj captain capt sergeant spokesman spokeswoman cleric imam "
    "mullah ayatollah emir prince king governor mayor deputy lawmaker mp judge brigadier "
    "qaimaqam chief envoy ambassador".split()
)
# Single-word names that are ordinary English words when they open a sentence.
COMMON_WORDS = frozenset(
    "hit tal bab ras sur mar ur al as at an is it on in of or no so to us we "
    "police union mission victory liberty hope unity peace independence nice split reading "
    "mobile orange temple concord surprise enterprise gap sale bar date march may august "
    "monday tuesday wednesday thursday friday saturday sunday today later after before "
    "during since then there here also however meanwhile separately residents officials "
    "troops forces security".split()
)
# Capitalised words before a single-word name that leave it a place ("Iraqi Kurdistan").
QUALIFIERS = frozenset(
    "north south east west northern southern eastern western central upper lower greater "
    "old new northeast northwest southeast southwest northeastern northwestern southeastern "
    "southwestern rural downtown".split()
)
#: Plural kind words: a cue for the names before them, not part of the mention.
PLURAL_KIND_WORDS = {"provinces": "admin1", "governorates": "admin1", "districts": "admin2"}
FUNCTION_WORDS = frozenset(
    "the a an in on at from near to into towards toward outside inside around across between "
    "and or but of for by with while as after before since when where both".split()
)
PREFIX_KIND = {
    "mount": "mountain",
    "mt": "mountain",
    "lake": "water",
    "camp": "site",
    "jabal": "mountain",
    "jebel": "mountain",
}


def people_words(demonyms: Iterable[Demonym]) -> dict[str, str | None]:
    """Words for a nation or people (the lexicon's demonyms marked ``people``), as token keys,
    with their country if any: never place mentions, but they tell which country a report is
    about ("Iraqi", "Syrians"; "Kurdish", "Arab" name no country)."""
    found: dict[str, str | None] = {}
    for demonym in demonyms:
        if demonym.people:
            for token in tokenize(demonym.word):
                found.setdefault(token.key, demonym.country)
    return found

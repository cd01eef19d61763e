"""A place carried over from earlier sentences does not cross a change of country.

A sentence with no place of its own takes the place of the story so far; but when it names
the institutions of another country ("authorities of the Autonomous Administration issued an
amnesty" after a paragraph on Kirkuk; "the Iraqi interior ministry announced arrests" after
one on Deir ez-Zor), the story has moved to that country, and an earlier place of the first
one is not where the event happened. The country is told by the sentence's governments and
state forces (a state's own institutions: a foreign army striking abroad names no change),
when none of them belongs to the carried place's country.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.extraction.actors import ActorMention
from app.extraction.resolve import ResolvedMention

#: Actor kinds that act at home: a state's government and its own forces.
_HOME_KINDS = frozenset({"government", "state_forces"})


def sentence_country(actors: Sequence[ActorMention], countries: Sequence[str]) -> str | None:
    """The one country of the report whose institutions the sentence names (None when it
    names none, or those of several)."""
    found: set[str] = set()
    for mention in actors:
        if mention.generic or mention.owned:
            continue  # "government forces": whose depends on the event's place
        codes = {a.country for a in mention.actors}
        kinds = {a.kind for a in mention.actors}
        if len(codes) != 1 or not kinds <= _HOME_KINDS:
            continue
        code = next(iter(codes))
        if code is not None and code in countries:
            found.add(code)
    return next(iter(found)) if len(found) == 1 else None


def crosses(
    found: ResolvedMention | None,
    actors: Sequence[ActorMention],
    countries: Sequence[str],
) -> str | None:
    """The sentence's country when a carried place ``found`` lies in another one."""
    if found is None or found.place is None or found.place.country is None:
        return None
    home = sentence_country(actors, countries)
    if home is None or home == found.place.country:
        return None
    if any(a.country == found.place.country for m in actors for a in m.actors):
        return None  # the carried place's country is named too
    return home


def in_country(mentions: Sequence[ResolvedMention], country: str) -> list[ResolvedMention]:
    """The mentions of places in ``country``."""
    return [m for m in mentions if m.place is not None and m.place.country == country]


def kept(anchor: ResolvedMention | None, country: str) -> ResolvedMention | None:
    """An anchor place, if it lies in ``country``."""
    if anchor is None or anchor.place is None or anchor.place.country != country:
        return None
    return anchor


def named_later(
    mentions: Sequence[ResolvedMention], after: int, country: str
) -> ResolvedMention | None:
    """The first place in ``country`` the report names after offset ``after`` (when it named
    none of that country before: "prison camps in northeast Syria" a sentence later)."""
    return next((m for m in in_country(mentions, country) if m.mention.start >= after), None)

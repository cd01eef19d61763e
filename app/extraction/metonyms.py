"""Place names that stand for an actor, not for where an event was: a capital speaking
("Ankara said"), the owner of forces ("Tehran's proxies"), a partner ("talks with Ankara"),
the source of a statement ("Duhok health officials said"), a country named as a nationality,
a large city abroad named without "in" (a state or a dateline); and a place that names a
clock's zone ("at 12:15 a.m. Baghdad time"), which tells when, not where.
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_match, cued_search
from app.extraction.resolve import ResolvedMention
from app.gazetteer.index import FOCUS_COUNTRIES

#: "Ankara said", "Baghdad summoned", "Damascus accused": a capital or country speaking or
#: acting stands for its government, not for where the event was.
_ACTING_AFTER = re.compile(
    r"^(?:'s)?\s+(?:(?:has|had|have|also|later|then|quickly|officially|strongly|publicly|"
    r"again|swiftly|immediately|itself)\s+){0,2}(?:said|says|say|announced|accused|blamed|"
    r"claimed|denied|warned|confirmed|condemned|called|vowed|insisted|summoned|responded|"
    r"retaliated|launched|sent|deployed|carried out|did not|does not|has not|rejected|urged|"
    r"demanded|threatened|agreed|signed|reported|recalled|protested|welcomed|hit back|"
    r"(?:has|have|had)\s+(?:not\s+)?\w+(?:ed|en))\b",
    re.I,
)
#: "brokered by Moscow", "the Government of the United States": the state, not the place.
_AGENT_BEFORE = re.compile(
    r"\bby\s+$|\b(?:government|president|ministry|minister|people|embassy|ambassador|king|"
    r"leaders?|republic|parliament|authorities)\s+of\s+(?:the\s+)?$",
    re.I,
)
#: "in eastern Baghdad had killed": a compass word between the locative and the name.
_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|of|from|at|to|around|outside|inside|into|towards?|by|across)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+)?$",
    re.I,
)
#: "Tehran's influence", "Iran's ambassador", "Iran-backed", "at Baghdad's request": the
#: owner or the state asking, not the place.
_OWNER_AFTER = re.compile(
    r"^(?:'s\s+(?:[\w-]+\s+)?(?:influence|government|ambassador|envoy|forces|army|military|"
    r"militias?|proxies|allies|ministry|president|prime minister|leader|leadership|officials|"
    r"defen[cs]e|troops|drones?|jets|missiles|strikes?|support|backing|embassy|consulate|"
    r"intelligence|regime|authorities|role|policy|parliament|"
    # "at Baghdad's request": the state asking, not where the strikes fell.
    r"request|behest|invitation|approval|consent|insistence)\b|-(?:backed|led|aligned|allied|"
    r"funded|supported|sponsored|affiliated)\b)",
    re.I,
)
#: A country is where an event happened only when the text says "in", "into", "across"...
_COMPASS = (
    r"(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|north-?east|north-?west|"
    r"south-?east|south-?west)"
)
#: "in Iraq", "across northern Syria"; and "... and northern Iraq": a part of a country is
#: a place, never its government.
_COUNTRY_LOCATIVE = re.compile(
    r"\b(?:in|inside|into|across|throughout|within|over|from|to|toward|towards|of|near|at|"
    rf"on)\s+(?:the\s+)?(?:{_COMPASS}\s+)?$|\b{_COMPASS}\s+$",
    re.I,
)

#: "a bomb exploded outside Ankara": by a city (a country is never where "outside" it was).
_CITY_LOCATIVE = re.compile(r"\b(?:outside|around)\s+$", re.I)

#: "Duhok health officials said", "Kirkuk security sources": whose sources, not where.
_SOURCE_AFTER = re.compile(
    r"^\s+(?:(?:health|security|police|military|local|provincial|government|hospital|"
    r"medical|tribal|intelligence)\s+)?(?:officials?|sources?|spokes(?:man|woman|person)|"
    r"medics|doctors)\b",
)


#: "the peace process with Ankara", "forces aligned with Damascus": the state, not a place.
_PARTNER_BEFORE = re.compile(
    r"\b(?:(?:deal|talks|agreement|process|negotiations|accord|truce|ceasefire|dialogue|"
    r"relations|ties|tensions|dispute|understanding|coordination|arrangement|contacts?|"
    r"rapprochement|rift|standoff)\s+with|"
    # "a ceasefire between Damascus and Druze leaders": a party to it, not where it was.
    r"(?:deal|talks|agreement|accord|truce|ceasefire|understanding|negotiations)\s+between|"
    r"(?:aligned|allied|affiliated|linked|loyal|close)\s+"
    r"(?:with|to))\s+(?:the\s+)?$",
    re.I,
)
#: "the new government in Damascus", "the regime in Tehran": a seat of power standing for
#: the state (a city this large: capitals, not the authorities of a town).
_SEAT_BEFORE = re.compile(
    r"\b(?:government|regime|leadership|rulers|authorities)\s+in\s+$",
    re.I,
)
_SEAT_POPULATION = 1_000_000
#: A city abroad this large named with no locative word is its government ("clashes between
#: Washington and ...", "TAMPA, Fla. -" and "BEIRUT -" datelines are where reporters were).
_METONYM_POPULATION = 300_000

#: "announced the capture in a speech in Canakkale", "told reporters in Paris": where a
#: speaker spoke, not where what he speaks of happened (nor a later sentence's place).
_SPEECH_BEFORE = re.compile(
    r"\b(?:speech|address|news conference|press conference|briefing|interview|speaking|"
    r"told reporters|told journalists)\s+(?:[\w-]+\s+)?(?:in|at)\s+(?:the\s+)?$",
    re.I,
)


#: "at 3:40 a.m. Baghdad time", "(Iraq time)": the place names the clock, not the event's place.
_CLOCK_AFTER = re.compile(r"^\s+(?:local\s+)?time\b")


def acting(text: str, mention: ResolvedMention) -> bool:
    """Whether a place name stands for an actor: its government speaking or acting, the owner
    of forces, a partner ("talks with Ankara"), a large city abroad or a country named without
    "in"/"into" (a nationality, never the location)."""
    m = mention.mention
    after = text[m.end : m.end + 60]
    before_text = text[max(0, m.start - 40) : m.start]
    if _CLOCK_AFTER.match(after):
        return True  # "12:15 a.m. Baghdad time": a time zone
    if (
        cued_match(_OWNER_AFTER, after)
        or cued_search(_AGENT_BEFORE, before_text[-30:])
        or cued_search(_PARTNER_BEFORE, before_text)
    ):
        return True  # "Tehran's proxies", "a deal brokered by Moscow", "talks with Ankara"
    if cued_search(_SPEECH_BEFORE, before_text):
        return True  # "in a speech in Canakkale": where the speaker spoke
    if (cued_match(_ACTING_AFTER, after) or cued_match(_SOURCE_AFTER, after)) and not cued_search(
        _PLACE_BEFORE, before_text[-30:]
    ):
        return True  # not "residents of villages near Khanaqin reported"
    place = mention.place
    if place is None:
        return False
    if place.population >= _SEAT_POPULATION and cued_search(_SEAT_BEFORE, before_text):
        return True  # "support for the new government in Damascus": the state
    if place.family == "country" or (
        place.family == "populated"
        and place.country not in FOCUS_COUNTRIES
        and place.population >= _METONYM_POPULATION
    ):
        if place.family == "populated" and cued_search(_CITY_LOCATIVE, before_text[-12:]):
            return False
        return not cued_search(_COUNTRY_LOCATIVE, before_text)
    return False

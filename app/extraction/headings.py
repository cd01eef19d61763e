"""The heading of an item in a situation report or a monitor's list: "Quneitra: Israeli
forces entered ...", "Iraq - Kirkuk: fighters set fire to ...", "Saraqib (Idlib): ...".

A heading names the area the item is about. A place the item's own words name is where the
event was when the heading is a single area ("Iraq - Kirkuk: ... in the villages of al-Rashad
and Daquq": the villages); a heading that lists places ("Hatla, Mrat: 4 civilians killed") is
the event's places itself (app/extraction/locate.py). And a small place named in the item is
not a namesake far from the heading's area ("Quneitra: ... the village of al-Hamidiyah" is
not the one in Tartus; app/extraction/namesakes.py).
"""

from __future__ import annotations

import re

from app.extraction.place_lists import rank
from app.extraction.resolve import ResolvedMention
from app.extraction.roads import names_road
from app.extraction.text import Sentence

#: Words a heading may hold besides names: "Aleppo countryside", "east Homs", "Iraq - Diyala".
_HEADING_WORDS = frozenset(
    "and of the countryside province governorate district city town rural north south east "
    "west northern southern eastern western central".split()
)
_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_ARTICLE = re.compile(r"^[a-z]{1,3}-[A-Z]")  # "al-Bab", "ez-Zor"
_MAX_HEADING = 60
#: The day a heading gives after its place ("Eastern Ghouta, Thursday:", "Idlib, 12 March:"):
#: a date, not a second place of a list.
_DAY_AFTER = re.compile(
    r",\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\d{1,2} [A-Z][a-z]+(?: \d{4})?|"
    r"[A-Z][a-z]+ \d{1,2}(?:, \d{4})?)\s*$"
)


def heading_end(sentence: str) -> int:
    """The offset of the colon that ends the sentence's heading, or -1 when it has none."""
    colon = sentence.find(":", 0, _MAX_HEADING + 1)
    if colon <= 0 or not sentence[colon + 1 : colon + 2].isspace():
        return -1
    words = _WORD.findall(sentence[:colon])
    if not words or any(
        not (w[:1].isupper() or _ARTICLE.match(w) or w.lower() in _HEADING_WORDS) for w in words
    ):
        return -1
    return colon


def below_heading(sentence: Sentence, placed: list[ResolvedMention]) -> list[ResolvedMention]:
    """ "Iraq - Kirkuk: fighters burned crops in the villages of al-Rashad and Daquq": the
    item's own places, when its heading names one area and the item as precise a place;
    a heading listing places ("Hatla, Mrat: ...") keeps them."""
    colon = heading_end(sentence.text)
    if colon < 0:
        return placed
    head_text = _DAY_AFTER.sub("", sentence.text[:colon])  # "Eastern Ghouta, Thursday:"
    if re.search(r",|\band\b", re.sub(r"\([^)]*\)", "", head_text)):
        return placed  # "Thiyabiya, Abu Hamam: ...": a list, names the gazetteer lacks too
    at = sentence.start + colon
    head = [m for m in placed if m.mention.start < at]
    areas = {m.place.id for m in head if m.place is not None and m.place.family != "country"}
    countries = {m.place.country for m in head if m.place is not None}
    # "Maarat al-Numan countryside: ... a convoy, Ankara said": no place abroad; "Suwayda
    # city: ... on the Damascus highway": a road named for a town is not in it.
    body = [
        m
        for m in placed
        if m.mention.start > at
        and m.place is not None
        and m.place.country in countries
        and not names_road(sentence, m)
    ]
    if len(areas) > 1 or not head or not body:
        return placed
    # A heading's area named as a site ("Eastern Ghouta: ... on Douma and Saqba") is no more
    # precise than the towns its item names.
    if min(rank(m) for m in body) > min(max(rank(m), 1) for m in head):
        return placed
    return body

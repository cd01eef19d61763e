"""A name placed by its neighbour: "the village of Hamra near Manbij" is not Hamra in Hama.

Village names repeat across Iraq and Syria. When the report itself says where a place is
("X near Y", "X, a village east of Y", "X in Y district", "X in Y province") and the place X
resolved to is far from Y (or outside Y's governorate), X is another place of that name: the
namesake near Y among X's candidates if there is one, else no place at all. The mention stays
(unresolved, never dropped), so the event is placed near Y with ``geo_precision`` 2.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from app.domain import Place, km
from app.extraction.cues import cued_search, may_match
from app.extraction.headings import heading_end
from app.extraction.resolve import ResolvedMention
from app.gazetteer.index import FOCUS_COUNTRIES

#: "near Y", "north of Y": a place further than this from Y is a namesake.
NEAR_LIMIT_KM = 100.0
_BETWEEN = re.compile(
    r"^,?\s+(?:(?:a|an|the)\s+(?:small\s+|nearby\s+|border\s+)?"
    r"(?:village|town|hamlet|settlement|area|locality)\s+)?"
    r"(?:(?P<near>near|outside|close to|on the outskirts of|(?:north|south|east|west|"
    r"north-?east|north-?west|south-?east|south-?west)(?:ern)? of)"
    r"|(?P<part>neighbou?rhood of|district of|quarter of|suburb of|outskirts of|countryside of|"
    # "al-Hamidiyah and al-Ardi neighbourhoods in Deir Ezzor city": the quarters of a list.
    # "al-Zahraa neighbourhood in Homs": one quarter, named without an article.
    r"(?:neighbou?rhoods?|neighborhoods?|quarters?)\s+(?:of|in))"
    r"|(?P<in>in|in the|within))\s+$",
    re.I,
)
_LIST_AND = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")
_DISTANCE = re.compile(r"(\d+)\s*(km|kilometres|kilometers|miles)\s+", re.I)
#: How far off a stated distance may be ("some 110 km west of Baghdad": Ramadi is 105 km).
_STATED_SLACK = 1.5
_KM_PER_MILE = 1.609


def _stated_km(gap: str) -> float:
    """The distance the text gives between two places ("110 km west of"), 0 when none."""
    found = cued_search(_DISTANCE, gap)
    if found is None:
        return 0.0
    miles = found[2].lower() == "miles"
    return float(found[1]) * (_KM_PER_MILE if miles else 1.0)


def _fits(place: Place, anchor: Place, near: bool, stated: float = 0.0) -> bool:
    if near:
        limit = max(NEAR_LIMIT_KM, stated * _STATED_SLACK)
        return km(place.lat, place.lon, anchor.lat, anchor.lon) <= limit
    return place.admin1 is not None and place.admin1 == anchor.admin1


def placed_by_neighbours(text: str, resolved: Sequence[ResolvedMention]) -> list[ResolvedMention]:
    """Move or unresolve places that their own sentence puts somewhere else."""
    ordered = sorted(resolved, key=lambda r: r.mention.start)
    out: list[ResolvedMention] = []
    for i, r in enumerate(ordered):
        last = i + 1
        # "A and B neighbourhoods in X": past the names of A's list the gazetteer lacks.
        while (
            last < len(ordered)
            and ordered[last].place is None
            and _LIST_AND.match(text, ordered[last - 1].mention.end, ordered[last].mention.start)
        ):
            last += 1
        anchor = ordered[last] if last < len(ordered) else None
        place = r.place
        if (
            place is None
            or anchor is None
            or anchor.place is None
            or place.family not in ("populated", "site")
        ):
            out.append(r)
            continue
        between = text[ordered[last - 1].mention.end : anchor.mention.start]
        stated = _stated_km(between)
        cue = _BETWEEN.match(
            _DISTANCE.sub("", between) if may_match(_DISTANCE, between) else between
        )
        # "the al-Zahraa neighbourhood of Homs": a part of the town, so near it.
        near = cue is not None and (cue.group("near") or cue.group("part")) is not None
        container = anchor.place.family in ("admin2", "admin1") and cue is not None and not near
        if cue is None or not (near or container) or _fits(place, anchor.place, near, stated):
            out.append(r)
            continue
        other = next((c for c in r.candidates if _fits(c.place, anchor.place, near, stated)), None)
        if other is not None:
            out.append(ResolvedMention(r.mention, other.place, other.score, r.candidates))
        else:
            out.append(ResolvedMention(r.mention, None, r.score, r.candidates))
    out = _same_governorate(
        text, [_village_no_site(text, _no_foreign_city_village(text, r)) for r in out]
    )
    # Each pass runs only on texts holding the words it needs (most reports hold none).
    if ":" in text:
        out = [_under_heading(text, r, out) for r in out]
    if "the province" in text or "the governorate" in text:
        out = [_in_the_province(text, r, out) for r in out]
    out = [_quarter_of_the_city(r, out) for r in out]
    if any(word in text for word in ("quare", "treet", "oundabout")):
        out = [_street_name(text, r) for r in out]
    return out


#: "the villages of X and Y", "the village of X": a village, never a city abroad.
_VILLAGE_OF = re.compile(
    r"\b(?:villages?|hamlets?)\s+of\s+(?:[\w'’-]+,?\s+(?:and\s+)?){0,3}$", re.I
)
#: A village is not a city of this many people.
_CITY_POPULATION = 50_000
#: A candidate of the same name (as written or an alias), not one found by a kind word.
_SAME_NAME = 96.0
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


def _no_foreign_city_village(text: str, r: ResolvedMention) -> ResolvedMention:
    """ "the villages of Saida and al-Mushayrifa": not Saida (Sidon) in Lebanon, nor a city
    at home reached only through a spelling variant (Saida -> As-Suwayda)."""
    place = r.place
    if (
        place is None
        or (place.country in FOCUS_COUNTRIES and _same_name(r, place))
        or place.population < _CITY_POPULATION
        or not cued_search(_VILLAGE_OF, text[max(0, r.mention.start - 60) : r.mention.start])
    ):
        return r
    return ResolvedMention(r.mention, None, r.score, r.candidates)


def _village_no_site(text: str, r: ResolvedMention) -> ResolvedMention:
    """ "the villages of al-Tabiya and Marrat": a village, not the gas field or base that
    bears its name; the village of that name if the gazetteer has it, else none."""
    place = r.place
    if (
        place is None
        or place.family != "site"
        or not cued_search(_VILLAGE_OF, text[max(0, r.mention.start - 60) : r.mention.start])
    ):
        return r
    town = next((c for c in r.candidates if c.place.family == "populated"), None)
    if town is not None:
        return ResolvedMention(r.mention, town.place, town.score, r.candidates)
    return ResolvedMention(r.mention, None, r.score, r.candidates)


def _same_name(r: ResolvedMention, place: Place) -> bool:
    """Whether the place was found by its name as written (or an alias), not a variant."""
    return any(c.place.id == place.id and c.score >= _SAME_NAME for c in r.candidates)


def _same_governorate(text: str, resolved: list[ResolvedMention]) -> list[ResolvedMention]:
    """A name with namesakes far apart is the one near the other places of its sentence
    ("Quneitra: forces entered the village of al-Hamidiyah": the one by Quneitra, not the
    namesake in Tartus), when the one read first is far from all of them."""
    sentence: list[int] = []
    out: list[ResolvedMention] = []
    for i, r in enumerate(resolved):
        place = r.place
        namesakes = (
            []
            if place is None
            or place.family not in ("populated", "site")
            or place.population >= _CITY_POPULATION
            else [
                c
                for c in r.candidates
                if c.place.family == place.family
                and c.score >= _SAME_NAME
                and c.place.id != place.id
            ]
        )
        if place is None or not namesakes:
            out.append(r)
            continue
        if not sentence:  # only for the few names with namesakes
            breaks = [b.start() for b in _SENTENCE_BREAK.finditer(text)]
            sentence = [bisect.bisect(breaks, m.mention.start) for m in resolved]
        around = [
            m.place
            for j, m in enumerate(resolved)
            if j != i
            and sentence[j] == sentence[i]
            and m.place is not None
            and m.place.family in ("populated", "site", "admin2")
        ]
        if not around or any(_fits(place, a, near=True) for a in around):
            out.append(r)
            continue
        other = next(
            (c for c in namesakes if any(_fits(c.place, a, near=True) for a in around)), None
        )
        out.append(
            r
            if other is None
            else ResolvedMention(r.mention, other.place, other.score, r.candidates)
        )
    return out


def _under_heading(
    text: str, r: ResolvedMention, resolved: list[ResolvedMention]
) -> ResolvedMention:
    """ "Quneitra: Israeli forces entered the village of al-Hamidiyah": a small place of an
    item is in or near its heading's area; one the gazetteer knows only far from it, in
    another governorate, is a namesake it lacks (the event stays with the heading)."""
    place = r.place
    if (
        place is None
        or place.family not in ("populated", "site")
        or place.population >= _CITY_POPULATION
    ):
        return r
    line = text.rfind("\n", 0, r.mention.start) + 1
    colon = heading_end(text[line : line + 80])
    if colon < 0 or r.mention.start < line + colon:
        return r
    areas = [
        m.place
        for m in resolved
        if line <= m.mention.start < line + colon
        and m.place is not None
        and m.place.family in ("populated", "admin2", "admin1")
    ]
    if not areas or any(a.admin1 == place.admin1 or _fits(place, a, near=True) for a in areas):
        return r
    return ResolvedMention(r.mention, None, r.score, r.candidates)


#: "on the eastern edge of the province": the governorate the story is in, named before.
_THE_PROVINCE = re.compile(
    r"\b(?:of|in|across|throughout) the (?:province|governorate)"
    r"(?=\s*(?:[.,;:)]|$|(?:and|on|in|of|to|from|where|which|since|after|as|by|for|with|at)\b))"
)


def _in_the_province(
    text: str, r: ResolvedMention, resolved: list[ResolvedMention]
) -> ResolvedMention:
    """ "Militants slipped into the villages of al-Shabki, Rami and Duma on the eastern edge
    of the province" (a story about Suwayda): a town of the sentence that the gazetteer knows
    only in another governorate (Douma, near Damascus) is a namesake it lacks."""
    place = r.place
    if place is None or place.family not in ("populated", "site"):
        return r
    start = max(text.rfind(". ", 0, r.mention.start) + 2, text.rfind("\n", 0, r.mention.start) + 1)
    end = _SENTENCE_BREAK.search(text, r.mention.end)
    sentence = text[start : end.start() if end else len(text)]
    if not cued_search(_THE_PROVINCE, sentence):
        return r
    province = next(
        (
            m.place
            for m in reversed(resolved)
            if m.mention.start < start and m.place is not None and m.place.family == "admin1"
        ),
        None,
    )
    if province is None or province.admin1 is None or place.admin1 == province.admin1:
        return r
    other = next(
        (c for c in r.candidates if c.score >= _SAME_NAME and c.place.admin1 == province.admin1),
        None,
    )
    if other is not None:
        return ResolvedMention(r.mention, other.place, other.score, r.candidates)
    return ResolvedMention(r.mention, None, r.score, r.candidates)


#: Parts of any city ("the Old City"): the gazetteer may know one abroad (Jerusalem's).
_QUARTERS = frozenset({"old city", "city centre", "city center", "downtown", "industrial zone"})


def _quarter_of_the_city(r: ResolvedMention, resolved: list[ResolvedMention]) -> ResolvedMention:
    """ "clearing the last houses of the Old City" in a story about Mosul: the quarter of the
    story's city (the last town named before it at home), not the Old City of Jerusalem."""
    place = r.place
    if place is None or place.country in FOCUS_COUNTRIES:
        return r
    if r.mention.text.lower().removeprefix("the ") not in _QUARTERS:
        return r
    city = next(
        (
            m.place
            for m in reversed(resolved)
            if m.mention.start < r.mention.start
            and m.place is not None
            and m.place.family == "populated"
            and m.place.country in FOCUS_COUNTRIES
        ),
        None,
    )
    return ResolvedMention(r.mention, city, r.score, r.candidates)


#: "al-Karama (Sir) Square", "Rashid Street": a name that names a square or a street.
_STREET_END = re.compile(r"\s(Square|Street|Roundabout)$", re.I)
_STREET_AFTER = re.compile(r"(?:\s*\([^)]{1,30}\))?\s+(?:Square|Street|Roundabout)\b")


def _street_name(text: str, r: ResolvedMention) -> ResolvedMention:
    """ "Thousands poured into al-Karama Square": a square or street of the story's city,
    not the town of that name (Karama in Raqqa); the mention stays, unresolved."""
    if r.place is None or r.place.family not in ("populated", "site"):
        return r
    named = cued_search(_STREET_END, r.mention.text)  # "al-Karama Square" read as one name
    if named is not None and named.group(1).lower() in r.place.name.lower():
        return r  # the gazetteer knows the square itself
    if named is None and not _STREET_AFTER.match(text, r.mention.end):
        return r
    return ResolvedMention(r.mention, None, r.score, r.candidates)

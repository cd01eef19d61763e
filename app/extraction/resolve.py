"""Toponym resolution: pick the place a mention means, using the whole report as context.

Signals, added to the gazetteer's own score (100 exact, 96 kind word split off, 90 the place's
own kind word dropped, +4/-20 when the mention's kind word fits or not):
- country context: countries named or implied (adjectives) in the report;
- co-occurrence: closeness to the places that are unambiguous in the report;
- population prior, and a preference for towns over governorates, governorates over sites,
  when no kind word says otherwise ("Kirkuk" is the city, "Kirkuk province" the governorate).
A mention whose best reading stays under :data:`MIN_SCORE` resolves to nothing ("no match").
So does a lone far-away foreign town (:func:`far_and_alone`): in a report about Iraq and Syria,
a town thousands of kilometres away whose country the report never names is far more likely a
word that happens to be one of its names ("Okay" for Les Cayes, Haiti) than a place.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain import Candidate, Place, km
from app.extraction.places import Mention
from app.gazetteer.geocoder import CUE_DISAGREES, Gazetteer
from app.gazetteer.index import FOCUS_COUNTRIES, NEIGHBOUR_COUNTRIES

MIN_SCORE = 88.0
COUNTRY_BONUS, FOREIGN_PENALTY = 6.0, 4.0
#: A country named by its own name outranks any town with that name as an alias.
COUNTRY_NAME_BONUS = 8.0
NEAR_KM, NEAR_BONUS, FAR_KM, FAR_PENALTY = 150.0, 4.0, 500.0, 3.0
#: A foreign place further than this from the report's places (or from the region, when
#: the report has none of its own) is far away...
FAR_FOREIGN_KM = 1500.0
#: ...unless it is a city this large: capitals and metropolises stand for their governments
#: ("a deal brokered by Moscow", "Washington has warned").
FAR_FOREIGN_MIN_POP = 500_000
#: Where reports here happen, when a report names no place of its own in Iraq or Syria.
REGION_CENTRE = (34.5, 40.5)
FAMILY_PRIOR = {
    "populated": 2.0,
    "country": 2.0,
    "admin1": 1.0,
    "region": 0.5,
    "admin2": 0.0,
    "site": 0.0,
    "mountain": -3.0,
    "water": -3.0,
}


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """A mention with the place it resolved to (None: no match) and the runners-up."""

    mention: Mention
    place: Place | None
    score: float
    candidates: tuple[Candidate, ...]


#: Names whose candidates a resolver keeps (a few MB at most; emptied when full).
_MAX_NAMES = 50_000


class Resolver:
    """Resolves the mentions of one report together."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        # A name's candidates depend on the gazetteer alone, and the same names come back
        # report after report: looked up once (the lists are only read).
        self._looked_up: dict[tuple[str, str, str | None], list[Candidate]] = {}

    def _candidates(self, name: tuple[str, str, str | None]) -> list[Candidate]:
        found = self._looked_up.get(name)
        if found is None:
            text, key, cue = name
            found = self.gazetteer.candidates(text, cue) or self.gazetteer.candidates(key, cue)
            if len(self._looked_up) >= _MAX_NAMES:
                self._looked_up.clear()
            self._looked_up[name] = found
        return found

    def resolve(
        self,
        mentions: Sequence[Mention],
        unresolved: Sequence[Mention],
        context_countries: Counter[str],
    ) -> list[ResolvedMention]:
        """Resolve every mention; unresolved-pattern mentions come back with place None."""
        options = [self._candidates((m.text, m.key, m.kind_cue)) for m in mentions]
        countries = Counter(context_countries)
        anchors: list[Place] = []
        for cands in options:
            strong = [c for c in cands if c.score >= MIN_SCORE]
            if strong and len({c.place.country for c in strong}) == 1:
                countries[strong[0].place.country] += 1
                if (
                    len(strong) == 1
                    or len({(round(c.place.lat), round(c.place.lon)) for c in strong}) == 1
                ):
                    anchors.append(strong[0].place)
        focus = [p for p in anchors if p.country in FOCUS_COUNTRIES]
        centre = (
            (
                sorted(p.lat for p in focus)[len(focus) // 2],
                sorted(p.lon for p in focus)[len(focus) // 2],
            )
            if focus
            else None
        )

        out: list[ResolvedMention] = []
        ranked_by_name: dict[tuple[str, str, str | None], list[tuple[float, Candidate]]] = {}
        for mention, cands in zip(mentions, options, strict=True):
            name = (mention.text, mention.key, mention.kind_cue)
            if name not in ranked_by_name:
                ranked_by_name[name] = sorted(
                    ((self._score(c, countries, centre), c) for c in _as_written(mention, cands)),
                    key=lambda sc: -sc[0],
                )
            scored = ranked_by_name[name]
            ranked = tuple(c for _, c in scored[:5])
            if scored and scored[0][1].score >= MIN_SCORE:
                out.append(ResolvedMention(mention, scored[0][1].place, scored[0][0], ranked))
            elif (town := _town_of_site(mention, [c for _, c in scored])) is not None:
                # "the Sarsang field", "the Qayyarah base": a site the gazetteer lacks, named
                # for the town it lies by.
                out.append(ResolvedMention(mention, town.place, town.score, ranked))
            else:
                out.append(ResolvedMention(mention, None, scored[0][0] if scored else 0.0, ranked))
        out = [_articled(r) for r in out]
        out = far_and_alone(out, context_countries, centre or REGION_CENTRE)
        out += [ResolvedMention(m, None, 0.0, ()) for m in unresolved]
        out.sort(key=lambda r: r.mention.start)
        return out

    @staticmethod
    def _score(
        candidate: Candidate, countries: Counter[str], centre: tuple[float, float] | None
    ) -> float:
        place = candidate.place
        score = candidate.score + FAMILY_PRIOR.get(place.family, 0.0)
        if countries:
            if place.country in countries:
                score += COUNTRY_BONUS
            elif place.country not in FOCUS_COUNTRIES and place.kind != "country":
                score -= FOREIGN_PENALTY
        if (
            centre is not None
            and place.country in FOCUS_COUNTRIES
            and place.family in ("populated", "site", "admin2")
        ):
            distance = km(place.lat, place.lon, *centre)
            if distance <= NEAR_KM:
                score += NEAR_BONUS
            elif distance >= FAR_KM:
                score -= FAR_PENALTY
        score += min(3.0, math.log10(place.population + 1) / 2.5)
        if place.kind == "country" and candidate.match == "exact":
            # "militias from Iraq": the country by its own name, not a city abroad that
            # once bore it ("`Iraq", an old name of Arak in Iran).
            score += COUNTRY_NAME_BONUS
        return score


def _town_of_site(mention: Mention, ranked: list[Candidate]) -> Candidate | None:
    """The town of Iraq or Syria a site-worded mention names when no site of that name is
    known: the candidate that only the kind word kept below :data:`MIN_SCORE`."""
    if mention.kind_cue not in ("site", "admin2"):
        return None  # "the Sarsang field"; "the Bab Touma district" (a quarter, no district)
    return next(
        (
            c
            for c in ranked
            if c.place.family in ("populated", "site")
            and c.place.country in FOCUS_COUNTRIES
            and c.score - CUE_DISAGREES >= MIN_SCORE
            # "the Jumhuriya district" is a quarter, never the Jumhuriya Bridge nor a base.
            and (mention.kind_cue != "admin2" or c.place.kind in _QUARTER_KINDS)
        ),
        None,
    )


#: What "the X district" may name when no district is called X: a town or a quarter (a site
#: of no particular kind), or a prison, which stands in the quarter it is named for
#: (Ghwayran); not a bridge, a camp, a base or an airport, often named for a place elsewhere.
_QUARTER_KINDS = frozenset({"site", "city", "town", "village", "prison"})


def _as_written(mention: Mention, cands: list[Candidate]) -> list[Candidate]:
    """ "along the Euphrates": a name that is a place as written is not a site that needs its
    kind word for that name ("Euphrates Dam", the Tabqa Dam); "the Euphrates dam" says so."""
    if mention.kind_cue is not None or not any(c.score >= 100.0 for c in cands):
        return cands
    return [c for c in cands if c.match != "kind-word" or c.score >= 96.0]


def far_and_alone(
    resolved: list[ResolvedMention], named: Counter[str], centre: tuple[float, float]
) -> list[ResolvedMention]:
    """Turn lone far-away foreign towns into "not a place".

    A place is dropped when it is outside Iraq, Syria and their neighbours, not a country, not
    a large city, more than :data:`FAR_FOREIGN_KM` from ``centre``, the only place of its
    country in the report, and its country is not named (by an adjective in ``named`` or by a
    mention of the country itself).
    """
    named_here = set(named) | {
        r.place.country for r in resolved if r.place is not None and r.place.kind == "country"
    }
    per_country: dict[str, set[str]] = {}
    for r in resolved:
        if r.place is not None:
            per_country.setdefault(r.place.country, set()).add(r.place.id)
    out: list[ResolvedMention] = []
    for r in resolved:
        place = r.place
        if (
            place is not None
            and place.kind != "country"
            and place.country not in FOCUS_COUNTRIES | NEIGHBOUR_COUNTRIES
            and place.country not in named_here
            and place.population < FAR_FOREIGN_MIN_POP
            and len(per_country[place.country]) == 1
            and km(place.lat, place.lon, *centre) > FAR_FOREIGN_KM
        ):
            out.append(ResolvedMention(r.mention, None, r.score, r.candidates))
        else:
            out.append(r)
    return out


#: The Arabic article as written before a name ("al-Mashhad", "ash-Shuhayl").
_ARTICLE = re.compile(r"(?:al|el|ad|as|ar|an|at|ash|az|ed|es|et)-", re.I)
#: Countries whose town names English writes without the Arabic article.
_NO_ARTICLE = frozenset({"TR", "IR"})


def _articled(r: ResolvedMention) -> ResolvedMention:
    """ "raids on al-Mashhad": a name written with the Arabic article is a place of an
    Arabic-speaking land, not Mashhad in Iran (nor a town in Turkey): the best such candidate,
    else no place."""
    place = r.place
    if (
        place is None
        or place.country not in _NO_ARTICLE
        or not _ARTICLE.match(r.mention.text)
        or _ARTICLE.match(place.name)
    ):
        return r
    other = next((c for c in r.candidates if c.place.country not in _NO_ARTICLE), None)
    if other is not None and other.score >= MIN_SCORE:
        return ResolvedMention(r.mention, other.place, other.score, r.candidates)
    return ResolvedMention(r.mention, None, r.score, r.candidates)

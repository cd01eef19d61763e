"""A name placed by its neighbour: "the village of Hamra near Manbij" is not Hamra in Hama.

Village names repeat across Iraq and Syria. When the report itself says where a place is
("X near Y", "X, a village east of Y", "X in Y district", "X in Y province") and the place X
resolved to is far from Y (or outside Y's governorate), X is another place of that name: the
namesake near Y among X's candidates if there is one, else no place at all. The mention stays
(unresolved, never dropped), so the event is placed near Y with ``geo_precision`` 2.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.domain import Place, km
from app.extraction.resolve import ResolvedMention

#: "near Y", "north of Y": a place further than this from Y is a namesake.
NEAR_LIMIT_KM = 100.0
_BETWEEN = re.compile(
    r"^,?\s+(?:(?:a|an|the)\s+(?:small\s+|nearby\s+|border\s+)?"
    r"(?:village|town|hamlet|settlement|area|locality)\s+)?"
    r"(?:(?P<near>near|outside|close to|on the outskirts of|(?:north|south|east|west|"
    r"north-?east|north-?west|south-?east|south-?west)(?:ern)? of)"
    r"|(?P<in>in|in the|within))\s+$",
    re.I,
)
_DISTANCE = re.compile(r"\d+\s*(?:km|kilometres|kilometers|miles)\s+", re.I)


def _fits(place: Place, anchor: Place, near: bool) -> bool:
    if near:
        return km(place.lat, place.lon, anchor.lat, anchor.lon) <= NEAR_LIMIT_KM
    return place.admin1 is not None and place.admin1 == anchor.admin1


def placed_by_neighbours(text: str, resolved: Sequence[ResolvedMention]) -> list[ResolvedMention]:
    """Move or unresolve places that their own sentence puts somewhere else."""
    ordered = sorted(resolved, key=lambda r: r.mention.start)
    out: list[ResolvedMention] = []
    for i, r in enumerate(ordered):
        anchor = ordered[i + 1] if i + 1 < len(ordered) else None
        place = r.place
        if (
            place is None
            or anchor is None
            or anchor.place is None
            or place.family not in ("populated", "site")
        ):
            out.append(r)
            continue
        gap = _DISTANCE.sub("", text[r.mention.end : anchor.mention.start])
        cue = _BETWEEN.match(gap)
        near = cue is not None and cue.group("near") is not None
        container = anchor.place.family in ("admin2", "admin1") and cue is not None and not near
        if cue is None or not (near or container) or _fits(place, anchor.place, near):
            out.append(r)
            continue
        other = next((c for c in r.candidates if _fits(c.place, anchor.place, near)), None)
        if other is not None:
            out.append(ResolvedMention(r.mention, other.place, other.score, r.candidates))
        else:
            out.append(ResolvedMention(r.mention, None, r.score, r.candidates))
    return out

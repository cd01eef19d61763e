"""Toponym scoring: exact and overlapping spans, and whether each found one resolved right.

Resolution: a country to the country, a governorate to the governorate, other places within
:data:`POINT_TOLERANCE_KM` (areas such as rivers and ranges within :data:`AREA_TOLERANCE_KM`),
an invented place to "no match".
"""

from __future__ import annotations

from typing import Any

from app.domain import Place, km
from app.extraction.evaluation.scores import Scores
from app.extraction.resolve import ResolvedMention
from app.gazetteer.normalize import normalize

POINT_TOLERANCE_KM = 25.0
AREA_TOLERANCE_KM = 150.0
_AREA_KINDS = {"region", "river", "lake", "mountain", "admin2"}


def resolved_right(gold: dict[str, Any], place: Place | None) -> bool:
    """Whether a predicted place is the gold one (by kind-dependent tolerance)."""
    if not gold.get("resolvable", True):
        return place is None
    if place is None:
        return False
    if gold["kind"] == "country":
        return place.kind == "country" and place.country == gold["country"]
    if gold["kind"] == "admin1":
        return (
            place.family in ("admin1", "region")
            and place.admin1 == gold["admin1"]
            or (place.kind == "admin1" and place.admin1 == gold["admin1"])
        )
    if (
        gold["kind"] in _AREA_KINDS
        and place.kind == gold["kind"]
        and gold.get("name")
        and normalize(place.name) == normalize(gold["name"])
    ):
        return True  # a river or a range: its representative point is arbitrary
    if gold.get("lat") is None:
        return False
    tolerance = AREA_TOLERANCE_KM if gold["kind"] in _AREA_KINDS else POINT_TOLERANCE_KM
    return km(gold["lat"], gold["lon"], place.lat, place.lon) <= tolerance


def score_toponyms(
    scores: Scores, gold: list[dict[str, Any]], mentions: list[ResolvedMention], report_id: str
) -> None:
    """Add one report's toponym figures to ``scores``."""
    scores.with_toponyms += 1
    predicted = {(m.mention.start, m.mention.end): m for m in mentions}
    gold_spans = {(g["start"], g["end"]): g for g in gold}
    exact = set(predicted) & set(gold_spans)
    scores.toponyms.tp += len(exact)
    scores.toponyms.fp += len(predicted) - len(exact)
    scores.toponyms.fn += len(gold_spans) - len(exact)
    for span in set(predicted) - exact:
        scores.details.append(f"{report_id} extra toponym {predicted[span].mention.text!r}")
    overlap_found = 0
    for (gs, ge), g in gold_spans.items():
        hit = next((m for (ps, pe), m in predicted.items() if ps < ge and gs < pe), None)
        if hit is None:
            scores.details.append(f"{report_id} missed toponym {g['text']!r}")
            continue
        overlap_found += 1
        scores.resolved_total += 1
        if resolved_right(g, hit.place):
            scores.resolved_right += 1
        else:
            got = (
                f"{hit.place.name} ({hit.place.kind}, {hit.place.admin1})"
                if hit.place
                else "no match"
            )
            scores.details.append(
                f"{report_id} resolved {g['text']!r} to {got}, gold "
                f"{g.get('name')} ({g['kind']}, {g.get('admin1')})"
            )
        if g.get("admin1") and g.get("resolvable", True):
            scores.governorate_total += 1
            scores.same_governorate += int(
                hit.place is not None and hit.place.admin1 == g["admin1"]
            )
    scores.toponyms_overlap.tp += overlap_found
    scores.toponyms_overlap.fn += len(gold_spans) - overlap_found
    scores.toponyms_overlap.fp += sum(
        1 for (ps, pe) in predicted if not any(gs < pe and ps < ge for gs, ge in gold_spans)
    )

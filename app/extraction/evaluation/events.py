"""Event scoring: strict matches for precision/recall, aligned pairs for per-field figures.

A predicted event matches a gold one of the same category, in the same governorate (the same
country when the gold has no governorate), whose date falls in the predicted interval; each
gold event is matched once, in gold order. A gold event with no match is still *aligned* with
a left-over predicted event told in the same sentence (same category first), so the field
figures say whether the type, the place or the date was wrong rather than only "missed".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.events import EventFeature, EventProperties
from app.extraction.evaluation.scores import Group, Prediction, Scores


@dataclass(frozen=True)
class ReportEvents:
    """What scoring one report needs: the gold record and the extractor's answer."""

    report_id: str
    text: str
    gold: list[dict[str, Any]]
    events: list[EventFeature]
    features: list[dict[str, float]] | None = None
    style: str | None = None


def same_area(gold: dict[str, Any], props: EventProperties) -> bool:
    """Same governorate as the gold location, or the same country when it has none."""
    location = props.location
    if location is None:
        return False
    want: dict[str, str | None] = gold["location"]
    if want.get("admin1"):
        return location.admin1 == want["admin1"]
    return location.country == want.get("country")


def _inside(gold: dict[str, Any], props: EventProperties) -> bool:
    return props.date <= dt.date.fromisoformat(gold["date"]) <= props.date_end


def _span(props: EventProperties) -> tuple[int, int] | None:
    return next(((e.start, e.end) for e in props.evidence if e.field == "sentence"), None)


def _sentence(props: EventProperties) -> str:
    return next((e.text for e in props.evidence if e.field == "sentence"), "")


def _strict(scores: Scores, report: ReportEvents) -> dict[int, int]:
    """Gold index -> predicted index of the strict matches; also the date-in-interval tally."""
    events = report.events
    unmatched = list(range(len(events)))
    matches: dict[int, int] = {}
    for gi, g in enumerate(report.gold):
        area = [
            i
            for i in unmatched
            if events[i].properties.category == g["category"] and same_area(g, events[i].properties)
        ]
        if not area:
            continue
        scores.date_total += 1
        inside = [i for i in area if _inside(g, events[i].properties)]
        scores.date_in_interval += int(bool(inside))
        chosen = events[inside[0] if inside else area[0]].properties
        scores.date_exact += int(
            chosen.date == dt.date.fromisoformat(g["date"])
            and chosen.date_end == dt.date.fromisoformat(g["date_end"])
        )
        if inside:
            matches[gi] = inside[0]
            unmatched.remove(inside[0])
    return matches


def _align(report: ReportEvents, matches: dict[int, int]) -> dict[int, int]:
    """Gold index -> predicted index: the strict matches, then left-overs of the same sentence."""
    aligned = dict(matches)
    free = [i for i in range(len(report.events)) if i not in matches.values()]
    for gi, g in enumerate(report.gold):
        if gi in aligned or not g.get("sentence"):
            continue
        start = report.text.find(g["sentence"])
        if start < 0:
            continue
        end = start + len(g["sentence"])
        here = [
            i
            for i in free
            if (span := _span(report.events[i].properties)) is not None
            and span[0] < end
            and start < span[1]
        ]
        if not here:
            continue
        here.sort(key=lambda i: report.events[i].properties.category != g["category"])
        aligned[gi] = here[0]
        free.remove(here[0])
    return aligned


def _describe(g: dict[str, Any]) -> str:
    where = g["location"]
    return f"{g['event_type']} {g['date']} {where.get('name')} ({where.get('admin1')})"


def _describe_predicted(p: EventProperties) -> str:
    where = f"{p.location.name} ({p.location.admin1})" if p.location else "unplaced"
    return f"{p.event_type} {p.date}..{p.date_end} {where}"


def score_events(scores: Scores, report: ReportEvents) -> None:
    """Add one report's event figures to ``scores``."""
    events = report.events
    matches = _strict(scores, report)
    aligned = _align(report, matches)
    style_group = scores.by_style[report.style] if report.style else None
    for gi, g in enumerate(report.gold):
        slices = [scores.overall, *([style_group] if style_group else [])]
        slices += [scores.by_tag[tag] for tag in g.get("tags", [])]
        pi = aligned.get(gi)
        props = events[pi].properties if pi is not None else None
        matched = gi in matches
        for group in slices:
            _tally(group, g, props, matched)
        if matched and props is not None:
            scores.events.tp += 1
            scores.event_type_right += int(props.event_type == g["event_type"])
            _actor_counts(scores, g, props, report.report_id)
            if props.event_type == g["event_type"]:
                scores.by_type[g["event_type"]].tp += 1
                continue
            scores.by_type[props.event_type].fp += 1
        else:
            scores.events.fn += 1
            seen = f"; found {_describe_predicted(props)}" if props is not None else ""
            scores.errors.append(
                f"{report.report_id} missed event {_describe(g)}{seen}\n"
                f"    sentence: {g.get('sentence', '?')!r}"
            )
        scores.by_type[g["event_type"]].fn += 1
    right = set(matches.values())
    for i, event in enumerate(events):
        p = event.properties
        features = report.features[i] if report.features is not None else None
        scores.predictions.append(Prediction(scores.reports, p.confidence, i in right, features))
        if i in right:
            continue
        scores.events.fp += 1
        if style_group is not None:
            style_group.events.fp += 1
        scores.overall.events.fp += 1
        scores.by_type[p.event_type].fp += 1
        scores.errors.append(
            f"{report.report_id} extra event {_describe_predicted(p)}\n"
            f"    sentence: {_sentence(p)!r}"
        )


def _tally(group: Group, g: dict[str, Any], props: EventProperties | None, matched: bool) -> None:
    if matched:
        group.events.tp += 1
    else:
        group.events.fn += 1
    group.aligned.add(props is not None)
    if props is None:
        return
    group.type.add(props.event_type == g["event_type"])
    group.place.add(same_area(g, props))
    group.date.add(_inside(g, props))
    if not matched:
        return
    got = {a.name: a.role for a in props.actors}
    for actor in g["actors"]:
        group.actor_recall.add(actor["name"] in got)
        if actor["name"] in got:
            group.roles.add(got[actor["name"]] == actor["role"])


def _actor_counts(
    scores: Scores, g: dict[str, Any], props: EventProperties, report_id: str
) -> None:
    want = {a["name"] for a in g["actors"]}
    got = {a.name for a in props.actors}
    scores.actors.tp += len(want & got)
    scores.actors.fp += len(got - want)
    scores.actors.fn += len(want - got)
    if want != got:
        scores.details.append(
            f"{report_id} actors of {g['event_type']}: missing "
            f"{sorted(want - got)}, extra {sorted(got - want)}"
        )

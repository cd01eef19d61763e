"""Event scoring: strict matches for precision/recall, aligned pairs for per-field figures.

A predicted event matches a gold one of the same category, in the same governorate (the same
country when the gold has no governorate), whose date falls in the predicted interval. Gold
and predicted events are paired one to one, optimally: the most matches first, then the pairs
that agree most (same sentence, event type, a shared actor, place name), never in gold order.
A gold event with no match is still *aligned* with a left-over predicted event told in the
same sentence (same category first), so the field figures say whether the type, the place or
the date was wrong rather than only "missed".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.events import EventFeature, EventProperties
from app.extraction.evaluation.assignment import best_pairs
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


def _gold_span(text: str, g: dict[str, Any]) -> tuple[int, int] | None:
    sentence = g.get("sentence")
    start = text.find(sentence) if sentence else -1
    return (start, start + len(sentence)) if sentence and start >= 0 else None


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _agreement(
    g: dict[str, Any], span: tuple[int, int] | None, props: EventProperties
) -> tuple[bool, bool, bool, bool]:
    """What a gold and a predicted event share beyond the match rule, most telling first: the
    sentence (overlapping spans), the event type, an actor, the place name."""
    where = props.location
    place = str(g["location"].get("name") or "").casefold()
    return (
        _overlap(span, _span(props)),
        props.event_type == str(g["event_type"]),
        bool({str(a["name"]) for a in g["actors"]} & {a.name for a in props.actors}),
        where is not None and where.name.casefold() == place,
    )


def _located(g: dict[str, Any], props: EventProperties) -> bool:
    return props.category == g["category"] and same_area(g, props)


def _strict(scores: Scores, report: ReportEvents) -> dict[int, int]:
    """Gold index -> predicted index of the strict matches; also the date tallies.

    The pairing has the most strict matches a one-to-one pairing can have, and among those the
    most pairs of one sentence, then of one event type, then sharing an actor, then naming the
    same place (:func:`_agreement`), so a gold event never takes the prediction of another
    sentence that its neighbour needed. ``date_total`` counts the gold events that are matched
    or have a left-over prediction (one no gold event matched) of their category and area;
    ``date_in_interval`` the matched ones (a left-over whose interval held the date would have
    made one more match); ``date_exact`` the matches with the gold's first and last day.
    """
    gold, props = report.gold, [e.properties for e in report.events]
    spans = [_gold_span(report.text, g) for g in gold]

    def allowed(gi: int, pi: int) -> tuple[bool, ...] | None:
        g, p = gold[gi], props[pi]
        return _agreement(g, spans[gi], p) if _located(g, p) and _inside(g, p) else None

    matches = best_pairs(len(gold), len(props), allowed)
    taken = set(matches.values())
    for gi, g in enumerate(gold):
        pi = matches.get(gi)
        if pi is None:
            left = (p for i, p in enumerate(props) if i not in taken)
            scores.date_total += any(_located(g, p) for p in left)
            continue
        scores.date_total += 1
        scores.date_in_interval += 1
        scores.date_exact += int(
            props[pi].date == dt.date.fromisoformat(g["date"])
            and props[pi].date_end == dt.date.fromisoformat(g["date_end"])
        )
    return matches


def _align(report: ReportEvents, matches: dict[int, int]) -> dict[int, int]:
    """Gold index -> predicted index: the strict matches, then left-overs of the same sentence.

    The left-overs are paired the way :func:`_strict` pairs: the most pairs of overlapping
    sentences, then a prediction of the gold's category first, then the most agreement.
    """
    taken = set(matches.values())
    golds = [gi for gi in range(len(report.gold)) if gi not in matches]
    free = [pi for pi in range(len(report.events)) if pi not in taken]
    spans = [_gold_span(report.text, report.gold[gi]) for gi in golds]

    def allowed(a: int, b: int) -> tuple[bool, ...] | None:
        g, p = report.gold[golds[a]], report.events[free[b]].properties
        if not _overlap(spans[a], _span(p)):
            return None
        return (p.category == str(g["category"]), *_agreement(g, spans[a], p))

    pairs = best_pairs(len(golds), len(free), allowed)
    return matches | {golds[a]: free[b] for a, b in pairs.items()}


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

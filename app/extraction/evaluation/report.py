"""What `geoevents evaluate` prints: the headline figures and tables, as plain data.

The command line renders these tables; ``--json`` prints :func:`summary` (tables included).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from app.extraction.evaluation.calibration import above, reliability
from app.extraction.evaluation.scores import Counts, Group, Ratio, Scores


@dataclass(frozen=True)
class Table:
    """A titled table of strings."""

    title: str
    header: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]


def _r(x: float) -> float:
    return round(x, 3)


def summary(scores: Scores) -> dict[str, Any]:
    """The headline figures, rounded, and every breakdown as nested dicts."""
    head: dict[str, Any] = {"reports": scores.reports, "actor_names": scores.actor_names}
    if scores.with_toponyms:
        head |= {
            "toponym_precision": _r(scores.toponyms.precision),
            "toponym_recall": _r(scores.toponyms.recall),
            "toponym_f1": _r(scores.toponyms.f1),
            "toponym_f1_overlap": _r(scores.toponyms_overlap.f1),
            "resolution_accuracy": _r(scores.resolution_accuracy),
            "resolution_same_governorate": _r(scores.governorate_accuracy),
        }
    tp = scores.events.tp
    pairs = [(p.confidence, p.right) for p in scores.predictions]
    count, share = above(pairs)
    head |= {
        "event_precision": _r(scores.events.precision),
        "event_recall": _r(scores.events.recall),
        "event_f1": _r(scores.events.f1),
        "event_type_accuracy": _r(scores.event_type_right / tp if tp else 1.0),
        "actor_f1": _r(scores.actors.f1),
        "actor_recall": _r(scores.actor_recall),
        "role_accuracy": _r(scores.role_accuracy),
        "date_accuracy": _r(scores.date_accuracy),
        "date_exact": _r(scores.date_exact / scores.date_total if scores.date_total else 1.0),
        "confident_events": count,
        "confident_accuracy": _r(share),
        "counts": {
            "toponyms": asdict(scores.toponyms),
            "events": asdict(scores.events),
            "actors": asdict(scores.actors),
        },
        "fields": _group(scores.overall),
        "by_type": {k: _counts(v) for k, v in sorted(scores.by_type.items())},
        "by_style": {k: _group(v) for k, v in sorted(scores.by_style.items())},
        "by_tag": {k: _group(v) for k, v in sorted(scores.by_tag.items())},
        "reliability": [asdict(b) | {"accuracy": _r(b.accuracy)} for b in reliability(pairs)],
    }
    return head


def _counts(c: Counts) -> dict[str, Any]:
    return asdict(c) | {"precision": _r(c.precision), "recall": _r(c.recall), "f1": _r(c.f1)}


def _group(g: Group) -> dict[str, Any]:
    def ratio(x: Ratio) -> dict[str, Any]:
        return asdict(x) | {"value": _r(x.value)}

    return {
        "events": _counts(g.events),
        **{
            name: ratio(getattr(g, name))
            for name in ("aligned", "type", "place", "date", "actor_recall", "roles")
        },
    }


def _f(x: float) -> str:
    return f"{x:.3f}"


def _ratio(x: Ratio) -> str:
    return f"{x.value:.3f}" if x.total else "-"


_GROUP_HEADER = ("P", "R", "F1", "gold", "aligned", "type", "place", "date", "actors", "roles")
#: Counts behind the ratios are in ``--json``; "aligned" is a count here, the rest are shares.


def _group_row(name: str, g: Group, precision: bool = True) -> tuple[str, ...]:
    e = g.events
    return (
        name,
        _f(e.precision) if precision else "-",
        _f(e.recall),
        _f(e.f1) if precision else "-",
        str(e.tp + e.fn),
        str(g.aligned.hit),
        _ratio(g.type),
        _ratio(g.place),
        _ratio(g.date),
        _ratio(g.actor_recall),
        _ratio(g.roles),
    )


def tables(scores: Scores) -> list[Table]:
    """The breakdown tables: per field, per event type, per style, per tag, reliability."""
    out = [
        Table(
            "Events (type/place/date over aligned pairs, actors/roles over matches)",
            ("slice", *_GROUP_HEADER),
            [_group_row("all", scores.overall)],
        ),
        Table(
            "Per event type (a match of another type is a miss and a false alarm)",
            ("event type", "P", "R", "F1", "tp", "fp", "fn"),
            [
                (k, _f(c.precision), _f(c.recall), _f(c.f1), str(c.tp), str(c.fp), str(c.fn))
                for k, c in sorted(scores.by_type.items())
            ],
        ),
    ]
    if scores.by_style:
        out.append(
            Table(
                "Per style",
                ("style", *_GROUP_HEADER),
                [_group_row(k, g) for k, g in sorted(scores.by_style.items())],
            )
        )
    if scores.by_tag:
        out.append(
            Table(
                "Per annotation tag (gold events only: no precision)",
                ("tag", *_GROUP_HEADER),
                [_group_row(k, g, precision=False) for k, g in sorted(scores.by_tag.items())],
            )
        )
    pairs = [(p.confidence, p.right) for p in scores.predictions]
    out.append(reliability_table("Reliability of confidence (right = strict match)", pairs))
    return out


def reliability_table(title: str, pairs: list[tuple[float, bool]]) -> Table:
    """Bins of confidence with their count and the share right."""
    rows = [
        (f"{b.low:.1f}-{b.high:.1f}", str(b.count), _f(b.mean_confidence), _f(b.accuracy))
        for b in reliability(pairs)
    ]
    count, share = above(pairs)
    rows.append((">= 0.8", str(count), "", _f(share)))
    return Table(title, ("confidence", "events", "mean", "right"), rows)

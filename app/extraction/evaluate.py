"""Score the pipeline against a corpus with gold annotations (tests/fixtures/corpus format).

Toponyms: precision/recall/F1 on exact character spans (and on overlapping spans).
Resolution: of the gold toponyms found, the share resolved right: a country to the country, a
governorate to the governorate, other places within :data:`POINT_TOLERANCE_KM` (areas such as
rivers and ranges within :data:`AREA_TOLERANCE_KM`), an invented place to "no match".
Events: a predicted event matches a gold one of the same category, in the same governorate
(the same country when the gold has no governorate), whose date falls in the predicted
interval; each gold event is matched once. Actors: F1 of actor names over matched events.
Dates: share of gold events, matched on category and governorate, whose date is in the
predicted interval, and whose interval is the same.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.domain import Place, km
from app.errors import InvalidInput
from app.events import EventFeature
from app.extraction.pipeline import Extractor, ReportInput
from app.extraction.resolve import ResolvedMention
from app.gazetteer.normalize import normalize

POINT_TOLERANCE_KM = 25.0
AREA_TOLERANCE_KM = 150.0
_AREA_KINDS = {"region", "river", "lake", "mountain", "admin2"}


@dataclass
class Counts:
    """True positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Every figure `geoevents evaluate` prints."""

    reports: int = 0
    toponyms: Counts = field(default_factory=Counts)
    toponyms_overlap: Counts = field(default_factory=Counts)
    resolved_right: int = 0
    resolved_total: int = 0
    same_governorate: int = 0
    governorate_total: int = 0
    events: Counts = field(default_factory=Counts)
    event_type_right: int = 0
    actors: Counts = field(default_factory=Counts)
    date_in_interval: int = 0
    date_exact: int = 0
    date_total: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def resolution_accuracy(self) -> float:
        """Share of found gold toponyms resolved to the right place."""
        return self.resolved_right / self.resolved_total if self.resolved_total else 1.0

    @property
    def governorate_accuracy(self) -> float:
        """Share of found gold toponyms with a governorate resolved into it."""
        return self.same_governorate / self.governorate_total if self.governorate_total else 1.0

    @property
    def date_accuracy(self) -> float:
        """Share of located gold events whose date is in the predicted interval."""
        return self.date_in_interval / self.date_total if self.date_total else 1.0

    def summary(self) -> dict[str, Any]:
        """The headline figures, rounded."""

        def r(x: float) -> float:
            return round(x, 3)

        return {
            "reports": self.reports,
            "toponym_precision": r(self.toponyms.precision),
            "toponym_recall": r(self.toponyms.recall),
            "toponym_f1": r(self.toponyms.f1),
            "toponym_f1_overlap": r(self.toponyms_overlap.f1),
            "resolution_accuracy": r(self.resolution_accuracy),
            "resolution_same_governorate": r(self.governorate_accuracy),
            "event_precision": r(self.events.precision),
            "event_recall": r(self.events.recall),
            "event_f1": r(self.events.f1),
            "event_type_accuracy": r(
                self.event_type_right / self.events.tp if self.events.tp else 1.0
            ),
            "actor_f1": r(self.actors.f1),
            "date_accuracy": r(self.date_accuracy),
            "date_exact": r(self.date_exact / self.date_total if self.date_total else 1.0),
            "counts": {
                "toponyms": asdict(self.toponyms),
                "events": asdict(self.events),
                "actors": asdict(self.actors),
            },
        }


def read_corpus(path: Path) -> list[dict[str, Any]]:
    """Gold records, one JSON object a line; a bad line is an InvalidInput naming it."""
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            record["published"] = dt.date.fromisoformat(record["published"])
            _ = record["text"], record["toponyms"], record["events"]
        except (ValueError, KeyError, TypeError) as exc:
            raise InvalidInput(f"{path}:{number}: not a gold record ({exc})") from exc
        records.append(record)
    if not records:
        raise InvalidInput(f"{path} holds no records")
    return records


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


def _score_toponyms(
    scores: Scores, gold: list[dict[str, Any]], mentions: list[ResolvedMention], report_id: str
) -> None:
    predicted = {(m.mention.start, m.mention.end): m for m in mentions}
    gold_spans = {(g["start"], g["end"]): g for g in gold}
    exact = set(predicted) & set(gold_spans)
    scores.toponyms.tp += len(exact)
    scores.toponyms.fp += len(predicted) - len(exact)
    scores.toponyms.fn += len(gold_spans) - len(exact)
    for span in set(predicted) - exact:
        scores.errors.append(f"{report_id} extra toponym {predicted[span].mention.text!r}")
    overlap_found = 0
    for (gs, ge), g in gold_spans.items():
        hit = next((m for (ps, pe), m in predicted.items() if ps < ge and gs < pe), None)
        if hit is None:
            scores.errors.append(f"{report_id} missed toponym {g['text']!r}")
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
            scores.errors.append(
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


def _same_area(gold: dict[str, Any], event: EventFeature) -> bool:
    location = event.properties.location
    if location is None:
        return False
    want: dict[str, str | None] = gold["location"]
    if want.get("admin1"):
        return location.admin1 == want["admin1"]
    return location.country == want.get("country")


def _score_events(
    scores: Scores, gold: list[dict[str, Any]], events: list[EventFeature], report_id: str
) -> None:
    unmatched = list(range(len(events)))
    for g in gold:
        g_date = dt.date.fromisoformat(g["date"])
        area = [
            i
            for i in unmatched
            if events[i].properties.category == g["category"] and _same_area(g, events[i])
        ]
        if area:
            scores.date_total += 1
            best = events[area[0]].properties
            inside = [
                i
                for i in area
                if events[i].properties.date <= g_date <= events[i].properties.date_end
            ]
            scores.date_in_interval += int(bool(inside))
            chosen = events[inside[0]].properties if inside else best
            scores.date_exact += int(
                chosen.date == g_date and chosen.date_end == dt.date.fromisoformat(g["date_end"])
            )
            if inside:
                index = inside[0]
                unmatched.remove(index)
                scores.events.tp += 1
                props = events[index].properties
                scores.event_type_right += int(props.event_type == g["event_type"])
                want = {a["name"] for a in g["actors"]}
                got = {a.name for a in props.actors}
                scores.actors.tp += len(want & got)
                scores.actors.fp += len(got - want)
                scores.actors.fn += len(want - got)
                if want != got:
                    scores.errors.append(
                        f"{report_id} actors of {g['event_type']}: missing "
                        f"{sorted(want - got)}, extra {sorted(got - want)}"
                    )
                continue
        scores.events.fn += 1
        scores.errors.append(
            f"{report_id} missed event {g['event_type']} {g['date']} "
            f"{g['location'].get('name')} ({g['location'].get('admin1')})"
        )
    for i in unmatched:
        p = events[i].properties
        scores.events.fp += 1
        where = p.location.name if p.location else "unplaced"
        scores.errors.append(f"{report_id} extra event {p.event_type} {p.date} {where}")


def evaluate(extractor: Extractor, records: Iterable[dict[str, Any]]) -> Scores:
    """Run the pipeline over gold records and score it."""
    scores = Scores()
    for record in records:
        result = extractor.extract(
            ReportInput(record["text"], record["published"], record.get("title"))
        )
        scores.reports += 1
        _score_toponyms(scores, record["toponyms"], result.mentions, record.get("id", "?"))
        _score_events(scores, record["events"], result.events, record.get("id", "?"))
    return scores

"""Event confidence: the chance an extracted event is right, from a model fitted on gold data.

An event is *right* when it matches a gold event (category, governorate, date in interval:
the rule of `geoevents evaluate`). A small logistic model over facts the pipeline already has
(how the place, date and actors were found) turns them into that chance, so ``min_confidence=0.8``
keeps events that are right about 80% of the time. The weights live in ``data/calibration.json``;
refit them with ``geoevents evaluate CORPUS --split dev --calibrate`` (see docs in that file).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, get_args

from app.errors import GazetteerError
from app.events import EventType

if TYPE_CHECKING:
    from app.extraction.event_builder import EventDraft

#: Facts about a draft, each 0 or 1; the model file names the ones it weighs.
FEATURES = (
    "place_in_sentence",
    "place_inherited",
    "place_precise",
    "place_country",
    "near",
    "date_stated",
    "date_day",
    "date_unstated",
    "actor_named",
    "actor_default",
    "target_named",
    "violence",
    "movement",
    "development",
    "lead_sentence",
    "late_sentence",
    "bullet",
    "quoted",
    "background",
    "trigger_plural",
    "fatalities",
    "aggregate",
    *(f"type_{name}" for name in get_args(EventType)),
)
_TYPE_FEATURES = {name: f"type_{name}" for name in get_args(EventType)}
_PRECISE_FAMILIES = frozenset({"site", "populated"})
#: Tallies and trends ("have been killed since the unrest began") rather than one event.
_AGGREGATE = re.compile(
    r"\b(?:since|so far|in total|total|has been|have been|continued to)\b", re.I
)


def features(draft: EventDraft) -> dict[str, float]:
    """The facts the confidence model weighs, for one event draft."""
    place = draft.location.place if draft.location is not None else None
    roles = [(role, mention) for _, role, mention in draft.actors]
    reported = draft.reported_at
    values = {
        "place_in_sentence": place is not None and not draft.inherited_location,
        "place_inherited": place is not None and draft.inherited_location,
        "place_precise": place is not None and place.family in _PRECISE_FAMILIES,
        "place_country": place is not None and place.family == "country",
        "near": draft.near,
        "date_stated": draft.date_mention is not None,
        "date_day": draft.precision == "day",
        "date_unstated": draft.date_mention is None and draft.precision == "week",
        "actor_named": any(r == "actor" and m is not None for r, m in roles),
        "actor_default": any(r == "actor" and m is None for r, m in roles),
        "target_named": any(r == "target" and m is not None for r, m in roles),
        "violence": draft.spec.group == "violence",
        "movement": draft.spec.category == "movement",
        "development": draft.spec.category == "development",
        "lead_sentence": draft.sentence.index == 0,
        "late_sentence": draft.sentence.index >= 8,
        "bullet": draft.sentence.text.lstrip().startswith(("-", "•", "*")),
        "quoted": draft.sentence.text.lstrip().startswith(('"', "“", "'")),
        "background": reported is not None and (reported - draft.date_end).days > 30,
        "trigger_plural": draft.trigger.text.lower().endswith("s"),
        "fatalities": draft.fatalities is not None,
        "aggregate": bool(_AGGREGATE.search(draft.sentence.text)),
    }
    out = {name: float(value) for name, value in values.items()}
    out |= dict.fromkeys(_TYPE_FEATURES.values(), 0.0)
    out[_TYPE_FEATURES[draft.spec.name]] = 1.0
    return out


@dataclass(frozen=True)
class ConfidenceModel:
    """A logistic model: confidence = 1 / (1 + exp(-(bias + sum of weight * feature)))."""

    bias: float
    weights: dict[str, float]
    floor: float = 0.05
    ceiling: float = 0.99

    def __post_init__(self) -> None:
        unknown = set(self.weights) - set(FEATURES)
        if unknown:
            raise GazetteerError(log_message=f"confidence model: unknown features {unknown}")

    def score(self, values: dict[str, float]) -> float:
        """The calibrated confidence, rounded to 2 decimals."""
        z = self.bias + sum(w * values.get(name, 0.0) for name, w in self.weights.items())
        p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return round(min(self.ceiling, max(self.floor, p)), 2)

    def to_json(self, note: dict[str, object]) -> str:
        """The model as the data file stores it, with a note on how it was fitted."""
        body = {
            "model": "logistic",
            "bias": round(self.bias, 4),
            "weights": {k: round(v, 4) for k, v in self.weights.items()},
            "floor": self.floor,
            "ceiling": self.ceiling,
            "fitted": note,
        }
        return json.dumps(body, indent=2) + "\n"


def default_model_file() -> Path:
    """The shipped model (in the wheel, or data/ in a checkout)."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (
        package / "_data" / "calibration.json",
        package.parent / "data" / "calibration.json",
    ):
        if candidate.exists():
            return candidate
    raise GazetteerError(log_message="data/calibration.json not found")


def read_model(path: Path) -> ConfidenceModel:
    """A model from its JSON file; a malformed file is a GazetteerError naming it."""
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        return ConfidenceModel(
            float(body["bias"]),
            {str(k): float(v) for k, v in body["weights"].items()},
            float(body.get("floor", 0.05)),
            float(body.get("ceiling", 0.99)),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise GazetteerError(log_message=f"{path}: not a confidence model ({exc})") from exc


@cache
def shipped_model() -> ConfidenceModel:
    """The shipped model, read once."""
    return read_model(default_model_file())


def confidence(draft: EventDraft) -> float:
    """The calibrated confidence of a draft."""
    return shipped_model().score(features(draft))

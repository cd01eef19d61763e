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
from typing import TYPE_CHECKING

from app.errors import GazetteerError
from app.extraction.cues import cued_search
from app.extraction.learned_triggers import LEARNED_CEILING, LearnedTrigger

if TYPE_CHECKING:
    from app.extraction.event_builder import EventDraft

#: Facts about a draft, each 0 or 1; the model file names the ones it weighs. No weight per
#: event type: seventeen of them fitted on a few hundred dev events learned dev's mix of
#: types and made the model overconfident on fresh text (extra blind reports).
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
)
_PRECISE_FAMILIES = frozenset({"site", "populated"})
#: Tallies and trends ("have been killed since the unrest began") rather than one event.
_AGGREGATE = re.compile(
    r"\b(?:[Ss]ince|[Ss]o far|[Ii]n total|[Tt]otal|ha(?:s|ve) been|continued to)\b"
)


def facts(draft: EventDraft) -> list[str]:
    """The names of the facts that hold for one event draft (the others are 0)."""
    out = []
    place = draft.location.place if draft.location is not None else None
    if place is not None:
        out.append("place_inherited" if draft.inherited_location else "place_in_sentence")
        if place.family in _PRECISE_FAMILIES:
            out.append("place_precise")
        elif place.family == "country":
            out.append("place_country")
    if draft.near:
        out.append("near")
    if draft.date_mention is not None:
        out.append("date_stated")
    elif draft.precision == "week":
        out.append("date_unstated")
    if draft.precision == "day":
        out.append("date_day")
    for _, role, mention in draft.actors:
        if role == "actor":
            out.append("actor_named" if mention is not None else "actor_default")
        elif role == "target" and mention is not None:
            out.append("target_named")
    spec, sentence = draft.spec, draft.sentence
    if spec.group == "violence":
        out.append("violence")
    if spec.category in ("movement", "development"):
        out.append(spec.category)
    if sentence.index == 0:
        out.append("lead_sentence")
    elif sentence.index >= 8:
        out.append("late_sentence")
    first = sentence.text.lstrip()[:1]
    if first in ("-", "•", "*"):
        out.append("bullet")
    elif first in ('"', "“", "'"):
        out.append("quoted")
    if draft.reported_at is not None and (draft.reported_at - draft.date_end).days > 30:
        out.append("background")
    if draft.trigger.text[-1:].lower() == "s":
        out.append("trigger_plural")
    if draft.fatalities is not None:
        out.append("fatalities")
    if cued_search(_AGGREGATE, sentence.text):
        out.append("aggregate")
    return list(dict.fromkeys(out))  # several actors give one fact


def features(draft: EventDraft) -> dict[str, float]:
    """The facts of a draft as the model's inputs: each that holds is 1.0, the others 0."""
    return dict.fromkeys(facts(draft), 1.0)


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
        weights = self.weights
        z = self.bias + sum(weights.get(name, 0.0) * v for name, v in values.items())
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
    """The calibrated confidence of a draft (at most the learned ceiling when only the
    sentence classifier found it: the calibration was fitted on rule events)."""
    score = shipped_model().score(features(draft))
    return min(score, LEARNED_CEILING) if isinstance(draft.trigger, LearnedTrigger) else score

"""The learned sentence classifier: "this sentence reports an occurrence of kind L".

One logistic model per label (event groups such as ``violence`` and event types such as
``airstrike``) over the sparse features of :mod:`sentence_features`. Two are shipped:
``recall`` reads the words alone (it finds occurrences the rules missed), ``precision`` also
reads what the rules found (it tells which rule triggers are no occurrence). The weights are
data (``data/sentence_model/<name>.json``, with ``manifest.json`` saying which corpus, split,
date and command produced them); they are fitted by ``tools/train_sentence_model.py`` (``make
sentence-model``), which alone needs scikit-learn. Inference here is plain Python over the
handful of features a sentence has: no numpy or scikit-learn at run time.
"""

from __future__ import annotations

import base64
import json
import math
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import GazetteerError
from app.extraction.sentence_features import Token

MODEL_DIR = "sentence_model"
MODELS = ("recall", "precision")
Row = tuple[tuple[int, float], ...]


class PackedRows(Mapping[str, Row]):
    """Feature -> its (label index, weight) pairs, kept in three flat arrays as the file
    stores them: reading the file costs a few milliseconds, not a tuple per weight."""

    def __init__(
        self, names: list[str], offsets: array[int], index: array[int], weights: array[float]
    ):
        if len(offsets) != len(names) + 1 or offsets[0] != 0:
            raise ValueError("one offset per feature, and one more, from 0")
        if offsets[-1] != len(index) or len(index) != len(weights):
            raise ValueError("offsets, label indexes and weights do not line up")
        if any(a > b for a, b in zip(offsets, offsets[1:], strict=False)):
            raise ValueError("offsets go backwards")
        self.ids = dict(zip(names, range(len(names)), strict=True))
        if len(self.ids) != len(names):
            raise ValueError("a feature is named twice")
        self._names, self._offsets, self.index, self._weights = names, offsets, index, weights

    def __getitem__(self, name: str) -> Row:
        k = self.ids[name]
        a, b = self._offsets[k], self._offsets[k + 1]
        return tuple(zip(self.index[a:b], self._weights[a:b], strict=True))

    def get(self, name: str, default: Row | None = None) -> Row | None:  # type: ignore[override]
        """The row of a feature, ``default`` when the model has none."""
        return self[name] if name in self.ids else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


@dataclass(frozen=True)
class SentenceModel:
    """Logistic weights per label: p(label) = 1 / (1 + exp(-(bias + sum of weights)))."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    #: feature -> ((label index, weight), ...): only the weights the model kept.
    weights: Mapping[str, Row]
    #: Per set of labels asked for, the dense rows already read (only features the model
    #: has: bounded by its size).
    _views: dict[tuple[str, ...] | None, _View] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if len(set(self.labels)) != len(self.labels):
            raise GazetteerError(log_message="sentence model: a label is named twice")
        if len(self.labels) != len(self.bias):
            raise GazetteerError(log_message="sentence model: one bias per label needed")
        top = len(self.labels)
        weights = self.weights
        if isinstance(weights, PackedRows):
            wrong = bool(weights.index) and max(weights.index) >= top  # unsigned: never < 0
        else:
            wrong = any(not 0 <= i < top for row in weights.values() for i, _ in row)
        if wrong:
            raise GazetteerError(log_message="sentence model: a weight names no label")

    def own(self, features: Iterable[str]) -> set[str]:
        """The features the model has weights for, of those given: hand them to
        :meth:`logits` with ``own=True`` when asking it more than once of one sentence."""
        weights = self.weights
        known = weights.ids if isinstance(weights, PackedRows) else weights
        return known.keys() & features  # in C: most word pairs are no feature

    def logits(
        self, features: Iterable[str], only: tuple[str, ...] | None = None, *, own: bool = False
    ) -> dict[str, float]:
        """The log-odds of each label (of the labels ``only``, when given: cheaper) for a
        sentence with these features (``own``: they are :meth:`own`'s answer for them, not
        looked up again in the model's large table)."""
        view = self._views.get(only)
        if view is None:
            view = self._views[only] = _View(self, only)
        names = features if own else self.own(features)
        rows = list(map(view.rows.get, names))
        if None in rows:
            rows = [view.row(name) for name in names]
        # fsum: exact, so the order the set gave the features in changes nothing.
        sums = map(math.fsum, zip(view.bias, *rows, strict=True))
        return dict(zip(view.labels, sums, strict=True))

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """The chance of each label for a sentence with these features."""
        return {label: probability(z) for label, z in self.logits(features).items()}

    def evidence(self, words: Sequence[Token], label: str) -> Token | None:
        """The word that speaks most for ``label`` (None when no word speaks for it)."""
        i = self.labels.index(label)
        best, best_weight = None, 0.0
        for token in words:
            weight = next((w for j, w in self.weights.get(token.key) or () if j == i), 0.0)
            if weight > best_weight:
                best, best_weight = token, weight
        return best

    def to_json(self) -> str:
        """The model as its JSON file stores it: the feature names one a line, and per feature
        a run of (label index, weight) pairs in flat little-endian arrays, base64-encoded
        (``offsets``: uint32, where each feature's run starts; ``label_index``: uint8;
        ``weights``: float32)."""
        names = sorted(self.weights)
        rows = [self.weights[name] for name in names]
        offsets = array("I", [0])
        for row in rows:
            offsets.append(offsets[-1] + len(row))
        index = array("B", [i for row in rows for i, _ in row])
        weights = array("f", [w for row in rows for _, w in row])
        body = {
            "model": "one-vs-rest logistic",
            "labels": list(self.labels),
            "bias": [round(b, 6) for b in self.bias],
            "features": "\n".join(names),
            "offsets": _encode(offsets),
            "label_index": _encode(index),
            "weights": _encode(weights),
        }
        return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def _encode(values: array[int] | array[float]) -> str:
    if sys.byteorder == "big":  # the file is little-endian wherever it was written
        values = array(values.typecode, values)
        values.byteswap()
    return base64.b64encode(values.tobytes()).decode("ascii")


def _decode(typecode: str, text: str) -> array[int] | array[float]:
    values = array(typecode)
    values.frombytes(base64.b64decode(text, validate=True))
    if sys.byteorder == "big":
        values.byteswap()
    return values


class _View:
    """A model's weights over some of its labels, one dense row per feature, read on use."""

    def __init__(self, model: SentenceModel, only: tuple[str, ...] | None) -> None:
        labels = model.labels if only is None else tuple(x for x in only if x in model.labels)
        self.model, self.labels = model, labels
        self.positions = [model.labels.index(x) for x in labels]
        self.bias = tuple(model.bias[i] for i in self.positions)
        self.rows: dict[str, tuple[float, ...]] = {}

    def row(self, name: str) -> tuple[float, ...]:
        """The feature's weights over the view's labels (0.0 where it has none)."""
        row = self.rows.get(name)
        if row is None:
            sparse = dict(self.model.weights[name])
            row = self.rows[name] = tuple(sparse.get(i, 0.0) for i in self.positions)
        return row


def probability(logit: float) -> float:
    """The logistic function (clamped so that exp never overflows)."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


def logit(p: float) -> float:
    """The log-odds of a probability strictly between 0 and 1."""
    return math.log(p / (1.0 - p))


def parse_model(text: str, origin: str = "sentence model") -> SentenceModel:
    """A model from the text of its JSON file; a malformed one is a GazetteerError."""
    try:
        body = json.loads(text)
        names = body["features"].split("\n") if body["features"] else []
        rows = PackedRows(
            names,
            _decode("I", body["offsets"]),  # type: ignore[arg-type]
            _decode("B", body["label_index"]),  # type: ignore[arg-type]
            _decode("f", body["weights"]),  # type: ignore[arg-type]
        )
        return SentenceModel(
            tuple(str(x) for x in body["labels"]), tuple(float(x) for x in body["bias"]), rows
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise GazetteerError(log_message=f"{origin}: not a sentence model ({exc})") from exc


def model_dir() -> Path:
    """Where the shipped model lives (in the wheel, or data/ in a checkout)."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_data" / MODEL_DIR, package.parent / "data" / MODEL_DIR):
        if candidate.is_dir():
            return candidate
    raise GazetteerError(log_message=f"data/{MODEL_DIR} not found")


def read_model(path: Path) -> SentenceModel:
    """A model from its JSON file; an unreadable or malformed file is a GazetteerError."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GazetteerError(log_message=f"{path}: cannot read ({exc})") from exc
    return parse_model(text, str(path))


#: The shipped models read so far (or handed over by start-up's cache), by name.
_shipped: dict[str, SentenceModel] = {}


def shipped_model(name: str) -> SentenceModel:
    """A shipped model (one of :data:`MODELS`), read once, on first use."""
    model = _shipped.get(name)
    if model is None:
        if name not in MODELS:
            raise GazetteerError(log_message=f"no sentence model named {name!r}")
        model = _shipped[name] = read_model(model_dir() / f"{name}.json")
    return model


def shipped_models() -> dict[str, SentenceModel]:
    """Every shipped model, read (the build cache keeps them: :mod:`app.startup`)."""
    return {name: shipped_model(name) for name in MODELS}


def use_shipped(models: Mapping[str, SentenceModel]) -> None:
    """Take ``models`` as the shipped ones: start-up read them back from its cache, built
    from the same files by the same code, in a fraction of the time parsing them takes."""
    _shipped.update((name, model) for name, model in models.items() if name in MODELS)

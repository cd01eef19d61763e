"""Fitting the confidence model on scored predictions, and the reliability table that checks it.

The model is a logistic regression with an L2 penalty on the weights (not the bias), fitted
by Newton's method: a few hundred events and a dozen 0/1 features need nothing bigger.
Out-of-fold figures (folds by report) show how it will do on text it was not fitted on.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from app.extraction.confidence import FEATURES, ConfidenceModel
from app.extraction.evaluation.scores import Prediction

#: Lower edges of the reliability bins; the last bin ends at 1.0 inclusive.
BIN_EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
PENALTY = 1.0
FOLDS = 5
#: The promise: events at or above THRESHOLD are right at least THRESHOLD of the time;
#: the fit aims at TARGET out of fold, a margin for unseen text.
THRESHOLD = 0.8
TARGET = 0.81


@dataclass(frozen=True)
class Bin:
    """One row of a reliability table."""

    low: float
    high: float
    count: int
    right: int
    mean_confidence: float

    @property
    def accuracy(self) -> float:
        """Share of the bin's events that were right."""
        return self.right / self.count if self.count else 0.0


def reliability(pairs: Sequence[tuple[float, bool]]) -> list[Bin]:
    """(confidence, right) pairs binned by confidence."""
    bins = []
    edges = [*BIN_EDGES, 1.0]
    for i, low in enumerate(BIN_EDGES):
        high = edges[i + 1]
        last = i == len(BIN_EDGES) - 1
        inside = [(c, r) for c, r in pairs if low <= c < high or (last and c == high)]
        mean = sum(c for c, _ in inside) / len(inside) if inside else 0.0
        bins.append(Bin(low, high, len(inside), sum(r for _, r in inside), round(mean, 3)))
    return bins


def above(pairs: Sequence[tuple[float, bool]], threshold: float = 0.8) -> tuple[int, float]:
    """How many events have at least ``threshold`` confidence, and the share of them right."""
    kept = [r for c, r in pairs if c >= threshold]
    return len(kept), (sum(kept) / len(kept) if kept else 0.0)


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gauss-Jordan elimination with partial pivoting (the Hessian is positive definite)."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(n):
            if r != col and a[r][col]:
                factor = a[r][col] / a[col][col]
                a[r] = [x - factor * y for x, y in zip(a[r], a[col], strict=True)]
    return [a[i][n] / a[i][i] for i in range(n)]


def fit(samples: Sequence[Prediction], penalty: float = PENALTY) -> ConfidenceModel:
    """A logistic model of ``right`` over the features that vary among ``samples``."""
    rows = [s for s in samples if s.features is not None]
    if not rows:
        raise ValueError("no predictions with features to fit on")
    names = [n for n in FEATURES if len({s.features.get(n, 0.0) for s in rows if s.features}) > 1]
    x = [[1.0, *(s.features.get(n, 0.0) for n in names)] for s in rows if s.features]
    y = [1.0 if s.right else 0.0 for s in rows]
    w = [0.0] * (len(names) + 1)
    for _ in range(50):
        p = [
            1
            / (1 + math.exp(-max(-30.0, min(30.0, sum(a * b for a, b in zip(w, xi, strict=True))))))
            for xi in x
        ]
        grad = [
            sum((p[i] - y[i]) * x[i][j] for i in range(len(x))) + (penalty * w[j] if j else 0.0)
            for j in range(len(w))
        ]
        hess = [
            [
                sum(p[i] * (1 - p[i]) * x[i][j] * x[i][k] for i in range(len(x)))
                + (penalty if j == k and j else 0.0)
                + (1e-9 if j == k else 0.0)
                for k in range(len(w))
            ]
            for j in range(len(w))
        ]
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return ConfidenceModel(w[0], dict(zip(names, w[1:], strict=True)))


def out_of_fold(
    samples: Sequence[Prediction], folds: int = FOLDS, shift: float = 0.0
) -> list[tuple[float, bool]]:
    """(confidence, right) of every sample, scored by a model fitted on the other folds
    (its bias moved by ``shift``)."""
    rows = [s for s in samples if s.features is not None]
    pairs = []
    for k in range(folds):
        train = [s for s in rows if s.report % folds != k]
        held = [s for s in rows if s.report % folds == k]
        if not held or not train or len({s.right for s in train}) < 2:
            continue
        model = shifted(fit(train), shift)
        pairs += [(model.score(s.features or {}), s.right) for s in held]
    return pairs


def shifted(model: ConfidenceModel, shift: float) -> ConfidenceModel:
    """The model with its bias moved by ``shift``."""
    return ConfidenceModel(model.bias + shift, model.weights, model.floor, model.ceiling)


def safety_shift(
    samples: Sequence[Prediction],
    threshold: float = THRESHOLD,
    target: float = TARGET,
) -> float:
    """How far to lower the bias so that out-of-fold events at or above ``threshold`` are
    right at least ``target`` of the time (0 when they already are).

    A fitted model is calibrated on average; this keeps the promise users rely on
    (``min_confidence=0.8`` keeps events right 80% of the time) with a margin for text
    unlike the fitting corpus.
    """
    shift = 0.0
    while shift > -3.0:
        count, share = above(out_of_fold(samples, shift=shift), threshold)
        if count == 0 or share >= target:
            return shift
        shift = round(shift - 0.1, 1)
    return shift

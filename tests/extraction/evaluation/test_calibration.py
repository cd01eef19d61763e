import pytest

from app.extraction.evaluation.calibration import (
    above,
    fit,
    out_of_fold,
    reliability,
    safety_shift,
)
from app.extraction.evaluation.scores import Prediction


def _samples(n: int = 200) -> list[Prediction]:
    # A stated date makes an event right 9 times in 10; without one, 4 times in 10.
    out = []
    for i in range(n):
        dated = i % 2 == 0
        right = (i // 2) % 10 < (9 if dated else 4)
        out.append(Prediction(i // 20, 0.5, right, {"date_stated": float(dated), "near": 0.0}))
    return out


def test_fit_recovers_the_rates():
    model = fit(_samples(), penalty=0.01)
    assert set(model.weights) == {"date_stated"}  # "near" never varies
    assert model.score({"date_stated": 1.0}) == pytest.approx(0.9, abs=0.01)
    assert model.score({"date_stated": 0.0}) == pytest.approx(0.4, abs=0.01)


def test_the_penalty_shrinks_weights():
    assert (
        fit(_samples(), penalty=50).weights["date_stated"] < fit(_samples()).weights["date_stated"]
    )


def test_fit_needs_features():
    with pytest.raises(ValueError, match="no predictions"):
        fit([Prediction(0, 0.5, True, None)])


def test_out_of_fold_scores_every_sample():
    pairs = out_of_fold(_samples())
    assert len(pairs) == 200
    assert {round(c, 1) for c, _ in pairs} == {0.4, 0.9}


def test_reliability_bins_and_threshold():
    pairs = [(0.95, True), (0.85, False), (0.85, True), (1.0, True), (0.3, False)]
    bins = reliability(pairs)
    assert [b.count for b in bins] == [1, 0, 0, 0, 2, 2]
    assert bins[-1].accuracy == 1.0 and bins[4].accuracy == 0.5
    assert above(pairs) == (4, 0.75)
    assert above([]) == (0, 0.0)


def _overconfident() -> list[Prediction]:
    # A stated date is right 70% of the time and an unstated one 20%: a fitted model gives
    # about 0.7 to dated events, so nothing reaches 0.8 and no shift is needed...
    out = []
    for i in range(200):
        dated = i % 2 == 0
        right = (i // 2) % 10 < (7 if dated else 2)
        out.append(Prediction(i // 20, 0.5, right, {"date_stated": float(dated)}))
    return out


def test_no_shift_when_the_promise_holds():
    assert safety_shift(_samples()) == 0.0  # 0.9-right events score about 0.9
    assert safety_shift(_overconfident()) == 0.0  # nothing reaches 0.8


def test_a_shift_keeps_the_promise():
    # Asking 95% of the events at or above 0.8 to be right pushes the 0.9-events under 0.8.
    shift = safety_shift(_samples(), target=0.95)
    assert shift < 0
    assert above(out_of_fold(_samples(), shift=shift))[0] == 0

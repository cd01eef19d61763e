import datetime as dt
import json

import pytest

from app.errors import GazetteerError
from app.extraction.confidence import (
    FEATURES,
    ConfidenceModel,
    default_model_file,
    features,
    read_model,
    shipped_model,
)
from app.extraction.report_input import ReportInput


def test_model_scores_a_logistic_within_bounds():
    model = ConfidenceModel(0.0, {"date_stated": 2.0})
    assert model.score({}) == 0.5
    assert model.score({"date_stated": 1.0}) == 0.88
    assert ConfidenceModel(-100.0, {}).score({}) == 0.05
    assert ConfidenceModel(100.0, {}).score({}) == 0.99


def test_unknown_features_are_refused():
    with pytest.raises(GazetteerError):
        ConfidenceModel(0.0, {"moon_phase": 1.0})


def test_round_trip_and_bad_files(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(ConfidenceModel(0.5, {"near": -1.0}).to_json({"corpus": "x"}))
    assert read_model(path) == ConfidenceModel(0.5, {"near": -1.0})
    assert json.loads(path.read_text())["fitted"] == {"corpus": "x"}
    path.write_text('{"weights": {}}')
    with pytest.raises(GazetteerError):
        read_model(path)
    with pytest.raises(GazetteerError):
        read_model(tmp_path / "missing.json")


def test_the_shipped_model_loads_and_names_known_features():
    assert default_model_file().name == "calibration.json"
    assert set(shipped_model().weights) <= set(FEATURES)


def test_features_of_drafts(extractor):
    result = extractor.extract(
        ReportInput(
            "A roadside bomb hit a patrol in Tikrit on 12 March. "
            "Later, protesters gathered somewhere in the province.",
            dt.date(2024, 3, 14),
        )
    )
    bomb = features(result.drafts[0])
    assert set(bomb) <= set(FEATURES) and set(bomb.values()) == {1.0}
    assert bomb["place_in_sentence"] == bomb["place_precise"] == bomb["date_stated"] == 1.0
    assert bomb["lead_sentence"] == bomb["violence"] == 1.0
    assert "place_inherited" not in bomb and "development" not in bomb
    event = result.events[0].properties
    assert event.confidence == shipped_model().score(bomb)


def test_features_of_a_tally_and_a_bullet(extractor):
    text = (
        "- Kirkuk: a roadside bomb killed two soldiers on 12 March.\n"
        "Gunmen have killed 40 farmers in Diyala since February."
    )
    result = extractor.extract(ReportInput(text, dt.date(2024, 3, 14)))
    bullet, tally = (features(d) for d in result.drafts)
    assert bullet["bullet"] == bullet["fatalities"] == bullet["violence"] == 1.0
    assert "aggregate" not in bullet
    assert tally["aggregate"] == 1.0 and "bullet" not in tally
    assert shipped_model().score(tally) < shipped_model().score(bullet)

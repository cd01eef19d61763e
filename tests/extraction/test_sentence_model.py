import hashlib
import json
import math

import pytest

from app.errors import GazetteerError
from app.extraction.sentence_features import sentence_features, tokens, words
from app.extraction.sentence_model import (
    MODELS,
    SentenceModel,
    model_dir,
    parse_model,
    read_model,
    shipped_model,
)
from tools.train_sentence_model import (
    DEV,
    HELD_BACK,
    Example,
    fit,
    records_digest,
    training_records,
)

# Sentences written for these tests: none comes from a corpus.
_VIOLENT = [
    "Militants shelled the checkpoint at dawn",
    "Insurgents shelled a police post overnight",
    "Two mortar rounds were shelled into the market",
    "Fighters shelled the bridge and retreated",
]
_PROTEST = [
    "Hundreds marched against the power cuts",
    "Students marched to the ministry demanding jobs",
    "Teachers marched through the square over unpaid wages",
    "Farmers marched on the governor's office",
]
_NEITHER = [
    "The ministry published its annual budget",
    "The minister met the ambassador on Monday",
    "Analysts expect the talks to resume next month",
    "The river level rose after the rains",
]


def _examples() -> list[Example]:
    out = []
    for texts, labels in (
        (_VIOLENT, {"violence", "drone_or_rocket_attack"}),
        (_PROTEST, {"unrest", "protest"}),
        (_NEITHER, set()),
    ):
        for text in texts:
            out.append(Example("zz", sentence_features(words(text), []), set(labels)))
    return out


def test_plain_python_inference_is_the_logistic_of_the_summed_weights():
    model = SentenceModel(("a", "b"), (0.0, -1.0), {"x": ((0, math.log(3)),), "y": ((1, 1.0),)})
    p = model.probabilities({"x", "unknown"})
    assert p["a"] == pytest.approx(0.75)
    assert p["b"] == pytest.approx(1 / (1 + math.e))
    assert model.probabilities({"x", "y"})["b"] == pytest.approx(0.5)


def test_a_model_reads_only_its_own_features_and_sums_them_as_before():
    model = shipped_model("recall")
    features = sentence_features(words("Gunmen shelled a police post near the river"), [])
    own = model.own(features)
    assert own and own < features  # word pairs the model never kept are left out
    for only in (None, ("violence",), ("violence", "unrest")):
        assert model.logits(own, only, own=True) == model.logits(features, only)


def test_a_sentence_of_no_known_feature_gets_the_bias_alone():
    model = SentenceModel(("a", "b"), (0.5, -1.0), {"x": ((0, 2.0),)})
    assert model.own({"zz", "yy"}) == set()
    assert model.logits(set(), own=True) == {"a": 0.5, "b": -1.0}
    assert model.logits(model.own({"x", "zz"}), ("a",), own=True) == {"a": 2.5}


def test_a_tiny_model_trained_here_separates_its_labels():
    model = fit(_examples(), c=10.0, min_count=2)
    shell = model.probabilities(sentence_features(words("Gunmen shelled the village"), []))
    march = model.probabilities(sentence_features(words("Nurses marched on Sunday"), []))
    assert shell["violence"] > 0.5 > march["violence"]
    assert march["unrest"] > 0.5 > shell["unrest"]
    # Labels with no positive example get a base rate near zero, not an error.
    assert shell["arrest"] < 0.01
    word = model.evidence(tokens("Gunmen shelled the village"), "violence")
    assert word is not None and word.key == "shelled"
    assert model.evidence(tokens("the village"), "unrest") is None


def test_round_trip_keeps_the_probabilities(tmp_path):
    model = fit(_examples(), c=10.0, min_count=2)
    path = tmp_path / "model.json"
    path.write_text(model.to_json(), encoding="utf-8")
    again = read_model(path)
    features = sentence_features(words("Students marched and police shelled them"), [])
    for label, p in model.probabilities(features).items():
        assert again.probabilities(features)[label] == pytest.approx(p, abs=1e-3)


_SMALL = SentenceModel(("a", "b"), (0.0, 1.0), {"x": ((0, 0.5), (1, -0.5)), "y": ((1, 2.0),)})


def _body(**changes):
    return json.dumps(json.loads(_SMALL.to_json()) | changes)


def test_the_packed_file_format_reads_back_rows_per_feature():
    model = parse_model(_SMALL.to_json())
    assert dict(model.weights) == {"x": ((0, 0.5), (1, -0.5)), "y": ((1, 2.0),)}
    assert model.weights.get("z") is None
    assert model.probabilities({"x", "y"}) == pytest.approx(_SMALL.probabilities({"x", "y"}))
    assert parse_model(model.to_json()).weights == model.weights


@pytest.mark.parametrize(
    "changes",
    [
        {"features": "x"},
        {"features": "x\nx"},
        {"offsets": "AAAAAA=="},
        {"weights": "not base64!"},
        {"label_index": "AAEC"},  # indexes 0, 1, 2: label 2 does not exist
        {"bias": [0.0]},
        {"labels": ["a", "a"]},
    ],
)
def test_malformed_models_are_refused(changes):
    with pytest.raises(GazetteerError):
        parse_model(_body(**changes))


def test_missing_or_unparsable_files_are_refused(tmp_path):
    with pytest.raises(GazetteerError):
        read_model(tmp_path / "missing.json")
    with pytest.raises(GazetteerError):
        parse_model("{not json")
    with pytest.raises(GazetteerError):
        parse_model('{"labels": ["a"]}')


def test_the_shipped_models_match_their_manifest():
    """The files are the ones the manifest hashes, fitted on dev less any held-back writer."""
    directory = model_dir()
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["files"]) == {f"{name}.json" for name in MODELS}
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((directory / name).read_bytes()).hexdigest() == digest
    assert manifest["corpus"] == "tests/fixtures/blind/dev.jsonl"
    assert manifest["split"] == "dev"
    assert manifest["held_back"] == list(HELD_BACK)
    records = training_records(DEV, HELD_BACK)
    assert manifest["reports"] == len(records)
    assert manifest["records_sha256"] == records_digest(records)
    assert not any(str(r["id"]).startswith(prefix) for r in records for prefix in HELD_BACK)
    for name in MODELS:
        model = shipped_model(name)
        assert list(model.labels) == manifest["labels"][name]
        reads_rules = any(f.startswith("rule:") for f in model.weights)
        assert reads_rules is not manifest["text_only"][name]

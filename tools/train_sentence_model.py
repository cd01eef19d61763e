"""Fit the learned sentence classifiers (data/sentence_model/) on the blind corpus's dev split.

Each sentence of each dev report is one example: its features are those of
app/extraction/sentence_features.py (word n-grams, and the groups of the triggers the rules
found in it, recorded while the real pipeline reads the report); its labels are the groups and
types of the gold events whose ``sentence`` it is. One L2 logistic model per label
(scikit-learn, a development dependency only); the service reads the weights with plain Python.
Two models: ``recall`` on the words alone, ``precision`` on the words and the rule groups
(app/extraction/learned_triggers.py says what each is for).

Every dev report is trained on (session 7 held the ``du-`` writer back while the classifier
was chosen; HELD_BACK names prefixes to leave out when a writer is held back again), and the
frozen test split is never read: only ``tests/fixtures/blind/dev.jsonl``.

    python tools/train_sentence_model.py          # write data/sentence_model/ (make sentence-model)
    python tools/train_sentence_model.py --check  # exit 1 if the shipped models are not what
                                                  # this corpus and code produce
Cross-validation by writer (rules alone vs rules + classifier) is
tools/crossval_sentence_model.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.extraction.evaluate import read_corpus  # noqa: E402
from app.extraction.event_types import BY_NAME, GROUP_ORDER, Trigger  # noqa: E402
from app.extraction.pipeline import Extractor  # noqa: E402
from app.extraction.report_input import ReportInput  # noqa: E402
from app.extraction.sentence_features import sentence_features, words  # noqa: E402
from app.extraction.sentence_model import SentenceModel  # noqa: E402
from app.extraction.text import Sentence  # noqa: E402

DEV = ROOT / "tests" / "fixtures" / "blind" / "dev.jsonl"
OUT = ROOT / "data" / "sentence_model"
HELD_BACK: tuple[str, ...] = ()
#: The recall model names groups and types (it picks the type of what it adds; the groups
#: agreement and other have one type each, of the same name); the precision model, groups.
LABELS = {
    "recall": tuple(dict.fromkeys((*GROUP_ORDER, *BY_NAME))),
    "precision": GROUP_ORDER,
}
#: Regularisation (inverse strength), a feature's least count, weights smaller than this are
#: dropped from the shipped file (they move no probability by more than a hair).
C = 0.5
MIN_COUNT = 2
PRUNE = 0.05
RULE_PREFIX = "rule:"
#: Model name -> whether it is fitted on the words alone.
TEXT_ONLY = {"recall": True, "precision": False}


@dataclass
class Example:
    """One sentence: the writer (id prefix), its features, and the gold labels it carries."""

    writer: str
    features: set[str]
    labels: set[str] = field(default_factory=set)


class Recorder:
    """A trigger reviser that changes nothing and remembers each sentence and its rule groups."""

    def __init__(self) -> None:
        self.seen: list[tuple[Sentence, set[str]]] = []

    def revise(self, sentence: Sentence, triggers: list[Trigger]) -> list[Trigger]:
        """Remember the sentence and the groups of the rules' triggers; keep them all."""
        self.seen.append((sentence, {t.spec.group for t in triggers}))
        return triggers


def writer(report_id: str) -> str:
    """The writer (or batch) of a report: its id's prefix before the dash."""
    return report_id.split("-", 1)[0]


def training_records(corpus: Path, held_back: Sequence[str]) -> list[dict[str, Any]]:
    """The corpus's records less the held-back writers'."""
    return [r for r in read_corpus(corpus) if not str(r.get("id", "")).startswith(tuple(held_back))]


def collect(extractor: Extractor, records: Iterable[dict[str, Any]]) -> list[Example]:
    """Examples of every sentence the pipeline reads, labelled from the gold events."""
    before, recorder = extractor.learned, Recorder()
    extractor.learned = recorder
    examples: list[Example] = []
    try:
        for record in records:
            recorder.seen.clear()
            result = extractor.extract(
                ReportInput(record["text"], record["published"], record.get("title"))
            )
            spans = []
            for gold in record["events"]:
                at = result.text.find(gold.get("sentence") or "\0")
                if at >= 0:
                    spans.append((at, at + len(gold["sentence"]), gold["event_type"]))
            for sentence, groups in recorder.seen:
                example = Example(
                    writer(record["id"]), sentence_features(words(sentence.text), groups)
                )
                for start, end, name in spans:
                    if start < sentence.end and sentence.start < end:
                        example.labels.update((name, BY_NAME[name].group))
                examples.append(example)
    finally:
        extractor.learned = before
    return examples


def fit(
    examples: Sequence[Example],
    c: float = C,
    min_count: int = MIN_COUNT,
    text_only: bool = False,
    labels: Sequence[str] = LABELS["recall"],
    prune: float = PRUNE,
) -> SentenceModel:
    """One logistic model per label over the features seen at least ``min_count`` times
    (``text_only``: the words alone, no ``rule:`` feature, so the model reads no rule)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for example in examples:
        for name in example.features:
            if not (text_only and name.startswith(RULE_PREFIX)):
                counts[name] = counts.get(name, 0) + 1
    vocabulary = sorted(name for name, n in counts.items() if n >= min_count)
    index = {name: i for i, name in enumerate(vocabulary)}
    rows, cols = [], []
    for r, example in enumerate(examples):
        for name in example.features:
            if name in index:
                rows.append(r)
                cols.append(index[name])
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(vocabulary)))
    bias: list[float] = []
    weights: dict[str, list[tuple[int, float]]] = {}
    for li, label in enumerate(labels):
        y = np.array([label in e.labels for e in examples], dtype=int)
        if y.min() == y.max():  # no example (or only examples) of the label: its base rate
            bias.append(-30.0 if y.max() == 0 else 30.0)
            continue
        model = LogisticRegression(C=c, solver="liblinear", max_iter=1000).fit(x, y)
        bias.append(float(model.intercept_[0]))
        for fi in np.flatnonzero(np.abs(model.coef_[0]) >= prune):
            weights.setdefault(vocabulary[fi], []).append((li, float(model.coef_[0][fi])))
    return SentenceModel(tuple(labels), tuple(bias), {k: tuple(v) for k, v in weights.items()})


def pruned(model: SentenceModel, at: float) -> SentenceModel:
    """The model less its weights smaller than ``at`` (a smaller file, read faster)."""
    rows = {
        name: tuple((i, w) for i, w in row if abs(w) >= at) for name, row in model.weights.items()
    }
    return SentenceModel(model.labels, model.bias, {k: v for k, v in rows.items() if v})


def records_digest(records: Iterable[dict[str, Any]]) -> str:
    """sha256 over the training records' ids and texts, in order (what the model saw)."""
    digest = hashlib.sha256()
    for record in records:
        digest.update(f"{record['id']}\n{record['text']}\n".encode())
    return digest.hexdigest()


def fit_both(
    examples: Sequence[Example], c: float = C, prune: float = PRUNE
) -> dict[str, SentenceModel]:
    """The ``recall`` and ``precision`` models of the same examples."""
    return {
        name: fit(examples, c, text_only=words, labels=LABELS[name], prune=prune)
        for name, words in TEXT_ONLY.items()
    }


def manifest(
    texts: dict[str, str], corpus: Path, records: list[dict[str, Any]], sentences: int
) -> dict[str, Any]:
    """What produced the models: corpus, split, held-back writers, counts, command, date."""
    return {
        "files": {
            f"{name}.json": hashlib.sha256(text.encode()).hexdigest()
            for name, text in texts.items()
        },
        "corpus": corpus.relative_to(ROOT).as_posix() if corpus.is_relative_to(ROOT) else "?",
        "split": "dev",
        "held_back": list(HELD_BACK),
        "reports": len(records),
        "records_sha256": records_digest(records),
        "sentences": sentences,
        "labels": {name: list(labels) for name, labels in LABELS.items()},
        "C": C,
        "min_count": MIN_COUNT,
        "prune": PRUNE,
        "text_only": TEXT_ONLY,
        "on": dt.date.today().isoformat(),
        "command": "make sentence-model (python tools/train_sentence_model.py)",
    }


def load_extractor() -> Extractor:
    """The extractor `geoevents evaluate` scores with (shipped gazetteer, actors, lexicon)."""
    from app.cli_evaluate import _extractor

    return _extractor()


def main(argv: Sequence[str] | None = None) -> int:
    """Train and write data/sentence_model/, or --check that the shipped one is reproducible."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEV)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="compare with the shipped model")
    args = parser.parse_args(argv)
    records = training_records(args.corpus, HELD_BACK)
    examples = collect(load_extractor(), records)
    texts = {name: model.to_json() for name, model in fit_both(examples).items()}
    if args.check:
        same = all(
            (args.out / f"{name}.json").read_text(encoding="utf-8") == text
            for name, text in texts.items()
        )
        print("the shipped models are reproduced" if same else "the shipped models differ")
        return 0 if same else 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (args.out / f"{name}.json").write_text(text, encoding="utf-8")
    note = manifest(texts, args.corpus.resolve(), records, len(examples))
    (args.out / "manifest.json").write_text(json.dumps(note, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(records)} reports, {len(examples)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())

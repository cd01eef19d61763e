"""Does the learned sentence classifier beat the rules on writers it was not trained on?

Leave-one-writer-out over the training reports (tests/fixtures/blind/dev.jsonl less the
held-back ``du-``): for each writer (id prefix), fit the classifier on the other writers'
sentences, then score the left-out writer's reports with the rules alone and with the rules
plus the classifier, for each pair of thresholds (``add``: emit a group the rules missed at
p >= add, by the words-only ``recall`` model; ``drop``: drop a rule trigger whose group has
p < drop, by the ``precision`` model that also reads the rule groups). Prints per-writer event
P/R/F1 and the pooled figures of every setting.

    python tools/crossval_sentence_model.py [--add 0.6 0.8] [--drop 0.05] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_sentence_model import (  # noqa: E402
    DEV,
    HELD_BACK,
    PRUNE,
    C,
    collect,
    fit_both,
    load_extractor,
    pruned,
    training_records,
    writer,
)

from app.extraction.evaluate import evaluate  # noqa: E402
from app.extraction.evaluation.scores import Counts, Scores  # noqa: E402
from app.extraction.event_types import GROUP_ORDER  # noqa: E402
from app.extraction.learned_triggers import RETYPED, LearnedTriggers, Thresholds  # noqa: E402

RULES = "rules"


def _name(t: Thresholds, prune: float = PRUNE, prunes: Sequence[float] = (PRUNE,)) -> str:
    name = f"add={t.add} drop={t.drop}" + (f" retype={t.retype}" if t.retype is not None else "")
    return name + (f" prune={prune}" if len(prunes) > 1 else "")


def _row(c: Counts) -> str:
    return f"P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f} (tp {c.tp} fp {c.fp} fn {c.fn})"


def crossval(
    settings: Sequence[Thresholds],
    corpus: Path = DEV,
    c: float = C,
    prunes: Sequence[float] = (PRUNE,),
    retyped: frozenset[str] = RETYPED,
) -> dict[str, dict[str, Scores]]:
    """Writer -> setting name (``rules`` for the rules alone) -> the scores of that writer."""
    extractor = load_extractor()
    records = training_records(corpus, HELD_BACK)
    writers = sorted({writer(r["id"]) for r in records})
    examples = collect(extractor, records)
    out: dict[str, dict[str, Scores]] = {}
    for left_out in writers:
        fitted = fit_both([e for e in examples if e.writer != left_out], c, min(prunes))
        held = [r for r in records if writer(r["id"]) == left_out]
        extractor.learned = None
        out[left_out] = {RULES: evaluate(extractor, held)}
        for at in prunes:
            models = {name: pruned(model, at) for name, model in fitted.items()}
            for thresholds in settings:
                extractor.learned = LearnedTriggers(
                    thresholds, finder=extractor.triggers, retyped=retyped, **models
                )
                out[left_out][_name(thresholds, at, prunes)] = evaluate(extractor, held)
        extractor.learned = None
        print(f"{left_out}: {len(held)} reports done", file=sys.stderr)
    return out


def _add(total: Counts, c: Counts) -> None:
    total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn


def pooled(results: dict[str, dict[str, Scores]], name: str) -> Counts:
    """The event counts of one setting summed over the left-out writers."""
    total = Counts()
    for by_setting in results.values():
        _add(total, by_setting[name].events)
    return total


def pooled_types(results: dict[str, dict[str, Scores]], name: str) -> dict[str, Counts]:
    """Per event type, the counts of one setting summed over the left-out writers."""
    total: dict[str, Counts] = {}
    for by_setting in results.values():
        for event_type, c in by_setting[name].by_type.items():
            _add(total.setdefault(event_type, Counts()), c)
    return total


def type_accuracy(results: dict[str, dict[str, Scores]], name: str) -> tuple[int, int]:
    """Matched events of the gold type, and matched events, over the left-out writers."""
    right = sum(s[name].event_type_right for s in results.values())
    return right, sum(s[name].events.tp for s in results.values())


def _print_types(results: dict[str, dict[str, Scores]], names: Sequence[str]) -> None:
    tables = {name: pooled_types(results, name) for name in names}
    print("per event type, F1 (tp/fp/fn) of each setting, pooled:")
    print("  " + " | ".join(["type".ljust(22), *(n[:22].ljust(22) for n in names)]))
    for event_type in sorted({t for table in tables.values() for t in table}):
        cells = []
        for name in names:
            c = tables[name].get(event_type, Counts())
            cells.append(f"{c.f1:.3f} ({c.tp}/{c.fp}/{c.fn})".ljust(22))
        print("  " + " | ".join([event_type.ljust(22), *cells]))
    for name in names:
        right, total = type_accuracy(results, name)
        print(f"  type accuracy {name:24} {right}/{total} = {right / max(total, 1):.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the cross-validation and print per-writer and pooled figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--add", type=float, nargs="*", default=[0.6, 0.7, 0.8])
    parser.add_argument("--drop", type=float, nargs="*", default=[0.1, 0.15])
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    parser.add_argument("--prune", type=float, nargs="*", default=[PRUNE])
    parser.add_argument(
        "--retype", type=float, nargs="*", default=[], help="also try relabelling rule triggers"
    )
    parser.add_argument(
        "--retype-groups",
        nargs="*",
        choices=GROUP_ORDER,
        default=sorted(RETYPED),
        help="the groups whose rule triggers --retype may relabel",
    )
    parser.add_argument("--types", action="store_true", help="print the per-type table")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    adds: list[float | None] = [None, *args.add]
    drops: list[float | None] = [None, *args.drop]
    retypes: list[float | None] = [None, *args.retype]
    settings = [
        Thresholds(a, d, r)
        for a in adds
        for d in drops
        for r in retypes
        if (a, d, r) != (None, None, None)
    ]
    results = crossval(settings, c=args.c, prunes=args.prune, retyped=frozenset(args.retype_groups))
    names = [RULES, *(_name(t, p, args.prune) for p in args.prune for t in settings)]
    best = max(names[1:], key=lambda n: pooled(results, n).f1)
    print("pooled over left-out writers:")
    for name in names:
        print(f"  {name:24} {_row(pooled(results, name))}")
    print(f"per writer, rules alone vs best pooled setting ({best}):")
    for left_out, by_setting in results.items():
        for label, name in (("rules ", RULES), ("+model", best)):
            s = by_setting[name]
            kind = f"type {s.event_type_right}/{s.events.tp}"
            print(f"  {left_out:3} {label} {_row(s.events)} {kind}")
    if args.types:
        _print_types(results, names)
    if args.json is not None:
        body = {
            w: {
                n: {
                    "tp": sc.events.tp,
                    "fp": sc.events.fp,
                    "fn": sc.events.fn,
                    "f1": round(sc.events.f1, 4),
                    "type_right": sc.event_type_right,
                }
                for n, sc in s.items()
            }
            for w, s in results.items()
        }
        args.json.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

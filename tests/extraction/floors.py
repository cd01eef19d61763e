"""Accuracy floors of `geoevents evaluate`, in one place: raise them as extraction improves.

Keys are names in :func:`app.extraction.evaluation.report.summary`. Each corpus is scored once
per test session; a figure under its floor fails CI (tests/extraction/test_floors.py).
"""

#: The project's own 55 reports (tests/fixtures/corpus/reports.jsonl): rules were tuned on it.
OLD_CORPUS = {
    "toponym_f1": 0.95,
    "resolution_accuracy": 0.95,
    "resolution_same_governorate": 0.95,
    "event_f1": 0.85,
    "actor_f1": 0.70,
    "date_accuracy": 0.95,
}

#: The blind corpus (tests/fixtures/blind/{dev,test}.jsonl), by split. Issue 9's targets for
#: the frozen test split are event_f1 0.85, actor_recall 0.85, date_accuracy 0.95.
BLIND = {
    # 132 reports: the first 82 and 50 dx- reports written later by another blind writer.
    # After the i9what/i9where rules (session 3): event F1 0.812 (the first 82: 0.871; the 50
    # dx-: 0.714, from 0.579 before any tuning on them), actor recall 0.793, dates 0.925,
    # confident accuracy 0.889. Floors sit a little under the figures, so noise does not fail CI.
    # After the issue 9 'what' round (types, second events, roles, claims): event F1 0.833
    # (first 82: 0.882; dx-: 0.753), actor recall 0.807, confident accuracy 0.912.
    "dev": {
        "event_f1": 0.81,
        "actor_recall": 0.78,
        "date_accuracy": 0.90,
        "confident_accuracy": 0.85,
    },
    # Never tuned on; scored once at the end of each round (68 reports). Session 2: event F1
    # 0.686, actor recall 0.671, dates 0.853, confident accuracy 0.821. Session 3: 0.722,
    # 0.723, 0.881, 0.830.
    "test": {
        "event_f1": 0.70,
        "actor_recall": 0.70,
        "date_accuracy": 0.86,
        "confident_accuracy": 0.80,
    },
}

"""Accuracy floors of `geoevents evaluate`, in one place: raise them as extraction improves.

Keys are names in :func:`app.extraction.evaluation.report.summary`. Each corpus is scored once
per test session; a figure under its floor fails CI (tests/extraction/test_floors.py).
"""

#: The project's own 55 reports (tests/fixtures/corpus/reports.jsonl): rules were tuned on it.
OLD_CORPUS = {
    "toponym_f1": 0.95,
    "resolution_accuracy": 0.95,
    "resolution_same_governorate": 0.95,
    "event_f1": 0.90,
    "actor_f1": 0.75,
    "date_accuracy": 0.95,
}

#: The blind corpus (tests/fixtures/blind/{dev,test}.jsonl), by split. Issue 9's targets for
#: the frozen test split are event_f1 0.85, actor_recall 0.85, date_accuracy 0.95.
BLIND = {
    # 232 reports: the first 82, 50 dx- reports by a fourth writer, and 100 dy-/dz- reports by
    # two more (session 4), all written blind. Session 4, after the where/what rules: the 132
    # tuned on score event F1 0.865 (first 82: 0.894; dx-: 0.819); the 100 dy-/dz- were
    # scored before they joined dev, never tuned on: 0.745 (0.694 with the session's starting
    # code). All 232: event F1 0.817, actor recall 0.760, dates 0.926, confident accuracy 0.888
    # (calibration refit on the 232). Floors sit a little under, so noise does not fail CI.
    "dev": {
        "event_f1": 0.80,
        "actor_recall": 0.74,
        "date_accuracy": 0.90,
        "confident_accuracy": 0.86,
    },
    # Never tuned on; scored once at the end of each round (68 reports). Session 2: event F1
    # 0.686, actor recall 0.671, dates 0.853, confident accuracy 0.821. Session 3: 0.722,
    # 0.723, 0.881, 0.830. Session 4: 0.737, 0.744, 0.885, 0.854.
    "test": {
        "event_f1": 0.72,
        "actor_recall": 0.72,
        "date_accuracy": 0.86,
        "confident_accuracy": 0.82,
    },
}

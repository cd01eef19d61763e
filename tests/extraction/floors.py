"""Accuracy floors of `geoevents evaluate`, in one place: raise them as extraction improves.

Keys are names in :func:`app.extraction.evaluation.report.summary`. Each corpus is scored once
per test session; a figure under its floor fails CI (tests/extraction/test_floors.py).
"""

#: The project's own 55 reports (tests/fixtures/corpus/reports.jsonl): rules were tuned on it.
OLD_CORPUS = {
    "toponym_f1": 0.95,
    "resolution_accuracy": 0.95,
    "resolution_same_governorate": 0.95,
    "event_f1": 0.93,
    "actor_f1": 0.78,
    "date_accuracy": 0.95,
}

#: The blind corpus (tests/fixtures/blind/{dev,test}.jsonl), by split. Issue 9's targets for
#: the frozen test split are event_f1 0.85, actor_recall 0.85, date_accuracy 0.95.
BLIND = {
    # 282 reports: the first 82, 50 dx- reports by a fourth writer, 100 dy-/dz- by two more
    # (session 4) and 50 dw- by a sixth (session 5), all written blind. Session 5, after the
    # where/what rules (tuned on the 232 before dw- joined): those 232 score event F1 0.836,
    # actor recall 0.797, dates 0.940; the 50 dw- were scored before they joined dev, never
    # tuned on: 0.666 (0.644 with the session's starting code). All 282: event F1 0.803,
    # actor recall 0.784, dates 0.921, confident accuracy 0.890 (calibration refit on the 282).
    # Floors sit a little under, so noise does not fail CI.
    "dev": {
        "event_f1": 0.78,
        "actor_recall": 0.76,
        "date_accuracy": 0.90,
        "confident_accuracy": 0.86,
    },
    # Never tuned on; scored once at the end of each round (68 reports). Session 2: event F1
    # 0.686, actor recall 0.671, dates 0.853, confident accuracy 0.821. Session 3: 0.722,
    # 0.723, 0.881, 0.830. Session 4: 0.737, 0.744, 0.885, 0.854. Session 5: 0.764, 0.772,
    # 0.914, 0.859.
    "test": {
        "event_f1": 0.74,
        "actor_recall": 0.75,
        "date_accuracy": 0.89,
        "confident_accuracy": 0.83,
    },
}

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
    "actor_f1": 0.79,
    "date_accuracy": 0.95,
}

#: The blind corpus (tests/fixtures/blind/{dev,test}.jsonl), by split. Issue 9's targets for
#: the frozen test split are event_f1 0.85, actor_recall 0.85, date_accuracy 0.95.
BLIND = {
    # 382 reports: the first 82, 50 dx- reports by a fourth writer, 100 dy-/dz- by two more
    # (session 4), 50 dw- by a sixth (session 5) and 100 dv-/du- by two more (session 6), all
    # written blind. Session 6 had two rounds: the first tuned on the 232 without dw-/dv-/du-
    # (those 232 now score event F1 0.874, actor recall 0.829, dates 0.955), the second on the
    # 332 without du- (read chiefly the 100 dw-/dv- errors). The 100 dv-/du- were scored before
    # they joined dev: 0.645 with the session's starting code, 0.651 after round one; du- held
    # back through round two: 0.658 -> 0.659. All 382: event F1 0.801, actor recall 0.791,
    # dates 0.907, confident accuracy 0.890 (calibration refit on the 382).
    # Floors sit a little under, so noise does not fail CI.
    "dev": {
        "event_f1": 0.78,
        "actor_recall": 0.77,
        "date_accuracy": 0.89,
        "confident_accuracy": 0.87,
    },
    # Never tuned on; scored once at the end of each round (68 reports). Session 2: event F1
    # 0.686, actor recall 0.671, dates 0.853, confident accuracy 0.821. Session 3: 0.722,
    # 0.723, 0.881, 0.830. Session 4: 0.737, 0.744, 0.885, 0.854. Session 5: 0.764, 0.772,
    # 0.914, 0.859. Session 6: 0.775, 0.816, 0.923, 0.881 after its first round, 0.783, 0.816,
    # 0.921, 0.881 after its second.
    "test": {
        "event_f1": 0.77,
        "actor_recall": 0.80,
        "date_accuracy": 0.91,
        "confident_accuracy": 0.86,
    },
}

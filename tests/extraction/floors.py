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
    # 782 reports: the first 82, 50 dx- reports by a fourth writer, 100 dy-/dz- by two more
    # (session 4), 50 dw- by a sixth (session 5), 100 dv-/du- by two more (session 6), 100
    # dt-/ds- by two more (session 7) and 300 dr-/dq-/dp-/do-/dn-/dm- by six more (session 8),
    # all written blind. The 300 were scored before they joined dev: event F1 0.654 with
    # session 8's starting code, 0.661 after its rules (actor recall 0.664 -> 0.691, dates
    # 0.833 -> 0.838). All 782, with the classifier and the calibration refit on them (so
    # in-sample for both): event F1 0.786, actor recall 0.768, dates 0.905, confident accuracy
    # 0.880; after a second round tuned on all 782: 0.795, 0.776, 0.914, 0.881. The floors went
    # down from 0.80/0.76/0.90/0.88 (on 482) because dev grew by 300 harder reports, not
    # because any report scores worse (the 482 score 0.844/0.806/0.938 at the end).
    # Floors sit a little under, so a small change of rules does not fail CI by itself.
    "dev": {
        "event_f1": 0.78,
        "actor_recall": 0.76,
        "date_accuracy": 0.90,
        "confident_accuracy": 0.86,
    },
    # Never tuned on; scored once at the end of each round (68 reports). Session 2: event F1
    # 0.686, actor recall 0.671, dates 0.853, confident accuracy 0.821. Session 3: 0.722,
    # 0.723, 0.881, 0.830. Session 4: 0.737, 0.744, 0.885, 0.854. Session 5: 0.764, 0.772,
    # 0.914, 0.859. Session 6: 0.775, 0.816, 0.923, 0.881 after its first round, 0.783, 0.816,
    # 0.921, 0.881 after its second. Session 7: 0.803, 0.809, 0.926, 0.859 (326 events at 0.8
    # or more, against 294: 280 right instead of 259). The confident-accuracy floor went from
    # 0.86 to 0.85: the calibration is fitted on dev, where the learned classifier is scored on
    # its own training sentences, so it is a little over-confident on new text (issue 9 asks
    # 0.80). Session 8: 0.805, 0.833, 0.932, 0.872 (312 events) after its first round; 0.812,
    # 0.828, 0.940, 0.877 (302 events) after its second.
    "test": {
        "event_f1": 0.80,
        "actor_recall": 0.82,
        "date_accuracy": 0.92,
        "confident_accuracy": 0.86,
    },
}

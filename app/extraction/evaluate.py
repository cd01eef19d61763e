"""Score the pipeline against a corpus with gold annotations.

Toponyms (when the corpus has them): precision/recall/F1 on exact character spans (and on
overlapping spans), and the share resolved right. Events: strict matches (category,
governorate, date in interval) for precision/recall/F1, per event type, per style and per
annotation tag, per field over aligned pairs, actor recall and roles (gold actor names read
through the actor lexicon's aliases), and the reliability of the confidence. The parts live
in :mod:`app.extraction.evaluation`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.extraction.confidence import features
from app.extraction.evaluation.actor_names import GoldActorNames
from app.extraction.evaluation.corpus import corpus_file, read_corpus
from app.extraction.evaluation.events import ReportEvents, score_events
from app.extraction.evaluation.scores import Counts, Scores
from app.extraction.evaluation.toponyms import resolved_right, score_toponyms
from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput

__all__ = ["Counts", "Scores", "corpus_file", "evaluate", "read_corpus", "resolved_right"]


def evaluate(
    extractor: Extractor, records: Iterable[dict[str, Any]], raw_actor_names: bool = False
) -> Scores:
    """Run the pipeline over gold records and score it.

    Gold actor names are read through the extractor's alias table first
    (:mod:`app.extraction.evaluation.actor_names`), unless ``raw_actor_names``.
    """
    scores = Scores(actor_names="raw" if raw_actor_names else "lexicon")
    names = (
        None if raw_actor_names else GoldActorNames.from_actors(extractor.actors.actors.values())
    )
    for record in records:
        result = extractor.extract(
            ReportInput(record["text"], record["published"], record.get("title"))
        )
        report_id = record.get("id", "?")
        if "toponyms" in record:
            score_toponyms(scores, record["toponyms"], result.mentions, report_id)
        drafts = result.drafts if len(result.drafts) == len(result.events) else None
        score_events(
            scores,
            ReportEvents(
                report_id,
                result.text,
                [names.event(g) for g in record["events"]] if names else record["events"],
                result.events,
                [features(d) for d in drafts] if drafts is not None else None,
                record.get("style"),
            ),
        )
        scores.reports += 1
    return scores

"""How the scorer pairs gold and predicted events: small hand-made reports, figures by hand."""

from typing import Any

from app.events import EventFeature
from app.extraction.evaluation.events import ReportEvents, _strict, score_events
from app.extraction.evaluation.scores import Scores
from tests.factories import make_event

S1 = "Gunmen clashed with the army in Shaddadi on Monday."
S2 = "Turkish shelling killed two civilians in Qamishli on Monday."
TEXT = f"{S1} {S2}"


def _gold(
    sentence: str,
    event_type: str,
    date: str = "2024-08-05",
    name: str = "Qamishli",
    admin1: str = "SY-HA",
    actors: tuple[str, ...] = (),
    category: str = "security_incident",
) -> dict[str, Any]:
    return {
        "event_type": event_type,
        "category": category,
        "date": date,
        "date_end": date,
        "location": {"name": name, "admin1": admin1, "country": "SY"},
        "actors": [{"name": a, "role": "actor"} for a in actors],
        "sentence": sentence,
    }


def _predicted(
    sentence: str,
    event_type: str,
    date: str = "2024-08-05",
    date_end: str | None = None,
    name: str = "Qamishli",
    admin1: str = "SY-HA",
    actors: tuple[str, ...] = (),
    category: str = "security_incident",
) -> EventFeature:
    event = make_event(
        event_type=event_type,
        category=category,
        date=date,
        date_end=date_end,
        admin1=admin1,
        country="SY",
        actors=[(a, "actor") for a in actors],
        summary=sentence,
    )
    start = TEXT.index(sentence)
    props = event.properties
    evidence = [
        e.model_copy(update={"start": start, "end": start + len(sentence)}) for e in props.evidence
    ]
    where = props.location.model_copy(update={"name": name}) if props.location else None
    return event.model_copy(
        update={"properties": props.model_copy(update={"evidence": evidence, "location": where})}
    )


def _score(gold: list[dict[str, Any]], events: list[EventFeature]) -> Scores:
    scores = Scores()
    score_events(scores, ReportEvents("r1", TEXT, gold, events))
    return scores


def test_a_gold_event_does_not_take_the_partner_of_another_sentence():
    # The Shaddadi clash has no prediction; the shelling's prediction is in the same
    # governorate, category and date, so in gold order the clash took it and the shelling's
    # actors were compared with nothing.
    gold = [
        _gold(S1, "armed_clash", name="Shaddadi", actors=("SDF",)),
        _gold(S2, "attack", actors=("Turkish Armed Forces",)),
    ]
    scores = _score(gold, [_predicted(S2, "attack", actors=("Turkish Armed Forces",))])
    assert (scores.events.tp, scores.events.fp, scores.events.fn) == (1, 0, 1)
    assert scores.event_type_right == 1
    assert (scores.overall.actor_recall.hit, scores.overall.actor_recall.total) == (1, 1)
    assert (scores.actors.tp, scores.actors.fp, scores.actors.fn) == (1, 0, 0)
    assert scores.errors[0].startswith("r1 missed event armed_clash 2024-08-05 Shaddadi")


def test_the_most_matches_are_found():
    # The first prediction covers both days, the second only Monday: in gold order Monday took
    # the first and Tuesday was left with none.
    gold = [_gold(S2, "attack"), _gold(S2, "attack", date="2024-08-06")]
    events = [_predicted(S2, "attack", date_end="2024-08-06"), _predicted(S2, "attack")]
    scores = _score(gold, events)
    assert (scores.events.tp, scores.events.fp, scores.events.fn) == (2, 0, 0)
    assert (scores.date_in_interval, scores.date_exact, scores.date_total) == (2, 1, 2)


def test_among_equal_matches_the_same_event_type_wins():
    gold = [_gold(S2, "airstrike"), _gold(S2, "ied_explosion")]
    scores = _score(gold, [_predicted(S2, "ied_explosion"), _predicted(S2, "airstrike")])
    assert scores.events.tp == 2
    assert scores.event_type_right == 2
    assert (scores.overall.type.hit, scores.overall.type.total) == (2, 2)


def test_the_same_sentence_outweighs_the_event_type():
    # Each prediction has the other's type but the gold event's sentence.
    gold = [_gold(S1, "armed_clash"), _gold(S2, "attack")]
    scores = _score(gold, [_predicted(S2, "armed_clash"), _predicted(S1, "attack")])
    assert scores.events.tp == 2
    assert scores.event_type_right == 0


def test_actors_then_place_names_break_the_remaining_ties():
    gold = [
        _gold(S2, "attack", actors=("ISIS",), name="Qamishli"),
        _gold(S2, "attack", actors=("SDF",), name="Hasakah"),
    ]
    events = [
        _predicted(S2, "attack", actors=("SDF",), name="Qamishli"),
        _predicted(S2, "attack", actors=("ISIS",), name="Hasakah"),
    ]
    assert _score(gold, events).actors.tp == 2  # the shared actor outweighs the place name
    events = [_predicted(S2, "attack", name="Hasakah"), _predicted(S2, "attack", name="Qamishli")]
    assert _strict(Scores(), ReportEvents("r1", TEXT, gold, events)) == {0: 1, 1: 0}


def test_a_gold_event_whose_only_prediction_matched_another_is_no_date_error():
    # One prediction of Monday, which the Monday event matches: the Sunday event is missed,
    # not dated wrong (in gold order it counted as a date outside the interval).
    gold = [_gold(S1, "attack", date="2024-08-04"), _gold(S2, "attack")]
    scores = _score(gold, [_predicted(S2, "attack")])
    assert (scores.date_in_interval, scores.date_exact, scores.date_total) == (1, 1, 1)
    # A left-over prediction of the category and area with another date is a date error.
    scores = _score(gold, [_predicted(S2, "attack"), _predicted(S1, "attack", date="2024-08-01")])
    assert (scores.date_in_interval, scores.date_exact, scores.date_total) == (1, 1, 2)
    assert scores.date_accuracy == 0.5


def test_left_overs_are_aligned_like_the_matches():
    # Neither gold event matches (the prediction is in Raqqa); the one prediction of their
    # sentence is aligned with the gold event of its category, not the first in gold order.
    gold = [
        _gold(S2, "troop_movement", category="movement"),
        _gold(S2, "attack"),
    ]
    scores = _score(gold, [_predicted(S2, "attack", name="Raqqa", admin1="SY-RA")])
    assert scores.events.tp == 0
    assert (scores.overall.aligned.hit, scores.overall.aligned.total) == (1, 2)
    assert (scores.overall.type.hit, scores.overall.type.total) == (1, 1)
    assert (scores.overall.place.hit, scores.overall.place.total) == (0, 1)
    assert "found attack" in scores.errors[1] and "found" not in scores.errors[0]

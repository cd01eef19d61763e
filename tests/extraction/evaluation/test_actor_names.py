"""Gold actor names read through the actor lexicon's aliases before scoring."""

import datetime as dt

import pytest

from app.extraction.actors import Actor
from app.extraction.evaluate import evaluate
from app.extraction.evaluation.actor_names import GoldActorNames, alias_key

ACTORS = [
    Actor("Syrian opposition factions", "rebel_group", "SY", ("Syrian rebels", "rebels")),
    Actor("Asayish", "state_forces", "SY", ("Asayish",)),
    Actor("Kurdistan Region Asayish", "state_forces", "IQ", ("Asayish", "KRG Asayish")),
    Actor("Unidentified armed group (Iraq)", "other", "IQ", ("gunmen",)),
    Actor("Unidentified armed group (Syria)", "other", "SY", ("gunmen",)),
]


@pytest.fixture(scope="module")
def names():
    return GoldActorNames.from_actors(ACTORS)


def test_an_alias_of_one_actor_is_read_as_its_canonical_name(names):
    assert names.name("Syrian rebels") == "Syrian opposition factions"
    assert names.name("  syrian REBELS ") == "Syrian opposition factions"
    assert names.name("KRG Asayish") == "Kurdistan Region Asayish"


def test_canonical_ambiguous_and_unknown_names_stay_as_written(names):
    assert names.name("Asayish") == "Asayish"  # canonical, though also another's alias
    assert names.name("gunmen") == "gunmen"  # Iraq's or Syria's: no guess
    assert names.name("Syrian rebel") == "Syrian rebel"  # nothing fuzzy
    assert names.name("Southern Front") == "Southern Front"


def test_a_gold_event_is_renamed_one_for_one(names):
    gold = {
        "event_type": "armed_clash",
        "actors": [
            {"name": "rebels", "role": "actor"},
            {"name": "Syrian opposition factions", "role": "target"},
        ],
    }
    renamed = names.event(gold)
    assert renamed["actors"] == [
        {"name": "Syrian opposition factions", "role": "actor"},
        {"name": "Syrian opposition factions", "role": "target"},
    ]
    assert renamed["event_type"] == "armed_clash"
    assert gold["actors"][0]["name"] == "rebels"  # the record itself is left alone


def test_the_table_agrees_with_the_lexicons_own_reading(extractor):
    matcher = extractor.actors
    names = GoldActorNames.from_actors(matcher.actors.values())
    assert all(names.name(n) == n for n in matcher.actors)
    for key, name in names.aliases.items():
        if all(alias_key(n) != key for n in matcher.actors):
            assert matcher.canonical(key) == name
    assert names.name("Syrian rebels") == "Syrian opposition factions"


REPORT = {
    "id": "r1",
    "published": dt.date(2016, 5, 4),
    "text": "Syrian rebels attacked army positions in Daraa on Monday, killing three soldiers.",
    "events": [
        {
            "event_type": "armed_clash",
            "category": "security_incident",
            "date": "2016-05-02",
            "date_end": "2016-05-02",
            "location": {"name": "Daraa", "admin1": "SY-DR", "country": "SY"},
            "actors": [
                {"name": "Syrian rebels", "role": "actor"},
                {"name": "Syrian government forces", "role": "target"},
            ],
            "sentence": "Syrian rebels attacked army positions in Daraa on Monday, "
            "killing three soldiers.",
        }
    ],
}


def test_actor_recall_roles_and_f1_compare_canonical_names(extractor):
    scores = evaluate(extractor, [REPORT])
    assert scores.actor_names == "lexicon"
    assert scores.events.tp == 1
    assert (scores.overall.actor_recall.hit, scores.overall.actor_recall.total) == (2, 2)
    assert (scores.overall.roles.hit, scores.overall.roles.total) == (2, 2)
    assert (scores.actors.tp, scores.actors.fp, scores.actors.fn) == (2, 0, 0)
    assert REPORT["events"][0]["actors"][0]["name"] == "Syrian rebels"


def test_raw_names_keep_the_literal_comparison(extractor):
    scores = evaluate(extractor, [REPORT], raw_actor_names=True)
    assert scores.actor_names == "raw"
    assert (scores.overall.actor_recall.hit, scores.overall.actor_recall.total) == (1, 2)
    assert (scores.overall.roles.hit, scores.overall.roles.total) == (1, 1)
    assert (scores.actors.tp, scores.actors.fp, scores.actors.fn) == (1, 1, 1)
    assert any(
        "missing ['Syrian rebels'], extra ['Syrian opposition factions']" in d
        for d in scores.details
    )

"""No ordinary English word becomes a place (issue 15)."""

import csv
import datetime as dt
import json
from collections import Counter

import pytest

from app.domain import Place
from app.extraction.places import Mention, ToponymMatcher
from app.extraction.report_input import ReportInput
from app.extraction.resolve import REGION_CENTRE, ResolvedMention, far_and_alone
from app.extraction.text import split_sentences
from app.extraction.word_evidence import confirmed_by_neighbours, has_locative
from tests.conftest import FIXTURES
from tools.english_vocabulary import COMMON_ZIPF, common_words

ALLOWED = {
    row["word"]: row
    for row in csv.DictReader((FIXTURES / "common_word_places.csv").open(encoding="utf-8"))
}


def places(extractor, text):
    _, mentions = extractor.geoparse(text)
    return [(m.mention.text, m.place.name) for m in mentions if m.place is not None]


def test_the_allow_list_gives_a_reason_for_every_entry():
    assert ALLOWED
    assert all(row["reason"].strip() and row["place"].strip() for row in ALLOWED.values())


@pytest.mark.slow  # about 5 s: 44,000 sentences through the whole geoparser
def test_every_common_english_word_stays_a_word(extractor):
    """Each common word, capitalised opening a sentence and lower case inside one."""
    words = sorted(common_words())
    assert len(words) > 15_000 and COMMON_ZIPF == 3.0
    found: dict[str, set[str]] = {}
    for word in words:
        for sentence in (
            f"{word.capitalize()} was mentioned in the report.",
            f"The report mentioned {word} twice.",
        ):
            for _, place in places(extractor, sentence):
                found.setdefault(word, set()).add(place)
    unexpected = {
        word: found_places
        for word, found_places in found.items()
        if word not in ALLOWED or found_places != {ALLOWED[word]["place"]}
    }
    assert unexpected == {}
    stale = set(ALLOWED) - set(found)
    assert stale == set(), "allow-list entries no longer needed"


@pytest.mark.parametrize(
    "sentence",
    [
        "Five people were killed when a car bomb exploded.",
        "Paradise is what the militants promised recruits.",
        "Gold and cash were seized at the checkpoint.",
        "Progress on the talks has been slow.",
        "Freedom of movement was restricted.",
        "Airport workers went on strike.",
        "Rest was impossible for the displaced families.",
        "Cars were set on fire.",
        "Soul searching followed the defeat.",
        "Lion statues were smashed.",
        "March was the bloodiest month.",
        "Sunday's attack was the third.",
        "Tell them to leave, the commander said.",
        "Victory was declared on Tuesday.",
        "Assad said the army would retake the north.",
        "Ali was killed by a sniper.",
        "Saddam was toppled in 2003.",
        "Okay, the spokesman said.",
        "Ramadan began on Monday.",
        "Allah is great, the fighters shouted.",
    ],
)
def test_sentence_openers_are_no_places(extractor, sentence):
    assert places(extractor, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A bomb exploded north of Hit on Tuesday.", [("Hit", "Hit")]),
        ("The desert between Hit and Haditha is calm.", [("Hit", "Hit"), ("Haditha", "Haditha")]),
        ("Soldiers drove from Ana to Rawa.", [("Ana", "Anah"), ("Rawa", "Rawa")]),
        ("The prison, also known as al-Sina'a, was attacked.", [("al-Sina'a", "Ghwayran prison")]),
    ],
)
def test_word_names_with_evidence_are_places(extractor, sentence, expected):
    assert places(extractor, sentence) == expected


def test_word_keys_come_from_the_gazetteer(gazetteer):
    matcher = ToponymMatcher(gazetteer)
    assert {"hit", "tell", "van"} <= matcher.word_keys
    assert "mosul" not in matcher.word_keys


def test_evidence_rules():
    assert has_locative("in", sentence_start=False)
    assert not has_locative("in", sentence_start=True)
    assert has_locative("to", sentence_start=False)
    assert not has_locative("to", sentence_start=False, strict=True)
    assert not has_locative(None, sentence_start=False)

    class Span:
        def __init__(self, start, end):
            self.start, self.end = start, end

    text = "Hit and Haditha; Tell; Kirkuk, Tal"
    hit, haditha, tell, kirkuk, tal = (
        Span(0, 3),
        Span(8, 15),
        Span(17, 21),
        Span(23, 29),
        Span(31, 34),
    )
    kept = confirmed_by_neighbours(
        text, [hit, haditha, tell, kirkuk, tal], [True, False, True, False, True]
    )
    assert kept == [hit, haditha, kirkuk, tal]


def _place(pid, country, lat, lon, population):
    return Place(pid, pid, "town", lat, lon, country, None, None, population)


def test_a_lone_far_away_town_is_no_place():
    mention = Mention(0, 4, "Okay", "okay", None, True)
    haiti = ResolvedMention(mention, _place("les-cayes", "HT", 18.2, -73.7, 70_000), 110, ())
    moscow = ResolvedMention(mention, _place("moscow", "RU", 55.7, 37.6, 10_000_000), 110, ())
    doha = ResolvedMention(mention, _place("doha", "QA", 25.3, 51.5, 340_000), 110, ())
    out = far_and_alone([haiti, moscow, doha], Counter(), REGION_CENTRE)
    assert [r.place.id if r.place else None for r in out] == [None, "moscow", "doha"]
    # Named by an adjective, or one of two places of the country: kept.
    assert far_and_alone([haiti], Counter({"HT": 1}), REGION_CENTRE)[0].place is not None
    port = ResolvedMention(mention, _place("port-au-prince", "HT", 18.5, -72.3, 400_000), 1, ())
    assert all(r.place for r in far_and_alone([haiti, port], Counter(), REGION_CENTRE))


def test_place_free_sentences_of_the_corpus_yield_no_place(extractor):
    checked = 0
    with (FIXTURES / "corpus" / "reports.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text, mentions = extractor.geoparse(record["text"])
            assert text == record["text"]
            for sentence in split_sentences(text):
                if any(sentence.start <= t["start"] < sentence.end for t in record["toponyms"]):
                    continue
                checked += 1
                wrong = [
                    (m.mention.text, m.place.name)
                    for m in mentions
                    if m.place is not None and sentence.start <= m.mention.start < sentence.end
                ]
                assert wrong == [], (record["id"], sentence.text)
    assert checked >= 40


def test_the_tuz_khurmatu_bombing_is_placed_there(extractor):
    report = ReportInput(
        "Five people were killed when an explosives-laden car blew up close to the main "
        "market of Tuz Khurmatu in Salahuddin province on Tuesday.",
        dt.date(2024, 8, 8),
    )
    events = extractor.extract(report).events
    assert [(e.properties.event_type, e.properties.location.admin1) for e in events] == [
        ("ied_explosion", "IQ-SD")
    ]
    assert events[0].properties.location.name == "Tuz Khurmatu"

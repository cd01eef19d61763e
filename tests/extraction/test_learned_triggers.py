import datetime as dt

import pytest

from app.extraction.event_types import BY_NAME, Trigger
from app.extraction.learned_triggers import (
    LEARNED_CEILING,
    SHIPPED,
    LearnedTrigger,
    LearnedTriggers,
    Thresholds,
)
from app.extraction.report_input import ReportInput
from app.extraction.sentence_features import sentence_features, words
from app.extraction.sentence_model import SentenceModel
from app.extraction.text import Sentence
from tools.train_sentence_model import Example, fit

# A hand-made recall model: "skirmished" speaks for violence (armed clash) and nothing else;
# "rally" weakly for unrest. The precision model finds "rule:violence" unlikely when the
# sentence speaks of "statistics".
_LABELS = ("violence", "unrest", "armed_clash", "airstrike", "protest")
RECALL = SentenceModel(
    _LABELS,
    (-4.0, -4.0, -4.0, -4.0, -4.0),
    {"skirmished": ((0, 8.0), (2, 8.0)), "rally": ((1, 1.0), (4, 1.0))},
)
PRECISION = SentenceModel(
    ("violence",), (2.0,), {"statistics": ((0, -8.0),), "rule:violence": ((0, 1.0),)}
)
WORDS = "Rival militias skirmished near the dam, residents said."


def _sentence(text: str, start: int = 100) -> Sentence:
    return Sentence(3, start, start + len(text), text)


def _rule(spec: str, sentence: Sentence, word: str) -> Trigger:
    at = sentence.text.index(word)
    return Trigger(BY_NAME[spec], sentence.start + at, sentence.start + at + len(word), word)


def test_a_confident_group_the_rules_missed_becomes_a_learned_trigger_at_its_word():
    sentence = _sentence(WORDS)
    learned = LearnedTriggers(Thresholds(add=0.9), RECALL, PRECISION)
    [trigger] = learned.revise(sentence, [])
    assert isinstance(trigger, LearnedTrigger)
    assert trigger.spec.name == "armed_clash"
    assert trigger.text == "skirmished"
    assert sentence.text[trigger.start - sentence.start : trigger.end - sentence.start] == (
        "skirmished"
    )
    assert trigger.probability == pytest.approx(1 / (1 + 2.718281828**-4.0), abs=1e-3)


def test_nothing_is_added_below_the_threshold_or_where_the_rules_found_a_trigger():
    sentence = _sentence(WORDS)
    assert LearnedTriggers(Thresholds(add=0.99), RECALL, PRECISION).revise(sentence, []) == []
    rule = _rule("protest", sentence, "skirmished")
    revised = LearnedTriggers(Thresholds(add=0.5), RECALL, PRECISION).revise(sentence, [rule])
    assert revised == [rule]
    weak = _sentence("A rally was held.")
    assert LearnedTriggers(Thresholds(add=0.5), RECALL, PRECISION).revise(weak, []) == []


def test_a_rule_trigger_the_precision_model_finds_unlikely_is_dropped():
    told = _sentence("Rebels skirmished with troops near the dam.")
    tally = _sentence("Statistics show rebels skirmished with troops all year.")
    learned = LearnedTriggers(Thresholds(drop=0.1), RECALL, PRECISION)
    rule = _rule("armed_clash", told, "skirmished")
    assert learned.revise(told, [rule]) == [rule]
    assert learned.revise(tally, [_rule("armed_clash", tally, "skirmished")]) == []


def test_a_trigger_word_the_rules_set_aside_is_not_brought_back(extractor):
    # "may have attacked": the rules read the word and judge it no occurrence.
    recall = SentenceModel(
        _LABELS, (-4.0,) * 5, {"attacked": ((0, 8.0), (2, 8.0)), "skirmished": ((0, 8.0),)}
    )
    hedged = _sentence("Militants may have attacked a checkpoint near the dam.")
    loose = LearnedTriggers(Thresholds(add=0.9), recall, PRECISION)
    gated = LearnedTriggers(Thresholds(add=0.9), recall, PRECISION, finder=extractor.triggers)
    assert [t.text for t in loose.revise(hedged, [])] == ["attacked"]
    assert gated.revise(hedged, []) == []
    assert [t.text for t in gated.revise(_sentence(WORDS), [])] == ["skirmished"]


def test_rare_groups_are_never_dropped():
    precision = SentenceModel(("other", "violence"), (-9.0, -9.0), {})
    sentence = _sentence("A mass grave was uncovered outside the town.")
    rule = _rule("other", sentence, "uncovered")
    clash = _rule("armed_clash", sentence, "mass")
    learned = LearnedTriggers(Thresholds(drop=0.1), RECALL, precision)
    assert learned.revise(sentence, [rule, clash]) == [rule]


def test_thresholds_are_probabilities():
    with pytest.raises(ValueError):
        Thresholds(add=1.0)
    with pytest.raises(ValueError):
        Thresholds(drop=0.0)


def test_the_pipeline_uses_the_shipped_thresholds_by_default(extractor):
    assert isinstance(extractor.learned, LearnedTriggers)
    assert extractor.learned.thresholds == SHIPPED


def test_no_thresholds_change_nothing():
    sentence = _sentence(WORDS)
    rule = _rule("armed_clash", sentence, "skirmished")
    assert LearnedTriggers(Thresholds(), RECALL, PRECISION).revise(sentence, [rule]) == [rule]


def test_the_pipeline_drafts_a_learned_trigger_with_its_places_dates_and_ceiling(extractor):
    text = "Rival militias skirmished near Tikrit on Monday, residents said."
    report = ReportInput(text, dt.date(2024, 3, 14))
    shipped = extractor.learned
    try:
        extractor.learned = None
        assert extractor.extract(report).events == []  # no rule reads "skirmished"
        extractor.learned = LearnedTriggers(Thresholds(add=0.9), RECALL, PRECISION)
        [event] = extractor.extract(report).events
    finally:
        extractor.learned = shipped
    p = event.properties
    assert p.event_type == "armed_clash"
    assert p.location is not None and p.location.name == "Tikrit"
    assert p.date == dt.date(2024, 3, 11)
    assert p.confidence <= LEARNED_CEILING
    assert any(e.field == "sentence" and e.text == text for e in p.evidence)


def test_the_setting_turns_the_classifier_off(gazetteer, tmp_path):
    from app.extraction.pipeline import Extractor
    from app.settings import ExtractionSettings
    from tests.conftest import make_settings

    settings = make_settings(tmp_path)
    on = Extractor.configured(gazetteer, settings)
    assert isinstance(on.learned, LearnedTriggers)
    off_settings = settings.model_copy(
        update={"extraction": ExtractionSettings(_env_file=None, learned=False)}
    )
    assert Extractor.configured(gazetteer, off_settings).learned is None


def test_evaluate_reads_the_setting_too(monkeypatch):
    from app.cli_evaluate import _extractor

    monkeypatch.setenv("GEOEVENTS_LEARNED", "false")
    assert _extractor().learned is None


# Retyping: a recall model whose words say which kind of violence a sentence tells.
RETYPER = SentenceModel(
    ("violence", "armed_clash", "airstrike", "unrest", "protest", "riot"),
    (-4.0,) * 6,
    {
        "jets": ((0, 6.0), (2, 8.0)),
        "clashes": ((0, 6.0), (1, 8.0)),
        "stones": ((3, 6.0), (5, 8.0)),
    },
)


def test_a_rule_trigger_of_another_violence_type_than_the_words_say_is_retyped():
    sentence = _sentence("Jets pounded the village in an attack at dawn.")
    rule = _rule("armed_clash", sentence, "attack")
    retyping = LearnedTriggers(Thresholds(retype=0.5), RETYPER, PRECISION)
    [trigger] = retyping.revise(sentence, [rule])
    assert trigger.spec.name == "airstrike"
    assert (trigger.start, trigger.end, trigger.text) == (rule.start, rule.end, rule.text)
    assert not isinstance(trigger, LearnedTrigger)
    # Off, or below its threshold, the rule's type stays.
    assert LearnedTriggers(Thresholds(), RETYPER, PRECISION).revise(sentence, [rule]) == [rule]
    strict = LearnedTriggers(Thresholds(retype=0.99), RETYPER, PRECISION)
    assert strict.revise(sentence, [rule]) == [rule]


def test_retyping_keeps_the_rule_type_when_it_is_as_likely_and_leaves_other_groups_alone():
    both = _sentence("Jets struck during clashes in the village.")
    clash = _rule("armed_clash", both, "clashes")
    retyping = LearnedTriggers(Thresholds(retype=0.5), RETYPER, PRECISION)
    assert retyping.revise(both, [clash]) == [clash]  # armed_clash ties with airstrike
    thrown = _sentence("Youths threw stones at a protest outside the office.")
    protest = _rule("protest", thrown, "protest")
    assert retyping.revise(thrown, [protest]) == [protest]  # unrest is not retyped
    # Attack or clash turns on who was hit: the classifier does not decide it.
    fought = _sentence("Gunmen attacked a patrol and clashes followed.")
    attack = _rule("attack", fought, "attacked")
    assert retyping.revise(fought, [attack]) == [attack]


def test_a_tiny_model_trained_here_retypes_a_rule_trigger():
    # Sentences written for this test: none comes from a corpus.
    told = {
        "airstrike": [
            "Warplanes bombed the depot outside the town",
            "Warplanes bombed a convoy on the highway",
            "Warplanes bombed the bridge overnight",
            "Warplanes bombed positions near the river",
        ],
        "armed_clash": [
            "Gunmen exchanged fire with the police",
            "Tribesmen exchanged fire with soldiers at the gate",
            "Rebels exchanged fire with troops near the dam",
            "Militiamen exchanged fire with guards overnight",
        ],
    }
    examples = [
        Example("zz", sentence_features(words(text), []), {"violence", name})
        for name, texts in told.items()
        for text in texts
    ]
    examples += [
        Example("zz", sentence_features(words(text), []), set())
        for text in ("The ministry published its budget", "The minister met the envoy")
    ]
    recall = fit(examples, c=10.0, min_count=2, text_only=True)
    sentence = _sentence("Warplanes bombed a camp in an attack on the outskirts.")
    rule = _rule("attack", sentence, "attack")
    retyping = LearnedTriggers(Thresholds(retype=0.5), recall, PRECISION)
    assert retyping.revise(sentence, [rule])[0].spec.name == "airstrike"
    assert LearnedTriggers(Thresholds(), recall, PRECISION).revise(sentence, [rule]) == [rule]


def test_the_shipped_thresholds_retype():
    assert SHIPPED.retype is not None
    with pytest.raises(ValueError):
        Thresholds(retype=1.5)


def test_a_sentence_with_two_triggers_of_a_group_keeps_their_types():
    # The classifier reads the whole sentence: it cannot tell which of two violent acts the
    # jets were part of.
    sentence = _sentence("Gunmen attacked a post before jets struck their hideout.")
    rules = [_rule("attack", sentence, "attacked"), _rule("airstrike", sentence, "struck")]
    retyping = LearnedTriggers(Thresholds(retype=0.5), RETYPER, PRECISION)
    assert retyping.revise(sentence, rules) == rules
    assert retyping.revise(sentence, rules[:1])[0].spec.name == "airstrike"

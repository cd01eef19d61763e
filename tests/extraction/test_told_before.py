"""Events told before a claim's clause or a series reference (sentences written here)."""

from app.extraction.event_types import BY_NAME, Trigger
from app.extraction.text import Sentence
from app.extraction.told_before import before_claim, claim_clause_start

TEXT = "A car bomb went off near the market of Tuz; the Islamic State claimed the attack."
SENTENCE = Sentence(0, 100, 100 + len(TEXT), TEXT)


def _trigger(word: str, name: str) -> Trigger:
    at = TEXT.index(word)
    return Trigger(BY_NAME[name], 100 + at, 100 + at + len(word), word)


def test_a_claims_clause_begins_after_the_last_semicolon_before_it():
    assert claim_clause_start(SENTENCE, TEXT.index("claimed")) == TEXT.index("the Islamic")


def test_a_claim_that_opens_its_sentence_has_no_clause_before_it():
    text = "The Islamic State claimed the attack; a car bomb went off."
    assert claim_clause_start(Sentence(0, 0, len(text), text), text.index("claimed")) is None


def test_the_triggers_before_the_claims_clause_are_kept():
    bomb, attack = _trigger("car bomb", "ied_explosion"), _trigger("attack", "attack")
    assert before_claim(SENTENCE, TEXT.index("claimed"), [bomb, attack]) == [bomb]

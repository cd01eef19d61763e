from app.extraction.sentence_features import (
    NAME,
    NUMBER,
    RULE_NONE,
    rule_features,
    sentence_features,
    tokens,
    words,
)


def test_tokens_fold_case_and_numbers_and_keep_offsets():
    text = "Rebels shelled al-Bab's market, wounding 14 people."
    found = tokens(text)
    assert [t.key for t in found] == [
        "rebels",
        "shelled",
        "al-bab's",
        "market",
        "wounding",
        NUMBER,
        "people",
    ]
    assert all(text[t.start : t.end].lower() == t.key for t in found if t.key != NUMBER)
    assert text[found[5].start : found[5].end] == "14"


def test_words_are_the_keys_of_the_tokens():
    text = "Two IEDs hit a convoy near Kirkuk’s airport, killing 2."
    assert words(text) == [t.key for t in tokens(text)]


def test_a_capitalised_word_inside_the_sentence_is_a_name_not_the_word():
    # "south of Hit" (the town) must not lend the verb "hit" its weight, nor take it.
    assert words("Gunmen fell back to villages south of Hit.")[-1] == NAME + "hit"
    assert words("Mortars hit villages south of the town.")[1] == "hit"
    # The first word of a sentence and words in capitals keep their plain key.
    assert words("Hit was shelled by ISIS.") == ["hit", "was", "shelled", "by", "isis"]


def test_typographic_apostrophe_is_folded():
    assert [t.key for t in tokens("the army’s convoy")] == ["the", "army's", "convoy"]


def test_rule_features_name_each_group_once_or_none():
    assert rule_features(["violence", "unrest", "violence"]) == ["rule:unrest", "rule:violence"]
    assert rule_features([]) == [RULE_NONE]


def test_sentence_features_are_unigrams_bigrams_and_rules():
    features = sentence_features(words("Gunmen fired 3 rockets"), ["violence"])
    assert features == {
        "gunmen",
        "fired",
        NUMBER,
        "rockets",
        "gunmen fired",
        f"fired {NUMBER}",
        f"{NUMBER} rockets",
        "rule:violence",
    }
    assert sentence_features([], []) == {RULE_NONE}

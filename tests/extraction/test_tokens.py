"""Word tokens of a report (app/extraction/tokens.py)."""

from app.extraction.tokens import tokenize


def test_tokenize_marks_articles_joins_codes_and_strips_possessives():
    got = [tuple(t) for t in tokenize("Al-Qaim and the K-1 base near Mosul's T 4 airbase")]
    assert got == [
        ("Al", "al", 0, 2, True, False),
        ("Qaim", "qaim", 3, 7, False, False),
        ("and", "and", 8, 11, False, False),
        ("the", "the", 12, 15, False, False),
        ("K-1", "k1", 16, 19, False, False),
        ("base", "base", 20, 24, False, False),
        ("near", "near", 25, 29, False, False),
        ("Mosul", "mosul", 30, 35, False, True),
        ("T 4", "t4", 38, 41, False, False),
        ("airbase", "airbase", 42, 49, False, False),
    ]
    # An Arabic word with attached particles: the name starts at its article.
    assert [tuple(t) for t in tokenize("وبالموصل")] == [("الموصل", "موصل", 2, 8, False, False)]
    # An article looks at the next word as cut: a lower-case or Arabic word after a space
    # leaves it a word; a possessive article-word ("al's") is no article.
    got = [tuple(t)[:5] for t in tokenize("al وبالموصل, al Qaim's, ad-Dana al-بالرقة")]
    assert got == [
        ("al", "al", 0, 2, False),
        ("الموصل", "موصل", 5, 11, False),
        ("al", "al", 13, 15, True),
        ("Qaim", "qaim", 16, 20, False),
        ("ad", "ad", 24, 26, True),
        ("Dana", "dana", 27, 31, False),
        ("al", "al", 32, 34, False),
        ("الرقة", "رقه", 36, 41, False),
    ]


def test_a_word_met_again_gives_its_token_at_its_own_place() -> None:
    # The second "Irbil's" is read from what the first left (tokenize's per-word cache).
    tokens = tokenize("Irbil's airport near Irbil's gate")
    assert [(t.text, t.key, t.start, t.end, t.possessive) for t in tokens] == [
        ("Irbil", "irbil", 0, 5, True),
        ("airport", "airport", 8, 15, False),
        ("near", "near", 16, 20, False),
        ("Irbil", "irbil", 21, 26, True),
        ("gate", "gate", 29, 33, False),
    ]

from hypothesis import given
from hypothesis import strategies as st

from app.gazetteer.normalize import NameQuery, normalize, parse_query


def test_diacritics_case_articles_and_hyphens_fold_together():
    assert normalize("Al-Qāmishlī") == normalize("qamishli") == normalize("AL QAMISHLI")
    assert normalize("Ba'qubah") == normalize("Baqubah")
    assert normalize("Deir ez-Zor") == normalize("Deir Zor")
    assert normalize("K-1") == normalize("K1") == "k1"


def test_arabic_letter_variants_fold():
    assert normalize("أربيل") == normalize("اربيل") == normalize("إربيل")
    assert normalize("محافظة") == normalize("محافظه")  # taa marbuta
    assert normalize("ديالى") == normalize("ديالي")  # alef maqsura
    assert normalize("كركوك") == normalize("کرکوک")  # Persian kaf and yeh


def test_arabic_article_is_dropped():
    assert normalize("البصرة") == normalize("بصرة")


def test_kind_words_become_cues():
    assert parse_query("Nineveh province") == parse_query("Nineveh Governorate")
    assert parse_query("Kirkuk Governorate").kind_cue == "admin1"
    assert parse_query("Zakho district").kind_cue == "admin2"
    assert parse_query("Harir air base").key == "harir"
    assert parse_query("K-1 military base").key == "k1"
    assert parse_query("al-Hol camp").key == "hol"
    assert parse_query("Khor Mor gas field").key == "khor mor"
    assert parse_query("Mount Sinjar") == parse_query("Sinjar mountains")
    assert parse_query("Tishreen Dam").kind_cue == "site"
    assert parse_query("Kirkuk").kind_cue is None
    assert parse_query("Deir ez-Zor military airport") == parse_query("Deir ez-Zor airport")


def test_arabic_and_kurdish_kind_words_before_the_name_become_cues():
    assert parse_query("Jabal Sinjar") == parse_query("Mount Sinjar")
    assert parse_query("Çiyayê Şengalê") == NameQuery("sengale", "mountain")
    assert parse_query("Sadd Haditha") == NameQuery("haditha", "site")
    assert parse_query("Buhayrat al-Tharthar") == NameQuery("tharthar", "water")
    assert parse_query("Matar Baghdad").kind_cue == "site"
    assert parse_query("Sadd").key == "sadd"  # a kind word alone is a name


@given(st.text(max_size=40))
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@given(st.text(max_size=40))
def test_keys_have_no_punctuation_or_capitals(text):
    key = normalize(text)
    assert key == key.strip()
    assert "  " not in key
    assert key == key.lower()
    assert not any(ch in key for ch in "-'’,.()")

import random
import re

from app.extraction.text import _last_word, clean_text, paragraphs, split_sentences


def test_plain_text_keeps_its_layout_and_offsets():
    text = "Troops moved.  Then  they left.\n\nNew paragraph."
    assert clean_text(text) == text


def test_control_characters_and_junk_are_dropped():
    assert clean_text("Kir\x00kuk\x07 \ufffdbase") == "Kirkuk base"


def test_html_is_reduced_to_text_without_scripts():
    html = (
        "<html><body><p>Clashes in <b>Kirkuk</b>.</p><script>alert(1)</script>"
        "<p>Two killed &amp; three hurt.</p></body></html>"
    )
    text = clean_text(html)
    assert "alert" not in text and "<" not in text
    assert "Clashes in Kirkuk." in text and "Two killed & three hurt." in text


def test_sentences_carry_offsets():
    text = "Gen. Smith said the U.S. Army moved. Another sentence follows! A third?"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Gen. Smith said the U.S. Army moved.",
        "Another sentence follows!",
        "A third?",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_quotes_close_sentences():
    sentences = split_sentences('He said, "The force left." The base was quiet.')
    assert len(sentences) == 2


def test_the_word_before_a_full_stop_is_what_the_regular_expression_found() -> None:
    rng = random.Random(7)
    letters = ["a", "B", "1", "_", " ", "\n", ".", "é", "٣", "½", "-", "\u0301", "Ⅻ", "\t"]
    for _ in range(5000):
        piece = "".join(rng.choice(letters) for _ in range(rng.randint(0, 8)))
        found = re.search(r"(\w+)$", piece)
        assert _last_word(f"x{piece}y", 1, 1 + len(piece)) == (found.group(1) if found else "")
    assert _last_word("Gen.", 0, 3) == "Gen"
    assert _last_word("in the U.S\n", 0, 11) == "S"


def test_folded_text_keeps_offsets():
    from app.extraction.text import folded

    text = "TÜRKİYE MINISTRY OF NATIONAL DEFENCE: Straße"
    out = folded(text)
    assert len(out) == len(text)
    assert out.index("ministry of national defence") == text.index("MINISTRY")


def test_paragraphs_count_line_breaks_between_sentences():
    text = "Title line\n\nFirst one. Second one.\nThird one.\n\n- Fourth one."
    assert paragraphs(text, split_sentences(text)) == [0, 1, 1, 2, 3]

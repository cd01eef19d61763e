import hashlib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.ingest import content_hash

WHITESPACE = [c for c in map(chr, range(0x3100)) if c.isspace()]


def stored_formula(text: str) -> str:
    """How the hashes already in stores were computed (the identity of a report)."""
    return hashlib.sha256(re.sub(r"\s+", " ", text.casefold()).strip().encode()).hexdigest()


@settings(deadline=None)  # a shared machine: a slow example is no failure
@given(st.lists(st.one_of(st.text(max_size=8), st.sampled_from(WHITESPACE)), max_size=30))
def test_the_content_hash_is_the_stored_formula(parts):
    text = "".join(parts)
    assert content_hash(text) == stored_formula(text)


def test_case_and_spacing_do_not_count_but_words_do():
    same = content_hash("Clashes in  Kirkuk\u00a0on\tTuesday.\n")
    assert same == content_hash(" clashes in kirkuk on tuesday. ")
    assert same != content_hash("Clashes in Kirkuk on Monday.")
    assert len(WHITESPACE) > 20  # the unicode spaces (no-break, ideographic...) are tried

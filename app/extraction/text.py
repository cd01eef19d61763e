"""Report text: HTML reduced to text, junk characters removed, sentences with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

_HTML_HINT = re.compile(r"<(?:html|body|p|div|br|span|a|script|style|h\d|article|!DOCTYPE)\b", re.I)
# C0/C1 controls other than tab and newline, lone surrogates, the replacement character.
_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article")

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before
# whitespace and an upper-case letter, digit or opening quote -- unless the word before the
# full stop is a known abbreviation or a single capital (an initial, or the U. of U.S.).
_BOUNDARY = re.compile(r"""[.!?]["'”’)\]]?(?=\s+["'“‘(\[]?[A-Z0-9\u0600-\u06ff])|\n\s*\n|\n""")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt brig adm cmdr gov sen rep st no vs etc inc ltd co "
    "corp jan feb mar apr jun jul aug sep sept oct nov dec approx dept est fig".split()
)


def clean_text(raw: str) -> str:
    """Plain text from a report: HTML reduced to text, control characters dropped.

    Plain text keeps its layout, so evidence offsets point into what the user sent; only
    HTML is re-flowed. Every offset the pipeline returns is into this function's result.
    """
    text = _JUNK.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))
    if not _HTML_HINT.search(text):
        return text
    tree = LexborHTMLParser(text)
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    for tag in _BLOCK_TAGS:
        for node in tree.css(tag):
            node.insert_after("\n")
    root = tree.body or tree.root
    text = root.text(separator="") if root is not None else ""
    text = _SPACES.sub(" ", _JUNK.sub("", text))
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and its character span in the report."""

    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into ``text``; abbreviations and initials do not end one."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if text[match.start()] == ".":
            word = _last_word(text, start, match.start())
            if word and (word.lower() in _ABBREVIATIONS or len(word) == 1):
                continue
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def _last_word(text: str, start: int, stop: int) -> str:
    """What ``re.search(r"(\\w+)$", text[start:stop])`` finds ("" for no match), read from
    the end instead of searched for from the start: the word before a full stop."""
    if stop > start and text[stop - 1] == "\n":
        stop -= 1  # "$" also matches before a newline that ends the string
    first = stop
    while first > start and (text[first - 1].isalnum() or text[first - 1] == "_"):
        first -= 1
    return text[first:stop]


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))


def folded(text: str) -> str:
    """The text case-folded letter by letter, the same length as the text: a letter whose
    fold is longer ("İ" -> "i̇", "ß" -> "ss") keeps a one-letter lower case (or itself), so
    offsets found in the folded text are offsets in the text ("TÜRKİYE MINISTRY OF ...")."""
    whole = text.casefold()
    if len(whole) == len(text):
        return whole
    out = []
    for char in text:
        fold = char.casefold()
        if len(fold) != 1:
            fold = char.lower() if len(char.lower()) == 1 else char
        out.append(fold)
    return "".join(out)


def paragraphs(text: str, sentences: list[Sentence]) -> list[int]:
    """The paragraph of each sentence (by index): a line break between two sentences starts
    a new one (a heading, a bullet, a paragraph of a statement or a long story)."""
    out: list[int] = []
    number = 0
    for s in sentences:
        if s.index and "\n" in text[sentences[s.index - 1].end : s.start]:
            number += 1
        out.append(number)
    return out

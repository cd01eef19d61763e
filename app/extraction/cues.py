"""Cheap checks in front of regular expressions: words a pattern cannot match without.

A case-blind pattern (re.I) of ASCII words matches where the lower-cased text holds the words,
except for four non-ASCII letters that re.I also reads as ASCII ones ("İ", "ı", "ſ", the
Kelvin sign). Text with one of them gives None here, and the pattern runs as before.
"""

from __future__ import annotations

_CASE_TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")


def has_case_trap(text: str) -> bool:
    """Whether the text holds a letter that re.I matches to an ASCII letter of another case."""
    return any(trap in text for trap in _CASE_TRAPS)


def lowered(text: str) -> str | None:
    """The lower-cased text, in which ``in`` finds what a case-blind pattern of ASCII words
    would; None when it might not (then run the pattern)."""
    return text.lower() if text.isascii() or not has_case_trap(text) else None

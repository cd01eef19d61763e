"""A deadline's date is when something is due, not when anything happened.

"meant to meet a 19 September deadline set under an agreement signed in March", "Iran's
deadline of 19 September for disarming the groups passed": the agreement is of March; the
date the deadline names is no event's own while the sentence has another date.
"""

from __future__ import annotations

import re

from app.extraction.dates import DateMention
from app.extraction.text import Sentence

__all__ = ["deadline_date"]

#: Right after the date: "19 September deadline", "the 30 June cut-off".
_NAMES_DEADLINE = re.compile(r"^\s*(?:deadline|cut-?off|ultimatum)\b", re.I)
#: Right before the date: "a deadline of", "the deadline on", "given until", "a deadline set
#: for".
_DEADLINE_OF = re.compile(
    r"\b(?:deadline|cut-?off|ultimatum)\s+(?:(?:set|fixed|extended)\s+)?(?:of|on|for|to|until)"
    r"\s+(?:the\s+)?$|\bgiven until\s+$",
    re.I,
)


def deadline_date(sentence: Sentence, mention: DateMention) -> bool:
    """Whether a date names a deadline ("a 19 September deadline", "a deadline of 19
    September"): when something was due, not when it happened."""
    at, end = mention.start - sentence.start, mention.end - sentence.start
    return bool(
        _NAMES_DEADLINE.match(sentence.text[end:])
        or _DEADLINE_OF.search(sentence.text[max(0, at - 40) : at])
    )

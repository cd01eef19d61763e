"""Events named as what someone complains of, accuses others of, demands or condemns
("residents complain of high prices and the arrest of critics", "activists call for the
release of detainees"): the words name a grievance, a charge or a wish, not an occurrence
the report tells (issue 9, analysis paragraphs of long stories).
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search

#: A verb of complaint, charge or demand in the present tense (a standing grievance), then a
#: noun phrase up to the trigger, in one clause (no full stop or semicolon between).
_GRIEVANCE_BEFORE = re.compile(
    r"\b(?:complain(?:s|ing)?\s+(?:of|about)|accuse(?:s)?\b|"
    r"call(?:s|ing)?\s+(?:\w+ly\s+)?for|demand(?:s|ing)?|urge(?:s)?|"
    r"denounce(?:s)?|condemn(?:s)?|protest(?:s|ing)?\s+(?:against|over))"
    r"[^.;:]{0,160}?$",
    re.I,
)
#: The trigger as a noun with its complement ("the arrest of critics", "the abduction of
#: activists"): a named kind of act, not a clause telling one.
_NOMINAL = re.compile(r"\b(?:the|including|and|or)\s+$", re.I)
_OF_AFTER = re.compile(r"[\w-]+\s+(?:of|on|against)\b", re.I)


def demanded(sentence: str, at: int) -> bool:
    """Whether the trigger word at offset ``at`` of a sentence is a noun naming what a
    present-tense complaint, charge or demand before it is about."""
    before = sentence[:at]
    if not _NOMINAL.search(before[-12:]) or not _OF_AFTER.match(sentence, at):
        return False
    return cued_search(_GRIEVANCE_BEFORE, before) is not None

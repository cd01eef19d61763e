"""Forces named by where they are posted, not a move told ("our units deployed near the
crossing came under fire", "troops stationed at the base were wounded", "brigades to be
deployed along the line"): the participle describes the subject of another verb, or a
posting still to come, so it is no deployment of its own."""

from __future__ import annotations

import re

#: The participles of a posting (the trigger's own text).
_POSTED = re.compile(r"(?:re)?(?:deployed|stationed|positioned|based)\b", re.I)
#: A body of forces just before the participle, with no auxiliary between ("units deployed",
#: not "units were deployed" nor "units had deployed").
_FORCES_BEFORE = re.compile(
    r"\b(?:forces|troops|units|soldiers|personnel|fighters|brigades|battalions|contingents?|"
    r"observers|members|elements|patrols|commandos|policemen|guards)\s+$",
    re.I,
)
#: The clause goes on to the verb of that subject, before any comma: "... came under fire",
#: "... were targeted", "... have been attacked".
_MAIN_VERB_AFTER = re.compile(
    r"[^,;:.]{0,140}?\b(?:came|come|comes|coming) under\b|"
    r"[^,;:.]{1,140}?\s(?:were|was|are|is|have|has|had|remain|remained)\s",
    re.I,
)
#: "to be deployed", "should be stationed": a posting asked for or agreed, not yet made.
_TO_BE_BEFORE = re.compile(r"\b(?:to|should|must|would|will) be\s+$", re.I)


def posted_description(sentence: str, at: int) -> bool:
    """Whether the trigger at offset ``at`` is a posting participle that describes forces
    doing or suffering something else, or a posting still to be made."""
    posted = _POSTED.match(sentence, at)
    if posted is None:
        return False
    before = sentence[max(0, at - 40) : at]
    if _TO_BE_BEFORE.search(before):
        return True
    return bool(_FORCES_BEFORE.search(before)) and bool(
        _MAIN_VERB_AFTER.match(sentence, posted.end())
    )

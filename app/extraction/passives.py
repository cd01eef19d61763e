"""The subject of a passive verb of harm suffers it, however far the verb stands.

"US forces at al-Tanf Garrison in Syria and at Ain al-Asad Air Base in Iraq were targeted by
one-way attack drones": the place phrases put the verb far from its subject, but the subject
is still the target, unless a new clause with a subject of its own comes between ("troops
were deployed, and two men were shot").
"""

from __future__ import annotations

import re

#: A passive verb of harm, with "by" or "from" for the agent, or "came under".
_HARM = re.compile(
    r"\b(?:(?:was|were|had\s+been|have\s+been|has\s+been|is\s+being|are\s+being)\s+"
    r"(?:\w+ly\s+)?(?:targeted|attacked|hit|struck|shelled|bombed|ambushed|raided|stormed)"
    r"\s+(?:by|from|with)\b|"
    # "were neutralised yesterday by our commandos", "were neutralised in air operations"
    r"(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:neutrali[sz]ed|"
    r"eliminated)(?:\s+(?:yesterday|today|overnight|this\s+morning|on\s+\w+))?\s+(?:by|in|with)\b|\b(?:came|come|comes|coming)\s+under\s+(?:\w+\s+)?(?:fire|attack)|"
    r"\b(?:lost|loses|losing)\s+(?:control\s+of|ground|(?:its|their)\s+positions))",
    re.I,
)
#: A clause break: the verb after it has a subject of its own.
_BREAK = re.compile(r"[;:]|,\s+(?:and|while|but|as)\b|\b(?:when|after|before|as)\b", re.I)


def suffered(between: str) -> bool:
    """Whether the words between a mention and its event's trigger make the mention the
    subject of a passive verb of harm in the same clause."""
    harm = _HARM.search(between)
    return harm is not None and not _BREAK.search(between, 0, harm.start())

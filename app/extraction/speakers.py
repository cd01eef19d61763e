"""A named force that reports an event: its role comes from what it says.

"The SDF said a Turkish drone strike had killed two of its fighters": the SDF speaks, and its
fighters were hit (target). "The SDF said the jets struck Kobani": the SDF only speaks (no
part). "The SDF said it had repelled the attack" or "said its fighters repelled": the SDF
speaks of its own act, and word order decides as for any subject.
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search

#: The speaker's verb after its name, with an abbreviation in brackets ("(SDF) said"), a
#: day ("said on Tuesday") and "that".
SAID = re.compile(
    r"\)?(?:\s*\([^)]{1,30}\))?(?:\s+(?:media\s+(?:centre|center|office)|spokesman|"
    r"spokesperson|command))?\s+(?:said|says|announced|announces|reported|reports|claimed|stated|"
    r"states|confirmed|confirms)"
    r"(?:\s+(?:on|late\s+on|early\s+on)\s+\w+)?(?:\s+that)?\s+",
    re.I,
)
#: The speaker itself, or its men by a bare force word, as the subject of what it says ("the
#: command said army helicopters destroyed a convoy").
_ITSELF = re.compile(
    r"(?:it|they|we|its|their|our|(?:the\s+)?(?:army|police|troops|soldiers|security\s+forces))\b",
    re.I,
)
#: The speaker's own men named after the trigger ("killed two of its fighters").
_ITS_MEN = re.compile(
    r"\b(?:its|their|our)\s+(?:own\s+)?(?:fighters|members|forces|troops|men|soldiers|"
    r"personnel|units|positions|commanders?|officers?|guards|posts|bases?|checkpoints?)\b",
    re.I,
)


def speaker_role(text: str, end: int, trigger_start: int, trigger_end: int) -> str | None:
    """The role of a named force that speaks before the trigger, from ``text`` (its
    sentence; ``end`` where the name ends, the trigger's span): "target" when its own men
    are hit, "none" when it only reports another's act, None when it is no speaker or speaks
    of its own act (the caller decides)."""
    said = SAID.match(text, end)
    if said is None or said.end() > trigger_start:
        return None
    if _ITSELF.match(text, said.end()):
        return None
    if _ITS_MEN.search(text, trigger_end):
        return "target"
    return "none"


#: "according to the SDF", "according to US Central Command": the source of the report.
_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$", re.I)


def source_role(before: str, rest: str) -> str | None:
    """The role of a force the report is "according to" (``before``: the text before its
    name; ``rest``: the sentence after it): "target" when it goes on about its own men hit
    ("according to the SDF, which said two of its fighters were killed"), "none" when it only
    tells the event, None when it is no source."""
    if cued_search(_ACCORDING_BEFORE, before) is None:
        return None
    return "target" if _ITS_MEN.search(rest) else "none"


#: "police said", "residents in Hit told": the words after a name that make it a source.
SPEAKER_AFTER = re.compile(
    r"^(?:\s+(?:in|of)\s+[\w-]+(?:\s+[\w-]+)?)?(?:\s+(?:sources?|officials?|spokesman|"
    r"spokesperson|commanders?|officers?))?\s+(?:said|say|says|told|reported|announced)\b",
    re.I,
)


def speaks(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` of a sentence's ``text`` speaks ("police said")."""
    return bool(SPEAKER_AFTER.match(text[end:]))

"""A named force that reports an event: its role comes from what it says.

"The SDF said a Turkish drone strike had killed two of its fighters": the SDF speaks, and its
fighters were hit (target). "The SDF said the jets struck Kobani": the SDF only speaks (no
part). "The SDF said it had repelled the attack" or "said its fighters repelled": the SDF
speaks of its own act, and word order decides as for any subject.
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search

#: What may follow a speaker's name before its verb: an abbreviation in brackets ("(SDF)
#: said") and the office that speaks for it ("media centre", "spokesman", "command").
_BRACKETED = r"\)?(?:\s*\([^)]{1,30}\))?"
_OFFICE = r"media\s+(?:centre|center|office)|spokesman|spokesperson|command"
#: The day after the verb of saying: "said on Tuesday", "said late on Monday".
_ON_DAY = r"\s+(?:on|late\s+on|early\s+on)\s+\w+"
#: The speaker's verb after its name, with an abbreviation in brackets ("(SDF) said"), a
#: day ("said on Tuesday") and "that".
SAID = re.compile(
    rf"{_BRACKETED}(?:\s+(?:{_OFFICE}))?\s+(?:said|says|announced|announces|reported|reports|"
    rf"claimed|stated|states|confirmed|confirms)(?:{_ON_DAY})?(?:\s+that)?\s+",
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
    r"\b(?:its|their|our|his|her)\s+(?:own\s+)?(?:fighters|members|forces|troops|men|soldiers|"
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


#: The speaker telling of its own act, as the subject of what it says ("the army said it had
#: detained three men", "police said they arrested"), not of what it suffered ("it was hit").
_OWN_ACT = re.compile(
    r"(?:it|they|we)\s+(?!(?:was|were|is|are|had\s+been|has\s+been|have\s+been|came|come|"
    r"lost|suffered|sustained)\b)",
    re.I,
)


#: What may stand between the verb of saying and its subject: a day, "that".
_THEN_SUBJECT = re.compile(rf"(?:{_ON_DAY})?(?:\s+that)?\s+", re.I)


def speaks_of_own_act(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` of ``text`` says that it did something ("the army
    said it had detained"): the speaker is then a party to the act, not a mere source."""
    said = SPEAKER_AFTER.match(text[end:])
    if said is None:
        return False
    subject = _THEN_SUBJECT.match(text, end + said.end())
    return subject is not None and _OWN_ACT.match(text, subject.end()) is not None


#: A name that opens a clause after the event ("..., the coalition said"): a trailing source.
_CLAUSE_OPENS = re.compile(r"[,;]\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$")
#: Its verb of saying, with an abbreviation in brackets and a speaking office.
_TELLS = re.compile(
    rf"{_BRACKETED}(?:\s+(?:{_OFFICE}|officials?|sources?))?\s+(?:said|says|reported|reports|"
    rf"announced|stated|confirmed|told)\b(?:{_ON_DAY}|\s+\w+day)?(?:\s+(?:that\s+)?)?",
    re.I,
)


def trailing_source_role(before: str, rest: str) -> str | None:
    """The role of a force named after the event's trigger as the source of the report
    (``before``: the text before its name; ``rest``: the sentence after it): "actor" when it
    says it did the act ("..., the coalition said it had struck the area"), "target" when it
    speaks of its own men hit, "none" when it only tells the event ("..., the US Central
    Command said"), None when it is no trailing source."""
    if cued_search(_CLAUSE_OPENS, before) is None:
        return None
    told = _TELLS.match(rest)
    if told is None:
        return None
    if _OWN_ACT.match(rest, told.end()):
        return "actor"
    return "target" if _ITS_MEN.search(rest, told.end()) else "none"


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

"""An agreement linked to another occurrence by a verb of sequence keeps its own side's actors.

"The deployment of US troops to the city follows the government's signing of a deal with an
oil company": the subject before "follows" is one occurrence, what follows it another; the
troops are no party to the deal: its parties are its signatories. The link is a verb of
sequence after a short subject that opens the sentence ("The move comes days after",
"This followed", "The strike came amid").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extraction.actors import ActorMention
from app.extraction.event_types import Trigger
from app.extraction.text import Sentence

#: "The deployment of US and coalition troops to Kirkuk follows", "The raid came hours after",
#: "It came a day after":
#: a subject of up to about a dozen words (or "It"), no comma, then the link.
_LINK = re.compile(
    r"^\s*(?:(?:The|This|That|These|Those|Its|Their|Such)\b[^,;:.]{0,100}?|It)\s"
    r"(?:follows|followed(?!\s+by\b)|comes|came(?!\s+under\b)|coincides\s+with|"
    r"coincided\s+with)\s+"
    r"(?:(?:just|shortly|only|soon|less\s+than|more\s+than|barely|a|an|one|two|three|four|"
    r"five|six|several|few|days|weeks|hours|months|day|week|month|hours)\s+)*"
    r"(?:after|amid|as|on\s+the\s+heels\s+of|following)?",
    re.I,
)


#: Events whose parties are their signatories, not whoever the sentence names.
_SIGNED = frozenset({"agreement"})


def link_at(text: str) -> tuple[int, int] | None:
    """Where the link verb of a sentence lies (start, end), if it has one."""
    match = _LINK.match(text)
    if match is None:
        return None
    verb = re.search(
        r"\s(?:follows|followed|comes|came|coincides|coincided)\s[^.]*$", match.group(0), re.I
    )
    start = verb.start() if verb is not None else match.start()
    return start, match.end()


def own_side(
    sentence: Sentence, trigger: Trigger, mentions: Sequence[ActorMention]
) -> list[ActorMention]:
    """For an agreement, the actor mentions on its side of a link verb (all of them when the
    sentence has none). Other events keep every mention: "The militants' push followed their
    capture of Mosul" names the captors before the link."""
    link = link_at(sentence.text) if trigger.spec.name in _SIGNED else None
    if link is None:
        return list(mentions)
    start, end = (sentence.start + link[0], sentence.start + link[1])
    if trigger.start < start:
        return [m for m in mentions if m.end <= start]
    if trigger.start >= end:
        return [m for m in mentions if m.start >= end]
    return list(mentions)

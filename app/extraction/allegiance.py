"""Allegiance: an armed body described by whom it serves ("gunmen loyal to ISIS").

"Gunmen believed to belong to Asaib Ahl al-Haq", "fighters loyal to the PKK", "militiamen
affiliated with the Hashd": the described men are the named group's, so the phrase is one
mention of that group, standing where the men stand in the sentence (the subject acts). Not
"backed by" (a backer, see :mod:`app.extraction.backers`) nor "loyal to" after a non-force
word ("a tribe loyal to the government" stays the tribe). Fighters of a tribe named by its name
("fighters from the Ougaidat tribe") are the tribal forces of the event's country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extraction.actors import Actor, ActorMention
from app.extraction.cues import cued_finditer, cued_search

#: The words between the men and the group they serve.
_TIES = (
    r"(?:who\s+(?:are|were)\s+|(?:believed|thought|suspected|said|reported)\s+to\s+be\s+)?"
    r"(?:loyal\s+to|belonging\s+to|affiliated\s+(?:with|to)|linked\s+to|members\s+of|"
    r"(?:believed|thought|suspected|said|reported)\s+to\s+(?:belong\s+to|be\s+(?:from|with)))"
)
#: Between an unnamed-group mention ("gunmen") and the named group.
GAP = re.compile(rf"^,?\s+{_TIES}\s+(?:the\s+)?$", re.I)
#: A force word and its tie right before a named group ("fighters loyal to the ").
FORCE_TIE_BEFORE = re.compile(
    r"\b(?:fighters|militiamen|militants|men|forces|troops|units|militias?|gunmen|elements|"
    rf"members|cells?|groups?)\s+{_TIES}\s+(?:the\s+)?$",
    re.I,
)
_ARMED = frozenset(
    {"rebel_group", "political_militia", "identity_militia", "state_forces", "external_forces"}
)


def _named_armed(mention: ActorMention) -> bool:
    actor = mention.actors[0]
    return actor.kind in _ARMED and not actor.name.startswith("Unidentified")


#: The dictionary alias whose actors a named tribe's fighters are.
TRIBAL_ALIAS = "tribal fighters"
#: Fighters of a tribe or clan named by its name ("fighters from the Ougaidat tribe").
_TRIBE = re.compile(
    r"\b(?i:fighters|gunmen|militiamen|men|members|sons|tribesmen)\s+(?:of|from)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'-]*\s+){1,2}(?:tribes?|clans?)\b"
)


def with_allegiance(
    text: str, found: Sequence[ActorMention], tribal: tuple[Actor, ...] = ()
) -> list[ActorMention]:
    """The mentions with "gunmen loyal to X" (and "fighters loyal to X") read as one
    mention of X from the first word of the men, and fighters of a named tribe as the
    ``tribal`` actors (the readings of :data:`TRIBAL_ALIAS`)."""
    if tribal:
        found = _with_tribes(text, found, tribal)
    out: list[ActorMention] = []
    for mention in found:
        if not _named_armed(mention):
            out.append(mention)
            continue
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.actors[0].name.startswith("Unidentified")
            and GAP.match(text[previous.end : mention.start])
        ):
            out[-1] = ActorMention(
                previous.start, mention.end, text[previous.start : mention.end], mention.actors
            )
            continue
        window = text[max(0, mention.start - 80) : mention.start]
        tie = cued_search(FORCE_TIE_BEFORE, window)
        if tie is not None and (
            previous is None or previous.end <= mention.start - len(window) + tie.start()
        ):
            start = mention.start - len(window) + tie.start()
            out.append(ActorMention(start, mention.end, text[start : mention.end], mention.actors))
            continue
        out.append(mention)
    return out


def _with_tribes(
    text: str, found: Sequence[ActorMention], tribal: tuple[Actor, ...]
) -> list[ActorMention]:
    out = list(found)
    for match in cued_finditer(_TRIBE, text):
        inside = [f for f in out if f.start < match.end() and match.start() < f.end]
        if any(not f.actors[0].name.startswith("Unidentified") for f in inside):
            continue  # a named group's men ("fighters of the ISIS-linked clan")
        out = [f for f in out if f not in inside]
        out.append(ActorMention(match.start(), match.end(), match.group(), tribal))
    return sorted(out, key=lambda m: m.start)

"""Forces told together: a generic force word coordinated with a named force.

"Troops and PMF fighters recaptured al-Qaim", "PMF and army units swept the orchards", "our
security forces, together with volunteers of the Popular Mobilisation": the generic word
("troops", "army units", "security forces") is a force of its own, the state's, beside the
named one (so are "army units accompanied by Russian military police", "troops backed by
coalition aircraft"), also when the force word's own noun is left out of its name ("army
reinforcements and PMF units"), unlike "troops from the US-led coalition" or "Iraqi troops",
where it is the named force's men. Items of one list ("the offices of the KDP, the PUK and Gorran")
play one part.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extraction.actors import ActorMention

#: The words between two coordinated forces (either order).
_AND = re.compile(
    r"^\s*(?:(?:reinforcements|columns|units|brigades|battalions|troops|forces|soldiers|"
    r"personnel|patrols)\s+)?(?:,\s*)?(?:and|together\s+with|along\s+with|alongside|as\s+well\s+as|"
    r"(?:accompanied|escorted|joined|backed|supported)\s+by|with\s+the\s+support\s+of|"
    r"in\s+(?:cooperation|coordination)\s+with)\s+"
    r"(?:(?:volunteers|members|fighters|units|men)\s+of\s+)?(?:the\s+|its\s+|their\s+)?$"
    r"|^\s*,\s*$",
    re.I,
)


def coordinated(
    text: str, offset: int, mention: ActorMention, named: Sequence[ActorMention]
) -> bool:
    """Whether ``mention`` is joined by "and" (or "together with") to one of ``named`` in
    ``text``, which starts at ``offset`` in the report."""
    for other in named:
        if other.end <= mention.start:
            gap = text[other.end - offset : mention.start - offset]
        elif mention.end <= other.start:
            gap = text[mention.end - offset : other.start - offset]
        else:
            continue
        if _AND.match(gap):
            return True
    return False


#: The words between two items of a list: "X, Y and the Z".
_LIST = re.compile(
    # "members of the government forces and allied tribal fighters": one part, too
    r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?(?:(?:its|their)\s+)?(?:allied\s+)?$",
    re.I,
)


def in_list(text: str, offset: int, previous: ActorMention, mention: ActorMention) -> bool:
    """Whether ``mention`` follows ``previous`` as the next item of a list ("the offices of
    the KDP, the PUK and Gorran"): items of one list play one part."""
    if previous.end > mention.start:
        return False
    return _LIST.match(text[previous.end - offset : mention.start - offset]) is not None

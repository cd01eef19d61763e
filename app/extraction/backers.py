"""Backers: a force that helps one side of a fight ("backed by coalition aircraft").

Men on the ground who back a side fight beside it ("Iraqi forces backed by Hashd al-Shaabi
units", "local gunmen backed by the Eighth Brigade's fighters"): they act, as gold names them.

The annotation names such a force with the role ``associated``: it takes part in the event
without being the side that fights it. Arms, training or money ("trained by", "funded by")
make no part in the event, and :data:`app.extraction.role_patterns.SUPPORT_BEFORE` drops those.
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search

#: The words before a mention that make it a backer: "backed by", "supported by the",
#: "under cover of Turkish", "with the support of" (up to two words between, "waves of").
BACKER_BEFORE = re.compile(
    r"\b(?:(?:backed|supported|aided|assisted|covered)\s+by|under\s+(?:the\s+)?cover\s+of|"
    r"with\s+(?:the\s+)?(?:support|backing|help)\s+of)\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w'-]+\s+){0,2}$",
    re.I,
)


#: "Russian air cover", "US air power": support from the air, whoever gives it ...
AIR_SUPPORT = re.compile(r"\bair\s+(?:cover|power|support)$", re.I)
#: ... told as what a side fought "with" or "under" ("with Russian air cover").
WITH_BEFORE = re.compile(r"\b(?:with|under)\s+(?:the\s+)?(?:heavy\s+|intense\s+|close\s+)?$", re.I)


def backs(before: str, mention: str = "") -> bool:
    """Whether the text just before an actor mention makes it a backer of the fight (or the
    mention is air support fought "with" or "under")."""
    if cued_search(BACKER_BEFORE, before) is not None:
        return True
    return bool(AIR_SUPPORT.search(mention)) and cued_search(WITH_BEFORE, before) is not None


#: Fighting men named with the backer ("backed by Hashd units"): a side of the fight.
_GROUND_MEN = re.compile(
    r"(?:^|\s)(?:units|fighters|forces|troops|militias|militiamen|brigades|battalions|men)$", re.I
)
_GROUND_AFTER = re.compile(
    r"^(?:'s)?\s+(?:units|fighters|forces|troops|militias|militiamen|brigades|battalions)\b", re.I
)


def fights_beside(mention: str, after: str) -> bool:
    """Whether a backer (see :func:`backs`) is named as men on the ground, who fight too."""
    return bool(_GROUND_MEN.search(mention) or _GROUND_AFTER.match(after))

"""A killing known from a body found: dated from the abduction the sentence tells, if any.

"The body of a shepherd was found on Tuesday, two days after gunmen seized him": when he
was killed is unknown, some time between the abduction and the finding, so the killing
is dated from the abduction's day to the day the body was found.
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search
from app.extraction.event_builder import EventDraft

#: A body found, or someone found dead: the killing is known only from its finding.
FOUND = re.compile(
    r"\b(?:bod(?:y|ies)\b[^.;]{0,80}?\b(?:found|discovered|recovered)|"
    r"found (?:shot |stabbed )?(?:dead|killed|murdered|executed|beheaded))\b",
    re.I,
)
#: Longest time between an abduction and the finding that still dates the killing.
_MAX_DAYS = 14


def from_abduction(drafts: list[EventDraft]) -> None:
    """Widen each killing found as a body back to the day of the abduction its sentence
    tells ("found dead ... abducted two days earlier"), in place."""
    for draft in drafts:
        if draft.spec.name != "attack" or not cued_search(FOUND, draft.sentence.text):
            continue
        taken = [
            d.date
            for d in drafts
            if d.spec.name == "kidnapping"
            and d.sentence.index == draft.sentence.index
            and 0 < (draft.date - d.date).days <= _MAX_DAYS
        ]
        if taken:
            first = min(taken)
            draft.set_date(first, draft.date_end, "week", draft.date_mention)

"""A killing known from a body found: dated from the abduction the sentence tells, if any.

"The body of a shepherd was found on Tuesday, two days after gunmen seized him": when he
was killed is unknown, some time between the abduction and the finding, so the killing
is dated from the abduction's day to the day the body was found. "Abducted mukhtar found
dead, taken 29 Jul by gunmen": the abduction is of the day said after "taken".
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search
from app.extraction.dates import DateMention
from app.extraction.event_builder import EventDraft

#: A body found, or someone found dead: the killing is known only from its finding.
FOUND = re.compile(
    r"\b(?:bod(?:y|ies)\b[^.;]{0,80}?\b(?:found|discovered|recovered)|"
    r"found (?:shot |stabbed )?(?:dead|killed|murdered|executed|beheaded))\b",
    re.I,
)
#: "taken 29 Jul", "abducted by gunmen on 3 May": the day an abduction told after a finding
#: was made.
_TAKEN_ON = re.compile(
    r"\b(?:taken|kidnapped|abducted|seized|snatched)\s+(?:by\s+(?:[\w'’-]+\s+){1,4})?(?:on\s+)?$",
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


def taken_on(drafts: list[EventDraft], told: dict[int, list[DateMention]]) -> None:
    """Date each abduction told with a body found ("abducted mukhtar found dead, taken 29 Jul
    by gunmen") to the day said right after the verb of taking, when that is before its own
    date (in place; ``told``: the date mentions of each sentence)."""
    for draft in drafts:
        if draft.spec.name != "kidnapping" or not cued_search(FOUND, draft.sentence.text):
            continue
        sentence = draft.sentence
        for mention in told.get(sentence.index, []):
            at = mention.start - sentence.start
            if (
                mention.precision == "day"
                and mention.first < draft.date
                and (draft.date - mention.first).days <= _MAX_DAYS
                and _TAKEN_ON.search(sentence.text, max(0, at - 60), at)
            ):
                draft.set_date(mention.first, mention.last, "day", mention)
                break

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
#: A finder's verb after its name: "Police found the body", "troops recovered the bodies of".
_FINDS = re.compile(
    r"\s+(?:later\s+|then\s+)?(?:found|discovered|recovered|retrieved|pulled\s+out)\s+"
    r"(?:the\s+)?(?:(?:\w+\s+){0,2}bod(?:y|ies)|\w+\s+dead)\b",
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


def finds_body(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` of a sentence's ``text`` is the subject of a body's
    finding ("Police found the body of a teacher ..., three days after gunmen abducted him"):
    the finder tells of the killing or the abduction, and takes no part in it."""
    return _FINDS.match(text, end) is not None


def from_abduction(drafts: list[EventDraft], told: dict[int, list[DateMention]]) -> None:
    """Date the drafts of each sentence that tells a body found, in place (``told``: the date
    mentions of each sentence): an abduction to the day said right after its verb of taking
    ("abducted mukhtar found dead, taken 29 Jul by gunmen"), then the killing widened back to
    the day of the abduction ("found dead ... abducted two days earlier")."""
    found = [d for d in drafts if cued_search(FOUND, d.sentence.text)]
    for draft in found:
        if draft.spec.name == "kidnapping":
            _taken_on(draft, told.get(draft.sentence.index, []))
    for draft in found:
        if draft.spec.name != "attack":
            continue
        taken = [
            d.date
            for d in found
            if d.spec.name == "kidnapping"
            and d.sentence.index == draft.sentence.index
            and 0 < (draft.date - d.date).days <= _MAX_DAYS
        ]
        if taken:
            draft.set_date(min(taken), draft.date_end, "week", draft.date_mention)


def _taken_on(draft: EventDraft, mentions: list[DateMention]) -> None:
    """The abduction of the day said right after the verb of taking, when that is before its
    own date and no more than ``_MAX_DAYS`` before it."""
    sentence = draft.sentence
    for mention in mentions:
        at = mention.start - sentence.start
        if (
            mention.precision == "day"
            and mention.first < draft.date
            and (draft.date - mention.first).days <= _MAX_DAYS
            and _TAKEN_ON.search(sentence.text, max(0, at - 60), at)
        ):
            draft.set_date(mention.first, mention.last, "day", mention)
            return

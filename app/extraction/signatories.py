"""Places that made an agreement: a list of towns as the subject of the deal.

"The towns of Ibta and Dael agreed on Friday to hand over their weapons", "leaders in Sahnaya
and Jarmana reached an agreement with the authorities": each town named is a party, and the
deal is one event in each (as a withdrawal is at every place left). A deal is otherwise told
at the one place nearest its word. Not a list joined to the deal by more than a few words, nor
one that only qualifies a noun ("the council of the A and B districts has agreed": one party,
the council), nor one of a deal under way ("Baghdad and Erbil were negotiating a deal"), nor
the sides of "between A and B".
"""

from __future__ import annotations

import re

from app.extraction.event_types import Trigger
from app.extraction.place_lists import listed_with
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

#: Between the list and the deal word: up to three words, none of them "were"/"is", not
#: opening with a kind noun that the list qualifies.
_SUBJECT_GAP = re.compile(
    r"\s+(?!(?:[\w-]+\s+)*(?:were|was|are|is)\b)"
    r"(?!(?:districts|neighbou?rhoods|quarters|areas|regions|provinces|governorates)\b)"
    r"(?:[\w-]+\s+){0,3}",
    re.I,
)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)


def signatory_places(
    sentence: Sentence, trigger: Trigger, nearest: ResolvedMention, placed: list[ResolvedMention]
) -> list[ResolvedMention]:
    """The places of an agreement: the list ``nearest`` stands in when that list is the
    subject right before the deal word, else ``nearest`` alone."""
    listed = listed_with(sentence, nearest, placed)
    if len(listed) < 2 or listed[-1].mention.end > trigger.start:
        return [nearest]
    gap = (listed[-1].mention.end - sentence.start, trigger.start - sentence.start)
    opens = listed[0].mention.start - sentence.start
    if _SUBJECT_GAP.fullmatch(sentence.text, *gap) is None or _BETWEEN.search(
        sentence.text, max(0, opens - 40), opens
    ):
        return [nearest]
    return listed

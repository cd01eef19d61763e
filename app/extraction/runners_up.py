"""A group's next trigger word, when the one the finder chose tells no occurrence.

The trigger finder keeps one word per group and sentence. In "Syrian troops moved into the
last districts of eastern Aleppo after the final convoy of buses carrying fighters left the
city" it keeps "buses carrying fighters", which the reference "after" makes no event of its
own; "moved into", of the same group, was never read. With the dropped word blanked out, the
finder is asked again: a word of that group it finds elsewhere in the sentence, and that is an
occurrence itself, is read instead.
"""

from __future__ import annotations

from app.extraction.event_types import Trigger, TriggerFinder, irrealis
from app.extraction.text import Sentence

#: Groups whose second word is another verb of the same occurrence's sentence ("moved into"
#: after "buses carrying fighters"); a second violent or detention word in a sentence is
#: most often the same act told twice ("abducted ... was released": the release is read by
#: its own rules).
_GROUPS = frozenset({"movement", "unrest", "agreement"})


def runners_up(
    finder: TriggerFinder, sentence: Sentence, plain: str, dropped: list[Trigger]
) -> list[Trigger]:
    """Triggers of the dropped triggers' groups found once those are blanked out, each an
    occurrence (``plain``: the sentence as :func:`irrealis` reads it)."""
    if not dropped:
        return []
    text = sentence.text
    for t in dropped:
        a, b = t.start - sentence.start, t.end - sentence.start
        text = text[:a] + " " * (b - a) + text[b:]
    groups = {t.spec.group for t in dropped} & _GROUPS
    return [
        t
        for t in finder.find(text, sentence.start)
        if t.spec.group in groups
        and not any(d.start < t.end and t.start < d.end for d in dropped)
        and not irrealis(plain, t.start - sentence.start, t.spec.category == "movement")
    ]

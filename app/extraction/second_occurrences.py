"""The same kind of occurrence told again in a clause of its own: a second event (the
trigger finder reads one word per kind and sentence)."""

from __future__ import annotations

import re

from app.extraction.event_types import Trigger, TriggerFinder
from app.extraction.text import Sentence

#: A clause of its own after the first occurrence: "..., while a rocket landed near Mosul".
#: The subject may carry a determiner and one word of its own ("while regime helicopters",
#: "; two Russian jets"; not "the" or "one", which go back to the occurrence told).
_CONTRAST = re.compile(
    r"(?:,\s*(?:while|whereas)|;)\s+(?:(?:an?|two|three|several|\d+)\s+)?"
    r"(?:(?!(?:one|the|this|that|these|those|its|their)\s)[\w-]+\s+)?$",
    re.I,
)
#: The trigger word as the subject of its own verb of harm.
_OWN_VERB = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:fell|hit|struck|landed|exploded|went off|slammed|crashed|targeted|"
    r"killed|wounded|bombed|pounded|shelled|dropped|raided)\b",
    re.I,
)
#: A crowd's own verb: "while similar rallies were held in Najaf", "; protesters also
#: gathered in Kut".
_CROWD_VERB = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:(?:were|was)\s+(?:also\s+)?(?:held|staged|organi[sz]ed|reported)|"
    r"took place|gathered|marched|rallied|broke out|erupted|blocked)\b",
    re.I,
)
#: A trigger that counts strikes ("two strikes near", "one strike west of").
#: A trigger that holds its own verb ("helicopters dropped", "jets struck").
_WITH_VERB = re.compile(r"\s(?:dropped|struck|bombed|pounded|hit|shelled|fired|raided)$", re.I)
_COUNTED = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s", re.I)
_AND_AGAIN = re.compile(r",\s+and\s+$")


def while_another(
    finder: TriggerFinder, sentence: Sentence, triggers: list[Trigger]
) -> list[Trigger]:
    """ "A drone attack targeted the base at Zilkan, while a rocket landed near the consulate
    in Mosul": the same kind again, as the subject of its own verb in a clause of its own,
    is a second occurrence (the trigger finder reads one word per kind and sentence); so is
    a demonstration ("crowds gathered in Baghdad, while similar rallies were held in Najaf")."""
    if (
        ";" not in sentence.text
        and "while" not in sentence.text
        and "whereas" not in sentence.text
        and ", and " not in sentence.text
    ):
        return []  # no clause of its own can follow (the cheap check before the lexicon's rows)
    more: list[Trigger] = []
    firsts = [t for t in triggers if t.spec.group == "violence"][:1]
    firsts += [t for t in triggers if t.spec.name == "protest"][:1]
    for first in firsts:
        verb = _OWN_VERB if first.spec.group == "violence" else _CROWD_VERB
        for later in finder.each(
            first.spec.name, sentence.text, sentence.start, first.end - sentence.start
        ):
            at, end = later.start - sentence.start, later.end - sentence.start
            if any(t.start < later.end and later.start < t.end for t in triggers):
                continue
            if (
                _CONTRAST.search(sentence.text[max(0, at - 30) : at])
                and (verb.match(sentence.text, end) or _WITH_VERB.search(later.text))
            ) or (
                # "two strikes near Fallujah hit a unit, and one strike west of Ramadi
                # destroyed a checkpoint": a count of the kind again, a tally of its own.
                _COUNTED.match(first.text)
                and _COUNTED.match(later.text)
                and _AND_AGAIN.search(sentence.text, 0, at)
            ):
                more.append(later)
    return more

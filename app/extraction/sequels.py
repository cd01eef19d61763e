"""Sentences that tell the sequel of a battle already told, not one more event (issue 9, long
stories' false alarms).

A news story tells a town's capture, then goes on: "troops raised the flag over the government
compound", "fighting continued in the northern districts", "its recapture opens the road east",
"troops entered the town from three directions", "the clashes involved artillery". Each is the
same battle seen again (its end, its aftermath, its entry, its weapons), on the days the battle
was told, at its place: a careful analyst records one event. A sequel that has days of its own
outside the battle's, or another place, stays an event of its own.
"""

from __future__ import annotations

import re

from app.extraction.back_references import definite_at
from app.extraction.event_builder import EventDraft

#: Words that tell a battle's end or its going on, never a new act: the flag raised over a
#: town taken, the fighting that continued or raged, the town's recapture named by a pronoun
#: (not "villages downstream, where fighting continued": another front).
_BATTLE_SEQUEL = re.compile(
    r"(?:\braised\s+(?:the|their|a)\s+(?:[\w-]+\s+)?flags?\s+over"
    r"|(?<!where\s)\bfighting\s+(?:continued|raged|went\s+on)"
    r"|\b(?:its|the\s+(?:town|city)['’]s)\s+(?:re)?capture)$",
    re.I,
)
#: Troops entering "the town" or "the city" (no name of its own, not "the town of X"): the
#: place the story has just told taken.
_ENTRY = re.compile(r"(?:entered|swept\s+into|rolled\s+into|pushed\s+into|moved\s+into)$", re.I)
#: A sentence about the battle told ("The clashes, which began at dawn, involved artillery"):
#: the weapons it names were the battle's, no attack of their own.
_THE_BATTLE = re.compile(
    r"\W*(?:The|These|Those)\s+(?:[\w-]+\s+)?(?:clashes|fighting|battle|gun\s*battles?)\b", re.I
)
_ITS_WEAPONS = re.compile(r"\b(?:involved|involving|used|using|with)\s+(?:[\w-]+,?\s+){0,2}$", re.I)
#: How far before the trigger its words may begin ("Heavy fighting continued").
_REACH = 40


def without_sequels(drafts: list[EventDraft]) -> list[EventDraft]:
    """The drafts less those that tell a battle already drafted again (see the module); who
    the sequel names in its roles joins the battle ("fighters of the SDF raised their flags")."""
    kept = []
    for draft in drafts:
        battle = next((o for o in reversed(drafts) if _sequel_of(draft, o)), None)
        if battle is None:
            kept.append(draft)
            continue
        for actor, role, mention in draft.actors:
            battle.add_actor(actor, role, mention)
    return kept


def _sequel_of(draft: EventDraft, battle: EventDraft) -> bool:
    if (
        battle.spec.name != "armed_clash"
        or battle.sentence.index >= draft.sentence.index
        or not (battle.date <= draft.date_end and draft.date <= battle.date_end)
    ):
        return False
    sentence = draft.sentence
    start = draft.trigger.start - sentence.start
    end = draft.trigger.end - sentence.start
    told = sentence.text[max(0, start - _REACH) : end]
    if draft.spec.name == "armed_clash" and _BATTLE_SEQUEL.search(told):
        return _same_area(draft, battle)
    if (
        draft.spec.group == "violence"
        and _THE_BATTLE.match(sentence.text)
        and _ITS_WEAPONS.search(sentence.text[max(0, start - _REACH) : start])
    ):
        return _same_area(draft, battle)
    if draft.category == "movement" and _ENTRY.search(told):
        return definite_at(sentence.text, end) in ("town", "city") and _same_place(draft, battle)
    return False


def _same_place(draft: EventDraft, battle: EventDraft) -> bool:
    here = draft.location.place if draft.location is not None else None
    there = battle.location.place if battle.location is not None else None
    return here is not None and there is not None and here.id == there.id


def _same_area(draft: EventDraft, battle: EventDraft) -> bool:
    """The same place, or one governorate (the flag raised over a building of the town)."""
    if _same_place(draft, battle):
        return True
    here = draft.location.place if draft.location is not None else None
    there = battle.location.place if battle.location is not None else None
    return (
        here is not None
        and there is not None
        and here.admin1 is not None
        and here.admin1 == there.admin1
    )

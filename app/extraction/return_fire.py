"""Fire answered: a force that answers a shelling shells back.

"Our unit retaliated at once and the positions were destroyed", "the fire was answered", "our
forces responded to the sources of fire": when the attack answered is a shelling, rocket or
drone attack told just before (in the sentence itself or the three before), the answer is a
second such event, by that attack's target against its attackers, at its place and on its
day. Fire answered in a gunfight is part of that fight (no second event), and so is fire
answered in the sentence that tells the fire ("they came under fire and returned it"); a
sentence that tells the answer with an event word of its own ("retaliated by shelling the
town") is drafted as that event, not here; an answer told as a habit ("has retaliated several
times") is no event.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.extraction.actors import Actor, ActorMention
from app.extraction.cues import cued_search
from app.extraction.event_builder import EventDraft
from app.extraction.event_types import Trigger
from app.extraction.text import Sentence

#: The answer as a verb of its own ("returned fire", "retaliated", "the fire was answered"),
#: not the noun of a passive ("were neutralised by return fire").
_ANSWER = re.compile(
    r"\b(?:returned\s+(?:the\s+)?fire|returning\s+(?:the\s+)?fire|retaliated(?!\s+(?:by|with)\b)|"
    r"responded\s+(?:(?:immediately|at\s+once|in\s+kind)\s+)?"
    r"(?:to\s+(?:the\s+)?(?:sources?|origins?)\s+of\s+(?:the\s+)?fire|in\s+kind)|"
    r"fire\s+was\s+(?:(?:immediately|at\s+once)\s+)?(?:answered|returned)|"
    r"(?:necessary|appropriate)\s+response\s+was\s+given)\b",
    re.I,
)
#: An answer told as a habit or a series ("has retaliated several times") is no event.
_HABIT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?$", re.I)
_HABIT_AFTER = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:several|many|repeatedly|each|every)\b", re.I)
#: The fire answered told in the answer's own sentence ("had come under fire ... and had
#: returned fire"): the answer is to that fire, not to a shelling told before.
_OWN_FIRE = re.compile(
    r"\b(?:under\s+fire|opened\s+fire|fired\s+(?:on|at|upon)|shot\s+at|attacked)\b", re.I
)
#: The answered attack's type.
_SHELLING = "drone_or_rocket_attack"
#: How many sentences back the attack answered may be told.
_REACH = 3


def with_answers(
    sentences: list[Sentence], drafted: list[EventDraft], kept: list[EventDraft]
) -> list[EventDraft]:
    """The events kept, each shelling followed by the answers to it told after it; ``drafted``
    is every event drafted, dropped ones included (a sentence with an event word of its own
    after its answer is no mere answer)."""
    answers: dict[int, list[EventDraft]] = {}
    for sentence in sentences:
        found = answered_fire(sentence, drafted, kept)
        if found is not None:
            answers.setdefault(id(found[0]), []).append(found[1])
    return [e for d in kept for e in [d, *answers.get(id(d), [])]]


def answered_fire(
    sentence: Sentence, drafted: list[EventDraft], kept: list[EventDraft]
) -> tuple[EventDraft, EventDraft] | None:
    """The shelling a sentence answers and the answer, a new event by the attacked against
    the attackers; None when the sentence tells no answer, tells it with an event word of its
    own, or the attack answered is no shelling."""
    found = cued_search(_ANSWER, sentence.text)
    if found is None:
        return None
    at = sentence.start + found.start()
    if _HABIT_BEFORE.search(sentence.text[: found.start()]) or _HABIT_AFTER.search(
        sentence.text[found.end() :]
    ):
        return None
    own_fire = _OWN_FIRE.search(sentence.text, 0, found.start()) is not None
    if any(d.sentence.index == sentence.index and d.trigger.end > at for d in drafted):
        return None  # the answer has an event word of its own
    told = [
        d
        for d in kept
        if sentence.index - (0 if own_fire else _REACH) <= d.sentence.index <= sentence.index
        and (d.sentence.index < sentence.index or d.trigger.end <= at)
    ]
    answered = next((d for d in reversed(told) if d.spec.name == _SHELLING), None)
    if answered is None:
        return None
    targets = [a for a, role, _ in answered.actors if role == "target"]
    attackers = [a for a, role, _ in answered.actors if role == "actor"]
    if not targets or not attackers:
        return None
    trigger = Trigger(answered.spec, at, sentence.start + found.end(), found.group())
    sides: list[tuple[Actor, str, ActorMention | None]] = [(a, "actor", None) for a in targets]
    sides += [(a, "target", None) for a in attackers]
    answer = replace(
        answered,
        trigger=trigger,
        sentence=sentence,
        actors=sides,
        fatalities=None,
        strength=None,
    )
    return answered, answer

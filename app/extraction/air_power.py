"""Whose aircraft: an air strike told with no one flying it.

Strikes in a list ("- Near Kobani, five airstrikes struck ...") follow a lead that names who
flies them ("US and coalition forces ... using fighter and bomber aircraft to conduct 13
airstrikes"), though the lead may tell no event of its own. Only states fly strike aircraft
in these wars, so an air strike that names no actor is the strike of the state forces named
in the nearest sentence before it that speaks of air power. A barrel bomb names the state's
air force by itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from app.extraction.actors import Actor, ActorMention
from app.extraction.cues import cued_search
from app.extraction.event_builder import EventDraft
from app.extraction.text import Sentence

_AIR = re.compile(
    r"\b(?:air\s*strikes?|air\s+raids?|aircraft|warplanes?|jets?|bombers?|air\s+power|"
    r"air\s+force|helicopters?)\b",
    re.I,
)
#: A lead that says only "strikes" ("coalition forces ... conducting 19 strikes"): read when
#: no sentence before names aircraft and a force together.
_STRIKES = re.compile(r"\bstrikes\b", re.I)
_STATE = frozenset({"state_forces", "external_forces"})
_ARMED = _STATE | {"rebel_group", "political_militia", "identity_militia"}
#: What a lead's strikes were aimed at ("strikes against IRGC and militia facilities"): the
#: force named right after it was hit, it flew nothing.
_AIMED_AT = re.compile(r"\b(?:against|targeting|targeted)\s+(?:[\w'-]+,?\s+){0,4}$", re.I)
#: A weapon only a state's air force drops: the mention names who attacked wherever it stands
#: ("helicopters dropped barrel bombs on Darayya"); data/actors.csv reads it as the state
#: forces of the event's country (a generic force word, data/lexicon/cues.csv).
_DROPPED = re.compile(r"barrel[\s-]bombs?", re.I)


def dropped_weapon(mention_text: str) -> bool:
    """Whether an actor mention is itself an air-dropped weapon ("barrel bombs")."""
    return _DROPPED.fullmatch(mention_text) is not None


def add_air_force(
    draft: EventDraft,
    sentences: Sequence[Sentence],
    mentions_in: Callable[[Sentence], Sequence[ActorMention]],
    read: Callable[[ActorMention], Actor],
) -> None:
    """Give an air strike with no actor the state forces of the last air-power sentence
    before it (``mentions_in`` gives a sentence's actor mentions, ``read`` their actor); a
    force that sentence aimed its strikes at ("strikes against IRGC depots") flew nothing: it
    is the strike's target when the strike names none."""
    if draft.spec.name != "airstrike" or any(role == "actor" for _, role, _ in draft.actors):
        return
    for cue in (_AIR, _STRIKES):
        for sentence in reversed(sentences[: draft.sentence.index]):
            if not cued_search(cue, sentence.text):
                continue
            read_here = [(read(m), m, _aimed_at(sentence, m)) for m in mentions_in(sentence)]
            flying = [(a, m) for a, m, aimed in read_here if not aimed and a.kind in _STATE]
            if flying:
                for actor, mention in flying:
                    draft.add_actor(actor, "actor", mention)
                if not any(role == "target" for _, role, _ in draft.actors):
                    for actor, mention, aimed in read_here:  # the lead's own targets
                        if aimed and actor.kind in _ARMED:
                            draft.add_actor(actor, "target", mention)
                return


def _aimed_at(sentence: Sentence, mention: ActorMention) -> bool:
    """Whether the mention names what the sentence's strikes were aimed at."""
    before = sentence.text[
        max(0, mention.start - sentence.start - 60) : mention.start - sentence.start
    ]
    return _AIMED_AT.search(before) is not None

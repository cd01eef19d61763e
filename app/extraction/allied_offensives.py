"""Forces of one state told together in an offensive are its attackers, not its targets.

"The offensive began on 23 May with army, police and Popular Mobilisation units closing in on
the city": word order puts the forces after the trigger, where targets stand, but a state's
own forces do not fight each other. When every party of a fight is a force of one state, there
are two or more of them, nobody acts, nobody among them is said to be harmed ("soldiers and
militiamen were killed") and the sentence tells an offensive, they are its actors (the other
side is then found as for any one-sided fight).
"""

from __future__ import annotations

import re

from app.extraction.event_builder import EventDraft
from app.extraction.outlaw_sides import harmed

#: Words of an offensive under way.
_OFFENSIVE = re.compile(
    r"\b(?:offensives?|operations?|push(?:ed|ing)?|advanc(?:ed|ing)|closing\s+in|"
    r"converg(?:e|ed|ing)|tighten(?:ed|ing)?\s+a\s+ring)\b",
    re.I,
)


def as_attackers(draft: EventDraft) -> None:
    """Make a state's forces, all told as the targets of an offensive, its actors."""
    if draft.spec.name != "armed_clash" or len(draft.actors) < 2:
        return
    if any(role != "target" for _, role, _ in draft.actors):
        return
    countries = {a.country for a, _, _ in draft.actors}
    if len(countries) != 1 or any(a.kind != "state_forces" for a, _, _ in draft.actors):
        return
    if any(m is None or harmed(draft, m) for _, _, m in draft.actors):
        return
    if not _OFFENSIVE.search(draft.sentence.text):
        return
    draft.actors = [(a, "actor", m) for a, _, m in draft.actors]

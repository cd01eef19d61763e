"""A state's forces that make a deal are its government.

"A ceasefire was announced, under which government forces would withdraw", "an understanding
between the YPG and the regime": a ceasefire or a settlement is agreed by the state, not its
troops, and the corpus names the government ("Syrian government", after December 2024 the
"Syrian transitional government"; "Iraqi government") as the party. Forces named as the subject
before the deal word ("army units and YBS representatives agreed to reopen the road") made a
local arrangement themselves and stay. Only the national forces of Iraq and Syria are read so;
regional forces (the Kurdistan Region's Asayish) and foreign armies (Russian military police
brokering a deal) stay as named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from app.extraction.actors import Actor, ActorMention
from app.extraction.event_builder import EventDraft
from app.extraction.lexicon import State
from app.gazetteer.index import FOCUS_COUNTRIES


class DealParties:
    """The government that stands for its national forces in an agreement."""

    def __init__(
        self,
        states: Sequence[State],
        actors: Mapping[str, Actor],
        as_of: Callable[[Actor, dt.date], Actor],
    ) -> None:
        """``states``: the lexicon's states; ``actors``: the actor list by name; ``as_of``: an
        actor's name on a day (data/lexicon/successors.csv)."""
        self._governments = {
            s.country: actors[s.government]
            for s in states
            if s.government is not None and s.country in FOCUS_COUNTRIES and s.government in actors
        }
        self._as_of = as_of

    def apply(self, draft: EventDraft, national: Callable[[str, dt.date], Actor | None]) -> None:
        """Replace the national forces of Iraq or Syria among an agreement's parties with
        their government, as of the deal's day (once, keeping its role)."""
        if draft.spec.name != "agreement":
            return
        actors: list[tuple[Actor, str, ActorMention | None]] = []
        for actor, role, mention in draft.actors:
            country = actor.country or ""
            government = self._governments.get(country)
            forces = national(country, draft.date) if government is not None else None
            signed = mention is not None and mention.end <= draft.trigger.start
            if (
                government is not None
                and forces is not None
                and forces.name == actor.name
                and not signed
            ):
                actor = self._as_of(government, draft.date)
            if not any(a.name == actor.name for a, _, _ in actors):
                actors.append((actor, role, mention))
        draft.actors = actors

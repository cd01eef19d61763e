"""Arrests of the perpetrators: "police arrested seven people involved in the clash".

Men arrested "over the clash", "in connection with the abduction", "involved in the attack"
are the ones who did what the report told before: the actors of the latest earlier event of
that kind are the arrest's targets (not civilians, though "people" reads as civilians).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extraction.actors import Actor, ActorCatalog, ActorMention
from app.extraction.cues import cued_search
from app.extraction.event_builder import EventDraft

#: The deed the arrested are tied to, and the event types it names.
_TIED = re.compile(
    r"\b(?:involved\s+in|wanted\s+(?:over|for|in\s+connection\s+with)|in\s+connection\s+with|"
    r"(?:responsible|suspected)\s+(?:for|of)|over|behind|took\s+part\s+in|accused\s+of|"
    # "suspects in the judge's killing", "five suspects linked to the embassy attack"
    r"suspects?\s+in|(?:linked|tied|connected)\s+(?:to|with))\s+"
    r"(?:the|that|this|these|last\s+\w+'s)\s+(?:[\w'-]+\s+){0,2}?"
    r"(clash(?:es)?|fighting|dispute|feud|attack|bombing|abduction|kidnapping|killing|"
    r"assassination|shooting|ambush)s?\b",
    re.I,
)
_ARMED_NON_STATE = frozenset({"rebel_group", "political_militia", "identity_militia"})
_KINDS = {
    "clash": ("armed_clash",),
    "fighting": ("armed_clash",),
    "dispute": ("armed_clash",),
    "feud": ("armed_clash",),
    "ambush": ("armed_clash",),
    "attack": ("attack", "armed_clash", "ied_explosion", "drone_or_rocket_attack"),
    "shooting": ("attack",),
    "killing": ("attack",),
    "assassination": ("attack",),
    "bombing": ("ied_explosion", "suicide_bombing"),
    "abduction": ("kidnapping",),
    "kidnapping": ("kidnapping",),
}


def add_perpetrators(
    draft: EventDraft,
    earlier: Sequence[EventDraft],
    catalog: ActorCatalog | None = None,
    countries: Sequence[str] = (),
) -> None:
    """Make the actors of the deed an arrest is tied to its targets; if the report told no such
    deed before, the men held for it are an unidentified armed group (of the event's country,
    from ``catalog``), unless the arrest names whom it holds ("held three ISIS suspects")."""
    if draft.spec.name != "arrest":
        return
    tied = cued_search(_TIED, draft.sentence.text)
    if tied is None:
        return
    word = tied.group(1).lower()
    kinds = _KINDS["clash" if word.startswith("clash") else word]
    deed = next((d for d in reversed(earlier) if d.spec.name in kinds), None)
    if deed is None:
        unnamed = _unidentified(draft, catalog, countries)
        if unnamed is not None and not any(
            role == "target" and a.kind != "civilians" for a, role, _ in draft.actors
        ):
            _hold(draft, [(unnamed, None)])
        return
    # Its non-state actors; in a feud told with the clans as its target, its armed parties.
    parties = [(a, role, m) for a, role, m in deed.actors if a.kind in _ARMED_NON_STATE]
    doers = [(a, m) for a, role, m in parties if role == "actor"] or [(a, m) for a, _, m in parties]
    if doers:
        _hold(draft, doers)


def _hold(draft: EventDraft, doers: Sequence[tuple[Actor, ActorMention | None]]) -> None:
    draft.actors = [
        (a, role, m) for a, role, m in draft.actors if role != "target" or a.kind != "civilians"
    ]
    for actor, mention in doers:
        draft.add_actor(actor, "target", mention)


def _unidentified(
    draft: EventDraft, catalog: ActorCatalog | None, countries: Sequence[str]
) -> Actor | None:
    place = draft.location.place if draft.location is not None else None
    country = place.country if place is not None else (countries[0] if countries else None)
    return catalog.local("Unidentified armed group", country) if catalog is not None else None

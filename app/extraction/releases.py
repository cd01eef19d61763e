"""Who frees a hostage: the kidnappers.

A release told with no one named as freeing ("the engineer was released unharmed after
tribal mediation", "the researcher abducted two years ago was released on Tuesday") is the
release of a kidnapping: the kidnappers release, and the people freed are its targets. The
kidnapping's actors and targets come from the report's kidnapping event (told before or
after the release); when the report names no kidnappers, an unidentified armed group of the
event's country, as for any unclaimed kidnapping. A release of detainees by a state (an
exchange of prisoners) names its parties and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extraction.actors import ActorCatalog
from app.extraction.event_builder import EventDraft

#: The sentence itself says the people freed had been taken.
_TAKEN = re.compile(
    r"\b(?:kidnapp\w*|abduct\w*|hostages?|captives?|held captive|ransom|seized\s+by)\b", re.I
)


def add_kidnappers(draft: EventDraft, drafts: Sequence[EventDraft], catalog: ActorCatalog) -> None:
    """Give an unclaimed release the kidnappers (and their targets) of the report."""
    if draft.spec.name != "prisoner_release":
        return
    if any(role == "actor" for _, role, _ in draft.actors):
        return
    kidnappings = [d for d in drafts if d.spec.name == "kidnapping"]
    if not kidnappings and not _TAKEN.search(draft.sentence.text):
        return
    named = [
        (actor, role)
        for d in kidnappings
        for actor, role, mention in d.actors
        if role in ("actor", "target")
    ]
    if not any(role == "actor" for _, role in named):
        place = draft.location.place if draft.location is not None else None
        country = "SY" if place is not None and place.country == "SY" else "IQ"
        unidentified = catalog.local("Unidentified armed group", country)
        if unidentified is not None:
            named.insert(0, (unidentified, "actor"))
    for actor, role in named:
        draft.add_actor(actor, role, None)


def add_hostages(draft: EventDraft, catalog: ActorCatalog) -> None:
    """A kidnapping that names no one taken ("gunmen abducted Karim on Saturday", "the
    pharmacist was seized outside his shop") took civilians of the event's country: fighters
    taken are named as such ("two PMF fighters were abducted")."""
    if draft.spec.name != "kidnapping" or any(role == "target" for _, role, _ in draft.actors):
        return
    place = draft.location.place if draft.location is not None else None
    country = "SY" if place is not None and place.country == "SY" else "IQ"
    civilians = catalog.local("Civilians", country)
    if civilians is not None:
        draft.add_actor(civilians, "target", None)

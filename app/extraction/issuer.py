"""The issuer of a statement: whom "our forces" and "our aircraft" name.

A statement names its issuer at the top ("Joint Operations Command", "SDF Media Centre",
"Ministry of National Defence"): the first armed body the text names, or the forces of a
defence ministry named before any armed body (it speaks for its country's army). "Our
forces", "our heroes", "our military points" are that body's men and the places it holds, and
a strike or raid the statement tells without naming who did it is the issuer's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from app.extraction.actors import Actor, ActorMention
from app.extraction.cues import cued_finditer
from app.extraction.event_builder import EventDraft
from app.extraction.patterns import lazy_compile

_OURS = re.compile(
    r"\b[Oo]ur (?:(?:heroic|brave|valiant|security|armed|own|military|forward|commando|special|"
    r"fighter|attack|land-based|fire support) ){0,2}(?:forces|troops|"
    r"heroes|units|fighters|mujahideen|soldiers|brothers|personnel|men|commandos|aircraft|"
    r"(?:military )?points|positions|posts|outposts|bases?|checkpoints?|patrols?|convoys?|"
    r"jets|warplanes|planes|helicopters|UAVs|drones|artillery|air force|vehicles)\b"
)
#: Other words only the issuer of a statement says of itself ("our struggle will continue",
#: "our right of self-defence", "six of our citizens"): the text speaks in its name.
_FIRST_PERSON = lazy_compile(
    r"\b[Oo]ur (?:heroic )?(?:struggle|fight|right|citizens|homeland|martyrs|comrades|"
    r"retaliation|operations?|air operations?|partners|allies|approach|response)\b"
)
#: Opening quotation marks: a first-person word inside quotes is someone quoted.
_QUOTES = frozenset('"\u201c\u201d')
#: A ministry that speaks for its country's forces.
_DEFENCE = re.compile(r"\bdefen[cs]e\b|\bMoD\b", re.I)
_ARMED_KINDS = frozenset(
    {"state_forces", "external_forces", "rebel_group", "political_militia", "identity_militia"}
)


def issuer(found: Sequence[ActorMention], national: Callable[[str], Actor | None]) -> Actor | None:
    """The body that issues the text: the first armed one named, or the state forces of a
    defence ministry named before it (``national`` gives a country's forces)."""
    for mention in found:
        if len(mention.actors) != 1:
            continue
        actor = mention.actors[0]
        if actor.kind in _ARMED_KINDS:
            return actor
        if actor.kind == "government" and actor.country and _DEFENCE.search(mention.text):
            forces = national(actor.country)
            if forces is not None:
                return forces
    return None


def headline_source(title: str | None) -> str:
    """The source a headline opens with ("SDF: 146 fighters freed", "Turkish MoD: 9 terrorists
    neutralised"): the words before its colon, else nothing."""
    if not title or ":" not in title:
        return ""
    return title.split(":", 1)[0]


def with_ours(
    text: str,
    found: list[ActorMention],
    national: Callable[[str], Actor | None],
    heading: Sequence[ActorMention] = (),
) -> list[ActorMention]:
    """The mentions with "our forces" and the like read as the issuer's (the source the
    headline names, ``heading``, first)."""
    matches = [
        match
        for match in cued_finditer(_OURS, text)
        if not any(m.start < match.end() and match.start() < m.end for m in found)
    ]
    if not matches:
        return found
    body = issuer([*heading, *found], national)
    if body is None:
        return found
    added = [ActorMention(m.start(), m.end(), m.group(), (body,)) for m in matches]
    return sorted([*found, *added], key=lambda m: m.start)


#: Events an issuer reports doing itself: its strikes, raids, clashes and arrests.
_DONE_BY_ISSUER = frozenset(
    {"airstrike", "armed_clash", "arrest", "drone_or_rocket_attack", "troop_deployment"}
)


def statement_issuer(
    text: str,
    found: Sequence[ActorMention],
    national: Callable[[str], Actor | None],
    heading: Sequence[ActorMention] = (),
) -> Actor | None:
    """The issuer when the text speaks in its name ("our forces", "our aircraft"), else None:
    only a statement in the first person reports the issuer's own acts without naming it."""
    if not any(True for _ in cued_finditer(_OURS, text)) and not any(
        _unquoted(text, m.start()) for m in _FIRST_PERSON.finditer(text)
    ):
        return None
    return issuer([*heading, *found], national)


def _unquoted(text: str, at: int) -> bool:
    """Whether ``at`` lies outside quotation marks in its paragraph."""
    start = text.rfind("\n", 0, at) + 1
    return sum(1 for c in text[start:at] if c in _QUOTES) % 2 == 0


def add_issuer(draft: EventDraft, body: Actor | None) -> None:
    """In a statement, a strike, raid or arrest that names no one acting is the issuer's ("3
    terrorists were neutralised in an air operation in the Hakurk region")."""
    if body is None or draft.spec.name not in _DONE_BY_ISSUER:
        return
    if draft.spec.name == "arrest":
        _without_state_default(draft)
    if any(role == "actor" for _, role, _ in draft.actors):
        return
    if any(actor.name == body.name for actor, _, _ in draft.actors):
        return  # the issuer was hit ("an attack on our positions"): someone else acted
    draft.add_actor(body, "actor", None)


def _without_state_default(draft: EventDraft) -> None:
    """ "The raid ended in the arrest of the cell's leader": an arrest that names nobody making
    it is the issuing body's in its own statement, not the country's forces' by default."""
    acting = [(a, r, m) for a, r, m in draft.actors if r == "actor"]
    if acting and all(m is None for _, _, m in acting):
        draft.actors = [x for x in draft.actors if x not in acting]

"""The other side of a fight: a battle or a strike on fighters has two sides, and a report
that names only one in a sentence has usually named the other elsewhere.

"Iraqi forces recaptured Qayyarah after weeks of fighting" in a story about Islamic State: the
target is Islamic State, the armed group the report's events name most. "ISIS fighters attacked
the town" in a story about the Peshmerga: the target is the Peshmerga. "SDF fighters clashed
with militants" in a story about Islamic State: the target is Islamic State (an insurgent side
fights the report's most named other armed group, a state force or not, rather than the
coalition backing it only because that is the one state force named). A state force fighting
with allies ("Turkish troops and allied Syrian factions") fights the report's armed group the
allies are not. Arrests of "suspects"
or "terrorists" by a state force are arrests of that group's members; so are those by a
non-jihadist armed force that polices its own territory (the SDF, the Asayish): "people
suspected of belonging to the cell" are the jihadist group's the report names. A ground
fight whose other side no event names is with the jihadist group the report's text names
most. A battle told only by the side that was hit ("Peshmerga units were ambushed") was
fought by that side's main opponent. Nothing is guessed when the report names no such side,
nor for a clash told with both its sides ("clashes between the
SDF and Turkish-backed factions").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from app.extraction.actors import Actor
from app.extraction.event_builder import EventDraft

_STATE = frozenset({"state_forces", "external_forces"})
_INSURGENT = frozenset({"rebel_group", "political_militia", "identity_militia"})
#: Types with two armed sides, and strikes on fighters.
_FIGHTS = frozenset({"armed_clash", "airstrike", "drone_or_rocket_attack"})
#: People arrested as members of an armed group.
_MEMBERS = re.compile(
    r"\b(?:terrorists?|militants?|suspects?|suspected\s+of|jihadists?|insurgents?|emirs?|cells?|"
    r"members of|wanted|accused of planning)\b",
    re.I,
)
#: "Fighting between X and Y": a clash told with both its sides.
_BETWEEN = re.compile(r"\bbetween\b", re.I)
#: A feud between clans: both sides are the clans, no state force is the other side.
_FEUD = re.compile(
    r"\b(?:two|rival|both)\s+(?:clans|tribes|families)\b|\b(?:clan|tribal)\s+(?:disputes?|feuds?)\b",
    re.I,
)


def _most_named(
    drafts: Sequence[EventDraft], kinds: frozenset[str], skip: set[str]
) -> Actor | None:
    counts: Counter[str] = Counter()
    actors: dict[str, Actor] = {}
    for draft in drafts:
        for actor, _, mention in draft.actors:
            if (
                mention is not None
                and actor.kind in kinds
                and actor.name not in skip
                and not actor.name.startswith("Unidentified")
            ):
                counts[actor.name] += 1
                actors[actor.name] = actor
    return actors[counts.most_common(1)[0][0]] if counts else None


def _jihadist(actor: Actor) -> bool:
    return actor.kind == "rebel_group" and any("militant" in a.casefold() for a in actor.aliases)


def _arrested_jihadists(
    acting: Sequence[Actor], drafts: Sequence[EventDraft], jihadist: Actor | None
) -> Actor | None:
    """The jihadist group whose suspects a non-state force policing its ground (the SDF,
    the Asayish) arrested: the one the report's events name most, else its text."""
    if not all(a.kind == "rebel_group" and not _jihadist(a) for a in acting):
        return None
    named = {a.name for a in acting}
    counts: Counter[str] = Counter()
    actors: dict[str, Actor] = {}
    for other in drafts:
        for actor, _, mention in other.actors:
            if mention is not None and _jihadist(actor) and actor.name not in named:
                counts[actor.name] += 1
                actors[actor.name] = actor
    if counts:
        return actors[counts.most_common(1)[0][0]]
    return jihadist if jihadist is not None and jihadist.name not in named else None


#: People arrested as suspects: no civilians hit, whatever they are said to have done.
_SUSPECTS = re.compile(r"\bsuspect(?:s|ed)\b|\baccused of planning\b", re.I)


def _without_civilian_suspects(draft: EventDraft) -> None:
    """ "Arrested six people suspected of links to the killing": the arrested are suspects,
    not civilian victims of the arrest."""
    if draft.spec.name == "arrest" and _SUSPECTS.search(draft.sentence.text):
        draft.actors = [
            (a, role, m)
            for a, role, m in draft.actors
            if not (role == "target" and a.kind == "civilians")
        ]


def _named_jihadist(acting: Sequence[Actor], jihadist: Actor | None) -> Actor | None:
    """The jihadist group the report's text names most, when its events name no side to
    fight on the ground ("ISIS" in the lead's background, "our forces stormed the city" after
    it); air strikes are not guessed so (a US raid on militias in a report that recalls ISIS)."""
    if jihadist is None or any(_jihadist(a) or a.name == jihadist.name for a in acting):
        return None
    return jihadist


def add_opponent(
    draft: EventDraft, drafts: Sequence[EventDraft], jihadist: Actor | None = None
) -> None:
    """Add the report's main opponent as the target of a fight that names one side;
    ``jihadist`` is the jihadist group the report's text names most, if any."""
    _without_civilian_suspects(draft)
    if any(role == "target" for _, role, _ in draft.actors):
        return
    acting = [a for a, role, _ in draft.actors if role == "actor"]
    if not acting:
        return
    named = {a.name for a in acting}
    if len(named) > 1 and draft.spec.name == "armed_clash" and _BETWEEN.search(draft.sentence.text):
        return  # "clashes between Druze gunmen and Bedouin fighters": both sides are named
    if draft.spec.name == "arrest":
        if not _MEMBERS.search(draft.sentence.text):
            return
        if all(a.kind in _STATE for a in acting):
            opponent = _most_named(drafts, _INSURGENT, named)
        else:
            opponent = _arrested_jihadists(acting, drafts, jihadist)
        if opponent is not None:
            draft.add_actor(opponent, "target", None)
        return
    if draft.spec.name not in _FIGHTS:
        return
    opponent = _fight_opponent(draft, acting, drafts, jihadist)
    if opponent is not None:
        draft.add_actor(opponent, "target", None)


def _fight_opponent(
    draft: EventDraft,
    side: Sequence[Actor],
    drafts: Sequence[EventDraft],
    jihadist: Actor | None,
) -> Actor | None:
    """Who fought ``side`` in ``draft``: the report's most named armed group it is not."""
    named = {a.name for a in side}
    if any(a.kind in _STATE for a in side):
        opponent = _most_named(drafts, _INSURGENT, named)
    elif draft.spec.name == "armed_clash" and all(a.kind in _INSURGENT for a in side):
        if _FEUD.search(draft.sentence.text):
            return None
        opponent = _most_named(drafts, _STATE | _INSURGENT, named)
    else:
        return None
    if opponent is None and draft.spec.name == "armed_clash":
        opponent = _named_jihadist(side, jihadist)
    return opponent


#: A side that advanced: a state force told as hit in such a sentence is the attacker.
_ADVANCE = re.compile(
    r"\b(?:took|taken|taking|(?:re)?captur\w*|retook|seized?|offensive|advanc\w*|push\w*|"
    r"encircl\w*|liberat\w*|storm\w*|search\w*)\b",
    re.I,
)


def add_assailant(
    draft: EventDraft, drafts: Sequence[EventDraft], jihadist: Actor | None = None
) -> None:
    """A battle told only by the side that was hit ("Peshmerga units were ambushed on the
    way"): the attacker is the report's main opponent of that side."""
    if draft.spec.name != "armed_clash":
        return
    if any(role == "actor" for _, role, _ in draft.actors):
        return
    hit = [a for a, role, _ in draft.actors if role == "target"]
    if not hit or any(
        a.kind not in _STATE | _INSURGENT or a.name.startswith("Unidentified") for a in hit
    ):
        return
    if any(a.kind in _STATE for a in hit) and _ADVANCE.search(draft.sentence.text):
        return  # "the army took Nimrud": the state force told as hit is the one advancing
    opponent = _fight_opponent(draft, hit, drafts, jihadist)
    if opponent is not None:
        draft.add_actor(opponent, "actor", None)

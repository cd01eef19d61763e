"""Partners of a joint operation take part in what the report goes on to tell of it.

"In a joint operation with the International Coalition forces, our units raided a hideout of
the cell. During the operation, a terrorist was killed ... and the cell's leader was captured":
the coalition took part in the killing and the capture as much as the units that tell it,
though the later sentences no longer name it. The partners named with "a joint operation (raid,
force, patrol) with/of/by" are actors of the fights and arrests told after it in the same
paragraph, and in the next paragraph when that one opens on the operation ("The operation
resulted in the arrest of ..."). A sentence that turns to something else ("Separately, ...")
or tells another joint operation ends the account.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from app.extraction.actors import Actor, ActorMention
from app.extraction.cues import cued_search
from app.extraction.event_builder import EventDraft
from app.extraction.text import Sentence

#: "a joint operation with", "joint security operation with", "a joint force of", "a joint
#: raid by": the partners are named next.
_JOINT = re.compile(
    r"\bjoint\s+(?:security\s+|military\s+|ground\s+|search\s+)?(?:operations?|raids?|"
    r"forces?|patrols?|missions?|sweeps?|assaults?)\s+(?:carried\s+out\s+)?"
    r"(?:with|alongside|of|by|between|involving)\s+",
    re.I,
)
#: Where the partners' phrase ends: a clause break or a verb after the names.
_PHRASE_END = re.compile(r"[,;.:]|\s(?:against|in|on|at|near|to)\s", re.I)
#: A paragraph that goes on about the same operation opens on it.
_SAME_OPERATION = re.compile(r"\b(?:the|this)\s+(?:operation|raid|mission|sweep)\b", re.I)
#: A sentence that turns to another matter.
_TURN = re.compile(
    r"^(?:-\s*)?(?:separately|elsewhere|meanwhile|in\s+another|in\s+a\s+separate)\b", re.I
)
#: Events a partner of the operation takes part in.
_SHARED = frozenset({"armed_clash", "arrest", "attack"})
_ARMED = frozenset(
    {"state_forces", "external_forces", "rebel_group", "political_militia", "identity_militia"}
)


def joint_partners(
    sentences: Sequence[Sentence],
    paragraph_of: Sequence[int],
    mentions_in: Callable[[Sentence], Sequence[ActorMention]],
    actor_of: Callable[[ActorMention], Actor],
) -> dict[int, list[Actor]]:
    """The partners of a joint operation for each sentence (by index) that tells of it."""
    out: dict[int, list[Actor]] = {}
    partners: list[Actor] = []
    paragraph = -1
    for sentence in sentences:
        named = _partners(sentence, mentions_in(sentence), actor_of)
        if named:
            partners, paragraph = named, paragraph_of[sentence.index]
        elif partners and not _goes_on(sentence, paragraph_of, paragraph):
            partners = []
        elif partners and paragraph_of[sentence.index] != paragraph:
            paragraph = paragraph_of[sentence.index]  # "The operation resulted in ..."
        if partners:
            out[sentence.index] = partners
    return out


def _goes_on(sentence: Sentence, paragraph_of: Sequence[int], paragraph: int) -> bool:
    """Whether a sentence after a joint operation's still tells of that operation."""
    if _TURN.match(sentence.text):
        return False
    here = paragraph_of[sentence.index]
    if here == paragraph:
        return True
    return here == paragraph + 1 and bool(cued_search(_SAME_OPERATION, sentence.text))


def _partners(
    sentence: Sentence,
    mentions: Sequence[ActorMention],
    actor_of: Callable[[ActorMention], Actor],
) -> list[Actor]:
    match = cued_search(_JOINT, sentence.text)
    if match is None:
        return []
    end = _PHRASE_END.search(sentence.text, match.end())
    stop = sentence.start + (end.start() if end is not None else len(sentence.text))
    start = sentence.start + match.end()
    out: list[Actor] = []
    for mention in mentions:
        if start <= mention.start < stop:
            actor = actor_of(mention)
            if actor.kind in _ARMED and all(a.name != actor.name for a in out):
                out.append(actor)
    return out


def add_joint_partners(draft: EventDraft, partners: Mapping[int, Sequence[Actor]]) -> None:
    """Make the partners of the joint operation a fight or an arrest belongs to its actors,
    beside the force told as acting."""
    if draft.spec.name not in _SHARED:
        return
    here = partners.get(draft.sentence.index, ())
    if not here or not any(a.kind in _ARMED for a, _, _ in draft.actors):
        return
    for partner in here:
        draft.add_actor(partner, "actor", None)

"""Claims of responsibility and blame: "ISIS claimed the attack", "police blamed the PKK".

The claimant becomes the actor of the incident the claim is about: the event told before the
claim's clause in the same sentence, else the latest fitting event of the report
(:func:`app.extraction.roles.claimed`).
"""

from __future__ import annotations

import re

from app.extraction import roles
from app.extraction.actors import ActorMention
from app.extraction.cues import cued_search
from app.extraction.drafting import ReportContext, event_countries
from app.extraction.occurrences import BLAME, CLAIM
from app.extraction.patterns import lazy_compile
from app.extraction.text import Sentence
from app.extraction.told_before import claim_clause_start

#: "claimed to have shot down a drone": a side's word about its own act, not a claim of
#: responsibility for the event told before it.
_OWN_ACT = re.compile(r"claimed to have\b", re.I)


#: "No group immediately claimed the attack", "nobody has claimed it": a claim denied.
_DENIED = lazy_compile(
    r"\b(?:no|not|nobody|none|never)\b(?:\s+(?:one|group|side|faction|party|has|have|had|"
    r"was|were|is|immediately|yet|publicly|officially))*\s+$",
    re.I,
)

#: Other incidents than the one denied: "but previous attacks were blamed on ...".
_OTHER_EVENTS = lazy_compile(r"\b(?:previous|earlier|past|similar|other|former)\b", re.I)

#: What a claimant says its act answered: "in response to an Israeli air strike".
_ANSWERED = lazy_compile(
    r"\b(?:in\s+(?:response|retaliation|revenge)\s+(?:to|for)|to\s+avenge|retaliating\s+for)\b",
    re.I,
)
#: The agent of "claimed by X", "claimed by the Islamic Resistance", "claimed by 'IRI'".
_AGENT_END = lazy_compile(r"\bby\s+(?:the\s+)?[\"'\u2018\u201c]?$", re.I)


def _affirmed_claim(text: str) -> re.Match[str] | None:
    """The first claim or blame of the sentence that is not denied: "No group claimed the
    attack, but officials said it bore the hallmarks of ISIS" lays the blame after it."""
    claim = cued_search(CLAIM, text)
    while claim is not None and _DENIED.search(text, max(0, claim.start() - 40), claim.start()):
        denied_end = claim.end()
        claim = CLAIM.search(text, denied_end)
        if claim is not None and _OTHER_EVENTS.search(text, denied_end, claim.start()):
            return None  # "but previous attacks have been blamed on ...": not this one
    return claim


def attach_claim(sentence: Sentence, actors: list[ActorMention], ctx: ReportContext) -> None:
    """ "ISIS claimed the attack": the claimant becomes the actor of the incident meant."""
    claim = _affirmed_claim(sentence.text) if actors else None
    if claim is None:
        return
    at = sentence.start + claim.start()
    if BLAME.match(claim.group()) or sentence.text.startswith(":", claim.end()):
        # "police blamed Islamic State", "bore the hallmarks of IS", a log's "Claimed: IRI":
        # named after the word.
        claimants = [m for m in actors if m.start > at]
    else:
        # The claimant: the subject before the claim, or the agent of "claimed by X"; not
        # those named in what it says it did ("said it had fired at an Israeli centre").
        claimants = [
            m
            for m in actors
            if m.start < at
            or _AGENT_END.search(
                sentence.text, max(0, m.start - sentence.start - 20), m.start - sentence.start
            )
        ]
    drafts, told = ctx.drafts, None
    # "...said they had fired the missiles, in response to an Israeli strike near Damascus":
    # what the claimant answered is not what it claims.
    drafts = [
        d
        for d in drafts
        if d.sentence.index != sentence.index
        or d.trigger.start < at
        or not cued_search(_ANSWERED, sentence.text[claim.end() : d.trigger.start - sentence.start])
    ]
    start = claim_clause_start(sentence, claim.start())
    if start is not None and drafts and drafts[-1].sentence.index == sentence.index:
        if _OWN_ACT.match(sentence.text, claim.start()):
            return  # "...; the PKK claimed to have shot at helicopters": its own act
        # "an IED hit a patrol; ISIS claimed the attack": the event told before the
        # claim's clause, claimed by those named in that clause (not what the sentence's
        # own roles made them).
        told = sentence.start + start
        claimants = [m for m in claimants if m.start >= told]
        drafts = [d for d in drafts if d.sentence.index != sentence.index or d.trigger.end < told]
    blame = BLAME.match(claim.group()) is not None
    for claimed in roles.claimed(drafts, sentence):
        if blame and any(role == "actor" for _, role, _ in claimed.actors):
            continue  # blame is laid for an attack whose doer the report did not name
        if told is not None and claimed.sentence.index == sentence.index:
            claimed.actors = [a for a in claimed.actors if a[2] not in claimants]
        reading = ctx.reading(event_countries(claimed, ctx.countries))
        for mention in claimants:
            claimed.add_actor(reading.actor(mention), "actor", mention)

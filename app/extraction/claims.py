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
from app.extraction.text import Sentence
from app.extraction.told_before import claim_clause_start

#: "claimed to have shot down a drone": a side's word about its own act, not a claim of
#: responsibility for the event told before it.
_OWN_ACT = re.compile(r"claimed to have\b", re.I)


def attach_claim(sentence: Sentence, actors: list[ActorMention], ctx: ReportContext) -> None:
    """ "ISIS claimed the attack": the claimant becomes the actor of the incident meant."""
    claim = cued_search(CLAIM, sentence.text) if actors else None
    if claim is None:
        return
    at = sentence.start + claim.start()
    if BLAME.match(claim.group()):
        # "police blamed Islamic State", "bore the hallmarks of IS": named after the word.
        claimants = [m for m in actors if m.start > at]
    else:
        # The claimant: the subject before the claim, or the agent of "claimed by X"; not
        # those named in what it says it did ("said it had fired at an Israeli centre").
        claimants = [
            m
            for m in actors
            if m.start < at or sentence.text[: m.start - sentence.start].rstrip().endswith(" by")
        ]
    drafts, told = ctx.drafts, None
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

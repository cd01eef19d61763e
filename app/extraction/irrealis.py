"""Whether a trigger word tells an occurrence to report, or something else: what may happen
or did not (modal words, a purpose, a forecast), what happens habitually or is a running tally,
a reference to another event ("after the attack"), a means of another ("supported by attack
helicopters"), or words inside a quotation. Patterns of English news and statements, written
for Iraq and Syria reporting; each has unit tests in tests/extraction/test_triggers.py.
"""

from __future__ import annotations

import re

from app.extraction.comparisons import compared
from app.extraction.cues import cued_finditer, cued_search
from app.extraction.demands import demanded
from app.extraction.habits import habitual, tally
from app.extraction.lexicon import shipped_alternation
from app.extraction.means import told_as_means
from app.extraction.postings import posted_description

#: Words just before a trigger that make it something that may or will happen, or did not
#: ("once a stronghold", but not "once the troops had left, jets bombed": a time clause).
MODAL = re.compile(
    r"\b(?:will|would|could|might|may|plans? to|planning to|intends? to|expected to|"
    r"threaten(?:s|ed)? to|vowed to|provid(?:es|ed|ing) for|stipulat(?:es|ed|ing)|envisag(?:es|ed)|"
    r"promised to|pledged to|swore to|hopes? to|wants? to|warned (?:that|of)|if|unless|not|no|"
    r"nobody|fear(?:ed|s|ing)?|denied|ready to|(?:is|are) (?:also )?to|"
    r"to plan|planning|accused of|accus(?:ed|es|ing) (?:[\w-]+ ){1,4}?of|suspected of|little|"
    r"has seen|have seen|"
    r"confessed to|participat\w* in|involved in|"
    r"charged with|(?:the )?first time|once(?! (?:the|they|it|its|their|our|all) )|used to|"
    r"prepar(?:e|es|ing) to|aims? to|seeks? to|called for|demand(?:ed|s|ing)?|until|"
    r"avoid|tried to|trying to|attempt(?:ed|s|ing)? to|sought to|efforts? to|"
    r"talks (?:on|over|about)|negotiating|failed to|expect(?:s|ed|ing)? (?:more|further|new)|"
    # "a deal that allows the army to deploy", "discussed the deployment": leave, not the act
    r"(?:allow|permit|enable)(?:s|ed|ted|ing)? (?!to\b)(?:[\w'-]+ ){1,5}?to|"
    r"discuss(?:ed|es|ing)?|"
    # "police were due to deploy": what is scheduled, not yet done
    r"(?:was|were|is|are) due to|"
    # "organisers plan another rally", "ordered the police to arrest anyone armed": a plan or
    # an order, not what came of it
    r"plan(?:s)? (?:a|an|another|new|more|further|fresh)|"
    r"(?:order|instruct|urge)(?:s|ed)? (?!to\b)(?:[\w'-]+ ){1,5}?to|"
    # "residents were bracing for clashes", "the risk of new fighting", "massing in
    # preparation for an assault": what is awaited, not what happened
    r"brac(?:e|es|ed|ing) for|risks? of|in preparation for|preparations? for|"
    # "an inquiry later found that 40 had been killed": a finding about what was told before
    r"(?:inquiry|investigation|probe|commission|autopsy|review) (?:\w+ )?(?:found|concluded|"
    r"established|determined|showed) that|"
    r"later (?:found|concluded|established|determined) that)\b",
    re.I,
)
#: "who were kidnapped while hunting": a relative clause telling background (it ends at a
#: comma: "a researcher who was abducted two years ago, was released on Tuesday").
_RELATIVE = re.compile(r"\b(?:who|which|that) (?:had|has|have|were|was)\b[^,;]*$", re.I)
#: "to launch attacks", "further attacks", "repeated attacks": a purpose or a run of events.
_PURPOSE_BEFORE = re.compile(
    rf"\bto {shipped_alternation('purpose_verbs.csv')}(?:\s+[\w-]+){{0,2}}\s*$|"
    r"\bin preparation for(?:\s+[\w-]+){0,2}\s*$|"
    rf"\b{shipped_alternation('run_of_events.csv')}\s+(?:[\w-]+\s+){{0,2}}$",
    re.I,
)
#: "following the release of...", "after the attack": a trigger that refers to another event.
REFERENCE = re.compile(
    r"\b(?:following|after|since|amid|despite|response to|responding to|ahead of|"
    # "four militants were killed in the ensuing firefight": the fight the attack turned into
    r"ensuing|subsequent|"
    r"in retaliation for|string of|series of|wave of|linked to|responsible for|"
    r"connection with|investigation into|accused of|condemned|denounced|condemning|"
    # "chaired a meeting to discuss the attack": a meeting about an event told before
    r"(?:to |met to |meeting to )(?:discuss|review|investigate|assess|respond to)|"
    # "protested in Qamishli against Turkish strikes": what a crowd is against or angry at
    r"(?:protest\w*|rall(?:y|ied|ies)|demonstrat\w+|marched|slogans|chant\w*|angry|anger|outrage)"
    r"(?:\s+[\w-]+){0,3}?\s+(?:against|over|at)|"
    r"wanted (?:over|for))\s+"
    r"(?:the\s+|a\s+|an\s+)?((?:[\w-]+\s+){0,3})$",
    re.I,
)
#: "gathered after the funeral and set fire to the gate": the words after "after" end with
#: "and" and the trigger is a verb of the main clause's subject, not the event referred to.
_AND_END = re.compile(r"(?:^|\s)and\s+$", re.I)
_SECOND_VERB = re.compile(r"(?:set|threw|burn(?:ed|t))\b", re.I)
#: "a wave of protests", "a series of raids": a run of events, no one of them ...
_SERIES = re.compile(r"\b(?:wave|series|string) of\s", re.I)
#: ... unless the run is the subject of a verb telling its onset or its harm ("a second wave
#: of demonstrations began on 25 October in Basra", "the first wave of protests, from 1 to 6
#: October, left 149 dead"): then it is what happened there and then.
_ONSET = re.compile(
    r"(?:[\w-]+\s+){0,2}[\w-]+(?:,[^,;]{1,40},)?\s+(?:began|started|erupted|broke out|swept|"
    r"spread|hit|struck|killed|left|tore through|ripped through|rocked)\b",
    re.I,
)
#: "opened the offensive with a wave of air strikes", "struck back with a wave of car bombs":
#: the run is how the act told was done, there and then.
_WITH_BEFORE = re.compile(r"\bwith\s+(?:an?\s+)?$", re.I)
#: "supported by attack helicopters", "under cover of air strikes": a means, not an event.
SUPPORT = re.compile(
    r"\b(?:(?:supported|backed|covered|assisted|escorted) by|under (?:the )?cover of|"
    r"with the (?:support|help|backing) of)\s+(?:[\w-]+,?\s+(?:and\s+)?){0,6}$",
    re.I,
)
#: 'a massacre," said a PUK official': the quotation opened in an earlier sentence.
_QUOTE_CLOSES = re.compile(
    r'[^"\u201c\u201d]*["\u201d](?:\s*$|,?\s+(?:\w+\s+){0,3}(?:said|says|added|told))'
)


def _supporting(before: str) -> bool:
    """ "supported by attack helicopters, UAVs": a means; not "..., were deployed" after it."""
    match = cued_search(SUPPORT, before)
    return match is not None and not cued_search(_AUXILIARY, match.group())


_AUXILIARY = re.compile(r"\b(?:were|was|have|has|had|are|is|been)\b", re.I)
#: Ground taken: a fight named after it ("after heavy clashes") is how it was taken (also
#: "advanced in the area after violent clashes", "established control over the farms after ...").
_TAKEN_BEFORE = re.compile(
    r"\b(?:captured|seized|took (?:full |complete )?control|retook|retaken|recaptured|overran|"
    r"stormed|liberat\w+|secured|clear(?:ed|ing)|drove \w+ out|broke the siege|entered|taken|"
    r"regained|advanc(?:ed|ing)|control (?:over|of)|"
    r"took(?! part| place)|"
    r"foiled|repell?ed|repulsed|forced \w+ to (?:retreat|withdraw|flee)|restored)\b",
    re.I,
)
#: "the liberation of the remaining areas is coming soon", "a truce is possible": still to happen.
_FUTURE_AFTER = re.compile(
    r"[^.;,]{0,60}?\b(?:(?:is|are) (?:coming|imminent|expected|planned|looming|yet to|likely|"
    r"possible|unlikely|probable)|"
    r"(?:is|are) (?:\w+ )?likely to)\b"
)
#: "protests planned for 25 October", "the vote scheduled for Sunday": what is still to come
#: (but "an assault planned for months" was planned long and may have happened).
_PLANNED_AFTER = re.compile(
    r"(?:[\w'’-]+\s+){1,3}?(?:planned|scheduled|slated)\s+(?:for|on)\b"
    r"(?!\s+(?:months|weeks|years|days|some time|a long time)\b)",
    re.I,
)


def planned(sentence: str, at: int) -> bool:
    """Whether the trigger at offset ``at`` of the sentence is said to be planned for a time
    to come ("protests planned for 25 October"): no occurrence, even with a date."""
    return bool(_PLANNED_AFTER.match(sentence, at))


_QUOTES = ('"', "\u201c", "\u201d")
_LONG_AGO = re.compile(r"\b(?:years|decades)\s+$", re.I)
#: A past-tense verb: the trigger after "after X" is a clause with its own subject.
CLAUSE_VERB = re.compile(
    r"(?:\w+ed|withdrew|fled|fought|overran|retook|left|struck|took|shot|hit|blew|went|"
    r"broke|began|seized|stormed|drove|swept|rose|ran|came|threw|drew|fell)\b",
    re.I,
)
#: Where a clause of its own begins: "This is not the first attack of its kind: on 14 April a
#: drone hit ..." (a negation or a modal word before it says nothing of what follows).
_CLAUSE_START = re.compile(r"[:;]\s")


def own_clause(before: str) -> str:
    """The part of the text before a trigger that lies in the trigger's own clause (after the
    last colon or semicolon)."""
    starts = [m.end() for m in _CLAUSE_START.finditer(before)]
    return before[starts[-1] :] if starts else before


#: "a gunman who tried to ...": a modal word inside a relative clause ...
_WHO_BEFORE = re.compile(r"\b(?:who|which)\s+(?:[\w-]+\s+)?$", re.I)
#: ... that the main clause's own verb closes ("... near al-Bab was captured").
_MAIN_VERB_BEFORE = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?$", re.I)


#: "meeting no resistance as soldiers abandoned their posts": the negation is of the
#: resistance, not of what the clause goes on to tell.
_UNOPPOSED = re.compile(
    r"\b(?:(?:meeting|met|meets|encountering|encountered|facing|faced)\s+(?:almost\s+|virtually\s+|very\s+)?(?:no|little)|"
    r"without(?:\s+any)?)\s+(?:real\s+|serious\s+|significant\s+|armed\s+)?"
    r"(?:resistance|opposition)\b",
    re.I,
)


#: "until" and a clause in the past up to the trigger ("until army units were deployed"):
#: the end of what the main clause told, not a condition still to be met.
_PAST_UNTIL = re.compile(r"until\s+(?:[\w-]+\s+){1,4}?(?:were|was|had been)\s+$", re.I)


def _modal(before: str) -> bool:
    """Whether a modal word scopes over the trigger: not when it sits in a relative clause
    that the main clause's verb closes ("1 militant who tried to infiltrate the area was
    captured", "the men, whom it accused of attacks, were detained"), nor when it denies
    only a resistance ("meeting no resistance as ...")."""
    if "resistance" in before or "opposition" in before:
        before = _UNOPPOSED.sub("", before)
    for match in cued_finditer(MODAL, before):
        if _PAST_UNTIL.match(before, match.start()):
            continue  # "lasted hours until army units were deployed": what came to pass
        if not (
            _WHO_BEFORE.search(before, 0, match.start()) and cued_search(_MAIN_VERB_BEFORE, before)
        ):
            return True
    return False


def _closed_relative(before: str) -> bool:
    """ "the men who had planned the attack were arrested": the relative clause told
    background, and the main clause's own verb goes on to the trigger."""
    relative = cued_search(_RELATIVE, before)
    if relative is None:
        return False
    own_verb_end = relative.start() + len(" ".join(relative.group().split()[:2]))
    return bool(_MAIN_VERB_BEFORE.search(before, own_verb_end))


#: A line an analyst heads as commentary ("Analysis: the strikes mark an escalation",
#: "Overview: drone strikes continued along the border"): a judgement of events, none itself.
_COMMENTARY = re.compile(
    r"\s*(?:analysis|assessment|outlook|comment(?:ary)?|overview|forecast)\s*:", re.I
)
#: A section heading ("Aerial bombardment", "Shelling on government-held areas", "IS activity
#: log - Iraq"): a short line without a colon or a closing stop names the kind of events below
#: it, none of them. Not an item ("- Saqba: 18 dead") nor a numbered line ("3 June ...").
_SECTION_HEADING = re.compile(r"\s*[A-Za-z][^:,.!?\n]{0,60}?[\w)]\s*")
_HEADING_WORDS = 7
#: A verb in the past ("rockets landed"): a clause cut short, not a heading.
_PAST_VERB = re.compile(r"(?<![\w-])\w+ed\b")
#: A title that places its event ("Statement on the rocket attack in Erbil", "Protesters block
#: road to Umm Qasr", "ISRAELI STRIKES"): the report's own event, told once more in its body.
_HEADLINE = re.compile(r"\b(?:in|at|near|on|to|from|into|over)\s+(?:the\s+)?[A-Z]")
#: "funerals were held for the nine killed when shells slammed into ...", "mourners buried the
#: dead from a missile attack": the deaths mourned are an event told for its own day, not here.
_MOURNED = re.compile(
    r"\b(?:funerals?|buried|burials?|mourners?|mourned)\b[^.;]{0,120}?"
    r"\b(?:killed|victims|dead)\b(?:(?!\band\b)[^.;,]){0,80}$",
    re.I,
)
#: A totals line ("Total dead in the province since May: 14", "Running count, 2024: 14"): a sum.
_TOTALS = re.compile(
    r"\s*(?:-\s*)?(?:(?:total|overall|cumulative)\s+(?:number\s+of\s+)?(?:[\w-]+\s+){0,2}?(?:killed|"
    r"dead|deaths|casualties|fatalities|toll|victims)\b[^:;.]{0,100}|(?:running (?:count|tally|"
    r"toll)|cumulative)\b[^:;]{0,80}|"
    # "Totals this week: 4 killed", "Toll at noon: 12 dead", "Anbar toll in May (our count): 9"
    r"(?:[\w-]+\s+){0,2}?(?:totals?|toll)\b(?!\s+for\b)[^:;.]{0,50}):\s*[\d,]+",
    re.I,
)
#: A move told as what a force was doing when something else happened ("came under attack
#: while reinforcing its positions"): a circumstance of that event, no movement of its own.
_WHILE_DOING = re.compile(r"\bwhile\s+$", re.I)
#: The trigger word as the subject of a verb of its own ("after Turkish artillery shelled").
_SUBJECT_OF = re.compile(r"[\w-]+\s+(?=(?:\w+ed|struck|hit|shot|blew|fell|went|began)\b)", re.I)


def irrealis(sentence: str, at: int, movement: bool = False) -> bool:
    """Whether the trigger at offset ``at`` of a sentence is not an occurrence to report: it
    may happen, did not, happens habitually, refers to another event, is a means of another
    ("supported by attack helicopters") or is said inside a quotation (``movement``: the
    trigger is a move, which "in recent weeks" does not make a tally)."""
    if _COMMENTARY.match(sentence) or _TOTALS.match(sentence):
        return True
    if (
        _SECTION_HEADING.fullmatch(sentence)
        and len(sentence.split()) <= _HEADING_WORDS
        and not _PAST_VERB.search(sentence)
        and not _HEADLINE.search(sentence)
        and not sentence.isupper()
    ):
        return True
    before = sentence[max(0, at - 60) : at]
    reference = cued_search(REFERENCE, before)
    if (
        reference is not None
        and (CLAUSE_VERB.match(sentence[at:]) or _SUBJECT_OF.match(sentence, at))
        and reference.group(1)
        and not reference.group().lower().startswith("since")
        and not _LONG_AGO.search(before, 0, reference.start())
    ):
        # "after Peshmerga units pulled back": a clause telling an event; not "the deadliest
        # attack since American troops deployed there" (a background onset: the pipeline
        # keeps it only when it gives a date of its own)
        reference = None
    if reference is not None and _TAKEN_BEFORE.search(sentence, 0, at - len(reference.group())):
        reference = None  # "captured two villages after heavy clashes": the fight that took them
    if (
        reference is not None
        and _AND_END.search(reference.group(1) or "")
        and (CLAUSE_VERB.match(sentence, at) or _SECOND_VERB.match(sentence, at))
    ):
        reference = None  # "gathered after the funeral and set fire to the gate": a second verb
    if (
        reference is not None
        and cued_search(_SERIES, reference.group())
        and (_ONSET.match(sentence, at) or _WITH_BEFORE.search(before, 0, reference.start()))
    ):
        reference = None  # "a second wave of protests began on 25 October in Basra": they began
    return (
        _modal(own_clause(before))
        or (bool(cued_search(_RELATIVE, before)) and not _closed_relative(before))
        or bool(cued_search(_PURPOSE_BEFORE, before))
        or habitual(sentence, at)
        or tally(sentence, movement, at)
        or (movement and bool(_WHILE_DOING.search(before)))
        or reference is not None
        or (_supporting(before) and not CLAUSE_VERB.match(sentence[at:]))
        or told_as_means(sentence, at)
        or compared(sentence, at)
        or demanded(sentence, at)
        or posted_description(sentence, at)
        or sum(sentence[:at].count(q) for q in _QUOTES) % 2 == 1
        or bool(_QUOTE_CLOSES.match(sentence, at))
        or bool(_FUTURE_AFTER.match(sentence, at))
        or planned(sentence, at)
        or bool(_MOURNED.search(sentence, 0, at))
    )

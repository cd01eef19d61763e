"""What happens habitually or is counted over time, not one occurrence: "shelling has become
routine", "350 people have been killed since the unrest began", "recorded 11 kidnappings in
October". A habit or tally word in another clause that tells a day of its own ("mines remain a
threat: two fighters were killed on Tuesday") leaves that clause's event standing.
`app/extraction/irrealis.py` asks these with its other checks.
"""

from __future__ import annotations

import calendar
import re

from app.extraction.cues import holds_any, lowered
from app.extraction.lexicon import shipped_alternation

#: A running tally ("350 people have been killed since the unrest began", "recorded 11
#: kidnappings in October") is no one event, nor what happened "in recent weeks".
TALLY = re.compile(
    r"\bha(?:s|ve) (?:been (?:killed|wounded|injured|detained|arrested|displaced|documented|"
    r"recorded)|(?:carried out|conducted|launched|killed|fired|made|staged|mounted) "
    r"(?:hundreds|dozens|scores|thousands|more than|over|regular|repeated|frequent|numerous)"
    r")\b|\b[Tt]otal documented\b|\bin recent (?:days|weeks|months)\b|"
    r"\b(?:in|over|during) the (?:past|last) (?:few |several )?(?:days|weeks|months)\b|"
    # "the office recorded 11 kidnappings in October", "the number of attacks has risen to 90"
    r"\b(?:recorded|registered|counted|logged) (?:at least |more than |some |about |nearly )?"
    r"[\d,]+ (?:[\w-]+ ){0,2}?[\w-]+s\b|\b[Nn]umber of\b[^.;]{0,80}\b(?:ha(?:s|d) )?(?:rose|risen|"
    r"reached|climbed|stands|stood)\b"
)
#: A count since earlier the same day: "since this morning", "since dawn".
_TODAY_SINCE = re.compile(
    r"\b[Ss]ince (?:this morning|dawn|daybreak|midnight|the early hours|early (?:this )?morning)\b"
)
#: "in recent weeks" alone: a move made in that time is an event all the same.
_RECENTLY = re.compile(
    r"\bin recent (?:days|weeks|months)\b|"
    r"\b(?:in|over|during) the (?:past|last) (?:few |several )?(?:days|weeks|months)\b"
)
_HABITUAL_AFTER = 40  # characters after a trigger that can still make it habitual

#: Sentences that describe what happens habitually or has been going on for years (not
#: "documented": "a monitor documented the killing of 12 villagers in X on Friday" is an event).
HABITUAL = re.compile(
    r"\b(?:routine|usually|often|every (?:year|week|month|day)|for years|for decades|common|"
    r"have become|has become|has long|have long|"
    # "the town remains shut", not "the remains of 60 men" (bodies)
    r"(?<!the )(?<!human )(?<!their )remains?(?! of\b)|still|typically|regularly|"
    r"increasingly|repeatedly|several times|many times|frequent(?:ly)?|sometimes|occasionally|"
    r"(?:almost |near-)?(?:daily|nightly) (?:[\w-]+ )?(?:shelling|attacks|strikes|air ?strikes|"
    r"raids|bombardments?|clashes|fighting|protests|demonstrations|rallies)|"
    r"(?:have|has) been (?:\w+ ){0,2}since|in total|so far this|since the (?:start|beginning)|"
    # but "jets carried out dozens (or hundreds) of strikes on the hills on Wednesday" is that
    # day's raid
    r"(?:thousands|(?<!carried out )(?<!conducted )(?<!launched )(?<!executed )"
    r"(?:dozens|hundreds|scores)) of (?:\w+ )?(?:strikes|attacks|raids|air ?strikes|bases|posts|"
    r"outposts|checkpoints)|"
    r"tally|toll (?:has|had) risen|"
    # "2,000 civilians were killed during the eight-month campaign", "flew 5,000 sorties
    # throughout the war": a total over a campaign, none of its events
    r"(?:killed|died|dead|flew|carried out|fled)\s+(?:[\w,-]+\s+){0,3}?(?:during|throughout)\s+"
    r"the\s+(?:[\w-]+\s+){0,2}?(?:campaign|war|conflict)|"
    # "drone strikes have increased in recent years", "cells have stepped up attacks": a trend.
    r"(?:have|has|had) (?:\w+ )?(?:increased|intensified|escalated|grown|multiplied|surged|"
    r"declined|decreased|stepped up))\b",
    re.I,
)


#: Words HABITUAL cannot match without (one of them), and TALLY (which minds case).
_HABITUAL_CUES = (
    "routine", "usually", "often", "every ", "for years", "for decades", "common", "become",
    "frequent", "sometimes", "occasionally",
    "long", "remain", "still", "typically", "regularly", "increasingly", "repeatedly",
    "times", "daily", "nightly", "since", "in total", "so far this", "hundreds", "thousands",
    "scores", "dozens", "during", "throughout",
    "tally", "toll", "increased", "intensified", "escalated", "grown", "multiplied", "surged",
    "declined", "decreased", "stepped up",
)  # fmt: skip
_TALLY_CUES = (
    "has ", "have ", "otal documented", "in recent ", "recorded ", "registered ", "counted ",
    "logged ", "umber of", "the past ", "the last ",
)  # fmt: skip


#: "has been a battleground since August 2014, when militants killed ...": a when-clause after
#: the habitual main clause tells one occurrence of its own, which the habit does not cover.
_WHEN_CLAUSE = re.compile(r",\s+when\b", re.I)
#: A fight told as going on at the time of the report, not as a habit: "clashes are still
#: ongoing", "were still trading fire on Tuesday", "clashes have been continuing since dawn".
_STILL_GOING = re.compile(
    rf"still\s+{shipped_alternation('still_going.csv')}\b|"
    r"(?:have|has) been (?:continuing|raging|going on) since\b",
    re.I,
)


#: The days of the week, for the day patterns below.
_DAY_NAMES = "|".join(calendar.day_name)
#: Again and again within a span a report covers: "struck the area repeatedly on Monday",
#: "clashed repeatedly near Ain Issa throughout the week": that span's event, not a habit.
_WITHIN_SPAN = re.compile(
    r"(?:repeatedly|several times|many times)\s+(?:[\w'-]+\s+){0,6}?(?:(?:on|late on|early on)\s+"
    rf"(?:{_DAY_NAMES}|\d{{1,2}}\s+[A-Z][a-z]+)|"
    r"(?:throughout|during|over)\s+the\s+(?:day|night|week|weekend|period)|this\s+week|"
    r"overnight|last\s+night|yesterday|today)\b",
    re.I,
)


def habitual(sentence: str, at: int) -> bool:
    """Whether the trigger at offset ``at`` is told as a habit or a trend."""
    folded = lowered(sentence)
    if folded is not None and not holds_any(folded, _HABITUAL_CUES):
        return False
    return any(
        (
            m.end() > at
            or not (_WHEN_CLAUSE.search(sentence, m.end(), at) or apart(sentence, m.end(), at))
        )
        and not _STILL_GOING.match(sentence, m.start())
        and not _WITHIN_SPAN.match(sentence, m.start())
        for m in HABITUAL.finditer(sentence, 0, at + _HABITUAL_AFTER)
    )


#: Where one clause ends and another with a subject of its own may begin.
_CLAUSE_BREAK = re.compile(r"[:;]\s|,\s+(?:and|but|while|whereas)\s", re.I)
#: A day said in a clause: "on Tuesday", "on 14 April", "yesterday", "overnight".
_OWN_DAY = re.compile(
    rf"\b(?:on|late on|early on|last) (?:{_DAY_NAMES})\b|\bon \d{{1,2}} (?:January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b|"
    r"\b(?:yesterday|today|overnight|this morning|last night)\b",
    re.I,
)


def apart(sentence: str, cue: int, at: int) -> bool:
    """Whether a habit or tally word at offset ``cue`` lies in another clause than the trigger
    at ``at``, and the trigger's clause tells a day of its own: "mines remain a threat: two
    fighters were killed on Tuesday when one exploded", "protesters burned offices on
    Thursday, and 18 people have been killed since Tuesday"."""
    low, high = min(cue, at), max(cue, at)
    if not any(low <= m.start() < high for m in _CLAUSE_BREAK.finditer(sentence)):
        return False
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, at)]
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(sentence, at)]
    clause = sentence[starts[-1] if starts else 0 : ends[0] if ends else len(sentence)]
    return bool(_OWN_DAY.search(clause))


def tally(sentence: str, movement: bool, at: int | None = None) -> bool:
    """Whether the sentence is a running count (``movement``: the trigger is a move, which
    "in recent weeks" does not make a tally)."""
    if not holds_any(sentence, _TALLY_CUES):
        return False
    found = [
        m.group()
        for m in TALLY.finditer(sentence)
        if at is None or not apart(sentence, m.start(), at)
    ]
    if found and _TODAY_SINCE.search(sentence):
        # "since this morning, warplanes have carried out more than 30 raids on X": today's
        # strikes, one occurrence of the day, not a running tally.
        found = [f for f in found if not f.startswith(("has ", "have "))]
    if movement:
        # "has sent reinforcements to the dam in recent days": troops sent, not a tally.
        found = [f for f in found if not _RECENTLY.fullmatch(f)]
    return bool(found)

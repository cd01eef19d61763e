"""The patterns that find date expressions in report text, and the words they are built from.

:mod:`app.extraction.dates` resolves what they match against the reference date.
"""

from __future__ import annotations

import calendar
import re

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS |= {"sept": 9}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
WEEKDAY_NAMES = frozenset(calendar.day_name)
_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|"
    # sitrep headings in capitals: "26 MARCH - 1 APRIL 2018"
    r"JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\.?"
)
_WEEKDAY = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: "Sat 28 Oct - Sun 29 Oct" (sitrep headings): the short names, not captured.
_WEEKDAY_SHORT = r"(?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\.?"
_YEAR = r"((?:19|20)\d\d)"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_TO = r"\s*(?:-|–|—|/|to|and|until|through)\s*"
_CLOCK = r"(?:\d{1,2}(?:[:.]\d\d)? ?[ap]\.?m\.? (?:on )?)?"
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
SPAN_WORDS = NUMBER_WORDS | {"eight": 8, "nine": 9, "ten": 10}

DAY_MONTH = re.compile(rf"\b{_DAY}(?: of)? {_MONTH}(?:,? {_YEAR})?\b")
MONTH_DAY = re.compile(rf"\b{_MONTH} {_DAY}(?:,? {_YEAR})?\b(?!\s*(?:km|kilometres|people))")
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(rf"\b{_YEAR}-(\d\d)-(\d\d)\b")),
    # "17-23 October 2016", "from 1 to 6 October", "Saturday 19 - Sunday 20 July"
    (
        "day_range",
        re.compile(
            rf"\b(?:(?:{_WEEKDAY}|{_WEEKDAY_SHORT}),? )?{_DAY}(?: {_MONTH})?{_TO}"
            rf"(?:(?:{_WEEKDAY}|{_WEEKDAY_SHORT}),? )?"
            rf"{_DAY}(?: of)? {_MONTH}(?:,? {_YEAR})?\b"
        ),
    ),
    # "between Dec. 3 and Dec. 9, 2018" (coalition strike releases)
    (
        "month_day_range",
        re.compile(rf"\b{_MONTH} {_DAY}{_TO}{_MONTH} {_DAY}(?:,? {_YEAR})?\b"),
    ),
    ("month_range", re.compile(rf"\b{_MONTH} {_DAY}{_TO}{_DAY}(?:,? {_YEAR})?\b")),
    # "between 8 a.m. Monday and 8 a.m. Tuesday" (coalition releases), "on Saturday and Sunday"
    (
        "weekday_range",
        re.compile(
            rf"\b(?:(?:between|from) {_CLOCK})?{_WEEKDAY}(?:{_TO}|\s+or\s+){_CLOCK}{_WEEKDAY}\b"
        ),
    ),
    # "Monday 14 July", "Sunday, March 10": the date; the weekday only confirms it.
    (
        "weekday_date",
        re.compile(rf"\b{_WEEKDAY},? (?:the )?({_DAY}(?: of)? {_MONTH}(?:,? {_YEAR})?)\b"),
    ),
    ("weekday_date", re.compile(rf"\b{_WEEKDAY},? ({_MONTH} {_DAY}(?:,? {_YEAR})?)\b")),
    (
        "overnight_date",
        re.compile(
            rf"\bovernight (?:into|on) (?:the )?({_DAY}(?: of)? {_MONTH}(?:,? {_YEAR})?|"
            rf"{_MONTH} {_DAY}(?:,? {_YEAR})?)\b"
        ),
    ),
    # "between March and May 2017", "from June to August", "March-April 2016": whole months.
    (
        "month_to_month",
        re.compile(
            rf"\b(?:(?:[Bb]etween|[Ff]rom) {_MONTH}(?:,? {_YEAR})?(?: and | to | until | through "
            rf"|\s*[-–]\s*)|{_MONTH}\s*[-–]\s*){_MONTH}(?:,? {_YEAR})?\b(?! \d)"
        ),
    ),
    ("day_month", DAY_MONTH),
    # "20/02 (Sat) - Salahuddin: ...", "- 09/05/2021": day/month opening an item or after "on".
    (
        "numeric",
        re.compile(
            r"(?:(?<=^)|(?<=\n)|(?<=- )|(?<=\bon ))(\d{1,2})/(\d{1,2})(?:/((?:19|20)\d\d))?"
            r"(?![/\d%])\b"
        ),
    ),
    # "15.06: Turkish jets struck ...", "19.05.21 | Erbil | ...": day.month opening an item
    # of a dated list, before the item's separator (":", "|", "(" or a dash).
    (
        "numeric_dot",
        re.compile(
            r"(?:(?<=^)|(?<=\n)|(?<=- ))(\d{1,2})\.(\d{1,2})(?:\.((?:19|20)?\d\d))?"
            r"(?=\s*(?:[:|(]|[-–—]\s))"
        ),
    ),
    ("month_day", MONTH_DAY),
    (
        "part_month",
        re.compile(
            rf"\b(mid|early|late|end of|beginning of|start of|(?:first|second) half of)"
            rf"[- ](?:the month of )?{_MONTH}"
            rf"(?:,? {_YEAR})?",
            re.I,
        ),
    ),
    # "in late 2019", "in the first half of 2019", "mid-2018": not a whole year
    (
        "part_year",
        re.compile(
            r"\b(?:(?:in|during|by|since|until|from) )?"
            r"(early|late|mid|(?:the )?middle of|(?:the )?end of|(?:the )?beginning of|"
            r"(?:the )?start of|(?:the )?(?:first|second) half of)[- ]((?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    # "late last month", "in the first half of last year"
    (
        "part_last",
        re.compile(
            r"\b(early|late|mid|(?:the )?middle of|(?:the )?end of|(?:the )?beginning of|"
            r"(?:the )?start of|(?:the )?(?:first|second) half of)[- ](last|this) (month|year)\b",
            re.I,
        ),
    ),
    ("overnight", re.compile(rf"\bovernight (?:into|on) {_WEEKDAY}\b")),
    # "in the 24 hours to Monday morning" (coalition strike releases): Sunday to Monday.
    (
        "hours_to",
        re.compile(
            rf"\b(?:in|over|during) the (?:past |last |previous )?(?:24|twenty-four) hours "
            rf"(?:to|until|up to|ending) (?:early |late )?{_WEEKDAY}\b"
        ),
    ),
    # "over the past two weeks", "in the last three days": that many days up to the reference.
    (
        "past_span",
        re.compile(
            r"\b(?:in|over|during|for) the (?:past|last|previous) (two|three|four|five|six|"
            r"seven|eight|nine|ten|\d{1,2}) (days|weeks)\b",
            re.I,
        ),
    ),
    # "over the following three days": from the day after the previous event, three days
    (
        "following_days",
        re.compile(
            r"\b(?:over|in|during|for) the (?:following|next) (two|three|four|five|six|seven|"
            r"\d) days\b|"
            # "in the days that followed", "over the following days": some days of the week on
            r"\b(?:over|in|during) the (?:(?:following|next|ensuing) days|days (?:that )?followed|"
            r"days (?:after|since))\b",
            re.I,
        ),
    ),
    # "in the spring of 2019", "last summer", "over the summer": not "summer heat", nor
    # "Peace Spring" (a season is named after a preposition or "last"/"this").
    (
        "season",
        re.compile(
            r"\b(?:(?:[Ii]n|[Dd]uring|[Oo]ver|[Tt]hroughout|[Ss]ince|[Bb]y|[Uu]ntil) "
            r"(?:the |early |late |mid-)?|([Ll]ast|[Tt]his) )(spring|summer|autumn|winter)\b"
            r"(?:,? (?:of )?((?:19|20)\d\d)\b)?"
        ),
    ),
    # "ten days ago", "two months ago", "a fortnight ago"
    (
        "ago",
        re.compile(
            r"\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"several) (days|months?) ago\b|\ba (fortnight) ago\b",
            re.I,
        ),
    ),
    (
        "nth",
        re.compile(
            r"\b(?:on|since|by) the (\d{1,2})(?:st|nd|rd|th)\b(?: of (?:this|the) month)?"
            r"(?=\s*(?:[,.;:)]|$)|\s+(?:when|as|after|before|and|in|at|near|with|while|that)\b)"
        ),
    ),
    # "Last Wednesday" opening a sentence is "last Wednesday" too.
    (
        "weekday",
        re.compile(rf"\b((?:[Ll]ast|[Tt]his|on|[Ee]arly|[Ll]ate|by) )?{_WEEKDAY}\b"),
    ),
    ("month_year", re.compile(rf"\b{_MONTH},? {_YEAR}\b")),
    # The preposition may open the sentence ("In January, ...", "Since 2020 ...").
    (
        "since",
        re.compile(
            rf"\b(?:[Ss]ince|[Uu]ntil|[Ii]n|[Bb]y|[Ff]rom|[Bb]efore) "
            rf"(?:early |late |mid-)?{_YEAR}\b"
        ),
    ),
    (
        "in_month",
        re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Ll]ast|[Tt]his|[Ee]arlier in) {_MONTH}\b"),
    ),
    (
        "relative",
        re.compile(
            r"\b(yesterday|today|tonight|last night|this morning|earlier (?:this|last) (?:week|"
            r"month|year)|(?:last|this|past|previous) (?:week|month|year)|the (?:day|night) before|"
            r"the previous (?:day|night|evening)|"
            r"(?:a|one|two|three|four|five|six|seven) days? (?:later|earlier|ago|before)|"
            r"(?:a few |several |some )?days later|"
            r"(?:(?:at|over|during) the|last|this|past) weekend|"
            r"(?:a|one|two|three|four) weeks? ago|"
            r"the (?:following|next) (?:day|morning|night|week)|(?:the )?same day|later that day|"
            # the day of the event told before: "Earlier in the day, twin car bombs ..."
            r"(?:earlier|later) (?:in|on) the day|"
            r"(?:earlier|later) that (?:day|morning|evening|night)|"
            r"(?:that|the same) (?:evening|night)|"
            r"(?:a|one|two|three|four) weeks? later|(?:earlier|later) in the week|"
            r"within (?:hours|minutes|a day(?! or))|(?:hours|minutes) (?:later|after)|"
            r"(?:in|over|during) the (?:past|last|previous) (?:24|twenty-four) hours|"
            r"(?:throughout|over|during) the (?:whole |entire )?week(?! of)|"
            r"overnight|during the night|(?:in|over|during) (?:recent|the (?:past|last) "
            r"(?:few|several)) (?:days|weeks))\b",
            re.I,
        ),
    ),
)
REPORTING = re.compile(
    r"\b(?:said|says|reported|reports|told [\w ]{1,30}?|announced|declared|stated|confirmed|added|"
    r"wrote|published|posted|quoted)(?:\s+(?:in|at|to)\s+(?:a|an|the|its|his|her)\s+"
    r"[\w -]{1,25}?)?\s+(?:late\s+|early\s+|later\s+)?(?:on\s+)?$",
    re.I,
)
#: "a ceasefire was announced on Wednesday": the passive dates the thing announced.
PASSIVE_ANNOUNCED = re.compile(
    r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?(?:announced|declared|agreed|signed)\s+"
    r"(?:late\s+|early\s+|later\s+)?(?:on\s+)?$",
    re.I,
)
#: "it was announced on Monday that ...": then the date is the report's after all.
THAT_AFTER = re.compile(r"(?:\s+\w+){0,2},?\s+that\b")
#: "Friday prayers", "the Friday sermon", "Sunday mass": the weekday names the service.
_PRAYERS_AFTER = re.compile(r"\s+(?:prayers?|sermons?|mass)\b")
#: "every Friday": a weekday that recurs, no one day.
_EVERY_BEFORE = re.compile(r"\bevery\s+$", re.I)


def names_no_day(text: str, start: int, end: int) -> bool:
    """Whether the weekday at ``start``..``end`` of ``text`` names a service ("Friday prayers",
    "Sunday mass") or a day that recurs ("every Friday") rather than one day."""
    return bool(_PRAYERS_AFTER.match(text, end) or _EVERY_BEFORE.search(text, 0, start))


POSSESSIVE = re.compile(r"['’]s\b")
#: "the 10 March agreement", "its August 2016 offensive": a date used as an adjective.
DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|its|their|this|that)\s+$")
NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|to|in|on|at|of|by|for|from|with|when|as|after|before|was|were|is|are|"
    r"had|has|have|until|between|during|that|which|who|amid|while)\b)[a-z][\w-]*"
)
# "the agreement signed on 1 April": a participle right after a noun phrase (no "was"); the
# "on" may be the date's own ("the truce announced" + "on Saturday").
PARTICIPLE = re.compile(
    r"\b(?:the|an?|this|that|its|their)\s+"
    r"(?:(?!(?:was|were|is|are|has|have|had|been|be|being)\b)[\w-]+\s+){0,2}?(?:signed|agreed|reached|"
    r"brokered|concluded|struck|issued|held|launched|carried out|announced|declared)\s+"
    r"(?:(?:late|early|later)\s+)?(?:(?:on|in)\s+)?$|"
    # "the agreement, announced on 2 May, allows ...": the participle set off by a comma.
    r"\b(?:the|an?|this|that|its|their)\s+[\w-]+,\s+(?:signed|agreed|reached|brokered|"
    r"concluded|announced|declared)\s+(?:(?:late|early)\s+)?(?:(?:on|in)\s+)?$|"
    # "deployed ahead of the Arbaeen commemoration on 6 September": the date of what comes.
    r"\b(?:ahead of|in the run-up to|in preparation for|in anticipation of)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:(?:planned|scheduled|set)\s+for\s+|(?:on|in)\s+)?$",
    re.I,
)
#: "since December 2024", "until 3 March": the date bounds a span; it dates no event.
SINCE_BEFORE = re.compile(
    r"\b(?:[Ss]ince|[Uu]ntil|[Uu]p to|[Tt]ill|(?:lasted|lasting|continued|continuing|went on|"
    r"dragged on|raged) (?:well )?into)\s+(?:early\s+|late\s+|mid-)?$"
)
#: "for the second time this month", "the third such attack this week": the period a count
#: runs over, not when the event happened (said before "this/last week/month/year").
COUNTED_OVER = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"(?:\s+[\w-]+){0,5}\s+$",
    re.I,
)
#: "the deadliest ... since", "the first ... since": the date after "since" is compared with.
COMPARISON = re.compile(r"\b(?:\w+est|first|most|worst|last|only|biggest|largest)\b", re.I)
#: "since July, when ...", "until 16 October 2017, when ...": the when-clause happened then.
WHEN_AFTER = re.compile(r",?\s+when\b")
# "since 2020", "until 2017": the year is background, not when the event happened.
BACKGROUND_YEAR = re.compile(r"^(?:since|until|before)\b", re.I)

HINT = re.compile(
    r"\d|day|week|month|year|night|morning|evening|ago|later|earlier|following|next|"
    r"same|mid|early|late|hours|minutes|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|"
    r"spring|summer|autumn|winter",
    re.I,
)

#: HINT's words, looked for in the lower-cased text (``in`` finds what HINT would, faster).
HINT_WORDS = (
    "day", "week", "month", "year", "night", "morning", "evening", "ago", "later", "earlier",
    "following", "next", "same", "mid", "early", "late", "hours", "minutes", "jan", "feb",
    "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "spring", "summer", "autumn", "winter",
)  # fmt: skip

DIGIT = re.compile(r"\d")
MONTH_WORD = re.compile(_MONTH)
WEEKDAY_WORD = re.compile(_WEEKDAY)
#: What a pattern needs in the text: d a digit, m a month name, w a weekday name.
NEEDS = {
    "iso": "d",
    "day_range": "dm",
    "month_range": "dm",
    "month_day_range": "dm",
    "month_to_month": "m",
    "weekday_range": "w",
    "weekday_date": "dmw",
    "day_month": "dm",
    "month_day": "dm",
    "part_month": "",  # case-insensitive: "mid-july" too
    "part_year": "d",
    "overnight": "w",
    "hours_to": "w",
    "overnight_date": "dm",
    "nth": "d",
    "numeric": "d",
    "numeric_dot": "d",
    "weekday": "w",
    "month_year": "dm",
    "since": "d",
    "in_month": "m",
}
#: Words a pattern cannot match without (any one of them), and whether the pattern ignores
#: case (then the cue is looked for in the lower-cased text, see app.extraction.cues).
CUES: dict[str, tuple[tuple[str, ...], bool]] = {
    "overnight_date": (("overnight",), False),
    "overnight": (("overnight",), False),
    "nth": ((" the ",), False),
    "numeric": (("/",), False),
    "part_month": (
        ("mid", "early", "late", "end of", "beginning of", "start of", "half of"),
        True,
    ),
    "part_year": (("mid", "early", "late", "end of", "beginning of", "start of", "half of"), True),
    "part_last": (("last month", "this month", "last year", "this year"), True),
    "following_days": (("days",), True),
    "hours_to": (("hours",), False),
    "season": (("spring", "summer", "autumn", "winter"), False),
    "ago": ((" ago",), True),
    "past_span": (("past", "last", "previous"), True),
    # " day": "the day before", "same day", "two days later"; not the "day" of a weekday
    "relative": (
        (
            "yesterday",
            "today",
            " day",
            "night",
            "morning",
            "evening",
            "week",
            "month",
            "year",
            "hours",
            "minutes",
        ),
        True,
    ),
}
#: Expressions counted from the reference date; the others only take their year from it.
RELATIVE = frozenset(
    {
        "weekday",
        "overnight",
        "relative",
        "nth",
        "weekday_range",
        "hours_to",
        "past_span",
        "season",
        "ago",
        "part_last",
    }
)

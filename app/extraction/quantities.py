"""Numbers in event sentences: fatalities, and force strength (personnel, vehicles)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.events import Range, Strength
from app.extraction.cues import cued_search

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a dozen": 12,
    "dozen": 12,
    "a hundred": 100,
}
_NUM = r"(\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_VICTIMS = (
    r"(?:people|persons|civilians|soldiers|troops|fighters|militants|members|policemen|"
    r"police officers|officers|guards|children|women|men|residents|workers|farmers|"
    r"shepherds|pilgrims|recruits|personnel|insurgents|gunmen|others|of them|"
    r"(?:\w+ ){0,2}(?:soldiers|fighters|members|officers))"
)
_FATALITY_PATTERNS = (
    re.compile(
        rf"\b(?:killing|killed|kills|leaving|left) (?:at least |some |about |nearly |"
        rf"around |up to )?{_NUM} (?:\w+ )?{_VICTIMS}",
        re.I,
    ),
    re.compile(
        rf"\b(?:at least |some |about |nearly |around )?{_NUM} (?:\w+ )?{_VICTIMS}"
        rf"(?: \w+){{0,2}} (?:were|was|had been|have been) (?:killed|shot dead|left dead)",
        re.I,
    ),
    re.compile(rf"\b(?:at least |some |about )?{_NUM} (?:\w+ )?{_VICTIMS} (?:killed|dead)\b", re.I),
    re.compile(rf"\bdeath toll (?:\w+ ){{0,3}}(?:to|at|of) {_NUM}\b", re.I),
    re.compile(rf"\b{_NUM} (?:people )?(?:were )?killed\b", re.I),
)
_NO_CASUALTIES = re.compile(
    r"\b(?:no (?:\w+ )?(?:one|casualties|injuries|deaths|personnel|people|soldiers|civilians)|"
    r"nobody) (?:was |were )?(?:killed|hurt|harmed|injured|reported)|\bno casualties\b|"
    r"\bwithout casualties\b|\bno one was (?:hurt|harmed)\b",
    re.I,
)
_PERSONNEL = (
    r"(?:soldiers|troops|fighters|personnel|servicemen|members|marines|advisers|"
    r"advisors|policemen|officers|guards|men)"
)
_VEHICLES = (
    r"(?:vehicles|armou?red vehicles|trucks|tanks|Humvees|Hummers|humvees|"
    r"(?:[\w-]+ ){0,3}vehicles|APCs|pickups|pick-ups)"
)
_APPROX = r"(?:about |around |some |nearly |roughly |approximately |at least |more than |up to )?"
_RANGE = rf"{_APPROX}{_NUM}(?: (?:to|-|or) {_NUM})?"
_PERSONNEL_RE = re.compile(rf"\b{_RANGE} (?:[\w-]+ ){{0,2}}{_PERSONNEL}\b", re.I)
_VEHICLES_RE = re.compile(rf"\b{_RANGE} (?:[\w-]+ ){{0,2}}{_VEHICLES}\b", re.I)
_UNITS_RE = re.compile(
    rf"\b{_APPROX}{_NUM} (?:battalions?|brigades?|companies|units|regiments?)\b", re.I
)


_DEATH_WORDS = (
    "kill",
    "dead",
    "death",
    "died",
    "no one",
    "nobody",
    "casualt",
    "hurt",
    "harmed",
    "injur",
)


def number(word: str) -> int | None:
    """An integer from digits ("1,500") or an English number word."""
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


@dataclass(frozen=True, slots=True)
class Found:
    """A value and the span of the words that state it."""

    value: int
    start: int
    end: int
    text: str


def fatalities(sentence: str, offset: int) -> Found | None:
    """Deaths stated in a sentence: a count, 0 when it says nobody died, None when silent."""
    lower = sentence.lower()
    if not any(word in lower for word in _DEATH_WORDS):
        return None
    for pattern in _FATALITY_PATTERNS:
        match = cued_search(pattern, sentence)
        if match:
            value = number(match.group(1))
            if value is not None:
                return Found(value, match.start() + offset, match.end() + offset, match.group())
    match = cued_search(_NO_CASUALTIES, sentence)
    if match:
        return Found(0, match.start() + offset, match.end() + offset, match.group())
    return None


def _range(match: re.Match[str]) -> Range | None:
    low = number(match.group(1))
    high = (
        number(match.group(2))
        if match.lastindex and match.lastindex >= 2 and match.group(2)
        else low
    )
    if low is None or high is None:
        return None
    return Range(low=min(low, high), high=max(low, high))


def strength(sentence: str, offset: int) -> tuple[Strength, int, int] | None:
    """Force strength stated in a sentence, with the span of the phrases."""
    personnel = cued_search(_PERSONNEL_RE, sentence) or cued_search(_UNITS_RE, sentence)
    vehicles = cued_search(_VEHICLES_RE, sentence)
    parts = [m for m in (personnel, vehicles) if m is not None]
    if not parts:
        return None
    text = ", ".join(m.group() for m in parts)
    people = _range(personnel) if personnel is not None and personnel.re is _PERSONNEL_RE else None
    value = Strength(
        text=text, personnel=people, vehicles=_range(vehicles) if vehicles is not None else None
    )
    return value, min(m.start() for m in parts) + offset, max(m.end() for m in parts) + offset

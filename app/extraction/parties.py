"""The states party to an agreement, named as reporters name them.

A deal is struck by governments, and the text names them by their people or seats rather
than by the actor list's words: "the Russian and Turkish presidents agreed", "the American
and Turkish sides", "Syria's interim president", "the Iraqi Defence Ministry", "Baghdad and
Washington agreed", "a deal between Ankara and Moscow". Each such state's government is a
party (``actor``); a state that brokered or mediated it ("US-brokered", "through US
mediation", "mediated by Moscow") is ``associated``. Syria's government is the transitional
one from 8 December 2024.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from app.extraction.actors import Actor
from app.extraction.event_builder import EventDraft

_SYRIA_TRANSITION = dt.date(2024, 12, 8)
#: Words that name a state (adjective, possessive, or its seat) -> its code below.
_STATE_WORDS = {
    "Iraqi": "IQ",
    "Iraq's": "IQ",
    "Baghdad": "IQ",
    "Syrian": "SY",
    "Syria's": "SY",
    "Damascus": "SY",
    "Turkish": "TR",
    "Turkey's": "TR",
    "Ankara": "TR",
    "American": "US",
    "US": "US",
    "U.S.": "US",
    "Washington": "US",
    "Russian": "RU",
    "Russia's": "RU",
    "Moscow": "RU",
    "Iranian": "IR",
    "Iran's": "IR",
    "Tehran": "IR",
    "Erbil": "KRG",
    "Hawler": "KRG",
    "Iraq": "IQ",
    "Syria": "SY",
    "Turkey": "TR",
    "Russia": "RU",
    "Iran": "IR",
    "United States": "US",
}
#: Heads of state and government who sign or announce deals, by surname: "Presidents Putin
#: and Erdogan agreed", "Sharaa announced a ceasefire", "under the sponsorship of Prime
#: Minister Mustafa al-Kadhimi". A name stands for its government in an agreement's sentence.
_LEADERS = {
    "Putin": "RU",
    "Erdogan": "TR",
    "Erdoğan": "TR",
    "Sharaa": "SY",
    "Kadhimi": "IQ",
    "Sudani": "IQ",
    "Abadi": "IQ",
    "Rouhani": "IR",
    "Raisi": "IR",
}
_GOVERNMENTS = {
    "IQ": "Iraqi government",
    "TR": "Turkish government",
    "US": "United States government",
    "RU": "Russian government",
    "IR": "Iranian government",
    "KRG": "Kurdistan Regional Government",
}
_STATE = "(?:" + "|".join(re.escape(w) for w in sorted(_STATE_WORDS, key=len, reverse=True)) + ")"
_SEATS = (
    "(?:Baghdad|Damascus|Ankara|Washington|Moscow|Tehran|Erbil|Hawler|"
    "Iraq|Syria|Turkey|Russia|Iran|(?:the\\s+)?United\\s+States)"
)
#: "Presidents Putin and Erdogan", "Ahmed al-Sharaa": a leader's surname, with its prefix.
_LEADER = re.compile(r"(?<![\w-])(?:al-)?(?P<name>" + "|".join(_LEADERS) + r")(?![\w-])")
#: "the Russian and Turkish presidents", "Syria's interim president", "the American side".
_OFFICE = re.compile(
    rf"\b(?P<a>{_STATE})(?:\s+and\s+(?P<b>{_STATE}))?\s+(?:(?:interim|transitional|federal|"
    r"caretaker|acting|new)\s+)?(?:presidents?|prime\s+ministers?|sides?|governments?|"
    r"delegations?|officials|negotiators|leaders?|authorities|foreign\s+ministers?|"
    r"foreign\s+ministr(?:y|ies)|defen[cs]e\s+ministers?|defen[cs]e\s+ministr(?:y|ies)|"
    r"interior\s+ministers?|interior\s+ministr(?:y|ies))\b"
)
#: "Baghdad and Washington agreed", "between Ankara and Moscow", "a deal with Damascus".
_SEATS_ACTING = re.compile(
    rf"\b(?P<a>{_SEATS})(?:,\s+(?P<e>{_SEATS}))?\s+and\s+(?P<b>{_SEATS})(?:,\s+which\s[^,]*,)?"
    r"\s+(?:have\s+|had\s+|has\s+)?(?:agreed|signed|reached|struck|sealed|concluded|"
    r"announced)\b|"
    rf"\b(?:between|with)\s+(?P<c>{_SEATS})(?:\s+and\s+(?P<d>{_SEATS}))?\b|"
    r"\b(?:agreed|signed|reached|struck|sealed|concluded|announced)\s+by\s+"
    rf"(?P<f>{_SEATS})(?:,\s+(?P<g>{_SEATS}))?(?:,?\s+and\s+(?P<h>{_SEATS}))?\b"
)
#: "US-brokered", "through US mediation", "brokered by Moscow": a mediator.
_MEDIATOR = re.compile(
    rf"\b(?P<a>{_STATE})[-\s](?:brokered|mediated|sponsored)\b|"
    rf"\b(?:brokered|mediated|sponsored)\s+by\s+(?:the\s+)?(?P<b>{_STATE})\b|"
    rf"\bthrough\s+(?P<c>{_STATE})\s+mediation\b"
)


def add_parties(draft: EventDraft, catalog: Mapping[str, Actor]) -> None:
    """Add the governments an agreement's sentence names as its parties and mediators."""
    if draft.spec.name != "agreement":
        return
    text = draft.sentence.text
    mediators = {
        word for match in _MEDIATOR.finditer(text) for word in match.groups() if word is not None
    }
    for match in [*_OFFICE.finditer(text), *_SEATS_ACTING.finditer(text)]:
        for word in match.groups():
            if word is not None and word not in mediators:
                _add(draft, catalog, _state(word), "actor")
    for match in _LEADER.finditer(text):
        _add(draft, catalog, _LEADERS[match.group("name")], "actor")
    for word in mediators:
        _add(draft, catalog, _state(word), "associated")


def _state(word: str) -> str:
    """The code of a state word ("the United States" as "United States")."""
    return _STATE_WORDS[" ".join(word.removeprefix("the").split())]


def _add(draft: EventDraft, catalog: Mapping[str, Actor], code: str, role: str) -> None:
    if code == "SY":
        later = draft.date >= _SYRIA_TRANSITION
        name = "Syrian transitional government" if later else "Syrian government"
    else:
        name = _GOVERNMENTS[code]
    actor = catalog.get(name)
    if actor is not None:
        draft.add_actor(actor, role, None)

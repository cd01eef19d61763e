"""The states party to an agreement, named as reporters name them.

A deal is struck by governments, and the text names them by their people or seats rather
than by the actor list's words: "the Russian and Turkish presidents agreed", "the American
and Turkish sides", "Syria's interim president", "the Iraqi Defence Ministry", "Baghdad and
Washington agreed", "a deal between Ankara and Moscow". Each such state's government is a
party (``actor``); a state that brokered or mediated it ("US-brokered", "through US
mediation", "mediated by Moscow") is ``associated``. Syria's government is the transitional
one from 8 December 2024 (data/lexicon/successors.csv). The states' words (adjectives,
names, possessives, capitals) and governments come from data/lexicon/states.csv; the seats
of regional governments (the Kurdistan Region's, Erbil) from data/lexicon/region_seats.csv.
Heads of state and government who sign or announce deals are named by surname ("Presidents
Putin and Erdogan agreed", "Sharaa announced a ceasefire", "under the sponsorship of Prime
Minister Mustafa al-Kadhimi"): data/lexicon/leaders.csv gives their states. A name stands for
its government in an agreement's sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from app.extraction.actors import Actor
from app.extraction.cues import cued_search
from app.extraction.event_builder import EventDraft
from app.extraction.lexicon import State, shipped_alternation
from app.extraction.lexicon_tables import Named


#: A leader's surname, with its prefix: "Presidents Putin and Erdogan", "Ahmed al-Sharaa".
def _leader(names: Iterable[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:al-)?(?P<name>{alternation})(?![\w-])")


#: The offices that stand for a state ("presidents", "the Defence Ministry"), the words that
#: may come before them ("interim"), a state's envoys ("ambassador"): data/lexicon's
#: state_offices.csv, office_qualifiers.csv and envoys.csv.
_OFFICES = shipped_alternation("state_offices.csv")
_QUALIFIERS = shipped_alternation("office_qualifiers.csv")
_ENVOY = shipped_alternation("envoys.csv")


#: The patterns below are built over the alternations of the lexicon's state words
#: (``state``: adjectives, possessives, names, capitals) and seats (``seats``: names, capitals).
#: "the Russian and Turkish presidents", "Syria's interim president", "the American side".
def _office(state: str, seats: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<a>{state})(?:\s+and\s+(?P<b>{state}))?\s+(?:{_QUALIFIERS}\s+)?{_OFFICES}\b"
    )


#: What parties do to a deal, told after them: "Baghdad and Washington agreed".
_STRIKE_DEAL = (
    r"\s+(?:have\s+|had\s+|has\s+)?(?:agreed|signed|reached|struck|sealed|concluded|announced)\b"
)


#: "Baghdad and Washington agreed", "the US and Turkey agreed", "Baghdad and the Kurdistan
#: Regional Government signed" (the other party named by the actor list), "between Ankara and
#: Moscow", "a deal with Damascus".
def _seats_acting(state: str, seats: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<a>{state})(?:,\s+(?P<e>{state}))?\s+and\s+(?P<b>{state})(?:,\s+which\s[^,]*,)?"
        rf"{_STRIKE_DEAL}|"
        rf"\b(?P<i>{seats})\s+and\s+(?:the\s+)?(?-i:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,4}})"
        rf"{_STRIKE_DEAL}|"
        rf"\b(?:between|with)\s+(?P<c>{seats})(?:\s+and\s+(?P<d>{seats}))?\b|"
        r"\b(?:agreed|signed|reached|struck|sealed|concluded|announced)\s+by\s+"
        rf"(?P<f>{seats})(?:,\s+(?P<g>{seats}))?(?:,?\s+and\s+(?P<h>{seats}))?\b"
    )


#: "US-brokered", "through US mediation", "with Qatari mediation", "brokered by Moscow": a
#: mediator.
def _mediator(state: str, seats: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<a>{state})[-\s](?:brokered|mediated|sponsored)\b|"
        rf"\b(?:brokered|mediated|sponsored)\s+by\s+(?:the\s+)?(?P<b>{state})\b|"
        rf"\b(?:through|with|under|after)\s+(?:the\s+)?(?P<c>{state})\s+mediation\b"
    )


#: "Baghdad recalled its ambassador from Tehran", "Iraq summoned the Turkish charge d'affaires":
#: the state that recalls or summons acts (``a``), the state whose envoy it is is hit (``b``).
def _diplomacy(state: str, seats: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<a>{seats})(?=(?:\s+on\s+\w+)?\s+(?:has\s+|had\s+)?(?:recalled|summoned|expelled)\b)|"
        rf"\brecalled\s+its\s+{_ENVOY}\s+(?:from|to|in)\s+(?P<b>{seats})\b|"
        rf"\b(?:summoned|expelled)\s+(?:the\s+)?(?P<c>{state})\s+{_ENVOY}"
    )


#: "agreed between the interior ministry and Druze leaders", "the authorities reached a deal":
#: an office of no named state, in an agreement, is the government of the event's country.
_HOME_OFFICE = re.compile(
    r"\b(?:the\s+)?(?:(?:interior|defen[cs]e)\s+(?:ministry|minister)|ministry\s+of\s+"
    r"(?:the\s+)?(?:interior|defen[cs]e)|minister\s+of\s+(?:the\s+)?(?:interior|defen[cs]e)|"
    r"(?:the\s+)?authorities|the\s+presidency|the\s+government)\b",
    re.I,
)


def _alternation(words: Iterable[str]) -> str:
    """Longest first; a name of several words also with "the" and any spacing."""
    forms = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = r"\s+".join(re.escape(w) for w in word.split())
        forms.append(rf"(?:the\s+)?{escaped}" if " " in word else escaped)
    return "(?:" + "|".join(forms) + ")"


class Parties:
    """Finds the governments an agreement's sentence names as its parties and mediators."""

    def __init__(
        self,
        states: Sequence[State],
        leaders: Sequence[Named] = (),
        region_seats: Sequence[Named] = (),
    ) -> None:
        """``states``: the lexicon's states (their words and governments); ``leaders``: the
        surnames of their leaders (each with its state's code); ``region_seats``: the seats of
        regional governments (each with the government's actor name)."""
        seats = {row.name: row.value for row in region_seats}  # the government's name as code
        words: dict[str, str] = {}
        for state in states:
            words.update(dict.fromkeys(state.adjectives, state.country))
            words[f"{state.name}'s"] = state.country
            seats[state.capital] = seats[state.name] = state.country
        self._codes = {**words, **seats}
        self._governments = {s.country: s.government for s in states if s.government}
        self._governments.update({row.value: row.value for row in region_seats})
        self._leaders = {row.name: row.value for row in leaders}
        self._leader = _leader(list(self._leaders))
        words_of, seats_of = _alternation(self._codes), _alternation(seats)
        self._office = _office(words_of, seats_of)
        self._acting = _seats_acting(words_of, seats_of)
        self._mediator = _mediator(words_of, seats_of)
        self._diplomacy = _diplomacy(words_of, seats_of)

    def add(
        self,
        draft: EventDraft,
        catalog: Mapping[str, Actor],
        as_of: Callable[[Actor, dt.date], Actor],
    ) -> None:
        """Add the parties and mediators to an agreement; ``as_of`` names a government on
        the event's day (Syria's changed in December 2024)."""
        if draft.spec.name == "other":
            self._add_leaders(draft, catalog, as_of)
            return
        if draft.spec.name != "agreement":
            return
        text = draft.sentence.text
        mediators = {
            word
            for match in self._mediator.finditer(text)
            for word in match.groups()
            if word is not None
        }
        parties = [
            (self._state(word), "actor")
            for match in [*self._office.finditer(text), *self._acting.finditer(text)]
            for word in match.groups()
            if word is not None and word not in mediators
        ]
        parties += self._leaders_in(text)
        parties += [(self._state(word), "associated") for word in mediators]
        place = draft.location.place if draft.location is not None else None
        if not parties and place is not None and place.country and cued_search(_HOME_OFFICE, text):
            parties.append((place.country, "actor"))
        self._add_governments(draft, parties, catalog, as_of)

    def _add_leaders(
        self,
        draft: EventDraft,
        catalog: Mapping[str, Actor],
        as_of: Callable[[Actor, dt.date], Actor],
    ) -> None:
        """ "Prime Minister Sudani ordered a curfew", "Kadhimi dismissed the police chief": a
        head of government named in a sentence of a state's own measures stands for its
        government, the one acting; so does a state recalling or summoning an envoy, and the
        state whose envoy it is, the target ("Baghdad recalled its ambassador from Tehran")."""
        text = draft.sentence.text
        parties = [
            (self._state(word), "actor" if key == "a" else "target")
            for match in self._diplomacy.finditer(text)
            for key, word in match.groupdict().items()
            if word is not None
        ]
        parties += self._leaders_in(text)
        self._add_governments(draft, parties, catalog, as_of)

    def _leaders_in(self, text: str) -> list[tuple[str, str]]:
        """The states of the leaders a sentence names, each as a party acting."""
        if self._leader is None:
            return []
        return [(self._leaders[m.group("name")], "actor") for m in self._leader.finditer(text)]

    def _add_governments(
        self,
        draft: EventDraft,
        parties: Iterable[tuple[str, str]],
        catalog: Mapping[str, Actor],
        as_of: Callable[[Actor, dt.date], Actor],
    ) -> None:
        """Add each party's government (a state's code with its role) as on the event's day."""
        for code, role in parties:
            actor = catalog.get(self._governments.get(code, ""))
            if actor is not None:
                draft.add_actor(as_of(actor, draft.date), role, None)

    def _state(self, word: str) -> str:
        """The code of a state word ("the United States" as "United States")."""
        return self._codes[" ".join(word.removeprefix("the").split())]

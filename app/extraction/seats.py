"""Acts of a government happen at its seat: "Baghdad recalled its ambassador from Tehran".

A state's diplomatic acts (recalling or summoning an ambassador, an envoy, a chargé
d'affaires) and the acts of its national bodies (the parliament, the cabinet, the prime
minister, the president, the supreme court) are done in its capital, not where the crisis
they answer was. For an ``other`` event:

- a diplomatic act of Iraq or Syria ("Baghdad", "Iraq", "the Iraqi foreign ministry" before
  the act) is placed in Baghdad or Damascus, whatever other place its sentence names ("over
  the Erbil strike", "from Ankara");
- an act whose subject is a national body of Iraq or Syria is placed in the capital when its
  sentence names no place of its own (the place would be inherited from the sentences before,
  or there is none): "Parliament accepted the resignation on Sunday." An act that points at
  the ground it covers ("ordered a curfew across the city", "relieved the commander
  responsible for the area") keeps the place told before: the measure is taken there.

An agreement its national body (the president by office or by name, "the Government of the
Republic of Iraq") made, told with no place of its own (none, one inherited from the
sentences before, or only the whole country), was made at the capital; not one that foreign
leaders or states made without it ("Putin and Erdogan agreed on a ceasefire"), nor one told
over the ground of the story ("declared a ceasefire across the province", "security inside
the city"): that deal stays at the place inherited.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from app.domain import Place
from app.extraction.cues import cued_search
from app.extraction.event_builder import EventDraft
from app.extraction.lexicon import Demonym, State
from app.extraction.lexicon_tables import Named
from app.extraction.patterns import lazy_compile
from app.extraction.places import Mention
from app.extraction.resolve import ResolvedMention
from app.gazetteer.geocoder import Gazetteer
from app.gazetteer.index import FOCUS_COUNTRIES

_DIPLOMATIC = re.compile(
    r"\b(?:recall(?:ed|s|ing)?|summon(?:ed|s|ing)?|expel(?:led|s|ling)?)\s+"
    r"(?:(?:its|his|her|the|their|a)\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:ambassador|envoy|charg[eé] d'affaires|diplomats?)\b",
    re.I,
)
_NATIONAL_BODY = re.compile(
    r"\b(?:(?:Federal\s+)?Supreme\s+Court|[Pp]arliament|Council\s+of\s+(?:Representatives|"
    r"Ministers)|[Cc]abinet|Prime\s+Minister|(?:Interim\s+)?President|[Pp]residency)\b"
)

#: "the Government of the Republic of Iraq": a state's government ("the Syrian government":
#: the focus states' adjectives, read from data/lexicon/states.csv in `Seats`).
_GOVERNMENT_OF = re.compile(r"\b[Gg]overnment of\b")

#: The act's own ground, told before: "a curfew across the city", "the commander of the area".
_OWN_GROUND = re.compile(
    r"\b(?:the|that)\s+(?:city|town|district|province|governorate|area|region|village)(?:'s)?\b",
    re.I,
)
#: A deal's ground, told before: "a ceasefire across the province", "security inside the
#: city", "the boundary of the governorate" (not "an agreement on the province": its subject).
_DEAL_GROUND = re.compile(
    r"\b(?:across|in|inside|throughout|within|into|around|of)\s+(?:the|that)\s+"
    r"(?:city|town|district|province|governorate|area|region|village)\b",
    re.I,
)
#: How far past the trigger the subject of the act is looked for.
_SUBJECT_TAIL = 50
#: Bodies of the Kurdistan Region (its parliament sits in Erbil) and Russia's seat of power:
#: not the state's; other states are named by the gazetteer's countries and the lexicon.
_NOT_THE_STATE = ("Kremlin", "Kurdistan", "KRG", "Kurdish", "Regional")


def _words(words: Iterable[str]) -> re.Pattern[str]:
    """Any of the words as written, between non-word characters ("U.S." included)."""
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return lazy_compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _state_words(state: State) -> list[str]:
    return [state.name, f"{state.name}'s", state.capital, *state.adjectives]


def _other_states(
    gazetteer: Gazetteer, states: Sequence[State], demonyms: Sequence[Demonym]
) -> re.Pattern[str]:
    """The words of states other than Iraq and Syria: country names (and their English
    aliases) of the gazetteer, owner words of the lexicon, capitals of data/lexicon/states.csv."""
    words = [*_NOT_THE_STATE]
    for place in gazetteer.places:
        if place.family == "country" and place.country not in FOCUS_COUNTRIES:
            names = (place.name, *place.aliases)
            words += [n.removeprefix("the ") for n in names if n.isascii() and n[:1].isupper()]
    words += [d.word for d in demonyms if d.country and d.country not in FOCUS_COUNTRIES]
    for state in states:
        if state.country not in FOCUS_COUNTRIES:
            words += _state_words(state)
    return _words(words)


def _find_capital(gazetteer: Gazetteer, country: str, name: str) -> Place | None:
    return next(
        (
            p
            for p in gazetteer.places
            if p.country == country and p.family == "populated" and p.name == name
        ),
        None,
    )


class Seats:
    """The capitals of Iraq and Syria, to place their governments' acts."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        states: Sequence[State],
        demonyms: Sequence[Demonym] = (),
        leaders: Sequence[Named] = (),
    ) -> None:
        """``states``: the lexicon's states (the focus countries' capitals and words);
        ``demonyms``: its owner words, those of other states keeping an act theirs;
        ``leaders``: heads of state by surname, which make a deal theirs."""
        found = {
            s.country: _find_capital(gazetteer, s.country, s.capital)
            for s in states
            if s.country in FOCUS_COUNTRIES
        }
        self.capitals: dict[str, Place] = {c: p for c, p in found.items() if p is not None}
        self._own = {s.country: _words(_state_words(s)) for s in states if s.country in found}
        self._others = _other_states(gazetteer, states, demonyms)
        governments = [
            f"{a} government" for s in states if s.country in found for a in s.adjectives
        ]
        self._governments = _words(governments) if governments else None
        foreign = [n.name for n in leaders if n.value not in self._own]
        self._foreign_leaders = _words(foreign) if foreign else None
        self._leaders = {
            c: _words(names)
            for c in self._own
            if (names := [n.name for n in leaders if n.value == c])
        }

    def place(self, draft: EventDraft, countries: list[str]) -> None:
        """Move an ``other`` event told as a government's act, or an agreement its national
        body made with no place of its own, to its capital."""
        if draft.spec.name == "agreement":
            self._place_deal(draft, countries)
            return
        if draft.spec.name != "other":
            return
        sentence = draft.sentence
        # The subject: what comes before the act and just after its first word ("On Sunday,
        # Iraq's Federal Supreme Court ordered ...", the trigger read at "On").
        subject = sentence.text[: max(0, draft.trigger.end - sentence.start) + _SUBJECT_TAIL]
        act = cued_search(_DIPLOMATIC, sentence.text)
        if act is not None:
            subject = sentence.text[: act.start()]
            country = next((c for c, p in self._own.items() if p.search(subject)), None)
        elif (
            _NATIONAL_BODY.search(subject)
            and not self._others.search(subject)
            and (draft.location is None or draft.inherited_location)
            and not (
                draft.location is not None
                and _OWN_GROUND.search(sentence.text, draft.trigger.start - sentence.start)
            )
        ):
            country = self._country(draft, countries)
        else:
            return
        self._move(draft, country)

    def _place_deal(self, draft: EventDraft, countries: list[str]) -> None:
        """ "An agreement was signed today between the President of the Republic and the
        commander of the SDF", "the Government of Iraq and the Government of the United States
        reached an agreement": a deal the state's national body made, told with no place of its
        own (none, one inherited, or only the whole country), was made at the capital."""
        sentence = draft.sentence
        at = draft.location
        if (
            at is not None
            and not draft.inherited_location
            and (at.place is None or at.place.family != "country")
        ):
            return
        if at is not None and at.place is not None and at.place.family != "country":
            if _DEAL_GROUND.search(sentence.text):
                return  # "a ceasefire across the province": the deal covers the ground told
        subject = sentence.text[: max(0, draft.trigger.end - sentence.start) + _SUBJECT_TAIL]
        country = self._country(draft, countries)
        own = self._own.get(country) if country else None
        leader = self._leaders.get(country) if country else None
        if own is None or not (
            _NATIONAL_BODY.search(subject)
            or _GOVERNMENT_OF.search(subject)
            or (self._governments is not None and self._governments.search(subject))
            or (leader is not None and leader.search(subject))
        ):
            return
        foreign = self._foreign_leaders is not None and self._foreign_leaders.search(subject)
        if own.search(subject) or not (self._others.search(subject) or foreign):
            self._move(draft, country)

    def _move(self, draft: EventDraft, country: str | None) -> None:
        """Place the event at the country's capital (if it is not there already)."""
        sentence = draft.sentence
        capital = self.capitals.get(country) if country else None
        if capital is None:
            return
        at = draft.location
        if at is not None and at.place == capital:
            return
        start, end = draft.trigger.start, draft.trigger.end
        mention = Mention(
            start,
            end,
            sentence.text[start - sentence.start : end - sentence.start],
            capital.name.casefold(),
            None,
            False,
        )
        draft.relocate(ResolvedMention(mention, capital, 100.0, ()))

    def _country(self, draft: EventDraft, countries: list[str]) -> str | None:
        """The country of the event's place, else the report's."""
        place = draft.location.place if draft.location is not None else None
        if place is not None and place.country in self.capitals:
            return place.country
        return next((c for c in countries if c in self.capitals), None)

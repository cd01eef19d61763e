"""Who a crowd is, and whom it is against, in a demonstration or a riot.

- A crowd that storms, burns or smashes is rioting: in a ``riot`` the demonstrators of the
  text ("protesters", "demonstrators") are the country's rioters, not its protesters (the
  corpus README: ``riot`` is a violent demonstration; its crowd is ``Rioters (Iraq)``).
- A crowd gathered at or storming a foreign mission ("the Iranian consulate", "the Turkish
  embassy") is against that state's government; one that storms or burns a seat of the
  state ("the governorate building", "the provincial council", "the parliament") is against
  the government of the event's country as of its day.
- People arrested for rioting ("on charges of rioting", "over the storming") are the
  country's rioters.
- A demonstration met with tear gas, live fire or water cannon, or dispersed, with no force
  named, had the state's forces intervene: they are ``associated`` (ACLED: excessive force
  against protesters; the corpus tags it ``protest_force``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from app.extraction.actors import Actor, ActorCatalog, ActorMention
from app.extraction.cues import cued_search
from app.extraction.event_builder import EventDraft
from app.extraction.lexicon import State
from app.extraction.patterns import lazy_compile
from app.gazetteer.index import FOCUS_COUNTRIES

_UNREST = frozenset({"protest", "riot"})
#: A foreign mission and its owner's word: "the Iranian consulate", "Turkey's embassy".
MISSION = re.compile(
    r"(?<![\w.])(?P<owner>[A-Z][a-z]+|US|U\.S\.)(?:'s)?\s+"
    r"(?:(?:visa|trade|cultural)\s+(?:application\s+)?(?:centre|center|office)|"
    r"(?:embassy|consulate)(?:\s+general)?)\b"
)
#: A seat of the state a rioting crowd turns on (its government is the target).
STATE_SEAT = re.compile(
    r"\b(?:(?:provincial|local)?\s*(?:government|governorate|governor's|provincial council|"
    r"municipal|municipality)\s+(?:building|headquarters|offices?|compound)|provincial council|"
    r"parliament(?:\s+building)?|(?:Baath|Ba'ath) Party branch(?:es)?|ministry building|"
    r"(?:prime minister's|premier's|president's)\s+(?:convoy|motorcade)|"
    r"(?:convoy|motorcade)\s+of\s+(?:the\s+)?(?:prime minister|premier|president))\b",
    re.I,
)
#: A mission or seat named only as where a crowd came from or what it demanded is no target.
_NOT_TARGET_BEFORE = re.compile(
    r"\b(?:from|demanding|demanded|calling for|against)\s+[^,;]*$", re.I
)
#: Force used on a crowd without naming who used it.
INTERVENTION = re.compile(
    r"\b(?:tear ?gas|live (?:fire|rounds|ammunition)|water cannons?|rubber bullets|"
    r"stun grenades|(?:were|was) (?:forcibly )?dispersed|to disperse|fired (?:on|at|into) "
    r"(?:the )?(?:crowds?|protesters|demonstrators))\b",
    re.I,
)
_ARMED = frozenset(
    {"state_forces", "external_forces", "rebel_group", "political_militia", "identity_militia"}
)


def as_rioters(draft: EventDraft, catalog: ActorCatalog) -> None:
    """In a riot, the text's demonstrators, and residents who riot ("residents threw
    stones"), are the country's rioters (same role); in a demonstration, residents who
    demonstrate ("residents gathered to protest") are its protesters."""
    if draft.spec.name not in _UNREST:
        return
    crowd_name = "Rioters" if draft.spec.name == "riot" else "Protesters"
    actors: list[tuple[Actor, str, ActorMention | None]] = []
    for actor, role, mention in draft.actors:
        crowd = (actor.kind == "protesters" and crowd_name == "Rioters") or (
            actor.kind == "civilians" and role == "actor"
        )
        if crowd and "(" in actor.name:
            rioters = catalog.local(crowd_name, actor.country)
            if rioters is not None:
                actor = rioters
        if not any(a.name == actor.name for a, _, _ in actors):
            actors.append((actor, role, mention))
    draft.actors = actors


#: People held for a riot: "arrested 20 people on charges of rioting", "detained in connection
#: with the storming", "involved in the riots".
RIOTING = re.compile(
    r"\b(?:riot(?:s|ing|ers)?|the storming|looting)\b(?! police| squad| gear)", re.I
)


#: A demonstration told in an arrest's sentence: "dispersed the crowd and detained nine
#: participants", "arrested dozens of people as they tried to march".
DEMONSTRATING = lazy_compile(
    r"\b(?:demonstrat\w*|protest(?:s|ers|ing|ed)?|(?-i:march(?:ed|ing)?)|sit-in|rall(?:y|ies)|"
    r"dispers\w*)\b",
    re.I,
)
#: Who a crowd's arrested members are named as, when nothing else is said of them.
_CROWD_PEOPLE = lazy_compile(
    r"\b(?:people|persons|participants|young men|men|youths|individuals|residents)$", re.I
)
#: How near an arrest word a demonstration word is told, in characters.
_NEAR = 70
#: A demonstration the arrest caused or that was only called for.
_CAUSED = lazy_compile(
    r"\b(?:call(?:ed|ing)\s+for|prompt(?:ed|ing)|spark(?:ed|ing)|trigger(?:ed|ing))\s+"
    r"(?:an?\s+|new\s+)?$",
    re.I,
)
#: Journalists held at a demonstration stay civilians.
_PRESS = lazy_compile(
    r"\b(?:journalists?|reporters?|camera\w*|photographers?|media|channel|staff)\b", re.I
)


def arrested_rioters(draft: EventDraft, catalog: ActorCatalog) -> None:
    """An arrest of people held for a riot is an arrest of the country's rioters: they
    replace the civilians or protesters the arrest was read as taking; people detained at a
    demonstration ("dispersed the crowd and detained nine participants") are its protesters
    (not journalists or staff, who stay civilians)."""
    if draft.spec.name != "arrest":
        return
    if not RIOTING.search(draft.sentence.text):
        _arrested_protesters(draft, catalog)
        return
    place = draft.location.place if draft.location is not None else None
    rioters = catalog.local("Rioters", place.country if place is not None else None)
    if rioters is None:
        return
    crowd = ("civilians", "protesters")
    kept = [(a, r, m) for a, r, m in draft.actors if not (r == "target" and a.kind in crowd)]
    if any(r == "target" for _, r, _ in kept):
        return
    draft.actors = kept
    draft.add_actor(rioters, "target", None)


def _arrested_protesters(draft: EventDraft, catalog: ActorCatalog) -> None:
    text = draft.sentence.text
    if cued_search(_PRESS, text):
        return
    at = draft.trigger.start - draft.sentence.start
    near = text[max(0, at - _NEAR) : at + len(draft.trigger.text) + _NEAR]
    crowd = cued_search(DEMONSTRATING, near)
    if crowd is None or cued_search(_CAUSED, near[: crowd.start()]):
        return  # "arrested residents, prompting a protest": the crowd came after
    taken = [
        (a, r, m)
        for a, r, m in draft.actors
        if r == "target" and a.kind == "civilians" and (m is None or _CROWD_PEOPLE.search(m.text))
    ]
    if not taken or any(a.kind == "protesters" for a, _, _ in draft.actors):
        return
    protesters = catalog.local("Protesters", taken[0][0].country)
    if protesters is None:
        return
    draft.actors = [x for x in draft.actors if x not in taken]
    draft.add_actor(protesters, "target", taken[0][2])


def mission_owners(states: Iterable[State]) -> dict[str, str]:
    """A mission owner's word (lower case) -> its government: the adjectives and names of the
    lexicon's states outside Iraq and Syria ("Iranian", "Turkey", "US"; data/lexicon/states.csv)."""
    found: dict[str, str] = {}
    for state in states:
        if state.government is not None and state.country not in FOCUS_COUNTRIES:
            for word in (*state.adjectives, state.name):
                found.setdefault(word.lower(), state.government)
    return found


class CrowdTargets:
    """Whom a crowd acts against: a foreign mission's owner, or the state whose seat it
    stormed, by the lexicon's states."""

    def __init__(self, states: Sequence[State], as_of: Callable[[Actor, dt.date], Actor]) -> None:
        """``states``: the lexicon's states; ``as_of``: an actor's name on a day (Syria's
        government changed in December 2024, data/lexicon/successors.csv)."""
        self._owners = mission_owners(states)
        self._governments = {
            s.country: s.government
            for s in states
            if s.government is not None and s.country in FOCUS_COUNTRIES
        }
        self._as_of = as_of

    def mission_owner(self, text: str) -> str | None:
        """The government whose embassy, consulate or visa office the text names as a place
        acted on (not one a crowd came from or demanded something of), if any."""
        for match in MISSION.finditer(text):
            name = self._owners.get(match.group("owner").lower())
            if name is not None and not _NOT_TARGET_BEFORE.search(text[: match.start()]):
                return name
        return None

    def add(self, draft: EventDraft, catalog: Mapping[str, Actor]) -> None:
        """The government a demonstration or riot is against: a foreign mission's owner, or
        (a riot only) the state of Iraq or Syria whose seat the crowd stormed."""
        if draft.spec.name not in _UNREST:
            return
        text = draft.sentence.text
        name = self.mission_owner(text)
        if name is not None:
            _add_target(draft, catalog.get(name))
            return
        if draft.spec.name != "riot" or not cued_search(STATE_SEAT, text):
            return
        place = draft.location.place if draft.location is not None else None
        country = place.country if place is not None else ""
        government = catalog.get(self._governments.get(country, ""))
        if government is not None:
            _add_target(draft, self._as_of(government, draft.date))


def _add_target(draft: EventDraft, actor: Actor | None) -> None:
    if actor is not None and not any(a.kind == "government" for a, _, _ in draft.actors):
        draft.add_actor(actor, "target", None)


def add_intervening_forces(
    draft: EventDraft, national: Callable[[str, dt.date], Actor | None]
) -> None:
    """The state's forces, ``associated``, when force was used on a crowd and no armed body
    is named (the Asayish or a militia firing on a crowd is named in its sentence)."""
    if draft.spec.name not in _UNREST or not INTERVENTION.search(draft.sentence.text):
        return
    if any(a.kind in _ARMED for a, _, _ in draft.actors):
        return
    place = draft.location.place if draft.location is not None else None
    if place is None or place.country not in ("IQ", "SY"):
        return
    forces = national(place.country, draft.date)
    if forces is not None:
        draft.add_actor(forces, "associated", None)

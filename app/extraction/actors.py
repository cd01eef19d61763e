"""Actors: a curated dictionary (data/actors.csv, extensible) matched over report text.

Besides the dictionary's aliases, an owner word from the lexicon before a force or weapon noun
names that owner's armed forces: "a Turkish drone", "US warplanes", "Israeli F-35 jets".
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import ahocorasick

from app.errors import GazetteerError, InvalidInput
from app.extraction.actor_list import Actor as Actor
from app.extraction.actor_list import ActorCatalog as ActorCatalog
from app.extraction.actor_list import default_actor_file as default_actor_file
from app.extraction.actor_list import read_actors as read_actors
from app.extraction.cues import cued_finditer, cued_search
from app.extraction.lexicon import Demonym, Successor
from app.extraction.patterns import lazy_compile
from app.extraction.text import folded


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An alias found in the text, with every actor it can name (usually one)."""

    start: int
    end: int
    text: str
    actors: tuple[Actor, ...]
    generic: bool = False  # "government warplanes": the state forces of the event's country
    owned: bool = False  # a force word whose owner is known ("Ankara said two soldiers")

    def pick(self, countries: Sequence[str]) -> Actor:
        """The reading that fits the report's countries best ("gunmen" in Syria or Iraq)."""
        if len(self.actors) == 1:
            return self.actors[0]
        for country in countries:
            for actor in self.actors:
                if actor.country == country:
                    return actor
        return self.actors[0]


#: The ``forces`` of an owner word that names the state forces of the event's country
#: ("government warplanes", "state forces").
GENERIC_OWNER = "*"
_INSURGENT_KINDS = frozenset({"rebel_group", "political_militia", "identity_militia"})


#: "US-led coalition" is also written "U.S.-led coalition", "US Central Command" "U.S. ...".
_US_POINTS = re.compile(r"\bUS\b")


def _exact_case(alias: str) -> bool:
    # Acronyms and short forms must match as written: "IS" is not "is", "US" not "us".
    return len(alias) <= 3 or (alias.isupper() and len(alias) <= 6)


#: Words that never modify a force noun: "the Syrian border with drones" is no owner phrase.
_FUNCTION_WORDS = r"(?:and|or|with|by|from|to|of|in|on|at|near|into|for|against|the|an?)"


class ActorMatcher:
    """Finds actor aliases: acronyms case-sensitively, other names ignoring case."""

    def __init__(
        self,
        actors: Sequence[Actor],
        demonyms: Sequence[Demonym] = (),
        cues: Mapping[str, Sequence[str]] | None = None,
        successors: Sequence[Successor] = (),
    ) -> None:
        self.actors = ActorCatalog(actors)
        for successor in successors:
            for name in (successor.actor, successor.successor):
                if name not in self.actors:
                    raise GazetteerError(log_message=f"successors name unknown actor {name!r}")
        self._successors = {s.actor: s for s in successors}
        cues = cues or {}
        force_nouns = cues.get("force_noun", ())
        self._generic_forces = frozenset(w.casefold() for w in cues.get("generic_force", ()))
        civilian = cues.get("civilian_target", ())
        self._civilian_pattern = (
            lazy_compile(rf"\b(?:{'|'.join(civilian)})\b", re.I) if civilian else None
        )
        struck = [*civilian, *cues.get("civilian_struck", ())]
        self._struck_pattern = (
            lazy_compile(rf"\b(?:{'|'.join(struck)})\b", re.I) if struck else None
        )
        insurgents = cues.get("generic_insurgent", ())
        self._insurgent_pattern = (
            lazy_compile(rf"\b(?:{'|'.join(insurgents)})\b", re.I) if insurgents else None
        )
        militants = ((a, x) for a in actors for x in a.aliases if "militant" in x.casefold())
        # "ISIS militants" (the group's own name before the word), not "Kurdish militants"
        self._militant = frozenset(a.name for a, x in militants if x.rsplit(" ", 1)[0] in a.aliases)
        self._owners: dict[str, list[tuple[Demonym, Actor]]] = defaultdict(list)
        self._generic_owners = frozenset(d.word for d in demonyms if d.forces == GENERIC_OWNER)
        for demonym in demonyms:
            if demonym.forces is None or demonym.forces == GENERIC_OWNER:
                continue
            if demonym.forces not in self.actors:
                raise GazetteerError(
                    log_message=f"demonym {demonym.word!r} names unknown actor {demonym.forces!r}"
                )
            self._owners[demonym.word].append((demonym, self.actors[demonym.forces]))
        # The state forces of each country (the first owner word of that country in the file).
        self._national: dict[str, list[tuple[Demonym, Actor]]] = defaultdict(list)
        first_word: dict[str, str] = {}
        for word, readings in self._owners.items():
            for demonym, actor in readings:
                if demonym.country and first_word.setdefault(demonym.country, word) == word:
                    self._national[demonym.country].append((demonym, actor))
        self._owner_pattern: re.Pattern[str] | None = None
        self._coordinated: re.Pattern[str] | None = None
        self._force_after: re.Pattern[str] | None = None
        if force_nouns:
            self._force_after = lazy_compile(rf"\s+(?i:{'|'.join(force_nouns)})\b")
        owner_words = [*self._owners, *self._generic_owners]
        if owner_words and force_nouns:
            words = "|".join(re.escape(w) for w in sorted(owner_words, key=len, reverse=True))
            # Up to two modifiers between owner and noun, lower case or a model code ("F-16"),
            # so that a name ("Syrian Democratic Forces") is never read as an owner phrase; never
            # "and" ("Russian and government warplanes": two owners, see _coordinated) nor a
            # preposition ("the Syrian border with drones").
            self._owner_pattern = lazy_compile(
                rf"(?<![\w-])({words})\s+(?:(?!{_FUNCTION_WORDS}\s)(?:[a-z][\w-]*|[A-Z]+-?\d+\w*)\s+){{0,2}}?"
                rf"(?i:{'|'.join(force_nouns)})\b"
            )
            # "Regime and Russian warplanes": the first owner's warplanes too.
            self._coordinated = lazy_compile(rf"(?<![\w-])({words})\s+and\s+")
        by_alias: dict[tuple[str, bool], list[Actor]] = defaultdict(list)
        for actor in actors:
            for alias in {v for a in actor.aliases for v in (a, _US_POINTS.sub("U.S.", a))}:
                exact = _exact_case(alias)
                by_alias[(alias if exact else alias.casefold(), exact)].append(actor)
        self._exact = ahocorasick.Automaton()
        self._folded = ahocorasick.Automaton()
        for (alias, exact), owners in by_alias.items():
            automaton = self._exact if exact else self._folded
            automaton.add_word(alias, (alias, tuple(owners)))
        for automaton in (self._exact, self._folded):
            if len(automaton):
                automaton.make_automaton()

    def canonical(self, name: str) -> str:
        """The canonical name for a name or alias (any case); InvalidInput when unknown."""
        folded = name.strip().casefold()
        for actor in self.actors.values():
            if folded == actor.name.casefold() or any(
                folded == a.casefold() for a in actor.aliases
            ):
                return actor.name
        raise InvalidInput(f"unknown actor {name!r}")

    def find(self, text: str, day: dt.date | None = None) -> list[ActorMention]:
        """Non-overlapping mentions, longest first, on word boundaries; owner phrases
        ("Turkish drone") where no alias is found, read as of ``day`` (the report's date)."""
        found: list[ActorMention] = []
        for automaton, haystack in ((self._exact, text), (self._folded, folded(text))):
            if not len(automaton):
                continue
            for end, (alias, owners) in automaton.iter(haystack):
                start = end - len(alias) + 1
                if _bounded(text, start, end + 1):
                    found.append(ActorMention(start, end + 1, text[start : end + 1], owners))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[ActorMention] = []
        for mention in found:
            if kept and mention.start < kept[-1].end:
                if (
                    mention.end - mention.start > kept[-1].end - kept[-1].start
                    and mention.start == kept[-1].start
                ):
                    kept[-1] = mention
                continue
            kept.append(mention)
        kept = [m for i, m in enumerate(kept) if not i or not _qualified(text, kept[i - 1], m)]
        kept = self._government_forces(text, kept, day)
        if self._owner_pattern is not None:
            kept = self._with_owners(self._owner_pattern, text, kept, day)
        if self._insurgent_pattern is not None:
            kept = self._with_insurgents(self._insurgent_pattern, text, kept)
        return kept

    def _with_insurgents(
        self, pattern: re.Pattern[str], text: str, found: list[ActorMention]
    ) -> list[ActorMention]:
        """ "the militants", "jihadists": the armed group the report names most, if any."""
        counts = Counter(
            m.actors[0].name
            for m in found
            if len(m.actors) == 1
            and m.actors[0].kind in _INSURGENT_KINDS
            and not m.actors[0].name.startswith("Unidentified")
        )
        if not counts:
            return found
        ranked = [name for name, _ in counts.most_common()]
        main = self.actors[ranked[0]]
        # "the militants": a group the dictionary calls militants, if the report names one.
        militant = self.actors[next((n for n in ranked if n in self._militant), ranked[0])]
        added = [
            ActorMention(
                match.start(),
                match.end(),
                match.group(),
                (militant if "militant" in match.group().casefold() else main,),
            )
            for match in cued_finditer(pattern, text)
            if not any(m.start < match.end() and match.start() < m.end for m in found)
        ]
        return sorted([*found, *added], key=lambda m: m.start) if added else found

    def civilians_hit(
        self, text: str, countries: Sequence[str], struck: bool = False
    ) -> Actor | None:
        """The civilians of the event's country when a sentence names homes, markets or
        worshippers (and, for violence, ``struck``, men counted or crops burned), else None."""
        pattern = self._struck_pattern if struck else self._civilian_pattern
        if pattern is None or not countries:
            return None
        if not cued_search(pattern, text):
            return None
        return self.actors.local("Civilians", countries[0])

    def is_generic(self, mention: ActorMention) -> bool:
        """ "security forces", "the army": words that name whichever state is at hand."""
        generic = mention.generic or mention.text.casefold() in self._generic_forces
        return generic and not mention.owned

    def _government_forces(
        self, text: str, found: list[ActorMention], day: dt.date | None
    ) -> list[ActorMention]:
        """ "Iraqi government troops": a government's name before a force noun names its
        state forces, not the government."""
        if self._force_after is None:
            return found
        out: list[ActorMention] = []
        for mention in found:
            actor = mention.actors[0]
            noun = self._force_after.match(text, mention.end)
            national = self._national.get(actor.country or "", [])
            forces = self._as_of(national, day) if day is not None else None
            if forces is None and national:
                forces = national[0][1]
            if actor.kind == "government" and noun is not None and forces is not None:
                end = noun.end()
                mention = ActorMention(mention.start, end, text[mention.start : end], (forces,))
            if out and mention.start < out[-1].end:
                continue  # "troops" of "Iraqi government troops", read with it
            out.append(mention)
        return out

    def read(self, mention: ActorMention, countries: Sequence[str], day: dt.date) -> Actor:
        """The actor a mention names in an event in ``countries[0]`` on ``day``: generic force
        words are that country's state forces, and a force whose name changed with the date
        (Syria's government forces after December 2024) is read as of the day."""
        if self.is_generic(mention) and countries:
            national = self._as_of(self._national.get(countries[0], []), day)
            if national is not None:
                return national
        actor = self._in_country(mention.pick(countries), countries)
        successor = self._successors.get(actor.name)
        if successor is not None and day >= successor.since:
            return self.actors[successor.successor]
        return actor

    def _in_country(self, actor: Actor, countries: Sequence[str]) -> Actor:
        """ "a farmer" in a Syrian town: Civilians (Syria), though only Iraq's list has it."""
        if not countries or actor.country == countries[0] or not actor.name.endswith(")"):
            return actor
        local = self.actors.local(actor.name.rsplit(" (", 1)[0], countries[0])
        return local if local is not None and local.kind == actor.kind else actor

    def as_of(self, actor: Actor, day: dt.date) -> Actor:
        """The actor's name on a day (the Syrian government's after December 2024)."""
        successor = self._successors.get(actor.name)
        return self.actors[successor.successor] if successor and day >= successor.since else actor

    def national(self, country: str, day: dt.date) -> Actor | None:
        """The state forces of a country on a day (Syria's changed in December 2024)."""
        return self._as_of(self._national.get(country, []), day)

    @staticmethod
    def _as_of(readings: Sequence[tuple[Demonym, Actor]], day: dt.date) -> Actor | None:
        return next((a for d, a in readings if d.valid_on(day)), None)

    def _with_owners(
        self, pattern: re.Pattern[str], text: str, found: list[ActorMention], day: dt.date | None
    ) -> list[ActorMention]:
        added = []
        for match in cued_finditer(pattern, text):
            start, end = match.span()
            inside = [m for m in found if m.start < end and start < m.end]
            if any(not self.is_generic(m) or m.start < start for m in inside):
                continue  # the dictionary knows the phrase ("Syrian army", "US-led coalition")
            generic = match.group(1) in self._generic_owners
            if generic:
                readings = [a for national in self._national.values() for _, a in national[:1]]
            else:
                readings = [
                    actor
                    for demonym, actor in self._owners[match.group(1)]
                    if day is None or demonym.valid_on(day)
                ][:1]
            if readings:
                # "regime troops": the owner's troops, not whichever state's the word names.
                found = [m for m in found if m not in inside]
                added.append(ActorMention(start, end, match.group(), tuple(readings), generic))
        added += self._coordinated_owners(text, [*found, *added], day)
        return sorted([*found, *added], key=lambda m: m.start) if added else found

    def _coordinated_owners(
        self, text: str, found: list[ActorMention], day: dt.date | None
    ) -> list[ActorMention]:
        """ "Regime and Russian warplanes", "US and coalition aircraft": an owner word joined
        to an owner phrase names its own forces too."""
        if self._coordinated is None:
            return []
        starts = {m.start for m in found}
        added = []
        for match in cued_finditer(self._coordinated, text):
            start, end = match.span(1)
            if match.end() not in starts or any(m.start < end and start < m.end for m in found):
                continue
            word = match.group(1)
            if word in self._generic_owners:
                continue
            readings = [a for d, a in self._owners[word] if day is None or d.valid_on(day)]
            if readings:
                added.append(ActorMention(start, end, word, (readings[0],)))
        return added


def _qualified(text: str, previous: ActorMention, mention: ActorMention) -> bool:
    """ "ISIS gunmen": an unnamed group right after a named one is that group."""
    return (
        mention.actors[0].name.startswith("Unidentified")
        and not text[previous.end : mention.start].strip()
    )


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())

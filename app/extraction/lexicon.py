"""Lexicons as data: event-type triggers, owner words (nationality adjectives) and cue words.

The shipped files live in ``data/lexicon/`` (``app/_data/lexicon`` in the wheel); an analyst
extends them without touching Python, and ``GEOEVENTS_EXTRA_TRIGGERS`` /
``GEOEVENTS_EXTRA_DEMONYMS`` / ``GEOEVENTS_EXTRA_CUES`` name more files of the same shape that
are read after the shipped ones. Each file is read once, when the extractor is built.

- ``triggers.csv`` (event_type, pattern, note): one regular-expression alternative per row,
  matched case-insensitively on word boundaries; within a group of types the first type of
  :data:`app.extraction.event_types.TYPES` that fires wins.
- ``demonyms.csv`` (word, country, forces, valid_from, valid_to, people, note): a nationality
  adjective or owner word ("Turkish", "US", "coalition") and the actor its armed forces are
  ("Turkish Armed Forces"); before a force or weapon noun ("a Turkish drone", "US warplanes")
  the phrase names that actor. ``valid_from``/``valid_to`` bound the reading by the report's
  date ("Syrian" forces are the government's before December 2024 and the transitional
  government's after). The forces ``*`` name the state forces of the event's country
  ("government warplanes"). ``people`` (``yes`` or empty; optional) marks a word for a nation
  or people ("Iraqis", "Kuwaiti", "Arab", "Shia"), in any case: never a place name, and with
  its country a sign of which country a report is about (``place_words.people_words``).
- ``successors.csv`` (actor, successor, from, note): an actor read as another from a date
  ("Syrian government forces" after 8 December 2024 are the transitional government's).
- ``cues.csv`` (cue, pattern, note): word lists the rules use, by cue name: ``force_noun``
  (nouns that make an owner the attacker), ``generic_force`` ("security forces", "the army":
  the state forces of the event's country, as of the report's date) and ``generic_insurgent``
  ("the militants": the armed group the report names most) and ``civilian_target`` (homes,
  markets, worshippers: a strike on them has the event country's civilians as a target),
  ``civilian_struck`` (the same, but only for violence, never an arrest: "four men" executed
  are civilians, "four men" arrested are suspects), ``goes_on`` ("went on", "continued":
  an occurrence lasting, no second one) and ``advance`` ("advanced into", "swept into": a
  force moving on, told as a movement even with no starting point named).
- ``states.csv`` (country, name, adjectives, capital, government, note): the states the
  reports name, the words for them (adjectives separated by ``|``), their capitals and the
  actor their government is; the one table the rules read a capital
  or a state's name from (:mod:`app.extraction.seats`, :mod:`app.extraction.states_acting`,
  :mod:`app.extraction.speaking_states`, :mod:`app.extraction.parties`,
  :mod:`app.extraction.crowds`).
- ``epithets.csv`` (phrase, place, note): a phrase that names a city by what it is ("Iraq's
  second city": Mosul), a pattern (:mod:`app.extraction.epithets`).
- ``outlaws.csv`` (outlaw, enemy, note): a group at war with every armed party and its
  non-state enemies by actor name (its state and foreign enemies go by their kind): of the two
  as the one side of a fight, one is the target (:mod:`app.extraction.outlaw_sides`).
- ``leaders.csv`` (name, country, note): heads of state or government by surname, and the
  state (of ``states.csv``) whose government they stand for in an agreement
  (:mod:`app.extraction.parties`); ``region_seats.csv`` (seat, government, note): the seats of
  regional governments party to deals ("between Baghdad and Erbil").
- ``campaigns.csv`` (force, country, enemy, reading, note): a force's campaign against an
  enemy in a country (empty: anywhere): its strikes that name no target hit the enemy
  (``strike``), or its "terrorists" are the enemy (``terrorists``)
  (:mod:`app.extraction.campaign_targets`).
- ``regional_police.csv`` (admin1, police, since, note): a governorate policed by a regional
  authority from a day on (:mod:`app.extraction.regional_forces`).
- ``led_offensives.csv`` (side, leader, country, start, end, note): an offensive of a side
  named generically ("the rebels") that one group led (:mod:`app.extraction.led_offensives`).
- ``hosted_sites.csv`` (site, actor, valid_from, valid_to, note): bases that host a foreign
  force ("Ain al-Asad": US troops), names separated by ``|``; a rocket or drone attack on one
  is an attack on that force (:mod:`app.extraction.hosts`); ``allies.csv`` (actor, ally, note):
  forces of one side, whose strike on a site hosting the other is no attack on it.

Lists that are part of one rule's logic are shipped files too, read by :func:`shipped_words`
(or their own reader) when their module is imported, and not extendable: a file's leading
``#`` lines say what it is and its source. ``policed_state_forces.csv`` (actor) and
``policing_words.csv`` (word): the state forces a regional police stands in for, and the
words that name the police side (:mod:`app.extraction.regional_forces`);
``insurgents_taking_ground.csv`` (actor): insurgents whose move into a place is insurgent
activity (:mod:`app.extraction.retype`); ``faith_peoples.csv`` (word): adjectives of faith
and people, never a place before "villages" (:mod:`app.extraction.unknown_places`; a nation's
words are extended in ``demonyms.csv``); ``backed_sides.csv`` (backer, country, backed,
generic): the local force a foreign force backs (:mod:`app.extraction.led_offensives`).
``state_offices.csv``, ``office_qualifiers.csv`` and ``envoys.csv`` (pattern): the offices
that stand for a state in an agreement, the words before them ("interim"), and a state's
envoys (:mod:`app.extraction.parties`, read by :func:`shipped_alternation`);
``armed_objects.csv`` (pattern): what only an armed side holds, an attack on it a battle
(:mod:`app.extraction.retype`); ``still_going.csv``, ``purpose_verbs.csv`` and
``run_of_events.csv`` (pattern): a fight "still raging", "to launch attacks", "further
attacks" (:mod:`app.extraction.irrealis`); ``civilian_loads.csv`` (pattern): what a convoy
carries when it is no force on the move (:mod:`app.extraction.aid_convoys`);
``referring_nouns.csv`` (pattern, kinds) and ``referring_modifiers.csv`` (pattern): the nouns
that refer back to an actor named before ("the group", "the soldiers") and the kinds of actor
each can mean, and the words that may stand before them ("the jihadist group")
(:mod:`app.extraction.actor_coreference`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import GazetteerError
from app.extraction.lexicon_files import checked_pattern, read_words, row_date, rows
from app.extraction.lexicon_tables import (
    Campaign,
    LedOffensive,
    Named,
    RegionalPolice,
    read_campaigns,
    read_led_offensives,
    read_pairs,
    read_regional_police,
)

#: The cue names the rules read; a row with another name is a mistake in the file.
CUES = frozenset(
    {
        "force_noun",
        "generic_force",
        "generic_insurgent",
        "civilian_target",
        "civilian_struck",
        "goes_on",
        "advance",
    }
)


@dataclass(frozen=True, slots=True)
class Demonym:
    """An owner word and the armed forces it names before a force noun."""

    word: str
    country: str | None
    forces: str | None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    people: bool = False  # a word for a nation or people: never a place name

    def valid_on(self, day: dt.date) -> bool:
        """Whether this reading holds for a report of that day."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


@dataclass(frozen=True, slots=True)
class Successor:
    """An actor whose name passes to another from a date (Syria's government, December 2024)."""

    actor: str
    successor: str
    since: dt.date


@dataclass(frozen=True, slots=True)
class State:
    """A state the reports name: its code, name, capital and government (an actor name)."""

    country: str
    name: str
    capital: str
    government: str | None = None
    adjectives: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HostedSite:
    """A base or compound that hosts a foreign force: a strike on it is a strike on that force."""

    names: tuple[str, ...]
    actor: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def valid_on(self, day: dt.date) -> bool:
        """Whether the force was there on that day."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


@dataclass(frozen=True)
class Lexicon:
    """Every word list the extraction reads from data."""

    triggers: dict[str, tuple[str, ...]]
    demonyms: tuple[Demonym, ...]
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    successors: tuple[Successor, ...] = ()
    hosted_sites: tuple[HostedSite, ...] = ()
    states: tuple[State, ...] = ()
    epithets: tuple[tuple[str, str], ...] = ()  # (phrase pattern, city name)
    enemies: tuple[Named, ...] = ()  # outlaw groups (name) and their enemies (value)
    leaders: tuple[Named, ...] = ()  # leaders' surnames and their states' codes
    region_seats: tuple[Named, ...] = ()  # seats of regional governments and those governments
    campaigns: tuple[Campaign, ...] = ()
    regional_police: tuple[RegionalPolice, ...] = ()
    led_offensives: tuple[LedOffensive, ...] = ()
    allies: tuple[Named, ...] = ()  # forces of one side: an actor (name) and its ally (value)


def lexicon_dir() -> Path:
    """The shipped lexicon directory (in the wheel, or data/lexicon in a checkout)."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_data" / "lexicon", package.parent / "data" / "lexicon"):
        if candidate.is_dir():
            return candidate
    raise GazetteerError(log_message="data/lexicon not found")


def shipped_words(name: str, column: str) -> frozenset[str]:
    """The words of a shipped one-column list (``name`` in the lexicon directory), for a rule
    whose list is part of its logic rather than an analyst's vocabulary (not extendable)."""
    return frozenset(read_words([lexicon_dir() / name], column))


def shipped_alternation(name: str) -> str:
    """One regular-expression group of the alternatives of a shipped pattern list (``name``,
    a ``pattern`` column), in file order; not extendable, as :func:`shipped_words`."""
    return "(?:" + "|".join(read_words([lexicon_dir() / name], "pattern")) + ")"


def read_triggers(paths: Iterable[Path], known_types: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Trigger alternatives by event type, in file order; later files add to earlier ones."""
    known = set(known_types)
    found: dict[str, list[str]] = {}
    for path in paths:
        for number, row in rows(path, ("event_type", "pattern")):
            kind = row["event_type"]
            if kind not in known:
                raise GazetteerError(log_message=f"{path}:{number}: unknown event type {kind!r}")
            patterns = found.setdefault(kind, [])
            pattern = checked_pattern(path, number, row["pattern"])
            if pattern not in patterns:
                patterns.append(pattern)
    return {kind: tuple(patterns) for kind, patterns in found.items()}


def read_demonyms(paths: Iterable[Path]) -> tuple[Demonym, ...]:
    """Owner words, in file order (a later row for the same word and period overrides)."""
    found: dict[tuple[str, dt.date | None], Demonym] = {}
    for path in paths:
        for number, row in rows(path, ("word", "country", "forces")):
            if not row["word"]:
                raise GazetteerError(log_message=f"{path}:{number}: empty word")
            people = row.get("people", "")
            if people not in ("", "yes") or (people and len(row["word"].split()) != 1):
                message = f"{path}:{number}: people is yes (for one word) or empty"
                raise GazetteerError(log_message=message)
            demonym = Demonym(
                row["word"],
                row["country"] or None,
                row["forces"] or None,
                row_date(path, number, row.get("valid_from", "")),
                row_date(path, number, row.get("valid_to", "")),
                people == "yes",
            )
            found[(demonym.word, demonym.valid_from)] = demonym  # matched as written
    return tuple(found.values())


def read_cues(paths: Iterable[Path]) -> dict[str, tuple[str, ...]]:
    """Cue word patterns by cue name."""
    found: dict[str, list[str]] = {}
    for path in paths:
        for number, row in rows(path, ("cue", "pattern")):
            if row["cue"] not in CUES:
                raise GazetteerError(log_message=f"{path}:{number}: unknown cue {row['cue']!r}")
            found.setdefault(row["cue"], []).append(checked_pattern(path, number, row["pattern"]))
    return {cue: tuple(patterns) for cue, patterns in found.items()}


def read_successors(paths: Iterable[Path]) -> tuple[Successor, ...]:
    """Actors succeeded by others from a date."""
    found: list[Successor] = []
    for path in paths:
        for number, row in rows(path, ("actor", "successor", "from")):
            since = row_date(path, number, row["from"])
            if since is None or not row["actor"] or not row["successor"]:
                raise GazetteerError(log_message=f"{path}:{number}: actor, successor and from")
            found.append(Successor(row["actor"], row["successor"], since))
    return tuple(found)


def read_states(paths: Iterable[Path]) -> tuple[State, ...]:
    """States by country code, in file order (a later row for the same code replaces it)."""
    found: dict[str, State] = {}
    for path in paths:
        for number, row in rows(path, ("country", "name", "capital", "government")):
            if not (row["country"] and row["name"] and row["capital"]):
                raise GazetteerError(log_message=f"{path}:{number}: country, name and capital")
            found[row["country"]] = State(
                row["country"],
                row["name"],
                row["capital"],
                row["government"] or None,
                tuple(w.strip() for w in row.get("adjectives", "").split("|") if w.strip()),
            )
    return tuple(found.values())


def read_epithets(paths: Iterable[Path]) -> tuple[tuple[str, str], ...]:
    """(phrase pattern, city name) rows, in file order."""
    found: list[tuple[str, str]] = []
    for path in paths:
        for number, row in rows(path, ("phrase", "place")):
            if not row["place"]:
                raise GazetteerError(log_message=f"{path}:{number}: a phrase and its place")
            found.append((checked_pattern(path, number, row["phrase"]), row["place"]))
    return tuple(found)


def read_hosted_sites(paths: Iterable[Path]) -> tuple[HostedSite, ...]:
    """Sites hosting a foreign force (names separated by ``|``), in file order."""
    found: list[HostedSite] = []
    for path in paths:
        for number, row in rows(path, ("site", "actor")):
            names = tuple(n.strip() for n in row["site"].split("|") if n.strip())
            if not names or not row["actor"]:
                raise GazetteerError(log_message=f"{path}:{number}: a site and its actor")
            found.append(
                HostedSite(
                    names,
                    row["actor"],
                    row_date(path, number, row.get("valid_from", "")),
                    row_date(path, number, row.get("valid_to", "")),
                )
            )
    return tuple(found)


#: The shipped files a user's lexicon folder may hold, each read after its shipped namesake.
EXTENDABLE = (
    *("triggers.csv", "demonyms.csv", "cues.csv", "successors.csv", "hosted_sites.csv"),
    *("states.csv", "epithets.csv", "outlaws.csv", "leaders.csv", "region_seats.csv"),
    *("campaigns.csv", "regional_police.csv", "led_offensives.csv", "allies.csv"),
)


def folder_files(folder: Path | None) -> dict[str, Path]:
    """The lexicon files in a user's folder, by name; anything else there is refused (a
    misnamed file would otherwise be ignored without a word)."""
    if folder is None:
        return {}
    if not folder.is_dir():
        raise GazetteerError(log_message=f"{folder}: the extra lexicon folder does not exist")
    found = {p.name: p for p in sorted(folder.iterdir()) if not p.name.startswith(".")}
    unknown = sorted(set(found) - set(EXTENDABLE))
    if unknown:
        names = ", ".join(EXTENDABLE)
        raise GazetteerError(
            log_message=f"{folder}: {', '.join(unknown)}: not a lexicon file (expected: {names})"
        )
    return found


def load_lexicon(
    known_types: Iterable[str],
    extra_triggers: Sequence[Path] = (),
    extra_demonyms: Sequence[Path] = (),
    extra_cues: Sequence[Path] = (),
    extra_folder: Path | None = None,
) -> Lexicon:
    """The shipped lexicon plus the user's files: single extra files for the triggers, owner
    words and cues, and a folder whose files, named as the shipped ones, extend each."""
    shipped = lexicon_dir()
    folder = folder_files(extra_folder)

    def paths(name: str, *extra: Path) -> list[Path]:
        return [shipped / name, *extra, *([folder[name]] if name in folder else [])]

    states = read_states(paths("states.csv"))
    codes = [s.country for s in states]
    return Lexicon(
        triggers=read_triggers(paths("triggers.csv", *extra_triggers), known_types),
        demonyms=read_demonyms(paths("demonyms.csv", *extra_demonyms)),
        cues=read_cues(paths("cues.csv", *extra_cues)),
        successors=read_successors(paths("successors.csv")),
        hosted_sites=read_hosted_sites(paths("hosted_sites.csv")),
        states=states,
        epithets=read_epithets(paths("epithets.csv")),
        enemies=read_pairs(paths("outlaws.csv"), ("outlaw", "enemy")),
        leaders=read_pairs(paths("leaders.csv"), ("name", "country"), codes),
        region_seats=read_pairs(paths("region_seats.csv"), ("seat", "government")),
        campaigns=read_campaigns(paths("campaigns.csv")),
        regional_police=read_regional_police(paths("regional_police.csv")),
        led_offensives=read_led_offensives(paths("led_offensives.csv")),
        allies=read_pairs(paths("allies.csv"), ("actor", "ally")),
    )

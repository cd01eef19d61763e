"""Event types: categories, the ACLED crosswalk, and their triggers (patterns from the lexicon).

Whether a trigger word tells an occurrence at all (modal, habitual, a reference, a means) is
:mod:`app.extraction.irrealis`; its names are re-exported here for older imports.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter

import ahocorasick

from app.events import Category, EventType
from app.extraction.cues import cued_search, has_case_trap
from app.extraction.habits import HABITUAL
from app.extraction.irrealis import CLAUSE_VERB, MODAL, REFERENCE, irrealis
from app.extraction.pattern_literals import literal_prefixes, required_literal, split_alternatives
from app.extraction.patterns import lazy_compile
from app.extraction.trigger_overlaps import air_toll, reads_more

__all__ = [
    "BY_NAME",
    "CROWD",
    "DISTINCT",
    "GROUP_ORDER",
    "HABITUAL",
    "MODAL",
    "REFERENCE",
    "TYPES",
    "Trigger",
    "TriggerFinder",
    "TypeSpec",
    "irrealis",
    "same_kind",
]


@dataclass(frozen=True, slots=True)
class TypeSpec:
    """How an event type is found and filed."""

    name: EventType
    category: Category
    group: str  # at most one event per group and sentence
    acled: tuple[str, str]
    label: str


_SD, _ERV, _BAT, _VAC = (
    "Strategic developments",
    "Explosions/Remote violence",
    "Battles",
    "Violence against civilians",
)

#: In priority order: within a group, the first type that fires wins.
TYPES: tuple[TypeSpec, ...] = (
    TypeSpec(
        "suicide_bombing",
        "security_incident",
        "violence",
        (_ERV, "Suicide bomb"),
        "Suicide bombing",
    ),
    TypeSpec(
        "ied_explosion",
        "security_incident",
        "violence",
        (_ERV, "Remote explosive/landmine/IED"),
        "IED explosion",
    ),
    TypeSpec("airstrike", "security_incident", "violence", (_ERV, "Air/drone strike"), "Airstrike"),
    TypeSpec(
        "drone_or_rocket_attack",
        "security_incident",
        "violence",
        (_ERV, "Shelling/artillery/missile attack"),
        "Drone or rocket attack",
    ),
    TypeSpec("armed_clash", "security_incident", "violence", (_BAT, "Armed clash"), "Armed clash"),
    TypeSpec("attack", "security_incident", "violence", (_VAC, "Attack"), "Attack"),
    TypeSpec(
        "kidnapping",
        "security_incident",
        "detention",
        (_VAC, "Abduction/forced disappearance"),
        "Kidnapping",
    ),
    TypeSpec("arrest", "security_incident", "detention", (_SD, "Arrests"), "Arrest"),
    TypeSpec(
        "prisoner_release", "security_incident", "detention", (_SD, "Other"), "Prisoner release"
    ),
    TypeSpec("riot", "development", "unrest", ("Riots", "Violent demonstration"), "Riot"),
    TypeSpec("protest", "development", "unrest", ("Protests", "Peaceful protest"), "Protest"),
    TypeSpec("agreement", "development", "agreement", (_SD, "Agreement"), "Agreement"),
    TypeSpec("troop_withdrawal", "movement", "movement", (_SD, "Other"), "Troop withdrawal"),
    TypeSpec("troop_movement", "movement", "movement", (_SD, "Other"), "Troop movement"),
    TypeSpec("troop_deployment", "movement", "movement", (_SD, "Other"), "Troop deployment"),
    TypeSpec(
        "insurgent_activity", "security_incident", "activity", (_SD, "Other"), "Insurgent activity"
    ),
    # Curfews, mass graves found, displaced families taken home: news of the conflict that is
    # no violence, no detention and no movement of armed men.
    TypeSpec("other", "development", "other", (_SD, "Other"), "Other"),
)
BY_NAME = {spec.name: spec for spec in TYPES}
GROUP_ORDER = ("violence", "detention", "unrest", "agreement", "movement", "activity", "other")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger word found in a sentence."""

    spec: TypeSpec
    start: int
    end: int
    text: str


#: Burning and storming are a riot when a crowd does it, an attack when gunmen do.
CROWD = re.compile(
    r"\b(?:rioters?|protesters|demonstrators|crowds?|mob|inmates|prisoners|followers|"
    r"residents|students|supporters|youths|young men|relatives|villagers|group broke away)\b",
    re.I,
)
_RIOT_WORDS = re.compile(r"\briot", re.I)


#: Types that are different occurrences when one sentence names both ("in clashes during which
#: the militants sent suicide car bombs"): a second event of the group, not a second word.
DISTINCT = frozenset(
    {"suicide_bombing", "ied_explosion", "airstrike", "drone_or_rocket_attack", "armed_clash"}
)
#: Pairs that are one occurrence told two ways ("warplanes fired missiles", "a drone strike",
#: "a suicide bomber blew up an explosives-laden car").
_ONE_OCCURRENCE = frozenset(
    {
        frozenset({"airstrike", "drone_or_rocket_attack"}),
        frozenset({"suicide_bombing", "ied_explosion"}),
    }
)


def same_kind(a: TypeSpec, b: TypeSpec) -> bool:
    """Whether two types can describe one occurrence (a sentence going on about an event)."""
    return (
        a.name == b.name
        or b.name == "attack"
        or (a.name == "attack" and b.name not in DISTINCT)
        or frozenset({a.name, b.name}) in _ONE_OCCURRENCE
        or (a.group not in ("violence",) and frozenset({a.name, b.name}) not in _OPPOSITES)
    )


#: Pairs that are never one occurrence told again: men held, then set free.
_OPPOSITES = frozenset(
    {
        frozenset({"arrest", "prisoner_release"}),
        frozenset({"kidnapping", "prisoner_release"}),
    }
)


def _second(first: Trigger, spec: TypeSpec, text: str = "") -> bool:
    """Whether a second trigger of the same group is another occurrence."""
    if first.spec.group == spec.group == "detention":
        return True  # "freed two hostages and abducted a third"
    if first.spec.group == spec.group == "movement":
        # "Peshmerga forces pulled back from Sinjar, and Hashd units moved into Sinjar", not
        # "a convoy left Ain al-Asad ..., part of a phased drawdown": two verbs, two clauses.
        verbs = (not text or CLAUSE_VERB.match(text)) and CLAUSE_VERB.match(first.text)
        return "troop_withdrawal" in (first.spec.name, spec.name) and bool(verbs)
    return (
        first.spec.name in DISTINCT
        and spec.name in DISTINCT
        and frozenset({first.spec.name, spec.name}) not in _ONE_OCCURRENCE
    )


#: A clause break between two triggers: "rockets slammed into Taji hours after US warplanes
#: pounded militia sites" tells two strikes, "warplanes fired missiles" one.
_CLAUSE_BREAK = re.compile(r";|\b(?:after|before|while|whereas)\b", re.I)


#: A clause opening with "after" (or "before") right before a trigger ("After a drone
#: attack ...", "and after two rockets ...").
_LEADING_AFTER = re.compile(r"\b(?:[Aa]fter|[Bb]efore)\s+(?:[\w-]+\s+){0,3}$")


def _apart(sentence: str, first: Trigger, second: Trigger, offset: int) -> bool:
    """Whether a strike and a rocket or drone attack are told in clauses of their own."""
    if frozenset({first.spec.name, second.spec.name}) not in _ONE_OCCURRENCE:
        return False
    a, b = sorted((first, second), key=lambda t: t.start)
    if _CLAUSE_BREAK.search(sentence, a.end - offset, b.start - offset):
        return True
    # "After a drone attack wounded three soldiers at Erbil, US jets struck Babil": the
    # first told in an after-clause, the second in the main clause past its comma.
    return bool(_LEADING_AFTER.search(sentence, 0, a.start - offset)) and (
        "," in sentence[a.end - offset : b.start - offset]
    )


_start = attrgetter("start")


class TriggerFinder:
    """The trigger patterns of every type (from the lexicon), compiled once.

    One Aho-Corasick pass over a sentence tells which rows of the lexicon may fire (by the
    literal words their patterns hold); only those rows are then searched, and a type's
    trigger is the leftmost match of its rows (the earlier row first at the same place, as
    one alternation of all the rows would read it).
    """

    def __init__(self, triggers: Mapping[str, Sequence[str]]) -> None:
        self._patterns: list[tuple[TypeSpec, list[re.Pattern[str]]]] = [
            (spec, [lazy_compile(r"\b(?:" + row + r")\b", re.I) for row in triggers[spec.name]])
            for spec in TYPES
            if triggers.get(spec.name)
        ]
        self._prefilter = ahocorasick.Automaton()
        owners: dict[str, set[tuple[int, int]]] = {}
        always: set[tuple[int, int]] = set()
        searched: set[tuple[int, int]] = set()  # a literal inside the match, not its start
        for i, (spec, _) in enumerate(self._patterns):
            for j, row in enumerate(triggers[spec.name]):
                for alternative in split_alternatives(row):
                    literals = literal_prefixes(alternative)
                    if literals is None:
                        searched.add((i, j))
                    if literals is None and (required := required_literal(alternative)):
                        literals = {required}  # "one|...|\\d+ strikes": not every sentence
                    if literals is None:
                        always.add((i, j))
                    for literal in literals or ():
                        owners.setdefault(literal, set()).add((i, j))
        for literal, rows in owners.items():
            self._prefilter.add_word(literal, (len(literal), tuple(sorted(rows))))
        if owners:
            self._prefilter.make_automaton()
        self._always = tuple(sorted(always))
        self._searched = frozenset(searched)
        # The last sentence read and what was found in it: the rules ask of one sentence
        # again (a type's first trigger, the classifier's check for trigger words). Each memo
        # is a tuple replaced whole and read once, and callers get copies: threads sharing the
        # finder see a consistent pair (another thread's sentence is only a miss).
        self._last_candidates: tuple[str, dict[int, dict[int, list[int] | None]]] = ("", {})
        self._last_found: tuple[str, int, list[Trigger]] = ("", 0, [])

    def _candidates(self, sentence: str) -> dict[int, dict[int, list[int] | None]]:
        """Rows that may fire in a sentence, by type index, each with where its matches may
        start (the places its literal words begin, in order), or None: search the row.

        Every match of a row whose alternatives all begin with a literal word begins where
        one of those words does in the lower-cased sentence (when lower-casing keeps every
        offset and no letter that re.I reads as another case is in it): trying the row there,
        left to right, finds the match a search would."""
        last = self._last_candidates
        if last[0] == sentence and sentence:
            return last[1]
        present: dict[int, dict[int, list[int] | None]] = {}
        for i, j in self._always:
            present.setdefault(i, {})[j] = None
        if not len(self._prefilter):
            return present
        folded = sentence.lower()
        exact = len(folded) == len(sentence) and (sentence.isascii() or not has_case_trap(sentence))
        searched = self._searched
        for end, (size, rows) in self._prefilter.iter(folded):
            for i, j in rows:
                found = present.setdefault(i, {})
                if j in found:
                    starts = found[j]
                    if starts is not None:
                        starts.append(end - size + 1)
                elif exact and (i, j) not in searched:
                    found[j] = [end - size + 1]
                else:
                    found[j] = None
        self._last_candidates = (sentence, present)
        return present

    def _search(
        self, i: int, rows: dict[int, list[int] | None], sentence: str
    ) -> re.Match[str] | None:
        """The leftmost match of a type's rows (the earlier row first at the same place)."""
        patterns = self._patterns[i][1]
        best: re.Match[str] | None = None
        for j in sorted(rows):
            starts = rows[j]
            if starts is None:  # skipped when a word the row needs is missing
                match = cued_search(patterns[j], sentence)
            else:
                match = None
                limit = best.start() if best is not None else len(sentence) + 1
                for start in sorted(set(starts)):
                    if start >= limit:
                        break
                    match = patterns[j].match(sentence, start)
                    if match is not None:
                        break
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best

    def first(self, name: str, sentence: str, offset: int) -> Trigger | None:
        """The first trigger of one type in a sentence, if any."""
        for i, (spec, _) in enumerate(self._patterns):
            if spec.name != name:
                continue
            rows = self._candidates(sentence).get(i)  # the others cannot match
            if rows and (match := self._search(i, rows, sentence)) is not None:
                return Trigger(spec, match.start() + offset, match.end() + offset, match.group())
        return None

    def each(self, name: str, sentence: str, offset: int, start: int = 0) -> list[Trigger]:
        """Every match of one type's rows in a sentence from ``start``, in order, overlaps
        left out (the repeats :mod:`app.extraction.repeats` reads)."""
        found: list[Trigger] = []
        for spec, patterns in self._patterns:
            if spec.name != name:
                continue
            for pattern in patterns:
                for m in pattern.finditer(sentence, start):
                    found.append(Trigger(spec, m.start() + offset, m.end() + offset, m.group()))
        found.sort(key=lambda t: (t.start, -t.end))
        kept: list[Trigger] = []
        for t in found:
            if not kept or t.start >= kept[-1].end:
                kept.append(t)
        return kept

    def find(self, sentence: str, offset: int) -> list[Trigger]:
        """The winning trigger of each group in a sentence (offsets into the report)."""
        last = self._last_found
        if last[0] == sentence and last[1] == offset and sentence:
            return list(last[2])
        found = self._find(sentence, offset)
        self._last_found = (sentence, offset, found)
        return list(found)

    def _find(self, sentence: str, offset: int) -> list[Trigger]:
        present = self._candidates(sentence)
        best: dict[str, list[Trigger]] = {}
        for i, (spec, _) in enumerate(self._patterns):
            if i not in present:
                continue
            first = best.get(spec.group)
            if first and (
                len(first) > 1
                or (
                    not _second(first[0], spec)
                    and frozenset({first[0].spec.name, spec.name}) not in _ONE_OCCURRENCE
                )
            ):
                continue
            match = self._search(i, present[i], sentence)
            if (
                match
                and spec.name == "riot"
                and not _RIOT_WORDS.match(match.group())
                and not cued_search(CROWD, sentence)
            ):
                continue
            if match:
                trigger = Trigger(spec, match.start() + offset, match.end() + offset, match.group())
                if first and trigger.start < first[0].end and first[0].start < trigger.end:
                    if len(first) == 1 and reads_more(trigger, first[0]):
                        first[0] = trigger  # "planes started bombing": by air, not a bomb
                    continue  # the same words read twice
                if (
                    first
                    and not _second(first[0], spec, trigger.text)
                    and not _apart(sentence, first[0], trigger, offset)
                ) or (first and air_toll(first[0], trigger, sentence, offset)):
                    continue
                best.setdefault(spec.group, []).append(trigger)
        # "gunmen set up a checkpoint": the insurgents' act, not a deployment in it.
        held = [(t.start, t.end) for t in best.get("activity", [])]
        if held and "movement" in best:
            best["movement"] = [
                t for t in best["movement"] if not any(a <= t.start and t.end <= b for a, b in held)
            ]
        # In the order the sentence tells them, group by group.
        return [t for g in GROUP_ORDER if g in best for t in sorted(best[g], key=_start)]

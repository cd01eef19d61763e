"""Actors: a curated dictionary (data/actors.csv, extensible) matched over report text."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from app.errors import GazetteerError, InvalidInput

ACTOR_KINDS = frozenset(
    "state_forces rebel_group political_militia identity_militia protesters rioters civilians "
    "external_forces government company international_org other".split()
)


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor."""

    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An alias found in the text, with every actor it can name (usually one)."""

    start: int
    end: int
    text: str
    actors: tuple[Actor, ...]

    def pick(self, countries: Sequence[str]) -> Actor:
        """The reading that fits the report's countries best ("gunmen" in Syria or Iraq)."""
        if len(self.actors) == 1:
            return self.actors[0]
        for country in countries:
            for actor in self.actors:
                if actor.country == country:
                    return actor
        return self.actors[0]


def default_actor_file() -> Path:
    """The shipped actor dictionary (in the wheel, or data/ in a checkout)."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_data" / "actors.csv", package.parent / "data" / "actors.csv"):
        if candidate.exists():
            return candidate
    raise GazetteerError(log_message="data/actors.csv not found")


def read_actors(paths: Iterable[Path]) -> list[Actor]:
    """Actors from CSV files (name, kind, country, aliases); later files add or override."""
    actors: dict[str, Actor] = {}
    for path in paths:
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    kind = row.get("kind", "").strip() or "other"
                    if kind not in ACTOR_KINDS:
                        raise GazetteerError(log_message=f"{path}: unknown actor kind {kind!r}")
                    name = row["name"].strip()
                    aliases = {a.strip() for a in row.get("aliases", "").split("|") if a.strip()}
                    actors[name] = Actor(
                        name,
                        kind,
                        row.get("country", "").strip() or None,
                        tuple(sorted(aliases | {name})),
                    )
        except (OSError, KeyError, csv.Error) as exc:
            raise GazetteerError(log_message=f"cannot read actors from {path}: {exc}") from exc
    return list(actors.values())


def _exact_case(alias: str) -> bool:
    # Acronyms and short forms must match as written: "IS" is not "is", "US" not "us".
    return len(alias) <= 3 or (alias.isupper() and len(alias) <= 6)


class ActorMatcher:
    """Finds actor aliases: acronyms case-sensitively, other names ignoring case."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = {a.name: a for a in actors}
        by_alias: dict[tuple[str, bool], list[Actor]] = defaultdict(list)
        for actor in actors:
            for alias in actor.aliases:
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

    def find(self, text: str) -> list[ActorMention]:
        """Non-overlapping mentions, longest first, on word boundaries."""
        found: list[ActorMention] = []
        for automaton, haystack in ((self._exact, text), (self._folded, text.casefold())):
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
        return kept


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())

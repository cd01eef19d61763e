"""The actor list: rows of data/actors.csv (and the user's extra files), and the catalog of
actors by name the rules look actors up in.

Each row names a canonical actor, its kind, its country and its aliases (separated by ``|``);
a later file adds actors or overrides one of the same name.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.errors import GazetteerError

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


class ActorCatalog(dict[str, Actor]):
    """The actor list by name, which also knows the country rows of a generic actor: the list
    names them "Civilians (Syria)", "Rioters (Iraq)", each with its country code."""

    def __init__(self, actors: Iterable[Actor] = ()) -> None:
        super().__init__((a.name, a) for a in actors)
        self._local: dict[tuple[str, str], Actor] = {}
        for actor in self.values():
            stem, bracket, _ = actor.name.partition(" (")
            if bracket and actor.name.endswith(")") and actor.country:
                self._local.setdefault((stem, actor.country), actor)

    def local(self, stem: str, country: str | None) -> Actor | None:
        """The country's row of a generic actor: ``("Civilians", "SY")`` -> Civilians (Syria)."""
        return self._local.get((stem, country)) if country else None


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

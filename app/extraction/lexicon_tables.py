"""The lexicon's tables of actors: outlaw groups and their enemies (``outlaws.csv``),
leaders and their states (``leaders.csv``), seats of regional governments
(``region_seats.csv``), forces' campaigns (``campaigns.csv``), regional police
(``regional_police.csv``) and offensives led by one group of a side (``led_offensives.csv``).
Each row keeps where it is, for the errors about the actors it names, found when the
extractor is built."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.errors import GazetteerError
from app.extraction.lexicon_files import row_date, rows


@dataclass(frozen=True, slots=True)
class Named:
    """A name and what a row of the lexicon gives it, with where the row is (for errors about
    the actors it names, found when the extractor is built)."""

    name: str
    value: str
    source: str


@dataclass(frozen=True, slots=True)
class Campaign:
    """A force's campaign against an enemy in a country ("" for anywhere), and what of its
    events the enemy is read into (``reading``: one of :data:`CAMPAIGN_READINGS`)."""

    force: str
    country: str
    enemy: str
    reading: str
    source: str


@dataclass(frozen=True, slots=True)
class RegionalPolice:
    """The police of a regional authority in a governorate (ISO 3166-2), from a day on."""

    admin1: str
    police: str
    since: dt.date
    source: str


@dataclass(frozen=True, slots=True)
class LedOffensive:
    """An offensive whose generic side (``side``) was led by ``leader`` in ``country``,
    from ``start`` to ``end`` (both days included)."""

    side: str
    leader: str
    country: str
    start: dt.date
    end: dt.date
    source: str = ""


#: A strike naming no target hits the enemy; the force's "terrorists" are that enemy.
CAMPAIGN_READINGS = frozenset({"strike", "terrorists"})


def read_pairs(
    paths: Iterable[Path], columns: tuple[str, str], known: Iterable[str] | None = None
) -> tuple[Named, ...]:
    """Rows of two columns, both needed (the second one of ``known`` when given), in file
    order: outlaw groups and their enemies, leaders and their states, seats of regions."""
    allowed = None if known is None else set(known)
    found: list[Named] = []
    for path in paths:
        for number, row in rows(path, columns):
            name, value = row[columns[0]], row[columns[1]]
            if not name or not value:
                raise GazetteerError(log_message=f"{path}:{number}: {' and '.join(columns)}")
            if allowed is not None and value not in allowed:
                message = f"{path}:{number}: unknown {columns[1]} {value!r}"
                raise GazetteerError(log_message=message)
            found.append(Named(name, value, f"{path}:{number}"))
    return tuple(found)


def read_campaigns(paths: Iterable[Path]) -> tuple[Campaign, ...]:
    """Forces' campaigns against their enemies, in file order."""
    found: list[Campaign] = []
    for path in paths:
        for number, row in rows(path, ("force", "country", "enemy", "reading")):
            force, enemy, reading = row["force"], row["enemy"], row["reading"]
            if not force or not enemy or reading not in CAMPAIGN_READINGS:
                message = f"{path}:{number}: force, enemy and reading (strike or terrorists)"
                raise GazetteerError(log_message=message)
            found.append(Campaign(force, row["country"], enemy, reading, f"{path}:{number}"))
    return tuple(found)


def read_regional_police(paths: Iterable[Path]) -> tuple[RegionalPolice, ...]:
    """Governorates policed by a regional authority, in file order."""
    found: list[RegionalPolice] = []
    for path in paths:
        for number, row in rows(path, ("admin1", "police", "since")):
            since = row_date(path, number, row["since"])
            if not row["admin1"] or not row["police"] or since is None:
                raise GazetteerError(log_message=f"{path}:{number}: admin1, police and since")
            found.append(RegionalPolice(row["admin1"], row["police"], since, f"{path}:{number}"))
    return tuple(found)


def read_led_offensives(paths: Iterable[Path]) -> tuple[LedOffensive, ...]:
    """Offensives led by one group of a side, in file order."""
    found: list[LedOffensive] = []
    columns = ("side", "leader", "country", "start", "end")
    for path in paths:
        for number, row in rows(path, columns):
            start, end = row_date(path, number, row["start"]), row_date(path, number, row["end"])
            side, leader, country = row["side"], row["leader"], row["country"]
            if not (side and leader and country) or start is None or end is None or end < start:
                message = f"{path}:{number}: {', '.join(columns)} (start no later than end)"
                raise GazetteerError(log_message=message)
            found.append(LedOffensive(side, leader, country, start, end, f"{path}:{number}"))
    return tuple(found)


def read_backed_sides(paths: Iterable[Path]) -> dict[tuple[str, str], tuple[str, frozenset[str]]]:
    """(foreign force, country) -> (the local force it backs, the generic names of its side)."""
    found: dict[tuple[str, str], tuple[str, frozenset[str]]] = {}
    columns = ("backer", "country", "backed", "generic")
    for path in paths:
        for number, row in rows(path, columns):
            generic = frozenset(n.strip() for n in row["generic"].split("|") if n.strip())
            if not (row["backer"] and row["country"] and row["backed"] and generic):
                raise GazetteerError(log_message=f"{path}:{number}: {', '.join(columns)}")
            found[(row["backer"], row["country"])] = (row["backed"], generic)
    return found

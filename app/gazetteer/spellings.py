"""Score the gazetteer search on a list of real spellings: is the right place in the top three?

The list (``tests/fixtures/spellings.csv``) names, for each spelling met in reporting, the place
meant, its governorate and an approximate point. A search hit is right when it lies in that
governorate (one of several, ``IQ-NI|IQ-AR``, where the district is disputed), within
``radius_km`` of the point, and is not merely the ``container`` (the city a neighbourhood or a
square lies in), nor a governorate or a country.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from app.domain import Candidate, km
from app.errors import InvalidInput
from app.gazetteer.geocoder import Gazetteer
from app.gazetteer.normalize import normalize

TOP = 3
_COLUMNS = ("spelling", "place", "governorate", "lat", "lon", "radius_km")


@dataclass(frozen=True, slots=True)
class Spelling:
    """One spelling from reporting and the place it means."""

    spelling: str
    place: str
    governorates: tuple[str, ...]
    lat: float
    lon: float
    radius_km: float
    container: str


@dataclass(frozen=True, slots=True)
class SpellingResult:
    """Where the right place came in the search for one spelling (None: not in the top)."""

    spelling: Spelling
    rank: int | None
    top: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SpellingReport:
    """Every result and the share found in the top three."""

    results: tuple[SpellingResult, ...]

    @property
    def found(self) -> int:
        """How many spellings had the right place in the top three."""
        return sum(r.rank is not None for r in self.results)

    @property
    def share(self) -> float:
        """Found / total (0 for an empty list)."""
        return self.found / len(self.results) if self.results else 0.0

    @property
    def first(self) -> int:
        """How many spellings had the right place first."""
        return sum(r.rank == 1 for r in self.results)

    @property
    def first_share(self) -> float:
        """Top-1 rate: first / total (0 for an empty list)."""
        return self.first / len(self.results) if self.results else 0.0

    def misses(self) -> list[SpellingResult]:
        """The spellings whose place was not in the top three."""
        return [r for r in self.results if r.rank is None]


def read_spellings(path: Path) -> list[Spelling]:
    """Read the spellings CSV; a bad row is an :class:`InvalidInput` naming its line."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = set(_COLUMNS) - set(reader.fieldnames or ())
            if missing:
                raise InvalidInput(f"{path} lacks columns {sorted(missing)}")
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InvalidInput(f"cannot read {path}: {exc}") from exc
    out = []
    for line, row in enumerate(rows, start=2):
        try:
            out.append(
                Spelling(
                    spelling=row["spelling"],
                    place=row["place"],
                    governorates=tuple(row["governorate"].split("|")),
                    lat=float(row["lat"]),
                    lon=float(row["lon"]),
                    radius_km=float(row["radius_km"]),
                    container=row.get("container") or "",
                )
            )
        except (TypeError, ValueError) as exc:
            raise InvalidInput(f"{path} line {line}: {exc}") from exc
    return out


def is_right(candidate: Candidate, spelling: Spelling) -> bool:
    """Does this search hit stand for the place the spelling means?"""
    place = candidate.place
    if place.kind in ("country", "admin1", "region") or place.admin1 not in spelling.governorates:
        return False
    if spelling.container and normalize(place.name) == normalize(spelling.container):
        return False
    return km(place.lat, place.lon, spelling.lat, spelling.lon) <= spelling.radius_km


def score_spellings(gazetteer: Gazetteer, spellings: list[Spelling]) -> SpellingReport:
    """Search every spelling and note where the right place came (within the top three)."""
    results = []
    for spelling in spellings:
        hits = gazetteer.search(spelling.spelling, limit=TOP)
        rank = next((i for i, hit in enumerate(hits, 1) if is_right(hit, spelling)), None)
        top = tuple(f"{h.place.name} ({h.place.admin1})" for h in hits)
        results.append(SpellingResult(spelling, rank, top))
    return SpellingReport(tuple(results))

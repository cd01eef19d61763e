"""Frozen records passed between the gazetteer, extraction, the store and the API."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Kind -> family. Families are what kind words in text cue ("province" -> admin1).
KIND_FAMILY: dict[str, str] = {
    "country": "country",
    "region": "region",
    "admin1": "admin1",
    "admin2": "admin2",
    "city": "populated",
    "town": "populated",
    "village": "populated",
    "base": "site",
    "airport": "site",
    "camp": "site",
    "prison": "site",
    "oil_field": "site",
    "gas_field": "site",
    "border_crossing": "site",
    "dam": "site",
    "bridge": "site",
    "site": "site",
    "mountain": "mountain",
    "river": "water",
    "lake": "water",
}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    admin2: str | None
    population: int
    aliases: tuple[str, ...] = ()
    source: str = ""

    @property
    def family(self) -> str:
        """The kind family ("site", "populated", "admin1"...)."""
        return KIND_FAMILY.get(self.kind, "site")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place proposed for a name, with a 0-100 score and how it matched."""

    place: Place
    score: float
    match: str  # "exact", "alias", "kind-word" or "fuzzy"


@dataclass(frozen=True, slots=True)
class Region:
    """A governorate (ISO 3166-2 code) or a named union of governorates."""

    code: str
    name: str
    kind: str  # "admin1", "region" or "country"
    country: str
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReverseResult:
    """What contains a point: country, governorate, and the nearest district seat."""

    lat: float
    lon: float
    country: str | None
    admin1: str | None
    admin1_name: str | None
    admin2: str | None = None
    nearest: tuple[Candidate, ...] = field(default=())

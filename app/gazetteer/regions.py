"""Regions: governorates by ISO 3166-2 code, countries, and named unions of governorates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from app.domain import Region
from app.errors import NotFound, UnknownRegion
from app.gazetteer.loader import Shape, region_records
from app.gazetteer.normalize import normalize, parse_query

if TYPE_CHECKING:
    import shapely

#: Codes ISO 3166-2 has retired; old data and users still send them.
RETIRED_CODES = {"IQ-TS": "IQ-KI", "IQ-SW": "IQ-SU"}

#: Smallest edit-distance ratio (0-100) of a name offered as "did you mean".
SUGGEST_MIN_RATIO = 75


class RegionCatalog:
    """Resolve a region by code, name or alias, and give its polygon."""

    def __init__(
        self,
        regions: tuple[Shape, ...],
        countries: tuple[Shape, ...],
        country_names: dict[str, tuple[str, ...]],
    ) -> None:
        self._regions = {r.code: r for r in region_records(regions)}
        self._geoms: dict[str, shapely.Geometry] = {r.code: r.geometry for r in regions}
        for code, geom in ((c.code, c.geometry) for c in countries):
            names = country_names.get(code, (code,))
            self._regions[code] = Region(
                code=code,
                name=names[0],
                kind="country",
                country=code,
                aliases=names[1:],
                members=(),
            )
            self._geoms[code] = geom
        self._by_name: dict[str, str] = {}
        # Named regions first, then governorates, so a governorate wins a shared alias.
        ordered = sorted(
            self._regions.values(), key=lambda r: {"region": 0, "country": 1}.get(r.kind, 2)
        )
        for region in ordered:
            # Codes are matched as codes, never normalised: "IQ-AR" would lose "AR" as an
            # article and become "IQ".
            for name in (region.name, *region.aliases):
                for key in {normalize(name), parse_query(name).key} - {""}:
                    self._by_name[key] = region.code

    def __iter__(self) -> Iterator[Region]:
        """Regions in code order."""
        return iter(sorted(self._regions.values(), key=lambda r: (r.kind != "admin1", r.code)))

    def get(self, code: str) -> Region:
        """The region with this exact code (retired codes accepted)."""
        code = RETIRED_CODES.get(code.upper(), code)
        region = self._regions.get(code) or self._regions.get(code.upper())
        if region is None:
            raise NotFound(f"No region with code {code!r}")
        return region

    def geometry(self, code: str) -> shapely.Geometry:
        """Polygon of a region (a union of governorates for named regions)."""
        return self._geoms[self.get(code).code]

    def resolve(self, text: str) -> Region:
        """Region for a code, a governorate name in any spelling, or a named region.

        A name that is both a city and a governorate ("Kirkuk") means the governorate here.
        """
        upper = text.strip().upper()
        for candidate in (text.strip(), RETIRED_CODES.get(upper, upper)):
            if candidate in self._regions:
                return self._regions[candidate]
        key = parse_query(text).key or normalize(text)
        code = self._by_name.get(normalize(text)) or self._by_name.get(key)
        if code is None:
            raise UnknownRegion(text, self.suggest(text))
        return self._regions[code]

    def suggest(self, text: str, limit: int = 5) -> list[str]:
        """Names of regions close to ``text``, best first; none when nothing is close.

        Only near-misses count: a plain edit-distance ratio of at least
        :data:`SUGGEST_MIN_RATIO` ("Kirkook", "Dyala", "Salahudin"), or a name that the query
        starts ("Kurdistan" for "Kurdistan Region"). Weighted ratios also reward shared
        fragments, which made "Narnia" suggest Jordan.
        """
        key = normalize(text)
        if len(key) < 3:
            return []
        hits = process.extract(
            key, list(self._by_name), scorer=fuzz.ratio, limit=limit * 3, score_cutoff=0
        )
        seen: list[str] = []
        for name, score, _ in hits:
            if score < SUGGEST_MIN_RATIO and not name.startswith(key + " "):
                continue
            region = self._regions[self._by_name[name]]
            label = f"{region.name} ({region.code})"
            if label not in seen:
                seen.append(label)
        prefixed = [n for n in self._by_name if n.startswith(key + " ")]
        for name in prefixed:
            region = self._regions[self._by_name[name]]
            label = f"{region.name} ({region.code})"
            if label not in seen:
                seen.append(label)
        return seen[:limit]

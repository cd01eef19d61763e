"""Read data/gazetteer/ (and the user's imported places) into memory."""

from __future__ import annotations

import csv
import json
import logging
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain import Place, Region
from app.errors import GazetteerError
from app.gazetteer.normalize import NORMALIZER_VERSION, normalize, parse_query

if TYPE_CHECKING:
    import shapely

log = logging.getLogger(__name__)

PLACE_COLUMNS = [
    "id",
    "name",
    "kind",
    "lat",
    "lon",
    "country",
    "admin1",
    "admin2",
    "population",
    "aliases",
    "keys",
    "cue_keys",
    "source",
    "word_keys",
]


def default_gazetteer_dir() -> Path:
    """The shipped gazetteer: inside the wheel, or data/gazetteer in a source checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_data" / "gazetteer", package.parent / "data" / "gazetteer"):
        if (candidate / "places.csv").exists():
            return candidate
    raise GazetteerError(log_message=f"no places.csv under {package}/_data or data/gazetteer")


@dataclass(frozen=True, slots=True)
class Shape:
    """One polygon of ``regions.geojson`` (governorates, named regions) or
    ``countries.geojson`` (country outlines: code only)."""

    code: str
    geometry: shapely.Geometry
    name: str = ""
    kind: str = "country"
    country: str = ""
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class GazetteerData:
    """Everything the gazetteer knows, as loaded; the polygons (regions.geojson and
    countries.geojson in ``shapes_dir``) are read on first use, so that what needs only
    names (extraction, geocoding a name) never loads shapely and numpy."""

    places: tuple[Place, ...]
    #: For each place, its full keys and the keys left once kind words are split off.
    keys: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    shapes_dir: Path
    manifest: dict[str, object]
    #: Keys that are common English words ("hit", "tell"): found in text only with evidence.
    word_keys: frozenset[str] = frozenset()

    @cached_property
    def regions(self) -> tuple[Shape, ...]:
        """Governorates and named regions (regions.geojson)."""
        return read_shapes(self.shapes_dir / "regions.geojson")

    @cached_property
    def countries(self) -> tuple[Shape, ...]:
        """Country outlines (countries.geojson)."""
        return read_shapes(self.shapes_dir / "countries.geojson")

    def bounds(self) -> tuple[float, float, float, float]:
        """(minx, miny, maxx, maxy) of every region."""
        import shapely

        minx, miny, maxx, maxy = shapely.total_bounds([r.geometry for r in self.regions])
        return float(minx), float(miny), float(maxx), float(maxy)


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v) if value else ()


def _keys_for(name: str, aliases: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names = (name, *aliases)
    full = {normalize(n) for n in names} - {""}
    cue = {parse_query(n).key for n in names} - full - {""}
    return tuple(sorted(full)), tuple(sorted(cue))


def read_places_csv(path: Path, trust_keys: bool) -> list[dict[str, str]]:
    """Rows of one places CSV; missing optional columns read as empty strings."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"id", "name", "kind", "lat", "lon", "country"} - set(reader.fieldnames or ())
            if missing:
                raise GazetteerError(log_message=f"{path} lacks columns {sorted(missing)}")
            rows = [{c: row.get(c) or "" for c in PLACE_COLUMNS} for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise GazetteerError(log_message=f"cannot read {path}: {exc}") from exc
    if not trust_keys:
        for row in rows:
            # Keys made here cannot be checked against the English vocabulary (a build-time
            # tool): a place whose keys were computed at load time has no word keys.
            full, cue = _keys_for(row["name"], _split(row["aliases"]))
            row["keys"], row["cue_keys"], row["word_keys"] = "|".join(full), "|".join(cue), ""
    return rows


def load_gazetteer(directory: Path | None = None, user_dir: Path | None = None) -> GazetteerData:
    """Load places, regions and country outlines; user places override shipped ones by id."""
    directory = directory or default_gazetteer_dir()
    manifest_path = directory / "manifest.json"
    manifest: dict[str, object] = (
        json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    )
    fresh_keys = manifest.get("normalizer_version") == NORMALIZER_VERSION
    if not fresh_keys:
        log.warning("gazetteer keys were built with another normaliser; recomputing")
    rows = read_places_csv(directory / "places.csv", trust_keys=fresh_keys)
    if user_dir is not None and user_dir.is_dir():
        for path in sorted(user_dir.glob("*.csv")):
            rows += read_places_csv(path, trust_keys=False)
    by_id = {row["id"]: row for row in rows}  # later files override earlier ones

    places: list[Place] = []
    keys: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    word_keys: set[str] = set()
    for row in by_id.values():
        aliases = _split(row["aliases"])
        try:
            place = Place(
                id=row["id"],
                name=row["name"],
                kind=row["kind"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                country=row["country"],
                admin1=row["admin1"] or None,
                admin2=row["admin2"] or None,
                population=int(row["population"] or 0),
                aliases=aliases,
                source=row["source"],
            )
        except ValueError as exc:
            raise GazetteerError(log_message=f"bad place row {row['id']}: {exc}") from exc
        places.append(place)
        keys.append((_split(row["keys"]), _split(row["cue_keys"])))
        word_keys.update(_split(row["word_keys"]))
    return GazetteerData(tuple(places), tuple(keys), directory, manifest, frozenset(word_keys))


def read_shapes(path: Path) -> tuple[Shape, ...]:
    """The features of a GeoJSON FeatureCollection of polygons, in file order.

    Read with the standard library and shapely (GEOS parses the geometries): no GDAL or
    pandas on the start-up path of every command.
    """
    import shapely

    try:
        raw = path.read_text(encoding="utf-8")
        features: list[dict[str, Any]] = json.loads(raw)["features"]
        geometries = shapely.from_geojson(raw).geoms
    except (OSError, ValueError, KeyError, TypeError, shapely.errors.GEOSException) as exc:
        raise GazetteerError(log_message=f"cannot read polygons in {path}: {exc}") from exc
    shapes = []
    for feature, geometry in zip(features, geometries, strict=True):
        props = feature.get("properties") or {}
        shapes.append(
            Shape(
                code=str(props["code"]),
                geometry=geometry,
                name=str(props.get("name") or ""),
                kind=str(props.get("kind") or "country"),
                country=str(props.get("country") or props["code"]),
                aliases=tuple(str(a) for a in props.get("aliases") or ()),
                members=tuple(str(m) for m in props.get("members") or ()),
            )
        )
    return tuple(shapes)


def region_records(regions: tuple[Shape, ...]) -> list[Region]:
    """Region records (without geometry) of the regions' shapes."""
    return [
        Region(
            code=r.code,
            name=r.name,
            kind=r.kind,
            country=r.country,
            aliases=r.aliases,
            members=r.members,
        )
        for r in regions
    ]

"""Read data/gazetteer/ (and the user's imported places) into memory."""

from __future__ import annotations

import csv
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from app.domain import Place, Region
from app.errors import GazetteerError
from app.gazetteer.normalize import NORMALIZER_VERSION, normalize, parse_query

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


@dataclass(frozen=True)
class GazetteerData:
    """Everything the gazetteer knows, as loaded."""

    places: tuple[Place, ...]
    #: For each place, its full keys and the keys left once kind words are split off.
    keys: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    regions: gpd.GeoDataFrame
    countries: gpd.GeoDataFrame
    manifest: dict[str, object]
    #: Keys that are common English words ("hit", "tell"): found in text only with evidence.
    word_keys: frozenset[str] = frozenset()


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
    try:
        regions = gpd.read_file(directory / "regions.geojson", engine="pyogrio")
        countries = gpd.read_file(directory / "countries.geojson", engine="pyogrio")
    except Exception as exc:  # pyogrio raises its own DataSourceError family
        raise GazetteerError(log_message=f"cannot read polygons in {directory}: {exc}") from exc
    return GazetteerData(
        tuple(places), tuple(keys), regions, countries, manifest, frozenset(word_keys)
    )


def _as_tuple(value: object) -> tuple[str, ...]:
    if value is None or isinstance(value, float):  # a missing list reads as NaN
        return ()
    return tuple(str(v) for v in value)  # type: ignore[attr-defined]


def region_records(regions: gpd.GeoDataFrame) -> list[Region]:
    """Region records (without geometry) from the regions GeoDataFrame."""
    records = []
    for row in regions.itertuples(index=False):
        records.append(
            Region(
                code=row.code,
                name=row.name,
                kind=row.kind,
                country=row.country,
                aliases=_as_tuple(row.aliases),
                members=_as_tuple(row.members),
            )
        )
    return records

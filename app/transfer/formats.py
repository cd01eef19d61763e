"""Event files in and out: CSV with ACLED's column names, GeoJSON, GeoJSON lines.

CSV columns follow ACLED's names where the meaning is the same (event_id_cnty, event_date,
time_precision, event_type, sub_event_type, actor1, assoc_actor_1, actor2, country, admin1,
admin2, location, latitude, longitude, geo_precision, source, notes, fatalities), followed by
geoevents' own (geoevents_type, category, date_end, confidence, external_id). A CSV exported
from ACLED imports too: its event and sub-event types map back to ours, and its
event_id_cnty becomes the event's external id (what a re-import is idempotent by).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import msgspec
import orjson

from app.errors import InvalidInput
from app.extraction.event_types import TYPES

CSV_COLUMNS = [
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "actor2", "country", "admin1", "admin2", "location", "latitude",
    "longitude", "geo_precision", "source", "notes", "fatalities", "geoevents_type",
    "category", "date_end", "confidence", "external_id",
]  # fmt: skip
_PRECISION_CODE = {"day": 1, "week": 2, "month": 3, "year": 3}
_CODE_PRECISION = {"1": "day", "2": "week", "3": "month"}
_FROM_ACLED = {spec.acled: spec.name for spec in reversed(TYPES)}
_FROM_ACLED |= {
    ("Battles", "Armed clash"): "armed_clash",
    ("Explosions/Remote violence", "Air/drone strike"): "airstrike",
    ("Violence against civilians", "Attack"): "attack",
}
_FROM_ACLED_TYPE = {"Protests": "protest", "Riots": "riot", "Battles": "armed_clash"}
_CATEGORY: dict[str, str] = {spec.name: spec.category for spec in TYPES}


def csv_row(feature: dict[str, Any]) -> list[object]:
    """One event as CSV values, in :data:`CSV_COLUMNS` order."""
    p = feature["properties"]
    loc = p.get("location") or {}
    actors = p.get("actors") or []
    by_role = {
        role: [a["name"] for a in actors if a["role"] == role]
        for role in ("actor", "target", "associated")
    }
    sentence = next((e["text"] for e in p.get("evidence", []) if e["field"] == "sentence"), "")
    return [
        feature.get("id") or "",
        p["date"],
        _PRECISION_CODE[p["date_precision"]],
        p["acled_event_type"],
        p["acled_sub_event_type"],
        (by_role["actor"] or [""])[0],
        "; ".join(by_role["actor"][1:] + by_role["associated"]),
        "; ".join(by_role["target"]),
        loc.get("country") or "",
        loc.get("admin1") or "",
        loc.get("admin2") or "",
        loc.get("name") or "",
        loc.get("lat", ""),
        loc.get("lon", ""),
        p.get("geo_precision") or "",
        "; ".join(p.get("sources", [])),
        f"{p['summary']} | {sentence}" if sentence else p["summary"],
        "" if p.get("fatalities") is None else p["fatalities"],
        p["event_type"],
        p["category"],
        p["date_end"],
        p["confidence"],
        "" if p.get("external_id") is None else p["external_id"],
    ]


def csv_lines(features: Iterable[str]) -> Iterator[str]:
    """CSV text, header first, one line per stored Feature text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    yield buffer.getvalue()
    for feature in features:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(csv_row(orjson.loads(feature)))
        yield buffer.getvalue()


def record_from_csv(row: dict[str, str]) -> dict[str, Any]:
    """A Feature object from a CSV row (ours or ACLED's export), not yet validated."""
    try:
        lat, lon = float(row["latitude"]), float(row["longitude"])
        date = dt.date.fromisoformat(row["event_date"].strip())
    except (KeyError, ValueError) as exc:
        raise InvalidInput(f"needs event_date (YYYY-MM-DD), latitude and longitude: {exc}") from exc
    kind = (
        (row.get("geoevents_type") or "").strip()
        or _FROM_ACLED.get((row.get("event_type", ""), row.get("sub_event_type", "")))
        or _FROM_ACLED_TYPE.get(row.get("event_type", ""), "other")
    )
    spec = next((s for s in TYPES if s.name == kind), None)
    acled = (
        row.get("event_type") or (spec.acled[0] if spec else "Strategic developments"),
        row.get("sub_event_type") or (spec.acled[1] if spec else "Other"),
    )
    actors = [{"name": n, "role": "actor", "kind": "other"} for n in _names(row, "actor1")]
    actors += [
        {"name": n, "role": "associated", "kind": "other"} for n in _names(row, "assoc_actor_1")
    ]
    actors += [{"name": n, "role": "target", "kind": "other"} for n in _names(row, "actor2")]
    precision = _CODE_PRECISION.get((row.get("time_precision") or "1").strip(), "day")
    fatalities = (row.get("fatalities") or "").strip()
    geo = (row.get("geo_precision") or "").strip()
    notes = row.get("notes") or ""
    data = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "event_type": kind,
            "category": row.get("category") or _CATEGORY.get(kind, "development"),
            "acled_event_type": acled[0],
            "acled_sub_event_type": acled[1],
            "date": date.isoformat(),
            "date_end": (row.get("date_end") or date.isoformat()),
            "date_precision": precision,
            "reported_at": None,
            "actors": actors,
            "location": {
                "name": row.get("location") or f"{lat:.4f}, {lon:.4f}",
                "gazetteer_id": None,
                "kind": "site",
                "country": _country(row.get("country", "")),
                "admin1": row.get("admin1") or None,
                "admin2": row.get("admin2") or None,
                "lat": lat,
                "lon": lon,
            },
            "geo_precision": int(geo) if geo in ("1", "2", "3") else None,
            "fatalities": int(fatalities) if fatalities.isdigit() else None,
            "summary": notes.split(" | ")[0] or f"{kind} imported from CSV",
            "evidence": [],
            "confidence": float(row.get("confidence") or 1.0),
            "sources": [s.strip() for s in (row.get("source") or "").split(";") if s.strip()],
            # The file's own id: ours (external_id), else ACLED's event id (or our store id).
            "external_id": (row.get("external_id") or row.get("event_id_cnty") or "").strip()
            or None,
        },
    }
    return data


def _names(row: dict[str, str], column: str) -> list[str]:
    return [n.strip() for n in (row.get(column) or "").split(";") if n.strip()]


_COUNTRY_NAMES = {
    "iraq": "IQ",
    "syria": "SY",
    "turkey": "TR",
    "iran": "IR",
    "jordan": "JO",
    "lebanon": "LB",
    "saudi arabia": "SA",
    "kuwait": "KW",
}


def _country(value: str) -> str | None:
    value = value.strip()
    if len(value) == 2:
        return value.upper()
    return _COUNTRY_NAMES.get(value.casefold())


def read_records(path_text: str, data: bytes) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line or row number, Feature object or the reason it was rejected) from a file.

    GeoJSON (a FeatureCollection), GeoJSON lines or text sequences, or CSV; chosen by the
    file's name, then by its first character. Objects are validated by ``ingest.prepare``.
    """
    text = data.decode("utf-8-sig", errors="replace")
    stripped = text.lstrip("\x1e \n\t")
    if path_text.endswith(".csv") or not stripped.startswith(("{", "[")):
        for number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
            try:
                yield number, record_from_csv(row)
            except InvalidInput as exc:
                yield number, exc.detail
        return
    if stripped.startswith("{") and '"FeatureCollection"' in text[:2000]:
        try:
            features = orjson.loads(text)["features"]
        except (orjson.JSONDecodeError, KeyError, TypeError) as exc:
            raise InvalidInput(f"{path_text} is not a GeoJSON FeatureCollection: {exc}") from exc
        for number, feature in enumerate(features, start=1):
            yield number, feature if isinstance(feature, dict) else "not a JSON object"
        return
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip("\x1e \t")
        if not line:
            continue
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield number, f"not JSON: {exc}"
            continue
        yield number, record if isinstance(record, dict) else "not a JSON object"


def read_raw(path: Path) -> Iterator[tuple[int, bytes | str]]:
    """(line, row or feature number, raw Feature JSON or why it was refused), streamed.

    The bulk import's reader: GeoJSON lines (or RFC 8142 text sequences) are read line by
    line, never whole; a FeatureCollection is split into its features without building
    them; a CSV row becomes the Feature object :func:`record_from_csv` makes.
    """
    with path.open("rb") as source:
        head = source.read(4096).lstrip(b"\xef\xbb\xbf\x1e \r\n\t")
    if path.name.endswith(".csv") or not head.startswith((b"{", b"[")):
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as text:
            for number, row in enumerate(csv.DictReader(text), start=2):
                try:
                    yield number, orjson.dumps(record_from_csv(row))
                except InvalidInput as exc:
                    yield number, exc.detail
        return
    if head.startswith(b"{") and b'"FeatureCollection"' in head:
        try:
            collection = _COLLECTION.decode(path.read_bytes().removeprefix(b"\xef\xbb\xbf"))
        except msgspec.MsgspecError as exc:
            raise InvalidInput(f"{path.name} is not a GeoJSON FeatureCollection: {exc}") from exc
        for number, feature in enumerate(collection.features, start=1):
            yield number, bytes(feature)
        return
    with path.open("rb") as source:
        for number, line in enumerate(source, start=1):
            line = line.strip(b"\xef\xbb\xbf\x1e \t\r\n")
            if line:
                yield number, line


class _Collection(msgspec.Struct):
    features: list[msgspec.Raw]


_COLLECTION = msgspec.json.Decoder(_Collection)

"""Events as CSV: ACLED's columns first with ACLED's meanings, then ours; and rows back.

The ACLED columns are views of the event (names where we keep codes, ACLED's codes for
types, precision and actors); our columns after them carry what ACLED's cannot, so our own
CSV reads back into equal events. A CSV row is read into a Feature object: complete for our
own export, partial for ACLED's export or a plain sheet (``latitude,longitude,event_type,
date``), which ``app.transfer.derive`` completes. README.md ("CSV columns") has the table.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from app.errors import InvalidInput
from app.transfer.acled import (
    INTER_CODE,
    KIND_OF_INTER,
    MIDDLE_EAST,
    TIME_PRECISION,
    AdminNames,
    country_code,
    disorder_type,
    interaction,
    interval,
    iso3,
    iso_numeric,
    parse_date,
)

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
OUR_COLUMNS = [
    "id", "geoevents_type", "category", "date_end", "date_precision", "reported_at",
    "country_code", "admin1_code", "location_kind", "gazetteer_id", "fatalities_known",
    "confidence", "external_id", "actors", "origin", "strength", "evidence", "sources",
    "geometry",
]  # fmt: skip
CSV_COLUMNS = ACLED_COLUMNS + OUR_COLUMNS
#: Marks a CSV as ours (this export or the one before it): our columns are read as ours.
OURS_MARK = "geoevents_type"
_CODE_PRECISION = {"1": "day", "2": "week", "3": "month"}
_INTEGER = re.compile(r"^-?\d+$")


def csv_row(feature: dict[str, Any], names: AdminNames) -> list[object]:
    """One event as CSV values, in :data:`CSV_COLUMNS` order."""
    p = feature["properties"]
    loc = p.get("location")
    place = loc or {}
    actors = p.get("actors") or []
    doers = [a for a in actors if a["role"] == "actor"]
    targets = [a for a in actors if a["role"] == "target"]
    associated = [a["name"] for a in actors if a["role"] == "associated"]
    inter1 = INTER_CODE[doers[0]["kind"]] if doers else None
    inter2 = INTER_CODE[targets[0]["kind"]] if targets else None
    country = place.get("country")
    admin1 = place.get("admin1")
    event_id = feature.get("id")
    fatalities = p.get("fatalities")
    civilians = any(a["kind"] == "civilians" for a in targets)
    return [
        f"{iso3(country)}{event_id}" if event_id is not None else "",
        p["date"],
        p["date"][:4],
        TIME_PRECISION[p["date_precision"]],
        disorder_type(p["acled_event_type"], p["acled_sub_event_type"]),
        p["acled_event_type"],
        p["acled_sub_event_type"],
        doers[0]["name"] if doers else "",
        "; ".join([a["name"] for a in doers[1:]] + associated),
        _blank(inter1),
        targets[0]["name"] if targets else "",
        "; ".join(a["name"] for a in targets[1:]),
        _blank(inter2),
        _blank(interaction(inter1, inter2)),
        "Civilian targeting" if civilians else "",
        _blank(iso_numeric(country)),
        "Middle East" if country in MIDDLE_EAST else "",
        names.country(country),
        names.admin1.get(admin1, "") if admin1 else "",
        place.get("admin2") or "",
        "",
        place.get("name", ""),
        _blank(place.get("lat")),
        _blank(place.get("lon")),
        _blank(p.get("geo_precision")),
        "; ".join(p.get("sources") or []),
        "",
        p["summary"],
        fatalities or 0,
        "",
        "",
        _blank(event_id),
        p["event_type"],
        p["category"],
        p["date_end"],
        p["date_precision"],
        p.get("reported_at") or "",
        country or "",
        admin1 or "",
        place.get("kind", ""),
        _nullable(place.get("gazetteer_id")),
        "false" if fatalities is None else "true",
        p["confidence"],
        _nullable(p.get("external_id")),
        _json(actors),
        _json(p.get("origin")),
        _json(p.get("strength")),
        _json(p.get("evidence")),
        _json(p.get("sources")),
        "" if _plain_geometry(feature.get("geometry"), loc) else _json(feature["geometry"], True),
    ]


def _blank(value: object) -> object:
    return "" if value is None else value


def _json(value: Any, always: bool = False) -> str:
    if not value and not always:
        return ""
    return orjson.dumps(value).decode()


def _nullable(value: str | int | None) -> str:
    """A nullable string (or integer id) as text that reads back as the same value: None is
    an empty cell; an empty string, or one that looks like an integer or starts with a
    quote, is written JSON-quoted."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    plain = value and not _INTEGER.match(value) and not value.startswith('"')
    return value if plain else _json(value, True)


def _plain_geometry(geometry: Any, loc: dict[str, Any] | None) -> bool:
    """Whether latitude and longitude say the geometry: a Point at the location, or none."""
    if loc is None:
        return geometry is None
    return (
        isinstance(geometry, dict)
        and geometry.get("type") == "Point"
        and geometry.get("coordinates") == [loc["lon"], loc["lat"]]
    )


def csv_lines(features: Iterable[str], names: AdminNames) -> Iterator[str]:
    """CSV text, header first, one line per stored Feature text."""
    buffer = io.StringIO()
    # RFC 4180 line ends: a field holding a lone "\r" or "\n" is then quoted too.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    yield buffer.getvalue()
    for feature in features:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(csv_row(orjson.loads(feature), names))
        yield buffer.getvalue()


# Reading ----------------------------------------------------------------------------------


def record_from_csv(row: dict[str, str | None]) -> dict[str, Any]:
    """A Feature object from a CSV row: ours (complete), ACLED's or a plain sheet (partial,
    for ``derive.complete``). InvalidInput when a value cannot be read at all."""
    raw = {k.strip().casefold(): v or "" for k, v in row.items() if k}
    ours = OURS_MARK in raw
    # Our own cells are read as written (names may start or end with spaces); others trimmed.
    cells = raw if ours else {k: v.strip() for k, v in raw.items()}
    props: dict[str, Any] = {}
    record: dict[str, Any] = {"type": "Feature", "properties": props}
    _what(cells, props, ours)
    _when(cells, props, ours)
    _where(cells, record, props, ours)
    _who(cells, props, ours)
    for column, key in (("notes", "summary"), ("summary", "summary")):
        if cells.get(column):
            props.setdefault(key, cells[column])
    if ours:
        props.setdefault("summary", "")
        props["reported_at"] = cells.get("reported_at") or None
        props["evidence"] = _loads(cells, "evidence", [])
        props["strength"] = _loads(cells, "strength", None)
        props["origin"] = _loads(cells, "origin", None)
    if "sources" in cells:
        props["sources"] = _loads(cells, "sources", [])
    elif cells.get("source"):
        props["sources"] = [s.strip() for s in cells["source"].split(";") if s.strip()]
    if cells.get("confidence"):
        props["confidence"] = _number(cells, "confidence", float)
    external = _read_nullable(cells.get("external_id", ""))
    if external is None and not ours:
        external = cells.get("event_id_cnty") or cells.get("id") or None
    if external is not None:
        props["external_id"] = external
    return record


def _what(cells: dict[str, str], props: dict[str, Any], ours: bool) -> None:
    if ours and cells.get(OURS_MARK):
        props["event_type"] = cells[OURS_MARK]
        props["acled_event_type"] = cells.get("event_type", "")
        props["acled_sub_event_type"] = cells.get("sub_event_type", "")
    elif cells.get("event_type"):  # ours or ACLED's: derive tells them apart
        props["event_type"] = cells["event_type"]
        if cells.get("sub_event_type"):
            props["sub_event_type"] = cells["sub_event_type"]
    if cells.get("category"):
        props["category"] = cells["category"]


def _when(cells: dict[str, str], props: dict[str, Any], ours: bool) -> None:
    text = cells.get("date") or cells.get("event_date") or ""
    if not text:
        raise InvalidInput("needs a date (or ACLED's event_date)")
    code = cells.get("time_precision", "")
    if ours or cells.get("date_end"):
        props["date"] = text
        if cells.get("date_end"):
            props["date_end"] = cells["date_end"]
        precision = cells.get("date_precision") or _CODE_PRECISION.get(code)
        if precision:
            props["date_precision"] = precision
        return
    start = parse_date(text) if code in ("2", "3") else None
    if start is None:
        props["date"] = text  # derive reads 2024-03, 2024-W10, 5 March 2024...
        return
    try:
        first, last, precision = interval(start, int(code))
    except OverflowError:
        raise InvalidInput(f"event_date {text!r} is out of range") from None
    props["date"], props["date_end"] = first.isoformat(), last.isoformat()
    props["date_precision"] = precision


def _where(
    cells: dict[str, str], record: dict[str, Any], props: dict[str, Any], ours: bool
) -> None:
    lat_text = cells.get("latitude") or cells.get("lat") or ""
    lon_text = cells.get("longitude") or cells.get("lon") or cells.get("lng") or ""
    name = cells.get("location", "")
    country = cells.get("country_code") or country_code(cells.get("country", ""))
    if ours and cells.get("geometry"):
        record["geometry"] = _loads(cells, "geometry", None)
    if not lat_text and not lon_text:
        if ours and not name:
            props["location"] = None  # an unplaced event
            record.setdefault("geometry", None)
            props["geo_precision"] = _precision(cells)
        elif name:
            props["location"] = {"name": name, "country": country}
        return
    try:
        lat, lon = float(lat_text), float(lon_text)
        if not (math.isfinite(lat) and math.isfinite(lon)):
            raise ValueError
    except ValueError:
        raise InvalidInput(
            f"latitude {lat_text!r} and longitude {lon_text!r} must both be finite numbers"
        ) from None
    location: dict[str, Any] = {"lat": lat, "lon": lon}
    if name or ours:
        location["name"] = name
    if country:
        location["country"] = country
    if ours:
        location["kind"] = cells.get("location_kind", "site")
        gazetteer_id = _read_nullable(cells.get("gazetteer_id", ""))
        location["gazetteer_id"] = None if gazetteer_id is None else str(gazetteer_id)
        location["admin1"] = cells.get("admin1_code") or None
        location["admin2"] = cells.get("admin2") or None
    props["location"] = location
    record.setdefault("geometry", {"type": "Point", "coordinates": [lon, lat]})
    precision = _precision(cells)
    if precision is not None or ours:
        props["geo_precision"] = precision


def _precision(cells: dict[str, str]) -> int | None:
    code = cells.get("geo_precision", "")
    return int(code) if code in ("1", "2", "3") else None


def _who(cells: dict[str, str], props: dict[str, Any], ours: bool) -> None:
    if "actors" in cells:
        props["actors"] = _loads(cells, "actors", [])
    else:
        actors: list[dict[str, str]] = []
        for column, role, inter in (
            ("actor1", "actor", "inter1"),
            ("assoc_actor_1", "associated", ""),
            ("actor2", "target", "inter2"),
            ("assoc_actor_2", "associated", ""),
        ):
            code = cells.get(inter, "") if inter else ""
            kind = KIND_OF_INTER.get(int(code), "other") if code.isdigit() else "other"
            for name in (cells.get(column) or "").split(";"):
                if name.strip():
                    actors.append({"name": name.strip(), "role": role, "kind": kind})
        if actors:
            props["actors"] = actors
    fatalities = cells.get("fatalities", "")
    if ours and cells.get("fatalities_known") == "false":
        props["fatalities"] = None
    elif fatalities:
        props["fatalities"] = _number(cells, "fatalities", int)


def _number(cells: dict[str, str], column: str, kind: type[int] | type[float]) -> int | float:
    try:
        return kind(cells[column])
    except ValueError:
        raise InvalidInput(f"{column} {cells[column]!r} is not a number") from None


def _loads(cells: dict[str, str], column: str, empty: Any) -> Any:
    text = cells.get(column, "")
    if not text:
        return empty
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        raise InvalidInput(f"{column}: not JSON ({text[:40]!r})") from None


def _read_nullable(text: str) -> str | int | None:
    """The way back of :func:`_nullable`."""
    if not text:
        return None
    if text.startswith('"'):
        try:
            value = orjson.loads(text)
        except orjson.JSONDecodeError:
            return text
        return value if isinstance(value, str) else text
    return int(text) if _INTEGER.match(text) else text

"""Raw Feature JSON from a file -> validated, place-coded rows for the store's bulk import.

The fast path decodes each feature into the msgspec structs of ``fast_check``; a feature they
refuse is completed (``derive``: the properties a minimal feature leaves out) and goes
through ``EventFeature`` (pydantic), which accepts it or says why not, so the import accepts
and refuses exactly what ``POST /events`` does. Place codes come from the
point against the polygons for the whole batch at once (``Gazetteer.codes_many``; a place's
curated governorate kept against the outline stays, as in ``ingest.stamp_many``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

import msgspec
import orjson

from app.errors import InvalidInput
from app.events import latest_date
from app.gazetteer.geocoder import Gazetteer
from app.ingest import adopt_file_id, codes_for, parse_feature
from app.store.base import ImportRow
from app.store.event_columns import indexed, words
from app.transfer.derive import complete
from app.transfer.fast_check import DECODER, ENCODER, HEAD, Feature, Line, Point, Refused, finish

_NO_CODES: tuple[None, None, None] = (None, None, None)


def import_key(feature: Feature) -> str:
    """The key an import is idempotent by: the file's own id, else a hash of the content.

    The hash leaves out the place codes the import computes from the point (a location's
    country, governorate and district; a country- or region-wide place keeps its country),
    so the same feature gets the same key whatever its key order, spacing or codes. Two
    features that differ only in codes the import overwrites would otherwise be stored
    twice, identical, and a re-import of their export would fold them into one.
    """
    external = feature.properties.external_id
    if external is not None:
        return f"id:{external}"
    p = feature.properties
    locations = [loc for loc in (p.location, p.origin) if loc is not None]
    given = [(loc.country, loc.admin1, loc.admin2) for loc in locations]
    try:
        for loc in locations:
            loc.country, loc.admin1, loc.admin2 = codes_for(loc.kind, loc.country, _NO_CODES)
        return "sha256:" + hashlib.sha256(ENCODER.encode(feature)).hexdigest()
    finally:
        for loc, codes in zip(locations, given, strict=True):
            loc.country, loc.admin1, loc.admin2 = codes


def decode(
    raw: bytes, gazetteer: Gazetteer | None = None, latest: dt.date | None = None
) -> Feature:
    """One feature, validated; InvalidInput (with pydantic's message) when it is not valid.

    With a gazetteer, a feature the strict structs refuse is first completed by
    :func:`app.transfer.derive.complete` (its place named from its point, or its point
    found from its place name), then tried on the structs again before the model.
    """
    strict = _strict(raw, latest)
    if strict is not None:
        return strict
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise InvalidInput(f"not JSON: {exc}") from exc
    if not isinstance(record, dict):
        raise InvalidInput("not a JSON object")
    adopt_file_id(record)
    if gazetteer is not None:
        record = complete(record, gazetteer)
        strict = _strict(orjson.dumps(record), latest)
        if strict is not None:
            return strict
    event = parse_feature(record)  # raises InvalidInput with the model's message
    feature = DECODER.decode(event.model_dump_json())
    finish(feature, latest)
    return feature


def _strict(raw: bytes, latest: dt.date | None) -> Feature | None:
    """The feature through the msgspec structs; None when they refuse it (the model then
    decides and gives its message)."""
    try:
        feature = DECODER.decode(raw)
        if feature.id is not None:
            if feature.properties.external_id is None:
                feature.properties.external_id = feature.id
            feature.id = None
        finish(feature, latest)
        return feature
    except (msgspec.ValidationError, msgspec.DecodeError, Refused):
        return None
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc


def prepare_rows(
    gazetteer: Gazetteer, items: Sequence[tuple[int, bytes]]
) -> tuple[list[ImportRow], list[tuple[int, str]]]:
    """(number, raw feature JSON) -> the valid rows, and (number, reason) for the others."""
    features: list[tuple[str, Feature]] = []
    rejected: list[tuple[int, str]] = []
    latest = latest_date()
    for number, raw in items:
        try:
            feature = decode(raw, gazetteer, latest)
        except InvalidInput as exc:
            rejected.append((number, exc.detail))
            continue
        features.append((import_key(feature), feature))
    _stamp(gazetteer, [f for _, f in features])
    return [_row(key, feature) for key, feature in features], rejected


def _stamp(gazetteer: Gazetteer, features: list[Feature]) -> None:
    """Country, governorate and district from each point (see ``ingest.stamp_many``)."""
    locations = [
        loc
        for f in features
        for loc in (f.properties.location, f.properties.origin)
        if loc is not None
    ]
    if not locations:
        return
    codes = gazetteer.codes_many(
        [loc.lat for loc in locations],
        [loc.lon for loc in locations],
        [loc.country for loc in locations],
        [loc.gazetteer_id for loc in locations],
    )
    for loc, found in zip(locations, codes, strict=True):
        loc.country, loc.admin1, loc.admin2 = codes_for(loc.kind, loc.country, found)


def _row(key: str, feature: Feature) -> ImportRow:
    p = feature.properties
    text = ENCODER.encode(feature)
    assert text.startswith(HEAD)  # the store writes its own id in front of the rest
    geometry = feature.geometry
    box: tuple[float | None, float | None, float | None, float | None]
    if type(geometry) is Point:
        x, y = geometry.coordinates
        box = (x, x, y, y)
    elif isinstance(geometry, Line):
        xs = [c[0] for c in geometry.coordinates]
        ys = [c[1] for c in geometry.coordinates]
        box = (min(xs), max(xs), min(ys), max(ys))
    else:
        box = (None, None, None, None)
    # tuple.__new__ straight away: NamedTuple's own __new__ is a Python-level call per row.
    return tuple.__new__(
        ImportRow,
        (
            key,
            text[len(HEAD) :].decode(),
            *indexed(p),
            *box,
            words(p),
            (p.date_end - p.date).days,
        ),
    )

"""Event files in: GeoJSON (a FeatureCollection), GeoJSON lines or text sequences, CSV.

CSV rows (ours, ACLED's, or a plain sheet) become Feature objects in ``csv_events``; what a
row leaves out is derived later (``derive``), when the feature is validated.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import orjson

from app.errors import InvalidInput
from app.transfer.csv_events import record_from_csv


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

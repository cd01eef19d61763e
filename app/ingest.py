"""Report -> extraction -> place codes -> store: the one module that knows all three."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from pydantic import ValidationError

from app.domain import IngestResult, NewReport
from app.errors import GeoEventsError, InvalidInput
from app.events import EventFeature, LineGeometry, LocationRef
from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput, check_text
from app.gazetteer.geocoder import Gazetteer
from app.store.base import EventStore
from app.store.prepared import PreparedEvent, prepare_event

#: A report read and stamped, not stored yet; and the same made ready for a batch write.
ReadReport = tuple[NewReport, list[EventFeature]]
Prepared = tuple[NewReport, list[PreparedEvent]]


def content_hash(text: str) -> str:
    """Identity of a report's text: the same words, whatever the case and spacing."""
    # str.split() splits where \s+ matches (both use str.isspace): the same digest as
    # sha256(re.sub(r"\s+", " ", folded).strip()), the stored hashes' formula, 3x faster.
    return hashlib.sha256(" ".join(text.casefold().split()).encode()).hexdigest()


class Ingestor:
    """Writes reports and events; admin codes come from the geometry (see :func:`stamp_many`)."""

    def __init__(self, extractor: Extractor, gazetteer: Gazetteer, store: EventStore) -> None:
        self.extractor = extractor
        self.gazetteer = gazetteer
        self.store = store

    def ingest(
        self, report: ReportInput, who: str = "ingest"
    ) -> tuple[IngestResult, list[EventFeature]]:
        """Read a report and store it with its events (nothing when it is already stored)."""
        read = self.read_many([report])[0]
        if isinstance(read, GeoEventsError):
            raise read
        new, events = read
        return self.store.add_report(new, events, who), events

    def read_many(self, reports: Sequence[ReportInput]) -> list[ReadReport | GeoEventsError]:
        """See :func:`read_reports`."""
        return read_reports(self.extractor, self.gazetteer, reports)

    def prepare_many(self, reports: Sequence[ReportInput]) -> list[Prepared | GeoEventsError]:
        """See :func:`prepare_reports`."""
        return prepare_reports(self.extractor, self.gazetteer, reports)

    def ingest_many(
        self, reports: Sequence[ReportInput], who: str = "ingest"
    ) -> list[IngestResult | GeoEventsError]:
        """Read reports and store the readable ones in one transaction; one outcome each."""
        prepared = self.prepare_many(reports)
        stored = iter(
            self.store.add_reports([p for p in prepared if not isinstance(p, Exception)], who)
        )
        return [p if isinstance(p, GeoEventsError) else next(stored) for p in prepared]

    def stamp(self, event: EventFeature) -> EventFeature:
        """Country, governorate and district from the geometry (see :func:`stamp_many`)."""
        return stamp_many(self.gazetteer, [event])[0]

    def create(self, events: Iterable[EventFeature], who: str) -> list[int]:
        """Store events that come with no report (hand-made, imported), all or nothing."""
        return self.store.add_events(stamp_many(self.gazetteer, list(events)), who)

    def patch(self, event_id: int, patch: dict[str, Any], who: str) -> str:
        """Apply a JSON Merge Patch (RFC 7396) to an event and store the validated result."""
        current = orjson.loads(self.store.get(event_id))
        merged = merge_patch(current, patch)
        merged["id"] = None
        event = self.stamp(parse_feature(merged))
        if event.geometry is not None and event.properties.location is None:
            raise InvalidInput("an event with a geometry needs properties.location")
        return self.store.update(event_id, event, who)


def read_reports(
    extractor: Extractor, gazetteer: Gazetteer, reports: Sequence[ReportInput]
) -> list[ReadReport | GeoEventsError]:
    """Extract and stamp reports without storing them; a report that cannot be read
    gives its error in its place. Place codes are computed for all events at once."""
    read: list[ReadReport | GeoEventsError] = []
    for report in reports:
        try:
            check_text(report.text, extractor.max_chars)
            result = extractor.extract(report)
        except GeoEventsError as exc:
            read.append(exc)
            continue
        new = NewReport(
            text=result.text,
            published=report.published,
            content_hash=content_hash(result.text),
            title=report.title,
            url=report.url,
            source=report.source,
        )
        read.append((new, result.events))
    stamped = iter(
        stamp_many(gazetteer, [e for r in read if not isinstance(r, Exception) for e in r[1]])
    )
    return [
        r if isinstance(r, GeoEventsError) else (r[0], [next(stamped) for _ in r[1]]) for r in read
    ]


def prepare_reports(
    extractor: Extractor, gazetteer: Gazetteer, reports: Sequence[ReportInput]
) -> list[Prepared | GeoEventsError]:
    """:func:`read_reports`, with each event made ready for ``EventStore.add_reports``."""
    return [
        r if isinstance(r, GeoEventsError) else (r[0], [prepare_event(e) for e in r[1]])
        for r in read_reports(extractor, gazetteer, reports)
    ]


def stamp_many(gazetteer: Gazetteer, events: list[EventFeature]) -> list[EventFeature]:
    """Write country, governorate and district, computed from each point against the
    polygons (never from the name), into ``location`` and ``origin``; vectorised.

    A location at the point of its gazetteer place whose curated governorate the build kept
    against the generalised outline keeps that governorate (:meth:`Gazetteer.codes_many`),
    so a stored event has the codes ``/extract`` and ``/gazetteer`` give."""
    points = [
        (i, field, loc)
        for i, e in enumerate(events)
        for field in ("location", "origin")
        if (loc := getattr(e.properties, field)) is not None
    ]
    if not points:
        return events
    codes = gazetteer.codes_many(
        [p[2].lat for p in points],
        [p[2].lon for p in points],
        [p[2].country for p in points],
        [p[2].gazetteer_id for p in points],
    )
    updates: dict[int, dict[str, LocationRef]] = {}
    for (i, field, loc), found in zip(points, codes, strict=True):
        country, admin1, admin2 = codes_for(loc.kind, loc.country, found)
        if (loc.country, loc.admin1, loc.admin2) != (country, admin1, admin2):
            updates.setdefault(i, {})[field] = loc.model_copy(
                update={"country": country, "admin1": admin1, "admin2": admin2}
            )
    out = list(events)
    for i, fields in updates.items():
        props = out[i].properties.model_copy(update=fields)
        out[i] = out[i].model_copy(update={"properties": props})
    return out


def prepare(
    gazetteer: Gazetteer, records: list[Any]
) -> tuple[list[EventFeature], list[tuple[int, str]]]:
    """Raw Feature objects (imported files) -> place codes stamped, then validated.

    Stamping the plain objects before validation keeps the bulk path to one validation and
    no copies per event. Returns the valid events and (index, reason) for the others.
    """
    locations: list[dict[str, Any]] = []
    for record in records:
        props = record.get("properties") if isinstance(record, dict) else None
        for field in ("location", "origin"):
            loc = props.get(field) if isinstance(props, dict) else None
            if (
                isinstance(loc, dict)
                and _in_range(loc.get("lat"), 90)
                and _in_range(loc.get("lon"), 180)
            ):
                locations.append(loc)
    codes = gazetteer.codes_many(
        [loc["lat"] for loc in locations],
        [loc["lon"] for loc in locations],
        [loc.get("country") for loc in locations],
        [loc.get("gazetteer_id") for loc in locations],
    )
    for loc, found in zip(locations, codes, strict=True):
        loc["country"], loc["admin1"], loc["admin2"] = codes_for(
            str(loc.get("kind", "site")), loc.get("country"), found
        )
    events: list[EventFeature] = []
    errors: list[tuple[int, str]] = []
    for index, record in enumerate(records):
        adopt_file_id(record)
        try:
            events.append(parse_feature(record))
        except InvalidInput as exc:
            errors.append((index, exc.detail))
    return events, errors


def codes_for(
    kind: str, country: str | None, found: tuple[str | None, str | None, str | None]
) -> tuple[str | None, str | None, str | None]:
    """The codes a location keeps from what contains its point.

    A country- or region-wide place has no governorate, whatever its marker point is in."""
    if kind in ("country", "region"):
        return country or found[0], None, None
    return found


def adopt_file_id(record: Any) -> None:
    """A file's Feature ``id`` becomes ``properties.external_id`` (unless that is set):
    the store gives the event its own id."""
    if not isinstance(record, dict):
        return
    file_id = record.pop("id", None)
    props = record.get("properties")
    if file_id is not None and isinstance(props, dict) and props.get("external_id") is None:
        props["external_id"] = file_id


def _in_range(value: Any, limit: float) -> bool:
    return isinstance(value, int | float) and -limit <= value <= limit


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396: objects merge key by key, null deletes, anything else replaces."""
    if not isinstance(patch, dict):
        return patch
    out = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge_patch(out.get(key), value)
    return out


def parse_feature(data: Any) -> EventFeature:
    """A GeoJSON Feature validated against the event contract; InvalidInput says why not."""
    try:
        event = EventFeature.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:10]
        )
        raise InvalidInput(f"not a valid event feature: {problems}") from exc
    props = event.properties
    if event.geometry is not None and props.location is not None:
        geometry = event.geometry
        end = (
            geometry.coordinates[-1] if isinstance(geometry, LineGeometry) else geometry.coordinates
        )
        if (round(float(end[0]), 5), round(float(end[1]), 5)) != (
            round(props.location.lon, 5),
            round(props.location.lat, 5),
        ):
            raise InvalidInput("geometry does not end at properties.location (lon, lat)")
    return event

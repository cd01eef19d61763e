"""Reading reports without storing them: POST /geoparse and POST /extract."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from app.api.deps import ExtractorDep, SettingsDep
from app.api.schemas import ReportIn
from app.errors import TextTooLong
from app.events import EventCollection
from app.extraction.report_input import ReportInput
from app.extraction.schemas import GeoparseResult

router = APIRouter(tags=["extraction"])
GEOJSON = "application/geo+json"


def _check_length(report: ReportIn, limit: int) -> None:
    if len(report.text) > limit:
        raise TextTooLong(f"text has {len(report.text):,} characters; the limit is {limit:,}")


@router.post("/geoparse", response_model=GeoparseResult)
def geoparse(report: ReportIn, extractor: ExtractorDep, settings: SettingsDep) -> GeoparseResult:
    """Every place name in the text, resolved against the gazetteer (null when none fits)."""
    _check_length(report, settings.api.max_text_chars)
    text, mentions = extractor.geoparse(report.text)
    return GeoparseResult.of(text, mentions)


@router.post("/extract", response_model=EventCollection, response_class=JSONResponse)
def extract(report: ReportIn, extractor: ExtractorDep, settings: SettingsDep) -> JSONResponse:
    """The events of a report as a GeoJSON FeatureCollection; nothing is stored.

    Each feature's properties follow the event contract (see the schema): type and ACLED
    crosswalk, date interval and precision, actors with roles, location and origin,
    geo_precision, fatalities, strength, evidence spans and confidence. An event whose place
    could not be resolved has a null geometry.
    """
    _check_length(report, settings.api.max_text_chars)
    result = extractor.extract(
        ReportInput(report.text, report.published, report.title, report.url, report.source)
    )
    body = EventCollection(type="FeatureCollection", features=result.events)
    return JSONResponse(body.model_dump(mode="json"), media_type=GEOJSON)

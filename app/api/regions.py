"""Region routes: governorates and named regions as GeoJSON."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from shapely.geometry import mapping

from app.api.deps import GazetteerDep
from app.api.schemas import RegionCollection, RegionFeature, RegionProperties
from app.domain import Region
from app.gazetteer.geocoder import Gazetteer

router = APIRouter(prefix="/regions", tags=["regions"])
GEOJSON = "application/geo+json"


def _feature(gazetteer: Gazetteer, region: Region) -> dict[str, object]:
    return {
        "type": "Feature",
        "id": region.code,
        "geometry": mapping(gazetteer.regions.geometry(region.code)),
        "properties": RegionProperties.of(region).model_dump(),
    }


@router.get("", response_model=RegionCollection, response_class=JSONResponse)
def list_regions(gazetteer: GazetteerDep) -> JSONResponse:
    """Every governorate of Iraq and Syria, the named regions, and the country outlines."""
    features = [_feature(gazetteer, r) for r in gazetteer.regions]
    return JSONResponse({"type": "FeatureCollection", "features": features}, media_type=GEOJSON)


@router.get("/{code}", response_model=RegionFeature, response_class=JSONResponse)
def get_region(gazetteer: GazetteerDep, code: str) -> JSONResponse:
    """One region by ISO 3166-2 code (IQ-KI), country code, or any name or alias of it."""
    return JSONResponse(_feature(gazetteer, gazetteer.regions.resolve(code)), media_type=GEOJSON)

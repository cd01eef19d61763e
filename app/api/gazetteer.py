"""Gazetteer routes: forward search, reverse geocoding, one place."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import GazetteerDep
from app.api.schemas import CandidateOut, PlaceOut, ReverseResponse, SearchResponse

router = APIRouter(prefix="/gazetteer", tags=["gazetteer"])


@router.get("/search", response_model=SearchResponse)
def search(
    gazetteer: GazetteerDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="A place name in any "
            "spelling or script, optionally with a kind word ('Diyala province')",
        ),
    ],
    country: Annotated[
        str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 filter")
    ] = None,
    kind: Annotated[
        str | None,
        Query(
            max_length=40,
            description="A kind (city, base...) or a family (populated, site, admin1...)",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> SearchResponse:
    """Ranked places for a name: exact and alias matches first; fuzzy matches only when none."""
    hits = gazetteer.search(q, country=country, kind=kind, limit=limit)
    return SearchResponse(query=q, results=[CandidateOut.of_candidate(c) for c in hits])


@router.get("/reverse", response_model=ReverseResponse)
def reverse(
    gazetteer: GazetteerDep,
    lat: Annotated[float, Query(ge=-90, le=90)],
    lon: Annotated[float, Query(ge=-180, le=180)],
) -> ReverseResponse:
    """Country, governorate (ISO 3166-2) and district of a point."""
    return ReverseResponse.of(gazetteer.reverse(lat, lon))


@router.get("/places/{place_id}", response_model=PlaceOut)
def place(gazetteer: GazetteerDep, place_id: str) -> PlaceOut:
    """One gazetteer place by id (``gn:`` GeoNames, ``oa:`` OurAirports, ``cur:`` curated)."""
    return PlaceOut.of(gazetteer.get(place_id))

"""Output shapes of geoparsing, shared by the CLI and the HTTP API."""

from __future__ import annotations

from typing import Self

from pydantic import BaseModel, ConfigDict, Field

from app.domain import Candidate, Place
from app.extraction.resolve import ResolvedMention


class PlaceRef(BaseModel):
    """The gazetteer place a mention resolved to."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str
    admin1: str | None

    @classmethod
    def of(cls, place: Place) -> Self:
        """From a gazetteer place (its fields of the same names)."""
        return cls.model_validate(place)


class CandidateRef(PlaceRef):
    """A reading the resolver considered, with the gazetteer's score."""

    score: float

    @classmethod
    def of_candidate(cls, candidate: Candidate) -> CandidateRef:
        """From a gazetteer candidate."""
        return cls(**PlaceRef.of(candidate.place).model_dump(), score=round(candidate.score, 1))


class MentionOut(BaseModel):
    """A place name in the text; ``place`` is null when nothing in the gazetteer fits."""

    text: str
    start: int = Field(description="Offset of the first character (Python slice)")
    end: int = Field(description="Offset after the last character")
    place: PlaceRef | None
    candidates: list[CandidateRef]

    @classmethod
    def of(cls, resolved: ResolvedMention) -> MentionOut:
        """From a resolved mention."""
        m = resolved.mention
        return cls(
            text=m.text,
            start=m.start,
            end=m.end,
            place=PlaceRef.of(resolved.place) if resolved.place is not None else None,
            candidates=[CandidateRef.of_candidate(c) for c in resolved.candidates],
        )


class GeoparseResult(BaseModel):
    """Every place mention of a text. Offsets are into ``text`` (HTML reduced to text)."""

    text: str
    mentions: list[MentionOut]
    unresolved: int = Field(description="Mentions with no place: reported, never dropped")

    @classmethod
    def of(cls, text: str, mentions: list[ResolvedMention]) -> GeoparseResult:
        """From the pipeline's output."""
        out = [MentionOut.of(m) for m in mentions]
        return cls(text=text, mentions=out, unresolved=sum(1 for m in out if m.place is None))

""" "The province" a story never names: the governorate of the town the story is about.

"Clashes erupted in Suwayda city ... Troops were sent into the province on Monday": a writer
who has named only the city still says "the province" for its governorate. With no
governorate named before, "the province" (or "the governorate") is the one around the town
the story keeps naming (`geo_precision` 3, as for any governorate).
"""

from __future__ import annotations

from app.domain import Place
from app.extraction.resolve import ResolvedMention
from app.gazetteer.geocoder import Gazetteer


class Provinces:
    """Governorates by their ISO 3166-2 code, to read "the province" of a town."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.by_code: dict[str, Place] = {
            p.admin1: p for p in gazetteer.places if p.family == "admin1" and p.admin1
        }

    def around(self, town: ResolvedMention) -> ResolvedMention | None:
        """The governorate a town lies in, said where the town was (None when unknown)."""
        code = town.place.admin1 if town.place is not None else None
        province = self.by_code.get(code) if code else None
        if province is None:
            return None
        return ResolvedMention(town.mention, province, town.score, town.candidates)

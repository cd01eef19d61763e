"""What lies near a city that is a governorate of its own is in the governorate around it.

Damascus governorate (SY-DI) is the city alone: a strike "near Damascus", a shrine suburb
"south of Damascus", clashes "outside Damascus" happened in Rif Dimashq (SY-RD), the
governorate that surrounds it (ISO 3166-2:SY; the outlines in data/gazetteer). Iraq's
governorates all reach beyond their capitals, so none of them is listed.
"""

from __future__ import annotations

from app.extraction.resolve import ResolvedMention
from app.gazetteer.geocoder import Gazetteer

#: Governorate that is one city -> the governorate around it.
CITY_GOVERNORATES = {"SY-DI": "SY-RD"}


class Outskirts:
    """Moves an event placed near a city-governorate into the governorate around it."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        around = set(CITY_GOVERNORATES.values())
        places = {
            p.admin1: p for p in gazetteer.places if p.family == "admin1" and p.admin1 in around
        }
        self.around = {
            city: places[code] for city, code in CITY_GOVERNORATES.items() if code in places
        }

    def near(self, location: ResolvedMention) -> ResolvedMention:
        """The governorate around the city when the event is near it, else the place itself."""
        place = location.place
        if place is None or place.family not in ("populated", "admin1") or not place.admin1:
            return location
        outer = self.around.get(place.admin1)
        if outer is None:
            return location
        return ResolvedMention(location.mention, outer, location.score, location.candidates)

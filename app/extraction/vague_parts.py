"""A vague part of a country given as the governorate a writer means by it (issue 9).

"A strike in north-west Syria", "facilities in eastern Syria", "the Syrian coast": an analyst
places such an event in the governorate the phrase stands for (Idlib, Deir ez-Zor, Latakia),
not in the whole country. The phrases and their governorates are data,
``data/lexicon/vague_parts.csv`` (place: a country code or a named region's gazetteer id;
part: the compass word said before the country, empty for a named region; admin1). A part
with no row ("northern Iraq") stays the country.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from app.domain import Place
from app.errors import GazetteerError
from app.extraction.lexicon import lexicon_dir
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence
from app.gazetteer.geocoder import Gazetteer

#: The compass word said right before a country: "north-west Syria", "eastern Syria",
#: "central Syria".
_PART_BEFORE = re.compile(
    r"\b((?:north|south)(?:-?(?:east|west))?|east|west|central)(?:ern)?\s+$",
    re.I,
)


def default_file() -> Path:
    """The shipped table."""
    return lexicon_dir() / "vague_parts.csv"


class VagueParts:
    """Governorates that vague parts of a country (and some named regions) stand for."""

    def __init__(self, gazetteer: Gazetteer, path: Path | None = None) -> None:
        provinces: dict[str, Place] = {
            p.admin1: p for p in gazetteer.places if p.family == "admin1" and p.admin1
        }
        self.parts: dict[tuple[str, str], Place] = {}
        path = path or default_file()
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
        except OSError as exc:
            raise GazetteerError(log_message=f"cannot read {path}: {exc}") from exc
        for number, row in enumerate(rows, start=2):
            province = provinces.get(row.get("admin1") or "")
            if province is None or not row.get("place"):
                raise GazetteerError(log_message=f"{path}:{number}: unknown governorate or place")
            self.parts[(row["place"], (row.get("part") or "").lower())] = province

    def narrowed(self, sentence: Sentence, location: ResolvedMention) -> ResolvedMention:
        """The governorate the place stands for when it is a vague part of a country (or a
        named region of the table); else the place itself."""
        place = location.place
        if place is None or place.family not in ("country", "region"):
            return location
        if place.family == "region":
            province = self.parts.get((place.id, ""))
        else:
            at = location.mention.start - sentence.start
            part = _PART_BEFORE.search(sentence.text[max(0, at - 20) : at])
            key = part.group(1).replace("-", "").lower() if part else None
            province = self.parts.get((place.country or "", key)) if key else None
        if province is None:
            return location
        return ResolvedMention(location.mention, province, location.score, location.candidates)

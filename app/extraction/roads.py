"""An event on a road named for the two towns it joins happened along it, not in a city.

"Kidnapped on the Damascus-Daraa highway", "a checkpoint on the Kirkuk-Baghdad road": with no
other place of its own, the event is near one end of the road (`geo_precision` 2): never a
city that is a governorate of its own (Damascus: the road leaves it at once), then the end
nearest the other places of the sentence ("a merchant from Sanamayn", the dateline), else the
end named first (a local outlet names the road from its own town).
"""

from __future__ import annotations

import re

from app.domain import km
from app.extraction.outskirts import CITY_GOVERNORATES
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

_JOINED_BEFORE = re.compile(r"[\w'’]\s*[-–]\s*$")
_JOINED_AFTER = re.compile(
    r"^\s*[-–]\s*[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:highway|road|motorway|expressway)\b", re.I
)
_ROAD_AFTER = re.compile(r"^\s+(?:highway|road|motorway|expressway)\b", re.I)


def leads_to(sentence: Sentence, mention: ResolvedMention) -> bool:
    """Whether a mention is the second town of a road's name ("the Mosul-Duhok road")."""
    at, end = mention.mention.start - sentence.start, mention.mention.end - sentence.start
    return bool(
        _JOINED_BEFORE.search(sentence.text[max(0, at - 3) : at])
        and _ROAD_AFTER.match(sentence.text[end : end + 20])
    )


def _starts(sentence: Sentence, mention: ResolvedMention) -> bool:
    end = mention.mention.end - sentence.start
    return bool(_JOINED_AFTER.match(sentence.text[end : end + 50]))


def on_road(sentence: Sentence, mention: ResolvedMention) -> bool:
    """Whether a mention is one of the two towns of a road's name: the event is near it."""
    return leads_to(sentence, mention) or _starts(sentence, mention)


def road_end(
    sentence: Sentence, roads: list[ResolvedMention], others: list[ResolvedMention]
) -> list[ResolvedMention]:
    """The end of a road named for two towns where the event is placed (none without one)."""
    ends = [m for m in roads if leads_to(sentence, m)]
    if not ends:
        return []
    ends += [m for m in roads if _starts(sentence, m) and m not in ends]
    known = [o.place for o in others if o.place is not None and o not in roads]

    def distance(m: ResolvedMention) -> tuple[bool, float, int]:
        if m.place is None:
            return True, 0.0, m.mention.start
        city = m.place.admin1 in CITY_GOVERNORATES
        if not known:
            return city, 0.0, m.mention.start
        return (
            city,
            min(km(m.place.lat, m.place.lon, p.lat, p.lon) for p in known),
            m.mention.start,
        )

    return [min(ends, key=distance)]


#: "the Damascus highway", "the Kirkuk-Erbil road", "the Baghdad-Basra motorway", "the
#: Arak and al-Sukhnah road".
_NAMED_ROAD = re.compile(
    r"^(?:\s*[-–]\s*[\w'’-]+(?:\s+[\w'’-]+)?"
    r"|\s+and\s+(?:(?:al|el|as|ad|ar|an|at|ash|az)-)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?"
    r"\s+(?i:highway|road|motorway|expressway)\b"
)


def names_road(sentence: Sentence, mention: ResolvedMention) -> bool:
    """Whether a road is named for the place ('the Damascus highway'): it is not in it."""
    at = mention.mention.end - sentence.start
    return bool(_NAMED_ROAD.match(sentence.text[at : at + 40]))


def names_road_in(text: str, mention: ResolvedMention) -> bool:
    """:func:`names_road` read in the report's text ("the Kirkuk-Erbil road")."""
    at = mention.mention.end
    return bool(_NAMED_ROAD.match(text[at : at + 40]))


#: "on the highway to Damascus", "the road linking Suwayda with Damascus": a road's end told
#: by a preposition (the road is named for neither end); not "roads leading to Suwayda",
#: which are near it.
_END_BEFORE = re.compile(
    r"\b(?:roads?|highways?|routes?|motorway)\s+"
    r"(?:to|towards?|(?:linking|connecting|joining|between)"
    r"(?:\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:with|to|and))?)\s+(?:the\s+)?$",
    re.I,
)


def road_towards(sentence: Sentence, mention: ResolvedMention) -> bool:
    """Whether a place is only an end of the road an event was on ("abducted on the highway
    to Damascus near al-Masmiyah": near al-Masmiyah, not in Damascus)."""
    at = mention.mention.start - sentence.start
    return bool(_END_BEFORE.search(sentence.text[max(0, at - 60) : at]))

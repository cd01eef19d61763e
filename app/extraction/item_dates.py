"""Dates of the items of a list of places: "drones struck the Sarsang field on 15 July and the
Tawke field early on 16 July" (issue 9); and of a place told in a later clause than its
trigger, with a date of its own ("took the hilltop posts on Sunday, and on Tuesday tanks were
seen in Khan Arnabeh")."""

from __future__ import annotations

import re

from app.extraction.dates import DateMention
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

#: A clause of its own between a place and a date: "..., and on 30 July", "; on 30 July".
#: So is a participle clause: "capturing Rajo and Bulbul, before pushing into the plain in
#: early March" dates the push, not Bulbul.
_NEXT_CLAUSE = re.compile(
    r";|,\s*(?:and|but|while|whereas|then)\b|,\s*(?:before|after|then)\s+[a-z]+ing\b"
)
#: How far after its place an item's date may come: "in Kirkuk and in al-Tarmiyah, north of
#: Baghdad, one of whom is accused of attacks in 2017" dates the attacks, not the arrest.
_ITEM_REACH = 60


def item_dates(
    dates: list[DateMention],
    location: ResolvedMention | None,
    places: list[ResolvedMention | None],
    sentence: Sentence,
    trigger_end: int | None = None,
) -> list[DateMention]:
    """ "drones struck the Sarsang field on 15 July and the Tawke field early on 16 July":
    in a list of places, a date said right after a place (before the next one) is that
    place's; the others keep the sentence's dates."""
    if location is None:
        return dates
    if len(places) < 2:
        own = [] if trigger_end is None else _clause_date(dates, location, sentence, trigger_end)
        return own + [d for d in dates if d.role == "follow"] if own else dates
    later = [
        p.mention.start for p in places if p is not None and p.mention.start > location.mention.end
    ]
    stop = min(later, default=sentence.end)
    # Not a date of the next clause: "On 16 July, two rockets landed inside Ain al-Asad, and
    # on 30 July a US air strike in Musayyib ...": 16 July stays Ain al-Asad's.
    text, base = sentence.text, sentence.start
    own = [
        d
        for d in dates
        if d.role == "event"
        and d.attached is None
        and location.mention.end <= d.start < min(stop, location.mention.end + _ITEM_REACH)
        and not _NEXT_CLAUSE.search(text, location.mention.end - base, d.start - base)
    ]
    own = own[:1]
    if not own and trigger_end is not None:
        own = _clause_date(dates, location, sentence, trigger_end)
    return own + [d for d in dates if d.role == "follow"] if own else dates


def _clause_date(
    dates: list[DateMention], location: ResolvedMention, sentence: Sentence, trigger_end: int
) -> list[DateMention]:
    """ "took Mount Hermon on Sunday, and tanks were seen on Tuesday in Khan Arnabeh": a place
    told in a later clause than the trigger takes the date its clause says before it."""
    text, base, at = sentence.text, sentence.start, location.mention.start
    joins = [m.end() + base for m in _NEXT_CLAUSE.finditer(text, 0, at - base)]
    if not joins or joins[-1] <= trigger_end:
        return []
    said = [
        d
        for d in dates
        if d.role == "event" and d.attached is None and joins[-1] <= d.start and d.end <= at
    ]
    return said[-1:]

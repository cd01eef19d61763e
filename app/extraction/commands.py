"""A regional command acts in its own area: "The Kirkuk Police Command announced the arrest".

Iraq's and Syria's security forces are organised in commands named for their area ("the
Basra Operations Command", "the Kirkuk Police Command", "the Internal Security Command in
Latakia"). The place in such a name is part of an organisation's name, so it is no place
mention; but when the sentence names no place of its own, the command's area is where its
forces acted ("The Basra Operations Command said its forces arrested two gunmen"): better
than a place inherited from an earlier sentence.
"""

from __future__ import annotations

import re

from app.extraction.cues import cued_search
from app.extraction.event_builder import EventDraft
from app.extraction.places import Mention
from app.extraction.resolve import ResolvedMention
from app.gazetteer.geocoder import Gazetteer
from app.gazetteer.index import FOCUS_COUNTRIES

_COMMAND = re.compile(
    r"\b(?!The\b)(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)\s+(?:Operations|Police|Security)\s+"
    r"Command\b"
)
#: The families a command's area is named by: a city or a governorate.
_AREAS = frozenset({"populated", "admin1"})
#: A candidate's own score when its name is the command's exactly.
_EXACT = 100.0


class Commands:
    """Places the events of a sentence by the command named in it, when it has no other."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def place(self, draft: EventDraft) -> None:
        """Give an event with no place of its own sentence the area of its command."""
        if draft.location is not None and not draft.inherited_location:
            return
        sentence = draft.sentence
        found = cued_search(_COMMAND, sentence.text)
        if found is None:
            return
        name = found["name"]
        candidates = [
            c
            for c in self.gazetteer.candidates(name, None)
            if c.score >= _EXACT and c.place.country in FOCUS_COUNTRIES and c.place.family in _AREAS
        ]
        if not candidates:
            return
        area = max(candidates, key=lambda c: (c.place.family == "populated", c.place.population))
        start = sentence.start + found.start("name")
        mention = Mention(start, start + len(name), name, name.casefold(), None, False)
        draft.relocate(ResolvedMention(mention, area.place, area.score, tuple(candidates)))

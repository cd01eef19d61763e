"""Soldiers a state's ministry speaks of are that state's soldiers.

"Turkey's defence ministry said two soldiers were killed in northern Iraq", "the Russian
military said three servicemen were wounded", "Ankara said four troops died": a bare force
word ("soldiers", "troops") normally names the state forces of the country the event is in
(Iraq's, Syria's); told by a state about its own losses it names that state's forces. The
states are those the lexicon has an owner word for (data/lexicon/demonyms.csv: "Turkish",
"Turkey's", hence "Turkey") and the capitals of data/lexicon/states.csv; the forces are
the state's on the report's day (:meth:`ActorMatcher.national`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from app.extraction.actors import Actor, ActorMention
from app.extraction.cues import cued_finditer
from app.extraction.lexicon import Demonym, State
from app.gazetteer.index import FOCUS_COUNTRIES

#: The speaking body after the state's name, if any.
_BODY = (
    r"(?:\s+(?:defen[cs]e\s+ministry|ministry\s+of\s+(?:national\s+)?defen[cs]e|military|"
    r"armed\s+forces|general\s+staff|army))?"
)
#: "said (on Monday) (that) (two|15|one of its)": up to the force word.
_SAID = (
    r"\s+(?:said|says|announced|confirmed|reported)(?:\s+(?:on|late\s+on)\s+\w+)?(?:\s+that)?"
    r"\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|some)\s+)?"
    r"(?:(?:more|other)\s+)?(?:of\s+(?:its|their)\s+)?"
)
_FORCE = r"(soldiers?|troops|servicem[ae]n|service\s+members|personnel)\b"


class SpeakingStates:
    """Finds force words in what a state says of its own men."""

    def __init__(self, demonyms: Sequence[Demonym], states: Sequence[State] = ()) -> None:
        """``demonyms``: the lexicon's owner words (each with its country); ``states``: the
        lexicon's states, whose capitals outside the focus countries speak for them."""
        owners = {s.capital: s.country for s in states if s.country not in FOCUS_COUNTRIES}
        for d in demonyms:
            if d.country and d.forces:
                owners.setdefault(d.word, d.country)
                if d.word.endswith("'s"):
                    owners.setdefault(d.word[:-2], d.country)
        self._countries = owners
        words = "|".join(re.escape(w) for w in sorted(owners, key=len, reverse=True))
        self._pattern = re.compile(rf"(?<![\w-])({words}){_BODY}{_SAID}{_FORCE}")

    def apply(
        self,
        text: str,
        mentions: Sequence[ActorMention],
        national: Callable[[str, dt.date], Actor | None],
        day: dt.date,
    ) -> list[ActorMention]:
        """The mentions with each force word a state speaks of read as that state's forces
        (replacing the generic reading of the word, or added where none was found)."""
        result = list(mentions)
        changed = False
        for match in cued_finditer(self._pattern, text):
            forces = national(self._countries[match.group(1)], day)
            if forces is None:
                continue
            start, end = match.span(2)
            over = [m for m in result if m.start < end and start < m.end]
            if any(not (m.start >= start and m.end <= end) for m in over):
                continue  # a longer name covers the word ("Turkish soldiers" already)
            result = [m for m in result if m not in over]
            result.append(ActorMention(start, end, match.group(2), (forces,), owned=True))
            changed = True
        return sorted(result, key=lambda m: m.start) if changed else result

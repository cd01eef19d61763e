"""A country named as the subject of a military act: its armed forces acted.

"Turkey shelled villages near Zakho", "Israel struck a depot near Damascus", "Russia launched
air strikes on Idlib": the state acts through its forces. The countries are those the
lexicon gives an owner form for ("Turkey's" -> Turkish Armed Forces) and those of
data/lexicon/states.csv, so a country is added by a row there, not here. A capital stands for
its state the same way ("Ankara launched an operation", "Washington, which pulled its troops
out").

A country or capital that closes its airspace, recalls an ambassador or reopens a border
crossing acts through its government: "Turkey closed its airspace to flights to
Sulaimaniyah", "Baghdad recalled its ambassador".

A country blamed for an attack stands for its forces too: "local officials blamed Turkey",
"a strike it blamed on Israel", "Iraq accused Turkey of killing nine tourists", "an attack
that Turkey was widely believed to have carried out" (the claim rule then makes them the
attack's actor). Not "accused Israel of trying to drag Syria into war": only an accusation of
violence names who struck.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.extraction.actors import GENERIC_OWNER, Actor, ActorMention
from app.extraction.cues import cued_finditer
from app.extraction.lexicon import Demonym, State, Successor
from app.gazetteer.index import FOCUS_COUNTRIES

#: Military verbs whose subject acts with its forces.
_VERBS = (
    r"(?:(?:has|had|have|also|then|later|again|reportedly)\s+){0,2}(?:shelled|struck|bombed|"
    r"launched|fired|attacked|targeted|pounded|carried\s+out|deployed|sent|killed|hit|raided|"
    r"intercepted|shot\s+down|conducted|pulled|withdrew|began|started|resumed|stepped\s+up|"
    r"responded\s+by|retaliated|bombarded)\b"
)
#: ", which (on Monday) ...": the country is still the subject.
_WHICH = r"(?:,\s+which(?:\s+(?:on|in)\s+\w+)?|,\s+which\s[^,;.]{3,80},)?"
#: "Israel said on Monday (that) it had struck ...", "Turkey's defence ministry said its jets
#: struck ...", "Ankara said its warplanes hit ...": the state still acts, through its forces.
_SAID_IT = (
    r"(?:(?:'s)?\s+(?:defen[cs]e\s+ministry|ministry\s+of\s+(?:national\s+)?defen[cs]e|"
    r"military|armed\s+forces|general\s+staff))?"
    r"(?:\s+(?:said|says|announced|confirmed)(?:\s+(?:on|late\s+on)\s+\w+)?(?:\s+that)?"
    r"\s+(?:it|its\s+(?:(?:fighter\s+)?jets|warplanes|aircraft|planes|drones|forces|troops|"
    r"artillery|army|navy|air\s+force|units)))?"
)
#: Blame laid on a country, named after the word: "blamed (on) Turkey", "blaming Ankara".
_BLAME_BEFORE = r"(?i:blam(?:ed|es|ing)|blame)\s+(?:it\s+|them\s+)?(?:(?i:on)\s+)?"
#: An accusation of violence, after the country: "accused Turkey (on Thursday) of killing".
_ACCUSED_BEFORE = r"(?i:accus(?:ed|es|ing))\s+"
_ACCUSED_OF = (
    r"(?:\s+(?:on|late\s+on)\s+\w+)?\s+(?i:of\s+(?:killing|hitting|shelling|striking|bombing|"
    r"attacking|targeting|carrying\s+out|being\s+behind|violating))\b"
)
#: Acts of a government, not of its forces.
_GOVERNMENT_VERBS = (
    r"(?:(?:has|had|have|also|then|later|again)\s+){0,2}(?:closed|reopened|banned|recalled|"
    r"summoned|expelled|suspended|imposed|halted|lifted)\b"
)


def _forces_of(demonyms: Sequence[Demonym]) -> dict[str, str]:
    """Country code -> its armed forces' actor name, from the first owner word that has one."""
    found: dict[str, str] = {}
    for d in demonyms:
        if d.country and d.forces and d.forces != GENERIC_OWNER and d.valid_to is None:
            found.setdefault(d.country, d.forces)
    return found


def state_names(demonyms: Sequence[Demonym], states: Sequence[State] = ()) -> dict[str, str]:
    """A state's name or capital -> its forces' actor name: the owner forms of the lexicon
    ("Turkey's"), and the names and capitals of ``states`` outside the focus countries
    (never "Baghdad" or "Damascus" as forces: the events told happen there)."""
    names = {
        d.word[:-2]: d.forces
        for d in demonyms
        if d.word.endswith("'s") and d.forces and d.valid_to is None
    }
    forces = _forces_of(demonyms)
    for state in states:
        if state.country not in FOCUS_COUNTRIES and state.country in forces:
            names.setdefault(state.name, forces[state.country])
            names.setdefault(state.capital, forces[state.country])
    return names


def governments(states: Sequence[State], successors: Sequence[Successor]) -> dict[str, str]:
    """A state's name or capital -> its government's actor name; not Baghdad or Damascus,
    where the events told happen, and not a government the lexicon gives a successor (which
    one "Syria" means depends on the day, not known when actors are read)."""
    succeeded = {s.actor for s in successors}
    found: dict[str, str] = {}
    for state in states:
        if state.government is None or state.government in succeeded:
            continue
        found[state.name] = state.government
        if state.country not in FOCUS_COUNTRIES:
            found[state.capital] = state.government
    return found


class StatesActing:
    """Finds countries named as the subject of a military verb."""

    def __init__(
        self,
        names: Mapping[str, str],
        actors: Mapping[str, Actor],
        rulers: Mapping[str, str] | None = None,
    ) -> None:
        """``names``: a state's name or capital -> its forces' actor name (:func:`state_names`);
        ``actors``: the dictionary by name; ``rulers``: name -> government (:func:`governments`)."""
        self._forces = {n: actors[a] for n, a in names.items() if a in actors}
        words = "|".join(re.escape(n) for n in sorted(self._forces, key=len, reverse=True))
        self._pattern = (
            re.compile(rf"(?<![\w-])({words}){_WHICH}{_SAID_IT}\s+(?i:{_VERBS})")
            if self._forces
            else None
        )
        self._blamed = (
            re.compile(
                rf"(?:{_BLAME_BEFORE}|{_ACCUSED_BEFORE}(?=(?:{words}){_ACCUSED_OF}))"
                rf"(?<![\w-])({words})(?![\w-])"
            )
            if self._forces
            else None
        )
        self._governments = {n: actors[a] for n, a in (rulers or {}).items() if a in actors}
        ruling = "|".join(re.escape(n) for n in sorted(self._governments, key=len, reverse=True))
        self._ruling = (
            re.compile(
                rf"(?<![\w-])({ruling}){_WHICH}(?:\s+(?:on|in)\s+\w+)?\s+(?i:{_GOVERNMENT_VERBS})"
            )
            if self._governments
            else None
        )

    def add(self, text: str, found: Sequence[ActorMention]) -> list[ActorMention]:
        """The mentions with each acting country read as its forces."""
        added: list[ActorMention] = []
        for pattern, readings in (
            (self._pattern, self._forces),
            (self._blamed, self._forces),
            (self._ruling, self._governments),
        ):
            if pattern is None:
                continue
            for m in cued_finditer(pattern, text):
                taken = [*found, *added]
                if not any(f.start < m.end(1) and m.start(1) < f.end for f in taken):
                    added.append(
                        ActorMention(m.start(1), m.end(1), m.group(1), (readings[m.group(1)],))
                    )
        return sorted([*found, *added], key=lambda m: m.start) if added else list(found)

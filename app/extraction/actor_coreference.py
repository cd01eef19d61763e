"""Actors referred back to: "the group", "the troops", "the brigade" mean an actor named before.

A report names an actor once ("Islamic State fighters overran Palmyra", "Israeli troops
entered the village") and goes on with a definite noun: "the organisation withdrew from
al-Bab", "the soldiers opened fire on a car", "gunmen affiliated with the brigade". A careful
reader takes the noun for the latest actor named before it that the noun can mean:

- the kinds of a referring noun (data/lexicon/referring_nouns.csv: "the group" a non-state
  armed group, "the troops" a state's forces, its own or a foreign one) pick the latest
  actor of those kinds named before it (an unidentified one is none);
- a noun of that list with no kinds ("the brigade"), or a capitalised one ("the Guards",
  "the Organisation": a name's word, never a common noun), is the latest actor named before
  one of whose names, a proper name, it ends ("the Eighth Brigade", "the Revolutionary
  Guards"); a civilian or a crowd is none ("Yazidi Kurds" are not "the Kurds").

The reference is read as a mention of that actor, where it stands, so that its role in an
event is told as any name's would be: "the group attacked" acts, "fire on the troops" is the
target. A generic word the dictionary reads the noun as ("the soldiers": the forces of the
event's country; "the militia": the armed group the report names most) gives way to the
actor referred back to, but when a generic word was the latest named ("army units ... the
troops"), the reference is that word's and its reading stands. A noun before "of" ("the
group of villages", "the Army of Conquest") is no reference, nor is one qualified apart
("the other group", "the two factions": their modifiers are not of
referring_modifiers.csv).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.errors import GazetteerError
from app.extraction.actor_list import ACTOR_KINDS
from app.extraction.actors import Actor, ActorMention
from app.extraction.lexicon import lexicon_dir
from app.extraction.lexicon_files import checked_pattern, read_words, rows

_NOUNS_FILE = "referring_nouns.csv"
_MODIFIERS_FILE = "referring_modifiers.csv"
#: Up to two modifiers between "the" and the noun.
_MODIFIERS = 2
#: A noun that starts a name or a phrase of its own: "the group of villages", "the
#: Intelligence and Security Directorate".
_OF_AFTER = re.compile(r"\s+(?:[Oo]f\b|and\s+[A-Z])")
#: The kinds of actor whose names a head noun refers back to ("the brigade", "the Guards",
#: "the administration"), not civilians or crowds ("the Kurds" are no "Yazidi Kurds").
_NAMED_KINDS = frozenset(
    {
        "state_forces",
        "external_forces",
        "rebel_group",
        "political_militia",
        "identity_militia",
        "government",
    }
)


@dataclass(frozen=True, slots=True)
class ReferringNoun:
    """A noun pattern and the actor kinds it can refer back to."""

    pattern: re.Pattern[str]
    kinds: frozenset[str]


def read_referring_nouns() -> tuple[ReferringNoun, ...]:
    """The shipped referring nouns, in file order."""
    path = lexicon_dir() / _NOUNS_FILE
    found = []
    for number, row in rows(path, ("pattern", "kinds")):
        pattern = checked_pattern(path, number, row["pattern"])
        kinds = frozenset(k.strip() for k in row["kinds"].split("|") if k.strip())
        if not kinds <= ACTOR_KINDS:
            unknown = ", ".join(sorted(kinds - ACTOR_KINDS))
            raise GazetteerError(log_message=f"{path}:{number}: unknown actor kinds {unknown}")
        found.append(ReferringNoun(re.compile(rf"(?:{pattern})", re.I), kinds))
    return tuple(found)


def _phrase_pattern(nouns: Sequence[ReferringNoun], modifiers: Sequence[str]) -> re.Pattern[str]:
    """ "the" + up to two modifiers + a head word (a referring noun, or a capitalised word
    or two, which may end a name: "the Military Council")."""
    modifier = "(?:" + "|".join(modifiers) + ")"
    head = "|".join(n.pattern.pattern for n in nouns)
    return re.compile(
        rf"\b[Tt]he\s+(?:(?i:{modifier})\s+){{0,{_MODIFIERS}}}"
        rf"(?P<head>(?i:{head})|[A-Z][a-z]+)(?![\w-]|\s+[A-Z])"
    )


class ActorCoreference:
    """Reads definite nouns as the actors named before them (see the module's doc)."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.nouns = read_referring_nouns()
        modifiers = read_words([lexicon_dir() / _MODIFIERS_FILE], "pattern")
        self.phrase = _phrase_pattern(self.nouns, modifiers)
        # The last word of each name of an armed body or a government that is a proper name
        # of more than one word, all capitalised ("Eighth Brigade", "Revolutionary Guards";
        # not "security forces of the Kurdistan Region"), by actor.
        self.heads: dict[str, frozenset[str]] = {
            actor.name: frozenset(
                words[-1].casefold()
                for alias in actor.aliases
                if len(words := alias.split()) > 1 and all(w[:1].isupper() for w in words)
            )
            for actor in actors
            if actor.kind in _NAMED_KINDS
        }

    def resolve(
        self,
        text: str,
        mentions: Sequence[ActorMention],
        generic: Callable[[ActorMention], bool],
    ) -> list[ActorMention]:
        """The mentions with each reference back read as the actor it means (when one is
        named before it); generic words inside a reference give way to it."""
        out = list(mentions)
        for match in self.phrase.finditer(text):
            start, end = match.span()
            if _OF_AFTER.match(text, end):
                continue
            inside = [m for m in out if m.start < end and start < m.end]
            if any(not _replaceable(m, start, end, generic) for m in inside):
                continue  # a name ("the Syrian Democratic Forces"), not a reference
            before = [m for m in out if m.end <= start]
            meant = self._antecedent(match.group("head"), before)
            if meant is None or generic(meant) or (inside and not self._referring(match)):
                continue  # "army units ... the troops": the generic word's reading stands
            out = [m for m in out if m not in inside]
            out.append(ActorMention(start, end, match.group(), meant.actors, owned=True))
            out.sort(key=lambda m: m.start)
        return out

    def _referring(self, match: re.Match[str]) -> bool:
        """Whether a reference's head is a referring noun (not a name's last word)."""
        head = match.group("head")
        noun = None if head[:1].isupper() else self._noun(head)
        return noun is not None and bool(noun.kinds)

    def _noun(self, head: str) -> ReferringNoun | None:
        return next((n for n in self.nouns if n.pattern.fullmatch(head)), None)

    def _antecedent(self, head: str, before: Sequence[ActorMention]) -> ActorMention | None:
        """The latest mention the head noun can mean: by its kinds for a referring noun, else
        by a name it ends."""
        noun = None if head[:1].isupper() else self._noun(head)
        if noun is None and not head[:1].isupper():
            return None  # "the state", "the ministry": a common noun, no name's end
        if noun is not None and noun.kinds:
            return next(
                (
                    m
                    for m in reversed(before)
                    if all(a.kind in noun.kinds and not _unnamed(a) for a in m.actors)
                ),
                None,
            )
        word = head.casefold()
        return next(
            (
                m
                for m in reversed(before)
                if any(word in self.heads.get(a.name, ()) for a in m.actors)
            ),
            None,
        )


def _unnamed(actor: Actor) -> bool:
    """ "Unidentified armed group": no group a noun refers back to."""
    return actor.name.startswith("Unidentified")


def _replaceable(
    mention: ActorMention, start: int, end: int, generic: Callable[[ActorMention], bool]
) -> bool:
    """Whether a mention inside a reference is a generic word that the reference reads
    better ("soldiers" of "the soldiers", "the militia" read as the group named most)."""
    if not (start <= mention.start and mention.end <= end):
        return False
    return generic(mention) or mention.text == mention.text.lower() or mention.owned

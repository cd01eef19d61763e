"""Which places of a sentence are the event's list, when a sentence names more than one.

A place may only say where the next one lies ("the Damascus suburbs of Jaramana and
Sahnaya", "Saqba in eastern Ghouta"), and a list of towns told after the trigger, in its own
clause, says better where the event was than a town said of its subject ("gunmen from the
countryside of Daraa stormed posts in Tafas and al-Muzayrib": one event per listed town).
The places of a clause that tells another occurrence ("after ...", "in response to ...",
"in solidarity with ...") belong to that occurrence, not to the trigger.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.extraction.cues import cued_finditer
from app.extraction.event_types import Trigger
from app.extraction.place_lists import SPECIFICITY, listed_with, rank
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

#: "the Damascus suburbs of Jaramana and Sahnaya", "the Aleppo neighbourhoods of A and B":
#: the place before the kind noun only says where the places after it are.
_KIND_OF = re.compile(
    r"^\s+(?:suburbs?|neighbou?rhoods?|districts?|quarters?|towns?|villages?)\s+of\s+"
    r"(?:the\s+)?$",
    re.I,
)
#: "Kafr Batna and Saqba in eastern Ghouta": a site said of a town is an area it lies in.
_IN_AREA = re.compile(
    r"^,?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?$",
    re.I,
)


_NAME_IN_AREA = re.compile(
    r"(?:\b(?:al|el|as|ad|ar|an|at|ash|az)-)?\b[A-Z][\w'’]*,?\s+in\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?$"
)


#: "in Eastern Ghouta, Douma and Harasta", "in the Ghab: Qastoun and Ziyara": an area, then
#: the towns in it.
_AREA_THEN_TOWNS = re.compile(r"^\s*[,:]\s*$|^\s*[-–]\s+$")


def _wide_rank(m: ResolvedMention) -> int:
    """:func:`rank`, but an area (a plain, a valley, a city's farmland ring) holds towns."""
    if m.place is not None and m.place.kind == "area":
        return SPECIFICITY["admin2"]
    return rank(m)


def qualifies(sentence: Sentence, m: ResolvedMention, placed: list[ResolvedMention]) -> bool:
    """Whether a place only says where a place next to it lies: the city of "the Damascus
    suburbs of Jaramana", the area of "Saqba in eastern Ghouta" (a site said of a town), of
    "the Eastern Ghouta towns of Douma and Harasta" and "in Eastern Ghouta, Douma and Harasta"
    (an area, then towns of its governorate)."""
    if m.place is None:
        return False
    at, end = m.mention.start - sentence.start, m.mention.end - sentence.start
    for other in placed:
        if other is m or other.place is None:
            continue
        o_at, o_end = other.mention.start - sentence.start, other.mention.end - sentence.start
        if o_at >= end and _KIND_OF.match(sentence.text[end:o_at]) and rank(other) <= _wide_rank(m):
            return True
        if (
            o_at >= end
            and m.place.kind == "area"
            and other.place.family == "populated"
            and other.place.admin1 == m.place.admin1
            and _AREA_THEN_TOWNS.match(sentence.text[end:o_at])
        ):
            return True
        if (
            o_end <= at
            and m.place.family == "site"
            and other.place.family == "populated"
            and (
                _IN_AREA.match(sentence.text[o_end:at])
                # "Douma and al-Shifuniyah in eastern Ghouta": after a name it lacks.
                or _NAME_IN_AREA.search(sentence.text[max(o_end, at - 60) : at])
            )
        ):
            return True
    return False


#: What ends the clause of a trigger before a place: a new clause, or people fleeing there.
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:and|but|as)\b|\b(?:while|which|where|who|after|before|when|since)\b|"
    r"\b(?:fled|fleeing|flee|displaced)\b",
    re.I,
)


def wider_list(
    sentence: Sentence, best: ResolvedMention, placed: list[ResolvedMention], after: int
) -> list[ResolvedMention] | None:
    """A list of two or more local places, each at least as specific as ``best``, that
    ``best`` is not in, told after the trigger (ending at ``after``) in its own clause:
    "gunmen in the countryside of Daraa stormed checkpoints in Tafas, al-Muzayrib and
    al-Yadudah" happened in the listed towns (the nearest list wins)."""
    found: list[list[ResolvedMention]] = []
    for m in placed:
        if m is best or rank(m) > min(rank(best), SPECIFICITY["admin2"]):
            continue
        if m.mention.start < after or any(m in g for g in found):
            continue
        between = sentence.text[after - sentence.start : m.mention.start - sentence.start]
        if _CLAUSE_BREAK.search(between):
            continue
        group = listed_with(sentence, m, placed)
        if len(group) > 1 and best not in group and group[0].mention.start >= after:
            found.append(group)
    if not found:
        return None
    return min(found, key=lambda g: min(abs(m.mention.start - best.mention.start) for m in g))


#: Between two lists closed by a plural kind noun: "the Qandil and Hakurk regions of northern
#: Iraq and in the Kobani and Tal Rifaat areas": the kind noun, what it is of, "and (in)".
_LISTS_JOINED = re.compile(
    r"\s+(?:regions|areas|districts|sub-?districts|mountains|provinces|governorates)"
    r"(?:\s+of\s+(?:the\s+)?[\w'’ -]{2,30}?)?,?\s+and\s+(?:also\s+)?(?:in\s+|on\s+|near\s+)?"
    r"(?:the\s+)?",
    re.I,
)


def joined_lists(
    sentence: Sentence, group: list[ResolvedMention], groups: list[list[ResolvedMention]]
) -> list[ResolvedMention]:
    """A list closed by a plural kind noun with the lists joined to it by "and" ("struck
    the Qandil and Hakurk regions of northern Iraq and the Kobani and Derik areas of
    northern Syria": four places, one event each)."""
    chain: list[ResolvedMention] = []
    for g in sorted(groups, key=lambda g: g[0].mention.start):
        if chain and g[0].mention.start >= chain[-1].mention.end:
            between = sentence.text[
                chain[-1].mention.end - sentence.start : g[0].mention.start - sentence.start
            ]
            if _LISTS_JOINED.fullmatch(between):
                chain += g
                continue
        if group[0] in chain:
            break
        chain = list(g)
    return chain if group[0] in chain else group


#: A clause telling an earlier or other occurrence, up to the next comma.
_SUBORDINATE = re.compile(
    r"\b(?:[Aa]fter|[Ff]ollowing(?! (?:day|days|morning|night|week|weeks|month))|"
    r"in (?:response|retaliation) (?:to|for)|[Ss]ince|"
    # "rallied in Jasim and Inkhil in solidarity with Daraa al-Balad": the place the rally
    # was for, not where it was.
    r"in (?:solidarity|sympathy) with|in support of)\b[^,;:]*|"
    # "a drone hit X on Tuesday, and another fell near Y": the second one's place.
    # Not "a second wave of protests began in A, B and C": a run told again, not an item.
    r"[,;]\s+(?:and\s+|while\s+)?(?:another|a second|a third|the other|others)\b"
    r"(?! (?:wave|round|phase|stage|time|day|week|night)\b)[^,;:]*|"
    # "the cell that planned the attack on the church in Dweila was caught in Harasta", "the
    # man who killed a shopkeeper in Hillah during a raid in Karbala", "the cell behind the
    # bombing in Kirkuk was arrested in Tikrit": a relative clause (or "behind ...") telling
    # what someone did before, up to the verb or the "during" of the act told.
    r"\b(?:(?:who|that|which)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:[a-z]+ed|shot|struck|blew|hit|set|led|took|stole|fought|ran)|"
    r"(?:behind|responsible for)\s+(?:the|a|an)\s)[^,;:]*?"
    r"(?=\s+(?:was|were|(?:has|have|had) been|during)\s)"
)


def other_clause(sentence: Sentence, trigger: Trigger, mention: ResolvedMention) -> bool:
    """Whether a place sits in an "after ..."/"in response to ..." clause the trigger is
    not in (or the trigger in one the place is not in)."""
    at, t = mention.mention.start - sentence.start, trigger.start - sentence.start
    return any((a <= at < b) != (a <= t < b) for a, b in _clauses(sentence.text))


@lru_cache(maxsize=256)
def _clauses(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(c.span() for c in _SUBORDINATE.finditer(text))


#: What opens the places that spell out an area: "Eastern Ghouta - 31 in Hamouriyeh, 25 in
#: Saqba", "the roads into Suwayda, including near Sami and al-Mazraa", "the pocket: A, B".
_SPELLED_OUT = re.compile(
    r"^(?:\s+[a-z][\w-]*){0,2}(?:,?\s+on\s+(?:\d{1,2}\s+)?[A-Z][a-z]+(?:\s+\d{1,2})?)?"
    r"\s*(?:[-–—:]|,?\s+including)\s+(?:(?:near|in|at)\s+)?"
    r"(?:the\s+)?(?:(?:towns?|villages?)\s+of\s+)?(?:\d+\s+(?:in|at)\s+)?$"
)


def spelled_out(
    sentence: Sentence, best: ResolvedMention, placed: list[ResolvedMention]
) -> list[ResolvedMention] | None:
    """The list of two or more local places right after an area that it spells out (the
    area itself is no event of its own)."""
    after = [m for m in placed if m.mention.start >= best.mention.end]
    if not after:
        return None
    first = min(after, key=lambda m: m.mention.start)
    between = sentence.text[
        best.mention.end - sentence.start : first.mention.start - sentence.start
    ]
    if rank(first) > SPECIFICITY["admin2"] or not _SPELLED_OUT.match(between):
        return None
    group = listed_with(sentence, first, placed)
    return group if len(group) > 1 and best not in group else None


#: A second verb of harm with the same subject: "pounded Saida ..., and also hit Tafas".
_AND_VERB = re.compile(
    r",?\s+and\s+(?:also\s+|later\s+|then\s+)?(?:hit|struck|shelled|pounded|bombed|"
    r"targeted|attacked|raided)\s",
    re.I,
)


_AND_OBJECT = re.compile(
    r"\s+and\s+(?:an?|another|two|three|several|\d+)\s+(?:[\w-]+\s+){1,4}?(?:in|at|near|outside)"
    r"\s+(?:the\s+)?$",
    re.I,
)


def coordinated_places(
    sentence: Sentence,
    trigger: Trigger,
    listed: list[ResolvedMention],
    placed: list[ResolvedMention],
) -> list[ResolvedMention]:
    """The places a second verb of harm of the same subject names after ``listed`` ("jets
    struck the ministry in Damascus, and hit convoys around Suwayda": Suwayda too), each
    with its own list; none when the trigger is no act of violence."""
    if trigger.spec.group != "violence" or not listed:
        return []
    after = max(m.mention.end for m in listed) - sentence.start
    for verb in cued_finditer(_AND_VERB, sentence.text):
        if verb.start() < max(after, trigger.end - sentence.start):
            continue
        clause = sentence.text[verb.end() :]
        stop = _CLAUSE_BREAK.search(clause)
        end = verb.end() + (stop.start() if stop else len(clause)) + sentence.start
        objects = [
            m
            for m in placed
            if verb.end() + sentence.start <= m.mention.start < end and m not in listed
        ]
        if objects:
            best = min(objects, key=lambda m: (rank(m), m.mention.start))
            return [m for m in listed_with(sentence, best, placed) if m not in listed]
    # "hit a missile base in Qutayfah and a tunnel site in the Qalamoun mountains": a second
    # object of the same verb, with a place of its own.
    for m in placed:
        start = m.mention.start - sentence.start
        if m in listed or start < after:
            continue
        join = _AND_OBJECT.search(sentence.text, after, start)
        if join is not None and not _CLAUSE_BREAK.search(sentence.text, after, join.start()):
            return [k for k in listed_with(sentence, m, placed) if k not in listed]
    return []

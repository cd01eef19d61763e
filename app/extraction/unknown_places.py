"""Place names the gazetteer lacks: finding them ("the village of Tal Jabal", "the villages of
al-Shabki, Rami and Duma") and giving each its own event where the sentence lists it beside a
place it knows ("shelled Ain Issa town and the villages of Saida and al-Mushayrifa": three
events; "the villages of Bebadi and Kani Balav in Amedi district": two, in the district).

Such an event is placed at the known place of its list, or at the place that qualifies the
list, as *near* it (``geo_precision`` 2, or 3 for a governorate); its evidence is the unknown
name itself, so an analyst sees which village was meant.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container

from app.extraction.cues import cued_finditer, cued_search
from app.extraction.headings import heading_end
from app.extraction.lexicon import shipped_words
from app.extraction.places import Mention, Token
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

_UNRESOLVED_AFTER = re.compile(
    r"^,? (?:a|an|the) (?:\w+ )?(?:village|hamlet|town|settlement|neighbou?rhood|suburb)\b", re.I
)
_UNRESOLVED_CUE = re.compile(
    r"\b(?:village|town|hamlet|settlement|city|area|district|sub-district|subdistrict|"
    r"neighbou?rhood|suburb|region|locality|camp) of\s+$",
    re.I,
)
#: One name of a list: "Rami", "al-Shabki", "Kani Balav", "Tal al-Hawa".
_ITEM = r"(?:(?:al|el|as|ad|ar|an|at|ash|az)-)?[A-Z][\w'’]*(?:[ -](?:(?:al|el)-)?[A-Z][\w'’]*){0,2}"
#: "the villages of al-Shabki, Rami and ": the next name is one more item of the list.
_LIST_CUE = re.compile(
    r"\b(?:villages|towns|hamlets|settlements|neighbou?rhoods|areas|localities) of\s+"
    rf"(?:{_ITEM},\s+)*{_ITEM},?\s+and\s+$|"
    r"\b(?:villages|towns|hamlets|settlements|neighbou?rhoods|areas|localities) of\s+"
    rf"(?:{_ITEM},\s+)*$|"
    rf"\b(?:villages|towns|hamlets|settlements|neighbou?rhoods|localities) of\s+$"
)
#: The plural nouns a list of names may follow; looked for once per text.
_PLURAL_OF = re.compile(
    r"\b(?:villages|towns|hamlets|settlements|neighbou?rhoods|areas|localities) of\s"
)
_CUE_WIDTH = 40
_LIST_WIDTH = 120


def _ends_in_of(before: str) -> bool:
    """What :data:`_UNRESOLVED_CUE` needs ("of" and a space at the end), read without it."""
    return before[-1:].isspace() and before.rstrip()[-2:].lower() == "of"


def unresolved_mentions(
    text: str, tokens: list[Token], found: list[Mention], people: Container[str]
) -> list[Mention]:
    """Capitalised names no key matched, in "the village of X", "X, a nearby village", a
    list after "the villages of" ("al-Shabki, Rami and Duma") or a heading that lists
    places ("Hatla, Mrat: 4 civilians killed"); ``people``: words for nations and peoples
    (token keys), never such a name before a kind noun ("the Kurdish villages")."""
    taken = [(m.start, m.end) for m in found]
    # Where the names found end (negated keys) and start, for lists beside them.
    spans = {**{-m.end: m.start for m in found}, **{m.start: m.end for m in found}}
    headings = _list_headings(text)
    plurals = [m.end() for m in cued_finditer(_PLURAL_OF, text)]  # where a list may start
    # Cheap gates for the costlier cues: where a kind noun may stand, and where the names
    # found start and end (each cue needs one close by).
    near_kind = _mark(len(text), [m.start() for m in _KIND_STEM.finditer(text)], 1, _LIST_WIDTH)
    near_start = _mark(len(text), [m.start for m in found], 0, _JOIN_WIDTH)
    near_end = _mark(len(text), [m.end for m in found], -_JOIN_WIDTH, 0)
    # The tokens a name may begin at (the others are passed over in one step).
    may_start = [k for k, t in enumerate(tokens) if t.article or t.text[:1].isupper()]
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        k = bisect.bisect_left(may_start, i)
        if k == len(may_start):
            break
        i = may_start[k]
        tok = tokens[i]
        first = i
        if tok.article and i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper():
            i += 1  # "al-Shabki": the article is part of the name
            tok = tokens[i]
        if not tok.text[:1].isupper() or tok.article or tok.key in _NOT_PLACES:
            i += 1  # "In the village of X", "Around the town": a word opening the sentence
            continue
        j = i
        while (
            j + 1 < len(tokens)
            and j - i < 3
            and (tokens[j + 1].text[:1].isupper() or tokens[j + 1].article)
            and text[tokens[j].end : tokens[j + 1].start] in (" ", "-")
        ):
            j += 1
        start, end = tokens[first].start, tokens[j].end
        before, after = text[max(0, start - _CUE_WIDTH) : start], text[end : end + 40]
        cued = (
            (_ends_in_of(before) and cued_search(_UNRESOLVED_CUE, before))
            or (after[:1] in (" ", ",") and _UNRESOLVED_AFTER.match(after))
            or (
                bool(plurals)
                and bisect.bisect_right(plurals, start)
                > bisect.bisect_left(plurals, start - _LIST_WIDTH)
                and cued_search(_LIST_CUE, text[max(0, start - _LIST_WIDTH) : start]) is not None
            )
            or (bool(headings) and any(a <= start and end <= b for a, b in headings))
            or (near_kind[end] and _before_kind_noun(text, end, tokens[first : j + 1], people))
            or (
                (
                    near_end[start]
                    or near_start[end]
                    or start <= _JOIN_WIDTH  # found.get(-0): the name that starts the text
                )
                and _beside_known(text, (start, end), spans, [t.key for t in tokens[first : j + 1]])
            )
        )
        if cued and not any(s < end and start < e for s, e in taken):
            key = " ".join(t.key for t in tokens[first : j + 1])
            out.append(Mention(start, end, text[start:end], key, None, False))
            taken.append((start, end))
            spans[-end] = start  # the list may go on: "A, B and C" with B and C unknown
            near_end = _mark(len(text), [end], -_JOIN_WIDTH, 0, near_end)
        i = j + 1
    return out


def _mark(
    size: int, offsets: list[int], low: int, high: int, marks: bytearray | None = None
) -> bytearray:
    """Per offset p of a text of ``size`` characters (and its end), 1 where one of
    ``offsets`` lies from p + ``low`` to p + ``high`` (a cheap gate read by index); added to
    ``marks`` when given."""
    if marks is None:
        marks = bytearray(size + 1)
    for offset in offsets:
        a, b = max(0, offset - high), min(size, offset - low)
        if a <= b:
            marks[a : b + 1] = b"\x01" * (b + 1 - a)
    return marks


#: The words that join two items of a list, before a name or after it.
#: "27 in Bustan al-Qasr, 21 in al-Kallaseh and 14 in al-Sukkari": a count said of each.
_JOIN_BEFORE = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:\d+\s+(?:in|at)\s+)?$")
_JOIN_AFTER = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:\d+\s+(?:in|at)\s+)?")
#: What may follow an item of a list: punctuation, "and", or a locative word.
_ITEM_END = re.compile(
    r"^(?:\s*[,.;:(]|\s*$|\s+(?:and|in|near|on|at|outside|around|(?:north|south|east|west)"
    r"(?:-?(?:east|west))?\s+of)\b)"
)
#: How far a joiner reaches (the text :func:`_beside_known` reads on either side of a name).
_JOIN_WIDTH = 16
#: An item in the middle of a list: a joiner after it.
_MORE_AFTER = re.compile(r"^(?:\s*,|\s+and\s)")
#: "the road between Sidakan and Bradost": two ends, one place; "the Zaitoun and Nasr
#: bridges": a list of streets and bridges, not of places the gazetteer holds.
_NO_LIST_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
_NO_LIST_AFTER = re.compile(
    r"^\s+(?:bridge|street|road|square|roundabout|gate|highway|avenue)s?\b", re.I
)
#: Capitalised words that begin no place name, or are dates, whatever their neighbours.
_NOT_PLACES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december on in at the a an of for by "
    "from to with as around near inside outside across along within into during after before "
    "since meanwhile elsewhere northern southern eastern western central".split()
)


#: "the Ghweiran and al-Zuhour neighbourhoods", "the al-Nahda neighbourhood": names before
#: a kind noun of quarters and villages (other items of the list between).
_KIND_NOUN_AFTER = re.compile(
    rf"^(?:(?:\s*,\s*|\s*,?\s+and\s+){_ITEM})*\s+(?:neighbou?rhoods?|neighborhoods?|"
    r"quarters?|districts|villages|hamlets)\b"
)
#: Where each kind noun of :data:`_KIND_NOUN_AFTER` may start (a gate: a superset).
_KIND_STEM = re.compile(r"neighbo|quarter|district|village|hamlet")
#: Capitalised adjectives of faith and people: "the Christian and Yazidi villages"
#: (data/lexicon/faith_peoples.csv).
_PEOPLES = shipped_words("faith_peoples.csv", "word")


def _before_kind_noun(text: str, end: int, tokens: list[Token], people: Container[str]) -> bool:
    """Whether a name stands before a kind noun of quarters or villages, alone or in a
    list ("the al-Joura and al-Qusour neighbourhoods"); never an adjective of a people."""
    if any(t.key in people or t.key in _PEOPLES or t.key in _NOT_PLACES for t in tokens):
        return False
    return _KIND_NOUN_AFTER.match(text[end : end + _LIST_WIDTH]) is not None


def _beside_known(text: str, span: tuple[int, int], found: dict[int, int], keys: list[str]) -> bool:
    """ "Arbin and Misraba", "Kansafra and al-Fatira in Jabal al-Zawiya": a name listed
    right beside a place name the text holds (``found``: end -> start and start -> end of
    its mentions), closed like an item of a list; a comma alone joins only inside a list
    that goes on ("A, B and C")."""
    start, end = span
    if any(k in _NOT_PLACES for k in keys) or not _ITEM_END.match(text[end : end + 12]):
        return False
    before = _JOIN_BEFORE.search(text[max(0, start - _JOIN_WIDTH) : start])
    if before is not None and (known := found.get(-(start - len(before.group())))) is not None:
        if "and" in before.group() or _MORE_AFTER.match(text[end : end + 6]):
            return not _NO_LIST_BEFORE.search(text[max(0, known - 12) : known])
    after = _JOIN_AFTER.match(text[end : end + _JOIN_WIDTH])
    if after is not None and (known_end := found.get(end + len(after.group()))) is not None:
        if "and" in after.group() or _JOIN_BEFORE.search(text[max(0, start - _JOIN_WIDTH) : start]):
            return not (
                _NO_LIST_AFTER.match(text[known_end : known_end + 14])
                or _NO_LIST_BEFORE.search(text[max(0, start - 12) : start])
            )
    return False


_NEWLINE = re.compile("\n")


def _list_headings(text: str) -> list[tuple[int, int]]:
    """Spans of the line headings that list names ("Hatla, Mrat:", "Dhiban and Thiyabiya:")."""
    spans: list[tuple[int, int]] = []
    if ":" not in text:
        return spans
    for line in (0, *(m.end() for m in _NEWLINE.finditer(text))):
        if ":" not in text[line : line + 61]:
            continue
        colon = heading_end(text[line : line + 80])
        if colon > 0 and re.search(
            r",|\band\b", re.sub(r"\([^)]*\)", "", text[line : line + colon])
        ):
            spans.append((line, line + colon))
    return spans


#: Between two items of a list: "A and B", "A, B", "A town and the villages of B".
_JOINER = re.compile(
    r"(?:\s+(?:town|village|city))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:\d+\s+(?:in|at)\s+)?"
    r"(?:the\s+)?"
    r"(?:(?:villages?|towns?|hamlets?|settlements?) of\s+)?"
)
#: After a list: the place it is in or near ("in Duhok's Amedi district", "south of Kirkuk").
_QUALIFIER = re.compile(
    r"(?:\s+(?:neighbou?rhoods?|neighborhoods?|quarters?|districts|villages|towns|areas))?"
    r",?\s+(?:in|near|outside|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}$"
)


def with_unknown_items(
    sentence: Sentence, locations: list[ResolvedMention], mentions: list[ResolvedMention]
) -> tuple[list[ResolvedMention], list[ResolvedMention]]:
    """The event's locations with the unknown names listed beside them, each standing at
    the known place of its list (the second list: those stand-ins). A place that only
    qualifies a list of unknown names ("in Amedi district") gives way to them."""
    if not locations:
        return locations, []
    ordered = sorted(
        (m for m in mentions if sentence.start <= m.mention.start < sentence.end),
        key=lambda m: m.mention.start,
    )
    out = list(locations)
    stand_ins: list[ResolvedMention] = []
    for anchor in locations:
        i = ordered.index(anchor) if anchor in ordered else -1
        if i < 0:
            continue
        qualified = _qualified(sentence, ordered, i)
        if qualified:
            out.remove(anchor)  # "Bebadi and Kani Balav in Amedi district": not Amedi itself
            items = qualified
        else:
            items = _chain(sentence, ordered, i, -1) + _chain(sentence, ordered, i, 1)
        for m in items:
            if m.place is None and all(s.mention is not m.mention for s in stand_ins):
                stand_ins.append(ResolvedMention(m.mention, anchor.place, m.score, m.candidates))
    out += stand_ins
    return sorted(out, key=lambda m: m.mention.start), stand_ins


def _gap(sentence: Sentence, a: ResolvedMention, b: ResolvedMention) -> str:
    return sentence.text[a.mention.end - sentence.start : b.mention.start - sentence.start]


def _chain(
    sentence: Sentence, ordered: list[ResolvedMention], i: int, step: int
) -> list[ResolvedMention]:
    """The items listed right before (step -1) or after (step 1) the i-th place."""
    items: list[ResolvedMention] = []
    j = i
    while 0 <= j + step < len(ordered):
        a, b = sorted((ordered[j], ordered[j + step]), key=lambda m: m.mention.start)
        if not _JOINER.fullmatch(_gap(sentence, a, b)):
            break
        j += step
        items.append(ordered[j])
    return items


def _qualified(sentence: Sentence, ordered: list[ResolvedMention], i: int) -> list[ResolvedMention]:
    """The list of unknown names that the i-th place qualifies ("A and B in <place>")."""
    if i == 0 or ordered[i - 1].place is not None:
        return []
    if not _QUALIFIER.fullmatch(_gap(sentence, ordered[i - 1], ordered[i])):
        return []
    return [ordered[i - 1], *_chain(sentence, ordered, i - 1, -1)]


def unknown_list(sentence: Sentence, mentions: list[ResolvedMention]) -> list[ResolvedMention]:
    """ "the villages of al-Shabki, Rami and Duma": two or more names the gazetteer lacks,
    listed together, in a sentence that names no place it knows."""
    ordered = sorted(
        (m for m in mentions if sentence.start <= m.mention.start < sentence.end),
        key=lambda m: m.mention.start,
    )
    if any(m.place is not None for m in ordered):
        return []
    for i in range(len(ordered)):
        items = [ordered[i], *_chain(sentence, ordered, i, 1)]
        if len(items) > 1:
            return items
    return []


def listed_unknowns(
    sentence: Sentence, mentions: list[ResolvedMention], anchor: ResolvedMention
) -> list[ResolvedMention]:
    """ "militants slipped into the villages of al-Shabki, Rami and Duma on the edge of the
    province": each name of an :func:`unknown_list` stands at the place the event is
    inherited from (the province)."""
    return [
        ResolvedMention(m.mention, anchor.place, m.score, m.candidates)
        for m in unknown_list(sentence, mentions)
    ]

"""What "the city", "the town", "the base" or "the province" of a sentence with no place of its
own refers back to.

The last place of that kind named before, with three corrections a careful reader makes:

- a place named in passing (a landmark, where a speaker sat, a road's far end; see
  :mod:`app.extraction.asides`), a road named for it ("the Kirkuk-Erbil road"), a name
  standing for a government ("Baghdad and Erbil signed") or the dateline (where the report
  was filed) is not meant;
- a place the story introduced with the same noun ("the southern city of Suwayda", "Kirkuk
  city", "the village of Khidr") is what that noun later means, past a place of the same
  kind named plainly since ("the heart of Damascus", "a dispute between Baghdad and Erbil");
- a town named once in passing gives way to the town the story keeps naming.

When a sentence refers back with several nouns ("sent into the province ... on the edge of
the city"), the most specific one is followed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from app.extraction.asides import aside
from app.extraction.datelines import dateline_end
from app.extraction.metonyms import acting
from app.extraction.provinces import Provinces
from app.extraction.resolve import ResolvedMention
from app.extraction.roads import names_road_in
from app.extraction.text import Sentence

#: "the base", "the town", "the crossing": a definite reference to the last place of that kind.
DEFINITE = re.compile(
    r"\bthe (?:(?:sprawling|vast|nearby|same|besieged|small|large|main|key|strategic|"
    r"remote|desert|border|northern|southern|eastern|western|whole|entire|restive) )?"
    r"(base|camp|airbase|garrison|prison|crossing|dam|town|city|village|district|"
    r"province|governorate)\b",
    re.I,
)
_FAMILY = {
    "base": "site",
    "camp": "site",
    "airbase": "site",
    "garrison": "site",
    "prison": "site",
    "crossing": "site",
    "dam": "site",
    "town": "populated",
    "city": "populated",
    "village": "populated",
    "district": "admin2",
    "province": "admin1",
    "governorate": "admin1",
}
#: The kinds of site a noun names, most fitting first: "the camp" is the camp named last, not
#: the base named since (a base when no camp was named: "Camp Taji ... the camp"). A noun
#: whose kinds no place named before has ("the dam" with no dam) refers to none of them.
_KINDS: dict[str, tuple[frozenset[str], ...]] = {
    "base": (frozenset({"base", "airport"}),),
    "airbase": (frozenset({"base", "airport"}),),
    "garrison": (frozenset({"base"}),),
    "camp": (frozenset({"camp"}), frozenset({"base"})),
    "prison": (frozenset({"prison"}),),
    "crossing": (frozenset({"border_crossing"}),),
    "dam": (frozenset({"dam"}),),
}
#: Nouns that refer to a site of their own kinds only.
_STRICT = frozenset({"dam"})
#: Families in the order a reference is followed: the most specific first.
_ORDER = ("site", "populated", "admin2", "admin1")

#: Mentions that make a place the story's own ("the city" is it, not a town named once).
_FOCUS_MENTIONS = 3

#: "the southern city of", "the Kurdish village of": the noun a place is introduced with.
_NOUN_BEFORE = re.compile(r"\b(\w+)\s+of\s+$")
#: "the town of Hit": a noun introducing a name, no back-reference.
_OF_AFTER = re.compile(r"\s+of\b", re.I)
#: "Suwayda city", "Hasakah town": the noun after the name.
_NOUN_AFTER = re.compile(r"^\s+(\w+)\b")


def definite_noun(text: str) -> str | None:
    """The noun of the most specific back-reference in a sentence ("city" in "sent into the
    province ... the edge of the city"), or None when it holds none."""
    found = _definite(text)
    return found.group(1).lower() if found is not None else None


def definite_at(text: str, at: int) -> str | None:
    """The noun of a back-reference standing at ``at`` past spaces ("entered the town",
    "swept into the besieged city"), or None; never "the town of Hit", a name."""
    found = DEFINITE.match(text, at + len(text[at:]) - len(text[at:].lstrip()))
    if found is None or _OF_AFTER.match(text, found.end()):
        return None
    return found.group(1).lower()


def _definite(text: str) -> re.Match[str] | None:
    """The most specific back-reference of a sentence (the first of its kind)."""
    found = list(DEFINITE.finditer(text))
    if not found:
        return None
    return min(found, key=lambda m: _ORDER.index(_FAMILY[m.group(1).lower()]))


def referent(
    sentence: Sentence,
    earlier: list[ResolvedMention],
    text: str,
    provinces: Provinces | None,
    own: Sequence[ResolvedMention] = (),
) -> ResolvedMention | None:
    """The place a back-reference of ``sentence`` means, among the places named before it
    (None when the sentence has none, or no place fits). ``own``: the places of the sentence
    itself; one named before the reference, of its kind, is what it means ("HTS withdrew from
    Khan Sheikhoun; the army took over the town")."""
    found = _definite(sentence.text)
    if found is None:
        return None
    noun = found.group(1).lower()
    family = _FAMILY[noun]
    at = sentence.start + found.start()
    local = [
        m
        for m in own
        if m.mention.end <= at
        and m.place is not None
        and m.place.family == family
        and (not aside(text, m) or _left(text, m))
        and not names_road_in(text, m)
        and not acting(text, m)
    ]
    local = _of_kind(local, noun)
    if local:
        return local[-1]
    meant = [
        m
        for m in earlier
        if not aside(text, m) and not names_road_in(text, m) and not acting(text, m)
    ]
    filed = dateline_end(text)
    told = [m for m in meant if m.mention.start >= filed]
    same = [m for m in told if m.place is not None and m.place.family == family]
    if not same:
        same = [m for m in earlier if m.place is not None and m.place.family == family]
    same = _of_kind(same, noun)
    if same:
        introduced = [m for m in same if _introduced_as(text, m, noun)]
        if introduced:
            return introduced[-1]
        return _salient(same)
    towns = [m for m in told if m.place is not None and m.place.family == "populated"] or [
        m for m in earlier if m.place is not None and m.place.family == "populated"
    ]
    if family == "admin1" and towns and provinces is not None:
        return provinces.around(_story_town(towns))  # "the province" of the story's town
    return None


def _of_kind(places: list[ResolvedMention], noun: str) -> list[ResolvedMention]:
    """The places of the kinds the noun names, when any; else all of them (none for a noun
    that names its kinds only: "the dam" is no base)."""
    for kinds in _KINDS.get(noun, ()):
        fitting = [m for m in places if m.place is not None and m.place.kind in kinds]
        if fitting:
            return fitting
    return [] if noun in _STRICT else places


#: "withdrew from Khan Sheikhoun": the place a force left, not where it came from.
_LEFT_BEFORE = re.compile(
    r"\b(?:withdr[ae]w\w*|pull(?:ed|s|ing)?\s+(?:out|back)|retreat\w*)\s+from\s+(?:the\s+)?$",
    re.I,
)


def _left(text: str, mention: ResolvedMention) -> bool:
    """Whether a place is the one a force withdrew from ("pulled out of" reads plainly)."""
    start = mention.mention.start
    return bool(_LEFT_BEFORE.search(text[max(0, start - 40) : start]))


def _introduced_as(text: str, mention: ResolvedMention, noun: str) -> bool:
    """Whether the text names a place with this noun ("the city of Kirkuk", "Suwayda city"),
    or calls it so later in its own sentence ("the last rebels of Darayya left the town")."""
    start, end = mention.mention.start, mention.mention.end
    before = _NOUN_BEFORE.search(text[max(0, start - 30) : start])
    after = _NOUN_AFTER.match(text[end : end + 12])
    if any(m is not None and m.group(1).lower() == noun for m in (before, after)):
        return True
    if noun != "city" and mention.place is not None and mention.place.population >= _CITY_SIZE:
        return False  # "moved statues to Damascus before the town fell": not Damascus
    rest = _SENTENCE_REST.match(text, end)
    called = _definite(rest.group(0)) if rest is not None else None
    return (
        called is not None
        and called.group(1).lower() == noun
        and not _OF_AFTER.match(rest.group(0) if rest else "", called.end())
    )


#: A place this large is no "town" or "village" its own sentence goes on to name.
_CITY_SIZE = 500_000
#: The rest of a place's sentence, up to its full stop.
_SENTENCE_REST = re.compile(r"[^.!?\n]{0,200}")


def _story_town(towns: list[ResolvedMention]) -> ResolvedMention:
    """The town of the governorate the story names most (the latest on a tie)."""
    counts = Counter(m.place.admin1 for m in towns if m.place is not None)
    return max(reversed(towns), key=lambda m: counts[m.place.admin1 if m.place else None])


def _salient(same: list[ResolvedMention]) -> ResolvedMention:
    """ "the city": the last city named, unless it was named once in passing and the story
    keeps naming another ("volunteers from Nasiriyah" in a story about Tikrit)."""
    counts = Counter(m.place.id for m in same if m.place is not None)
    last = same[-1]
    focus_id, focus_count = counts.most_common(1)[0]
    if last.place is not None and counts[last.place.id] <= 1 and focus_count >= _FOCUS_MENTIONS:
        return next(m for m in reversed(same) if m.place is not None and m.place.id == focus_id)
    return last


#: "in the al-Qusour neighbourhood", "al-Bakr and al-Jamiya neighbourhoods": a quarter.
_QUARTER_AFTER = re.compile(
    r"^(?:\s+(?:and|,)?\s*(?:the\s+)?[\w'’-]+){0,3}?\s+(?:neighbou?rhoods?|quarters?)\b", re.I
)


def quarter_of_referent(
    sentence: Sentence,
    location: ResolvedMention,
    earlier: list[ResolvedMention],
    text: str,
    provinces: Provinces | None,
    own: Sequence[ResolvedMention] = (),
) -> ResolvedMention | None:
    """The town "the city" of the sentence means, when the event's place is a quarter of it
    that the gazetteer put in another governorate ("bombed the city ... in the al-Qusour
    neighbourhood": a quarter of Idlib, not the namesake in Raqqa); None otherwise."""
    end = location.mention.end
    if location.place is None or not _QUARTER_AFTER.match(text[end : end + 50]):
        return None
    if definite_noun(sentence.text) not in ("city", "town", "village"):
        return None
    meant = referent(sentence, earlier, text, provinces, own)
    if meant is None or meant.place is None or meant.place.admin1 == location.place.admin1:
        return None
    return meant

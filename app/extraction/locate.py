"""Where an event happened: choosing among the places of its sentence (and the ones before).

Rules, in order: for a movement, the place after "from"/"left" is the origin and the place
after "to"/"into"/"arrived at" the destination; otherwise the most specific place (site, then
town, district, governorate, region, country), the nearest to the trigger on a tie; a country
gives way to any place inside it. Places listed together ("in Shahba and Salkhad") each get
their own event. An agreement happens where it is signed: the place nearest its trigger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extraction.event_types import Trigger
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence
from app.gazetteer.index import FOCUS_COUNTRIES

ORIGIN_CUE = re.compile(
    r"\b(?:from|left|leaving|departed|set out from|out of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$|"
    r"\bfrom\s+(?:bases|positions|camps|areas)\s+(?:in|near|around)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?$",
    re.I,
)
DEST_CUE = re.compile(
    r"\b(?:to|into|towards?|for|arrived (?:at|in)|reached|at|in|inside|positions at|"
    r"(?:advanced|advancing|advances|marched|marching|closed in|closing in|converged) on|"
    r"deployed (?:at|to|in))\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
_FROM = re.compile(r"\b(?:from|out of)\s+(?:the\s+)?$", re.I)
NEAR_CUE = re.compile(
    r"\b(?:near|outside|around|outskirts of|north of|south of|east of|west of|north-east of|"
    r"north-west of|south-east of|south-west of|northeast of|northwest of|southeast of|"
    r"southwest of|close to|between|area of|countryside of|desert (?:east|west|north|south) "
    r"of)\s+(?:the\s+)?$",
    re.I,
)
STRONG_DEST_CUE = re.compile(
    r"\b(?:arrived (?:at|in)|reached|deployed (?:at|to|in)|positions (?:at|in|near|around))\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
_BEFORE_PENALTY = 30  # characters: "shelled Tal Tamr" binds tighter than "Tal Tamr was shelled"
#: Where a withdrawing force went ("pulled back to Erbil"); "in" only says where it was.
WITHDRAWN_TO = re.compile(
    r"\b(?:to|into|towards?|for|back to)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I
)
ROAD_CUE = re.compile(r"\b(?:roads?|highways?|routes?|leading)\s+(?:\w+\s+)?to\s+$", re.I)
#: "the base", "the town": a definite reference to the last place of that kind.
DEFINITE = re.compile(
    r"\bthe (base|camp|airbase|garrison|prison|town|city|village|district|"
    r"province|governorate)\b",
    re.I,
)
_DEFINITE_FAMILY = {
    "base": "site",
    "camp": "site",
    "airbase": "site",
    "garrison": "site",
    "prison": "site",
    "town": "populated",
    "city": "populated",
    "village": "populated",
    "district": "admin2",
    "province": "admin1",
    "governorate": "admin1",
}
SPECIFICITY = {
    "site": 0,
    "populated": 1,
    "admin2": 2,
    "admin1": 3,
    "region": 4,
    "mountain": 4,
    "water": 5,
    "country": 6,
}
#: What stands between places listed together ("Idleb city, al-Atarib and Darat Izza",
#: "al-Qaim in Anbar and around Mayadin", "Fallujah and parts of Ramadi", "Qamishli and
#: villages around Amuda"): kind words, a governorate or country said of the place before,
#: the comma or "and", a preposition or a part word after it.
_LIST_JOINER = re.compile(
    r"(?:\s+(?:city|town|village|camp|base|countryside|areas?|regions?|districts?|"
    r"neighbou?rhoods?|fields?|provinces?|governorates?))?"
    r"(?:,?\s+in\s+(?:the\s+)?[\w'’ -]{2,40}?)?"
    r"(?:\s*,\s*(?:and\s+)?(?:also\s+)?|\s+and\s+(?:also\s+)?)"
    # "... near al-Qaim and two across the border near Abu Kamal": a count standing for
    # the noun before it.
    r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|others?|more|"
    r"another)\s+(?:[\w-]+\s+){0,3}?(?=(?:in|at|around|near|outside)\s))?"
    r"(?:(?:in|at|around|near|on|outside|inside)\s+)?"
    r"(?:(?:some\s+|several\s+|the\s+)?(?:parts|outskirts|edges?|villages|towns|areas?|"
    r"countryside|points?|positions|sites)\s+(?:of|around|near|in|south of|north of|"
    r"east of|west of)\s+)?"
    r"(?:the\s+)?(?:(?:town|village|city|camp)\s+of\s+)?"
)
#: "Dhiban, al-Shuhail and Busayrah": a name the gazetteer lacks, inside a list of places.
_UNKNOWN_ITEM = re.compile(
    r"\s*,\s*(?:(?:al|el|as|ad|ar|an|at|ash|az)-)?[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){0,2}"
    r"(?=\s*,|\s+and\s)"
)
#: "Sahnaya in Rif Dimashq": a coarser place said of the one before is no item of a list.
_QUALIFIER = re.compile(
    r",?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|"
    r"western|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?$",
    re.I,
)
#: "Ankara said", "Baghdad summoned", "Damascus accused": a capital or country speaking or
#: acting stands for its government, not for where the event was.
_ACTING_AFTER = re.compile(
    r"^(?:'s)?\s+(?:(?:has|had|have|also|later|then|quickly|officially|strongly|publicly|"
    r"again|swiftly|immediately|itself)\s+){0,2}(?:said|says|say|announced|accused|blamed|"
    r"claimed|denied|warned|confirmed|condemned|called|vowed|insisted|summoned|responded|"
    r"retaliated|launched|sent|deployed|carried out|did not|does not|has not|rejected|urged|"
    r"demanded|threatened|agreed|signed|reported|recalled|protested|welcomed|hit back|"
    r"(?:has|have|had)\s+(?:not\s+)?\w+(?:ed|en))\b",
    re.I,
)
#: "brokered by Moscow", "the Government of the United States": the state, not the place.
_AGENT_BEFORE = re.compile(
    r"\bby\s+$|\b(?:government|president|ministry|minister|people|embassy|ambassador|king|"
    r"leaders?|republic|parliament|authorities)\s+of\s+(?:the\s+)?$",
    re.I,
)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|of|from|at|to|around|outside|inside|into|towards?|by|across)\s+(?:the\s+)?$",
    re.I,
)
#: "Tehran's influence", "Iran's ambassador", "Iran-backed": the owner, not the place.
_OWNER_AFTER = re.compile(
    r"^(?:'s\s+(?:[\w-]+\s+)?(?:influence|government|ambassador|envoy|forces|army|military|"
    r"militias?|proxies|allies|ministry|president|prime minister|leader|leadership|officials|"
    r"defen[cs]e|troops|drones?|jets|missiles|strikes?|support|backing|embassy|consulate|"
    r"intelligence|regime|authorities|role|policy|parliament)\b|-(?:backed|led|aligned|allied|"
    r"funded|supported|sponsored|affiliated)\b)",
    re.I,
)
#: A country is where an event happened only when the text says "in", "into", "across"...
_COUNTRY_LOCATIVE = re.compile(
    r"\b(?:in|inside|into|across|throughout|within|over|from|to|toward|towards|of|near|at|"
    r"on)\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|north-?east|north-?west|"
    r"south-?east|south-?west)\s+)?$",
    re.I,
)


#: "Duhok health officials said", "Kirkuk security sources": whose sources, not where.
_SOURCE_AFTER = re.compile(
    r"^\s+(?:(?:health|security|police|military|local|provincial|government|hospital|"
    r"medical|tribal|intelligence)\s+)?(?:officials?|sources?|spokes(?:man|woman|person)|"
    r"medics|doctors)\b",
)


#: "the peace process with Ankara", "forces aligned with Damascus": the state, not a place.
_PARTNER_BEFORE = re.compile(
    r"\b(?:(?:deal|talks|agreement|process|negotiations|accord|truce|ceasefire|dialogue|"
    r"relations|ties|tensions|dispute|understanding|coordination|arrangement|contacts?|"
    r"rapprochement|rift|standoff)\s+with|(?:aligned|allied|affiliated|linked|loyal|close)\s+"
    r"(?:with|to))\s+(?:the\s+)?$",
    re.I,
)
#: A city abroad this large named with no locative word is its government ("clashes between
#: Washington and ...", "TAMPA, Fla. -" and "BEIRUT -" datelines are where reporters were).
_METONYM_POPULATION = 300_000


def acting(text: str, mention: ResolvedMention) -> bool:
    """Whether a place name stands for an actor: its government speaking or acting, the owner
    of forces, a partner ("talks with Ankara"), a large city abroad or a country named without
    "in"/"into" (a nationality, never the location)."""
    m = mention.mention
    after = text[m.end : m.end + 60]
    before_text = text[max(0, m.start - 40) : m.start]
    if (
        _OWNER_AFTER.match(after)
        or _AGENT_BEFORE.search(before_text[-30:])
        or _PARTNER_BEFORE.search(before_text)
    ):
        return True  # "Tehran's proxies", "a deal brokered by Moscow", "talks with Ankara"
    if (_ACTING_AFTER.match(after) or _SOURCE_AFTER.match(after)) and not _PLACE_BEFORE.search(
        before_text[-30:]
    ):
        return True  # not "residents of villages near Khanaqin reported"
    place = mention.place
    if place is None:
        return False
    if place.family == "country" or (
        place.family == "populated"
        and place.country not in FOCUS_COUNTRIES
        and place.population >= _METONYM_POPULATION
    ):
        return not _COUNTRY_LOCATIVE.search(before_text)
    return False


def rank(mention: ResolvedMention) -> int:
    """Lower is more specific."""
    return SPECIFICITY.get(mention.place.family, 6) if mention.place is not None else 9


def before(sentence: Sentence, mention: ResolvedMention, width: int = 40) -> str:
    """The sentence text just before a mention."""
    at = mention.mention.start - sentence.start
    return sentence.text[max(0, at - width) : at]


def is_near(sentence: Sentence, mention: ResolvedMention) -> bool:
    """ "near X", "north of X", "outside X": the event is close to X, not in it."""
    return bool(NEAR_CUE.search(before(sentence, mention)))


def nearest_to(
    trigger: Trigger, others: Sequence[Trigger], placed: list[ResolvedMention]
) -> list[ResolvedMention]:
    """The places of a sentence that belong to this trigger rather than to another one in it
    ("besieged the embassy in Baghdad ... in anger at US air strikes near al-Qaim"): each place
    goes to the nearest trigger, a trigger before the place counting as nearer. When no place
    is nearest to this trigger, all the sentence's places stay candidates."""
    if not others:
        return placed

    def distance(t: Trigger, m: ResolvedMention) -> int:
        start, end = m.mention.start, m.mention.end
        return start - t.end if start >= t.end else (t.start - end) + _BEFORE_PENALTY

    own = [m for m in placed if all(distance(trigger, m) <= distance(o, m) for o in others)]
    return own or placed


def choose(
    sentence: Sentence,
    trigger: Trigger,
    placed: list[ResolvedMention],
    countries: Sequence[str] = (),
) -> tuple[ResolvedMention | None, list[ResolvedMention]]:
    """The origin (movements only) and the location(s) of an event in this sentence."""
    if not placed:
        return None, []
    origin: ResolvedMention | None = None
    rest = placed
    if trigger.spec.category == "movement":
        origins = [m for m in placed if ORIGIN_CUE.search(before(sentence, m))]
        if origins:
            origin = origins[0]
            rest = [m for m in placed if m is not origin]

        def pull(m: ResolvedMention) -> int:
            text = before(sentence, m)
            return 3 if STRONG_DEST_CUE.search(text) else 2 if DEST_CUE.search(text) else 0

        if trigger.spec.name == "troop_withdrawal" and origins:
            if not any(pull(m) == 3 or WITHDRAWN_TO.search(before(sentence, m)) for m in rest):
                # "pulled out of Morek, Kafr Zita and Latamneh", "withdrew from Khanaqin and
                # Jalawla ... and from Shingal": the places left, one event each.
                left: list[ResolvedMention] = []
                for found in origins:
                    left += [m for m in _listed_with(sentence, found, placed) if m not in left]
                return None, left
        if not rest:
            return origin, []

        best = min(rest, key=lambda m: (rank(m) - pull(m), -pull(m), -m.mention.start))
        # "deployed troops to Najaf and Nasiriyah": one event per destination.
        listed = _listed_with(sentence, best, rest)
        if ROAD_CUE.search(before(sentence, listed[0])):
            return origin, [best]  # "checkpoints on roads leading to Afak and Najaf"
        return origin, listed
    # "sent from Najaf ... and arrested seven men", "attacked from the Khazir front along the
    # road from Erbil": where the force came from, when the sentence names another place.
    # "clan fighters from Deir ez-Zor and Daraa": every place of that list is their home.
    came_from = [
        item
        for m in placed
        if _FROM.search(before(sentence, m))
        for item in _listed_with(sentence, m, placed)
    ]
    rest = [m for m in placed if m not in came_from] or placed
    # "on the Damascus highway", "the Kirkuk-Erbil road": a road named for a town is not in
    # it; any other place of the sentence says better where the event was.
    rest = [m for m in rest if not _names_road(sentence, m)] or rest
    # "After a drone attack on Erbil air base on 25 December, jets struck depots in Babil":
    # the place of the clause that tells another occurrence is that occurrence's.
    rest = [m for m in rest if not other_clause(sentence, trigger, m)] or rest
    # A river or a range says little about where an event was: any other place first, but
    # "bombed the Qandil mountains" happened there, not at the last sentence's town.
    ranges = [m for m in rest if m.place is not None and m.place.family == "mountain"]
    rest = [
        m
        for m in rest
        if rank(m) < SPECIFICITY["mountain"]
        or m.place is not None
        and m.place.family in ("region", "country")
    ] or ranges
    if not rest:
        return None, []
    if trigger.spec.name == "agreement":
        return None, [min(rest, key=lambda m: (abs(m.mention.start - trigger.end), rank(m)))]
    best = min(
        rest,
        key=lambda m: (
            rank(m),
            m.place is not None and bool(countries) and m.place.country != countries[0],
            abs(m.mention.start - trigger.start),
        ),
    )
    pair = re.search(r"\bbetween\s+(?:the\s+)?$", before(sentence, best, 20))
    if pair is None:
        first = next(
            (
                m
                for m in rest
                if m.mention.end <= best.mention.start
                and re.search(r"\bbetween\s+(?:the\s+)?$", before(sentence, m, 20))
            ),
            None,
        )
        if first is not None and _of_a_kind(first, best):
            return None, [first]  # "between Shirqat and Qayyarah": the first named
        return None, _listed_with(sentence, best, rest)
    return None, [best]


#: "the Damascus highway", "the Kirkuk-Erbil road", "the Baghdad-Basra motorway".
_ROAD_AFTER = re.compile(
    r"^(?:\s*[-–]\s*[\w'’-]+(?:\s+[\w'’-]+)?)?\s+(?:highway|road|motorway|expressway)\b", re.I
)


def _names_road(sentence: Sentence, mention: ResolvedMention) -> bool:
    at = mention.mention.end - sentence.start
    return bool(_ROAD_AFTER.match(sentence.text[at : at + 40]))


#: A clause telling an earlier or other occurrence, up to the next comma.
_SUBORDINATE = re.compile(
    r"\b(?:[Aa]fter|[Ff]ollowing(?! (?:day|days|morning|night|week|weeks|month))|"
    r"in (?:response|retaliation) (?:to|for)|[Ss]ince)\b[^,;:]*"
)


def other_clause(sentence: Sentence, trigger: Trigger, mention: ResolvedMention) -> bool:
    """Whether a place sits in an "after ..."/"in response to ..." clause the trigger is
    not in (or the trigger in one the place is not in)."""
    at, t = mention.mention.start - sentence.start, trigger.start - sentence.start
    for clause in _SUBORDINATE.finditer(sentence.text):
        if (clause.start() <= at < clause.end()) != (clause.start() <= t < clause.end()):
            return True
    return False


def _listed_with(
    sentence: Sentence, best: ResolvedMention, placed: list[ResolvedMention]
) -> list[ResolvedMention]:
    """The best place and the places of its kind listed right next to it ("shelled Tal Tamr
    and Ain Issa"; a town and a site are of a kind, a governorate is not)."""
    ordered = _items(sentence, sorted(placed, key=lambda m: m.mention.start), best)
    i = ordered.index(best)
    lo = hi = i
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(ordered):
            other = ordered[j + step]
            if (
                not _LIST_JOINER.fullmatch(_between(sentence, *sorted((j, j + step)), ordered))
                or not _of_a_kind(other, best)
                or other.place == best.place
            ):
                break
            j += step
        lo, hi = (j, hi) if step < 0 else (lo, j)
    # A list closes with "and": "Zakho district, Duhok officials said" is no list, and
    # in "A, B and C, D said" D is no item.
    # "Hatla, Mrat: four civilians killed": a heading names the places before a colon.
    end = ordered[hi].mention.end - sentence.start
    if _HEADING_END.match(sentence.text, end):
        return ordered[lo : hi + 1]
    while hi > i and not _AND.search(_between(sentence, hi - 1, hi, ordered)):
        hi -= 1
    if not any(_AND.search(_between(sentence, k - 1, k, ordered)) for k in range(lo + 1, hi + 1)):
        return [best]
    return ordered[lo : hi + 1]


_HEADING_END = re.compile(r"\s*:")


def _between(sentence: Sentence, a: int, b: int, ordered: list[ResolvedMention]) -> str:
    """The text between two places of a sentence, names the gazetteer lacks folded out."""
    text = sentence.text[
        ordered[a].mention.end - sentence.start : ordered[b].mention.start - sentence.start
    ]
    return _UNKNOWN_ITEM.sub(",", text)


_AND = re.compile(r"\band\b")


def _of_a_kind(a: ResolvedMention, b: ResolvedMention) -> bool:
    """Places that a list puts side by side: the same rank, or both local (site, town,
    district: "the airport and the town of X")."""
    return rank(a) == rank(b) or max(rank(a), rank(b)) <= SPECIFICITY["admin2"]


def _items(
    sentence: Sentence, ordered: list[ResolvedMention], best: ResolvedMention
) -> list[ResolvedMention]:
    """The places of a sentence less those said of the place before ("al-Qaim in Anbar")."""
    out: list[ResolvedMention] = []
    for m in ordered:
        if out and m is not best and rank(m) > rank(out[-1]):
            between = sentence.text[
                out[-1].mention.end - sentence.start : m.mention.start - sentence.start
            ]
            if _QUALIFIER.fullmatch(between):
                continue
        out.append(m)
    return out


def inherited(
    mentions: list[ResolvedMention],
    sentence: Sentence,
    previous_start: int,
    recent_location: ResolvedMention | None,
    last_location: ResolvedMention | None,
    previous_event_location: ResolvedMention | None = None,
) -> ResolvedMention | None:
    """Where an event with no place of its own happened.

    "the base", "the town": the last place of that kind. Otherwise the place of the event
    it follows on from (same kind, up to two sentences back), of an event in the sentence
    before, the most specific place of the sentence before, the last event's place.
    """
    earlier = [m for m in mentions if m.place is not None and m.mention.start < sentence.start]
    definite = DEFINITE.search(sentence.text)
    if definite is not None:
        family = _DEFINITE_FAMILY[definite.group(1).lower()]
        same = [m for m in earlier if m.place is not None and m.place.family == family]
        if same:
            return same[-1]
    if recent_location is not None:
        return recent_location
    if previous_event_location is not None:
        return previous_event_location
    last_sentence = [m for m in earlier if m.mention.start >= previous_start]
    if last_sentence:
        return min(last_sentence, key=lambda m: (rank(m), -m.mention.start))
    if last_location is not None:
        return last_location
    return min(earlier[-3:], key=lambda m: (rank(m), -m.mention.start)) if earlier else None

"""Places listed together in a sentence: "shelled Tal Tamr and Ain Issa" is one event per
place, "al-Qaim in Anbar and around Mayadin" too, "Zakho district, Duhok officials said" is
no list. Also how specific a place is (site, town, district, governorate, region, country).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

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


def rank(mention: ResolvedMention) -> int:
    """Lower is more specific."""
    return SPECIFICITY.get(mention.place.family, 6) if mention.place is not None else 9


#: A word of a noun phrase between two places of a list: lower case, no verb ("killed",
#: "pounding", "was") and no word that opens a clause ("who", "where", "while").
_NP_WORD = (
    r"(?:(?!(?:was|were|is|are|be|been|has|have|had|who|whom|which|that|where|while|when|"
    r"as|after|before|said|says|and|or|but|to|from|with|by|for|then|also)\b)"
    r"(?!(?:al|el|as|ad|ar|an|at|ash|az)-)"
    r"(?![a-z]+(?:ed|ing)\b)(?:[a-z][\w'’-]*|[A-Z]{2,5})\s+)"
)
#: What stands between places listed together ("Idleb city, al-Atarib and Darat Izza",
#: "al-Qaim in Anbar and around Mayadin", "Fallujah and parts of Ramadi", "Qamishli and
#: villages around Amuda"): kind words, a governorate or country said of the place before,
#: the comma or "and", a preposition or a part word after it.
_LIST_JOINER = re.compile(
    # "Batifa (Zakho) and Sidakan": a district or another name said in brackets.
    r"(?:\s*\([^()]{1,40}\))?"
    # "Busra al-Harir, a rebel-held town in the eastern countryside, and Lajat": what the
    # place before is, said between commas.
    r"(?:,\s+(?:a|an)\s+[^,;:()]{2,60}(?=,))?"
    r"(?:\s+(?:city|town|village|camp|base|countryside|areas?|regions?|districts?|"
    r"neighbou?rhoods?|fields?|provinces?|governorates?)|"
    # "the Barzeh scientific research centre and the Mezzeh airport": a site's noun phrase.
    r"(?:\s+[a-z][\w-]*){0,2}\s+(?:centre|center|airport|airbase|refinery|plant|dam|"
    r"bridge|hospital|prison|complex|compound|facility|station|depot|headquarters|"
    r"university|market|crossing|checkpoint|barracks|academy))?"
    r"(?:,?\s+(?:in|near|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+(?:the\s+)?"
    r"[\w'’ -]{2,40}?)?"
    # "struck Sinjar on 15 July and Makhmour on 16 July": each place with its own day.
    r"(?:,?\s+(?:early\s+|late\s+)?on\s+(?:the\s+(?:night|morning|evening)\s+of\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+day))?"
    r"(?:\s*,\s*(?:and\s+)?(?:also\s+)?|\s+and\s+(?:also\s+)?|,?\s+as\s+well\s+as\s+)"
    # "... near al-Qaim and two across the border near Abu Kamal": a count standing for
    # the noun before it.
    r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|others?|more|"
    r"another)\s+(?:[\w-]+\s+){0,3}?(?=(?:in|at|around|near|outside)\s))?"
    # "near al-Qaim, and two in Syria, near Abu Kamal": the country the next item lies in.
    r"(?:in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s+)?"
    r"(?:(?:in|at|around|near|on|outside|inside)\s+)?"
    # "and oil facilities in the countryside of Amuda", "and its base at al-Tanf".
    r"(?:(?:some\s+|several\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:parts|outskirts|"
    r"edges?|villages|towns|areas?|countryside|points?|positions?|sites|facilities|bases?|"
    r"depots|targets|headquarters)\s+(?:of|around|near|in|at|south of|north of|east of|"
    r"west of)\s+(?:the\s+)?(?:countryside\s+of\s+)?|"
    # Any noun phrase ending in a locative word: "and a facility in Erbil", "and the southern
    # city of Nasiriyah", "and an army post near Tafas" (no verb: "and killed two in X" is
    # another clause).
    r"(?:(?:a|an|the|its|their|some|several|one|two|three)\s+)?" + _NP_WORD + r"{1,3}"
    r"(?:of|in|at|near|around|outside|inside|on)\s+(?:the\s+)?|"
    # "and the Zirgwez camp outside Sulaimani": a site of a name the gazetteer lacks.
    r"(?:the|a|an)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:camp|base|field|plant|"
    r"refinery|compound|headquarters|prison|airport|dam|bridge|crossing|hospital|factory|"
    r"depot|station)\s+(?:of|in|at|near|outside|around)\s+(?:the\s+)?)?"
    r"(?:the\s+)?(?:(?:town|village|city|camp)\s+of\s+)?"
    # "in Sheikh Maqsoud and neighbouring Ashrafieh": a word saying the next place is close by.
    r"(?:(?:nearby|neighbou?ring|adjacent|adjoining)\s+)?"
    # "the Idlib and western Aleppo countryside"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?"
)
#: "Dhiban, al-Shuhail and Busayrah": a name the gazetteer lacks, inside a list of places.
_UNKNOWN_ITEM = re.compile(
    r"\s*,\s*(?:\d+\s+(?:in|at)\s+)?(?:(?:al|el|as|ad|ar|an|at|ash|az)-)?"
    r"[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){0,2}"
    r"(?=\s*,|\s+and\s)|"
    # "al-Rastan and al-Zaafaraniya north of Homs, and al-Latamneh": an unknown last item of
    # a first list, then its landmark.
    r"\s+and\s+(?:\d+\s+(?:in|at)\s+)?(?:(?:al|el|as|ad|ar|an|at|ash|az)-)?"
    r"[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){0,2}"
    r"(?=\s+(?:near|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s)"
)
#: "Sahnaya in Rif Dimashq": a coarser place said of the one before is no item of a list.
_QUALIFIER = re.compile(
    r",?\s+(?:in|near|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|"
    r"western|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?$",
    re.I,
)


def listed_with(
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
                not _LIST_JOINER.fullmatch(
                    _between(sentence, min(j, j + step), max(j, j + step), ordered)
                )
                or not (
                    of_a_kind(other, best)
                    or _own_preposition(
                        other, best, _between(sentence, min(j, j + step), max(j, j + step), ordered)
                    )
                )
                or other.place == best.place
            ):
                break
            j += step
        lo, hi = (j, hi) if step < 0 else (lo, j)
    # A list closes with "and": "Zakho district, Duhok officials said" is no list, and
    # in "A, B and C, D said" D is no item.
    # "Hatla, Mrat: four civilians killed": a heading names the places before a colon.
    end = ordered[hi].mention.end - sentence.start
    if (
        _HEADING_END.match(sentence.text, end)
        or _AND_AFTER.match(sentence.text, end)
        or _AND_OTHERS.match(sentence.text, end)
    ):
        # A heading before a colon; a list going on with a name unknown ("and al-Z...").
        return ordered[lo : hi + 1]
    # "left Sinjar, Makhmour, Khanaqin and the Nineveh Plains": "and" before a place of
    # another kind closes the list of the towns too.
    closed = hi + 1 < len(ordered) and _AND_ODD.fullmatch(_between(sentence, hi, hi + 1, ordered))
    while hi > i and not closed and not _AND.search(_between(sentence, hi - 1, hi, ordered)):
        hi -= 1
    if not closed and not any(
        _AND.search(_between(sentence, k - 1, k, ordered)) for k in range(lo + 1, hi + 1)
    ):
        return [best]
    return ordered[lo : hi + 1]


_AND_ODD = re.compile(r",?\s+and\s+(?:the\s+)?")
_AND_AFTER = re.compile(r",?\s+and\s+(?:(?:al|el|as|ad|ar|an|at|ash|az)-)?[A-Z]")
_HEADING_END = re.compile(r"\s*:")
#: "in Diban, al-Busayrah, al-Shuhayl and other villages": a list closed by "and other ...".
_AND_OTHERS = re.compile(
    r",?\s+and\s+(?:several\s+|many\s+|a few\s+|\w+\s+)?other\s+(?:villages|towns|areas|"
    r"places|localities|districts|neighbou?rhoods|positions|sites|cities)\b|"
    # "on Kafranbel, Khan Shaykhun and their surroundings": the list closes on its places' own
    # surroundings.
    r",?\s+and\s+(?:their|its|the)\s+(?:surroundings|environs|vicinity|outskirts|"
    r"countryside|surrounding\s+(?:villages|areas|countryside))\b",
    re.I,
)


def _between(sentence: Sentence, a: int, b: int, ordered: list[ResolvedMention]) -> str:
    """The text between two places of a sentence, names the gazetteer lacks folded out."""
    text = sentence.text[
        ordered[a].mention.end - sentence.start : ordered[b].mention.start - sentence.start
    ]
    return _UNKNOWN_ITEM.sub(",", text)


#: What closes a list: "and", or a comma and a locative word ("at Jurf al-Sakhar, in Musayyib").
_AND = re.compile(r"\band\b|\bas well as\b|,\s*(?:in|at|near|around|outside)\s")


#: What joins the items of a plain list: "Deir ez-Zor, Daraa and the Damascus countryside".
_PLAIN_JOINER = re.compile(
    r"\)?(?:\s*\([^()]{1,40}\))?(?:\s+(?:city|town|province|governorate|countryside|areas?|regions?))?"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?",
    re.I,
)


def plain_list(
    sentence: Sentence, first: ResolvedMention, placed: list[ResolvedMention]
) -> list[ResolvedMention]:
    """The places listed right after ``first`` with nothing but commas and "and" between
    them, whatever their kind ("fighters from Deir ez-Zor, Daraa and the Damascus
    countryside": a town, a city and a governorate); a list closes with "and"."""
    ordered = sorted(placed, key=lambda m: m.mention.start)
    items = [first]
    joined_by_and = [False]
    for m in ordered:
        if m.mention.start < items[-1].mention.end:
            continue
        between = _UNKNOWN_ITEM.sub(
            ",",
            sentence.text[
                items[-1].mention.end - sentence.start : m.mention.start - sentence.start
            ],
        )
        if _IN_BRACKETS.fullmatch(between):
            continue  # "Ayn al-Arab (Kobani)": the same place, or its district
        if _UNKNOWN_BRACKETED.fullmatch(between):
            items.append(m)  # "Zap, Karacak (Makhmour) and Hakurk": its district stands for it
            joined_by_and.append(False)
            continue
        if not _PLAIN_JOINER.fullmatch(between):
            break
        items.append(m)
        joined_by_and.append(bool(re.search(r"\band\b", between)))
    while len(items) > 1 and not joined_by_and[-1]:
        items.pop()
        joined_by_and.pop()
    return items


def of_a_kind(a: ResolvedMention, b: ResolvedMention) -> bool:
    """Places that a list puts side by side: the same rank, or both local (site, town,
    district: "the airport and the town of X")."""
    return rank(a) == rank(b) or max(rank(a), rank(b)) <= SPECIFICITY["admin2"]


#: "around Tuz Khurmatu and in the Hamrin mountains": "and" and a preposition of its own
#: before the second place.
_AND_OWN_PREPOSITION = re.compile(
    r",?\s+and\s+(?:also\s+)?(?:in|at|around|near|on|inside|outside)\s+(?:the\s+)?", re.I
)
#: Places of another kind than a town that a list with their own prepositions puts beside one.
_LANDFORMS = frozenset({"mountain", "region"})


def _own_preposition(a: ResolvedMention, b: ResolvedMention, between: str) -> bool:
    """A town or site and a mountain range or region, each with its own preposition ("around
    Tuz Khurmatu and in the Hamrin mountains"), are two places of one act, not a place and
    the area it lies in ("Tal Tamr in the Hasakah region" has no "and")."""
    if a.place is None or b.place is None or not _AND_OWN_PREPOSITION.fullmatch(between):
        return False
    families = {a.place.family, b.place.family}
    return bool(families & _LANDFORMS) and families <= _LANDFORMS | {"site", "populated"}


def _items(
    sentence: Sentence, ordered: list[ResolvedMention], best: ResolvedMention
) -> list[ResolvedMention]:
    """The places of a sentence less those said of the place before ("al-Qaim in Anbar")."""
    out: list[ResolvedMention] = []
    for m, after in zip(ordered, [*ordered[1:], None], strict=True):
        if m is not best and _said_before(sentence, m, after):
            continue  # "two in Syria, near Abu Kamal": Syria only says where Abu Kamal is
        if out and m is not best:
            between = _UNKNOWN_ITEM.sub(
                ",",
                sentence.text[
                    out[-1].mention.end - sentence.start : m.mention.start - sentence.start
                ],
            )
            # "Tadmur (Palmyra), east Homs": what is said of a place after its other name.
            between = _BRACKETED.sub("", between)
            if (
                (rank(m) > rank(out[-1]) or _names_governorate(m, out[-1]))
                and _QUALIFIER.fullmatch(between)
            ) or _REGION_OF.fullmatch(between):
                continue
            if _IN_BRACKETS.fullmatch(between) and m.place is not None and rank(m) >= rank(out[-1]):
                continue  # "Batifa (Zakho)", "Ayn al-Arab (Kobani)": its district, its name
        out.append(m)
    return out


_IN_BRACKETS = re.compile(r"\s*\(\s*")
_UNKNOWN_BRACKETED = re.compile(r"\s*,\s*[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?\s*\(\s*")
_BEFORE_PLACE = re.compile(r",\s+(?:near|in|at|around|outside)\s+(?:the\s+)?")


def _said_before(sentence: Sentence, m: ResolvedMention, after: ResolvedMention | None) -> bool:
    """Whether a country or governorate is said of the place right after it ("in Syria,
    near Abu Kamal")."""
    if after is None or rank(m) < SPECIFICITY["admin1"] or rank(after) >= rank(m):
        return False
    gap = sentence.text[m.mention.end - sentence.start : after.mention.start - sentence.start]
    return bool(_BEFORE_PLACE.fullmatch(gap))


_BRACKETED = re.compile(r"^\s*\([^()]{1,40}\)")


def _names_governorate(m: ResolvedMention, town: ResolvedMention) -> bool:
    """ "Tal Tamr in Hasakah": a city named like its governorate, said of a town of that
    governorate, names the governorate (a qualifier, not one more item)."""
    if m.place is None or town.place is None or m.place.admin1 != town.place.admin1:
        return False
    return m.place.family == "populated" and any(
        c.place.family == "admin1" and c.place.admin1 == m.place.admin1 for c in m.candidates
    )


#: "Khan Sheikhoun, south Idlib": the part of a province a place is in, no item of a list.
_REGION_OF = re.compile(
    r",\s+(?:in\s+)?(?:the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+",
    re.I,
)


def region_of_previous(
    sentence: Sentence, m: ResolvedMention, placed: list[ResolvedMention]
) -> bool:
    """Whether a place names the part of a province the place before it is in ("Khan
    Sheikhoun, south Idlib")."""
    between = _after_previous(sentence, m, placed)
    return between is not None and bool(_REGION_OF.fullmatch(between))


def _after_previous(
    sentence: Sentence, m: ResolvedMention, placed: list[ResolvedMention]
) -> str | None:
    """The text between a place and the place named last before it (None: it is the first)."""
    earlier = [p for p in placed if p.mention.end <= m.mention.start]
    if not earlier:
        return None
    prev = max(earlier, key=lambda p: p.mention.end)
    text = sentence.text[prev.mention.end - sentence.start : m.mention.start - sentence.start]
    return _BRACKET_END.sub("", text)  # "Tadmur (Palmyra), east Homs"


_BRACKET_END = re.compile(r"^\s*\)")


#: "Fallujah, about 50 km west of Baghdad", "Bartella, a town 15 km east of Mosul", "Koya,
#: east of Erbil": the place after the compass word only says where the one before lies.
_REFERENCE_OF = re.compile(
    r",\s+(?:[^,;()]{0,40}?\s)?(?:(?:about|some|around|roughly|nearly|almost|just|only)\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles|mi)\s+(?:\(\d+\s+miles\)\s+)?)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?|due (?:north|south|east|west))\s+of\s+"
    r"(?:the\s+(?:city|town|provincial capital|capital)\s+(?:of\s+)?)?$",
    re.I,
)


#: "... in the city, which lies west of Baghdad": a relative clause saying where the place
#: meant ("the city", "the town", named before) lies.
_RELATIVE_REFERENCE = re.compile(
    r"\b(?:city|town|village|base|camp|area)\s*,\s+(?:which|that)\s+(?:lies|is|sits|stands)\s+"
    r"(?:(?:located|situated)\s+)?(?:(?:about|some|around)\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+$",
    re.I,
)


#: "Jaramana, a Druze and Christian suburb of Damascus", "Bartella, a Christian town near
#: Mosul": the place after the noun in apposition says where the one before lies.
_APPOSED_OF = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w'-]+\s+){0,4}?(?:suburb|district|neighbou?rhood|quarter|town|"
    r"village|city)\s+(?:just\s+)?(?:of|in|near|outside)\s+(?:the\s+(?:city|capital)\s+of\s+)?$",
    re.I,
)


def reference_of_previous(
    sentence: Sentence, m: ResolvedMention, placed: list[ResolvedMention]
) -> bool:
    """Whether a place is only the landmark another place is located by ("Fallujah, about
    50 km west of Baghdad, fell ...": the event is in Fallujah, not in Baghdad; "fighting in
    the city, which lies west of Baghdad")."""
    between = _after_previous(sentence, m, placed)
    return between is not None and bool(
        _REFERENCE_OF.fullmatch(between)
        or _RELATIVE_REFERENCE.search(between)
        or _APPOSED_OF.fullmatch(between)
    )


def holds(wide: ResolvedMention, narrow: ResolvedMention) -> bool:
    """Whether a country or governorate is the one a more specific place lies in ("fired
    from the Tal Rifaat region in northern Syria": Syria holds Tal Rifaat)."""
    w, n = wide.place, narrow.place
    if w is None or n is None or rank(wide) < SPECIFICITY["admin1"] or rank(narrow) >= rank(wide):
        return False
    return w.country == n.country and (w.family == "country" or w.admin1 == n.admin1)


def holds_another(mention: ResolvedMention, places: Sequence[ResolvedMention]) -> bool:
    """Whether a governorate named among places left holds another of them: "pulled back
    from Khanaqin in Diyala province" left Khanaqin, not the whole province."""
    place = mention.place
    if place is None or place.family != "admin1" or place.admin1 is None:
        return False
    return any(
        other is not mention
        and other.place is not None
        and other.place.family != "admin1"
        and other.place.admin1 == place.admin1
        for other in places
    )

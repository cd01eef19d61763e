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

from app.extraction.asides import air_base, far_end, river
from app.extraction.back_references import referent
from app.extraction.bearings import landmark_by_bearing
from app.extraction.cues import cued_search
from app.extraction.datelines import without_dateline
from app.extraction.evacuated_from import evacuated_from
from app.extraction.event_types import Trigger
from app.extraction.headings import below_heading
from app.extraction.kind_lists import kind_lists, qualifies_list, range_lists
from app.extraction.launch_points import launch_point
from app.extraction.list_scope import (
    coordinated_places,
    joined_lists,
    other_clause,
    qualifies,
    spelled_out,
    wider_list,
)
from app.extraction.metonyms import acting as acting
from app.extraction.named_sites import site_named_before
from app.extraction.onward import onward_leg, others_journey
from app.extraction.outskirts import CITY_GOVERNORATES
from app.extraction.place_cues import (
    BEFORE_PENALTY,
    DEST_CUE,
    FROM_CUE,
    NEAR_CUE,
    ORIGIN_CUE,
    OUSTED_CUE,
    ROAD_CUE,
    STRONG_DEST_CUE,
    WITHDRAWN_TO,
)
from app.extraction.place_cues import before as before
from app.extraction.place_lists import SPECIFICITY as SPECIFICITY
from app.extraction.place_lists import (
    holds,
    holds_another,
    listed_with,
    of_a_kind,
    plain_list,
    reference_of_previous,
    region_of_previous,
)
from app.extraction.place_lists import rank as rank
from app.extraction.provinces import Provinces
from app.extraction.resolve import ResolvedMention
from app.extraction.roads import names_road, on_road, road_end, road_towards
from app.extraction.sent_away import sent_away_to, staying_elsewhere
from app.extraction.signatories import signatory_places
from app.extraction.speaker_seats import speaker_place
from app.extraction.text import Sentence
from app.extraction.there import said_there


def _home_country(trigger: Trigger, sentence: Sentence, mention: ResolvedMention) -> bool:
    """ "pulling its men back towards Lebanon", "withdrawn across the border into Syria": a
    whole country a force withdrew to is no place of the withdrawal (the place it left is)."""
    return (
        trigger.spec.name == "troop_withdrawal"
        and mention.place is not None
        and mention.place.family == "country"
        and cued_search(WITHDRAWN_TO, before(sentence, mention)) is not None
    )


def is_near(sentence: Sentence, mention: ResolvedMention) -> bool:
    """ "near X", "north of X", "outside X", "on the Mosul-Duhok road": the event is close to
    X, not in it."""
    return bool(cued_search(NEAR_CUE, before(sentence, mention))) or on_road(sentence, mention)


def nearest_to(
    trigger: Trigger,
    others: Sequence[Trigger],
    placed: list[ResolvedMention],
    sentence: Sentence,
) -> list[ResolvedMention]:
    """The places of a sentence that belong to this trigger rather than to another one in it
    ("besieged the embassy in Baghdad ... in anger at US air strikes near al-Qaim"): each place
    goes to the nearest trigger, a trigger before the place counting as nearer. When no place
    is nearest to this trigger, all the sentence's places stay candidates. A deal's trigger
    claims no place where a journey ends ("left al-Waer towards Idleb, under an agreement")."""
    if not others:
        return placed

    def distance(t: Trigger, m: ResolvedMention) -> int:
        start, end = m.mention.start, m.mention.end
        return start - t.end if start >= t.end else (t.start - end) + BEFORE_PENALTY

    def rival(o: Trigger, m: ResolvedMention) -> bool:
        return not staying_elsewhere(sentence, o, m)

    own = [
        m
        for m in placed
        if all(distance(trigger, m) <= distance(o, m) for o in others if rival(o, m))
    ]
    return own or placed


def _water(mention: ResolvedMention) -> bool:
    return mention.place is not None and mention.place.family == "water"


def choose(
    sentence: Sentence,
    trigger: Trigger,
    placed: list[ResolvedMention],
    countries: Sequence[str] = (),
) -> tuple[ResolvedMention | None, list[ResolvedMention]]:
    """The origin (movements only) and the location(s) of an event in this sentence."""
    given = placed
    # "Khan Sheikhoun, south Idlib": the province part said of a place is not another place.
    placed = [m for m in placed if not region_of_previous(sentence, m, placed)] or placed
    # "Fallujah, 50 km west of Baghdad": the landmark a place is located by is not a place.
    placed = [m for m in placed if not reference_of_previous(sentence, m, placed)] or placed
    # "Tal Rifaat north of Aleppo": Aleppo only says where Tal Rifaat lies.
    placed = [m for m in placed if not landmark_by_bearing(sentence, m, placed)] or placed
    # "the Damascus suburbs of Jaramana", "Saqba in eastern Ghouta": where the places lie.
    placed = [m for m in placed if not qualifies(sentence, m, placed)] or placed
    placed = below_heading(sentence, placed)
    placed = without_dateline(sentence, placed)  # "ERBIL - ... in the Kifri area": Kifri
    # "shot dead there, and within days the protests spread to Najaf": the place before.
    placed = [m for m in placed if not said_there(sentence, trigger, m)]
    # "..., a US spokesman in Baghdad said": where the speaker sat (the story's place instead).
    placed = [m for m in placed if not speaker_place(sentence, trigger, m)]
    if not placed:
        return None, []
    origin: ResolvedMention | None = None
    rest = placed
    if trigger.spec.category == "movement":
        # "launched the offensive from Idlib ... as troops withdrew": not the place left.
        placed = [m for m in placed if not launch_point(sentence, trigger, m)] or placed
        origins = [m for m in placed if cued_search(ORIGIN_CUE, before(sentence, m))]
        if origins:
            origin = origins[0]
            # "sent reinforcements from Idlib and Hama to the coast": every place of the
            # list after "from" is where the force came from, none its destination.
            came = plain_list(sentence, origin, placed)
            rest = [m for m in placed if m not in came]

        # "entered the town on the bank of the Euphrates": a river is no destination, nor
        # where civilians fled ("sending thousands fleeing toward Arbil").
        rest = [
            m
            for m in rest
            if (m.place is None or m.place.family != "water")
            and not cued_search(_FLEEING, before(sentence, m, 60))
            and not _home_country(trigger, sentence, m)
        ]
        # "toward Qalaat al-Madiq, from where they will continue to Idlib": the first stop.
        rest = [m for m in rest if not onward_leg(sentence, m)] or rest
        # "bussed toward Idlib, while civilians were taken to al-Kiswah": Idlib.
        rest = [m for m in rest if not others_journey(sentence, trigger.end, m)] or rest

        def pull(m: ResolvedMention) -> int:
            text = before(sentence, m)
            return (
                3 if cued_search(STRONG_DEST_CUE, text) else 2 if cued_search(DEST_CUE, text) else 0
            )

        if trigger.spec.name == "troop_withdrawal" and origins:
            if not any(
                pull(m) == 3 or cued_search(WITHDRAWN_TO, before(sentence, m)) for m in rest
            ):
                # "pulled out of Morek, Kafr Zita and Latamneh", "withdrew from Khanaqin and
                # Jalawla ... and from Shingal": the places left, one event each.
                left: list[ResolvedMention] = []
                for found in origins:
                    # "withdrew from the Hama countryside pocket - A, B and C": its towns.
                    items = spelled_out(sentence, found, placed) or listed_with(
                        sentence, found, placed
                    )
                    left += [m for m in items if m not in left]
                return None, [m for m in left if not holds_another(m, left)]
        if not rest:
            return origin, []

        best = min(rest, key=lambda m: (rank(m) - pull(m), -pull(m), -m.mention.start))
        # "deployed troops to Najaf and Nasiriyah": one event per destination.
        listed = listed_with(sentence, best, rest)
        # "entered Manbij and Tabqa, raising the flag in Tabqa": a place named again stands
        # in the list where it was named first.
        again = [
            m
            for m in rest
            if best.place is not None
            and m.place == best.place
            and m.mention.end <= best.mention.start
        ]
        if len(listed) == 1 and again and len(earlier := listed_with(sentence, again[0], rest)) > 1:
            listed = earlier
        if cued_search(ROAD_CUE, before(sentence, listed[0])):
            return origin, [best]  # "checkpoints on roads leading to Afak and Najaf"
        return origin, listed
    # "sent from Najaf ... and arrested seven men", "attacked from the Khazir front along the
    # road from Erbil": where the force came from, when the sentence names another place.
    # "clan fighters from Deir ez-Zor and Daraa": every place of that list is their home.
    # "buses evacuated 300 families from Suwayda to Daraa": the town left, and no other.
    left = evacuated_from(sentence, trigger, placed)
    if left:
        placed = [m for m in placed if any(m in listed_with(sentence, k, placed) for k in left)]
    came_from = [
        item
        for m in placed
        if not left
        and cued_search(FROM_CUE, before(sentence, m))
        and not cued_search(OUSTED_CUE, before(sentence, m, 60))
        for item in [*listed_with(sentence, m, placed), *plain_list(sentence, m, placed)]
    ]
    rest = [m for m in placed if m not in came_from]
    if rest and all(any(holds(m, c) for c in came_from) for m in rest):
        rest = came_from  # "fired from the Tal Rifaat region in northern Syria": no other place
    if not rest:
        return None, []  # "reinforcements were sent from Baghdad": where they came from
    # "killing and abducting thousands, forcing others to flee to the Kurdistan Region".
    rest = [m for m in rest if not fled_to(sentence, m)] or rest
    # "arrested three suspects in Erbil over the Khor Mor attacks": the place of the deed the
    # arrest is for, not where it was made.
    rest = [m for m in rest if not _deed_named(sentence, m)] or rest
    # "under the deal, fighters left for Idlib": where they were sent, not where the deal was.
    rest = [m for m in rest if not sent_away_to(sentence, trigger, m)]
    if not rest:
        return None, []
    # "the highway linking Kirkuk to Erbil"; "jets based at Hmeimim raided Palmyra".
    ends = (far_end, air_base)
    rest = [m for m in rest if not any(e(before(sentence, m, 60)) for e in ends)] or rest
    # "on the Damascus highway", "the Kirkuk-Erbil road": a road named for a town is not in
    # it; any other place of the sentence says better where the event was.
    # "abducted on the highway to Damascus near al-Masmiyah": the road's end is no place of
    # the event while the sentence names another.
    rest = [m for m in rest if not road_towards(sentence, m)] or rest
    roads = [m for m in rest if names_road(sentence, m)]
    named_ends = road_end(sentence, roads, given)
    # "robbed on the Damascus highway": a road leaving a city-governorate is not in it, and
    # with no other place the event is the story's (the place it inherits).
    if roads and not named_ends and all(m in roads and _city_road(m) for m in rest):
        return None, []
    rest = [m for m in rest if m not in roads] or named_ends or rest
    # "After a drone attack on Erbil air base on 25 December, jets struck depots in Babil":
    # the place of the clause that tells another occurrence is that occurrence's.
    # "a second wave began in Baghdad, Karbala and Basra": a list runs on past the clause.
    # "took Hajin after an offensive on the last town in the Euphrates valley": a river of
    # the trigger's own clause says too little to keep the event from the places of another.
    own = [m for m in rest if not other_clause(sentence, trigger, m) and not _water(m)]
    own += [m for k in own for m in listed_with(sentence, k, rest) if m not in own]
    rest = [m for m in rest if m in own] or rest
    # A river or a range says little about where an event was: any other place first, but
    # "bombed the Qandil mountains" happened there, not at the last sentence's town.
    ranges = [m for m in rest if m.place is not None and m.place.family == "mountain"]
    # "the Sinjar and Hakurk regions": each place of the list, the range too.
    groups = kind_lists(sentence, rest)
    # "the Metina, Zap and Avashin areas of Duhok governorate": the list, not Duhok.
    rest = [m for m in rest if not qualifies_list(sentence, m, groups)] or rest
    groups += range_lists(sentence, rest)
    # "around Tuz Khurmatu and in the Hamrin mountains": a range with a preposition of its own
    # beside a town is one more place of the act.
    beside = [
        k
        for k in ranges
        if any(
            x is not k and rank(x) < SPECIFICITY["mountain"] for x in listed_with(sentence, k, rest)
        )
    ]
    rest = [
        m
        for m in rest
        if rank(m) < SPECIFICITY["mountain"]
        or any(m in g for g in groups)
        or m in beside
        or m.place is not None
        and m.place.family in ("region", "country")
        and not _holds_range(m, ranges)
    ] or ranges
    if not rest:
        return None, []
    if trigger.spec.name == "agreement":  # "the towns of Ibta and Dael agreed": each town
        nearest = min(rest, key=lambda m: (abs(m.mention.start - trigger.end), rank(m)))
        return None, signatory_places(sentence, trigger, nearest, rest)
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
        if first is not None and of_a_kind(first, best):
            return None, [first]  # "between Shirqat and Qayyarah": the first named
        group = next((g for g in groups if best in g), None)
        listed = (
            joined_lists(sentence, group, groups)
            if group is not None
            else listed_with(sentence, best, rest)
        )
        if len(listed) == 1:
            listed = (
                spelled_out(sentence, best, rest)
                or wider_list(sentence, best, rest, trigger.end)
                or listed
            )
        return None, listed + coordinated_places(sentence, trigger, listed, rest)
    return None, [best]


def _city_road(mention: ResolvedMention) -> bool:
    """Whether a road named for this place leaves a city that is a governorate of its own."""
    return mention.place is not None and mention.place.admin1 in CITY_GOVERNORATES


def _holds_range(wide: ResolvedMention, ranges: list[ResolvedMention]) -> bool:
    """ "the Zap region of northern Iraq": a country (or a region of it) said of a range in
    it places the event no better than the range does."""
    country = wide.place.country if wide.place is not None else None
    return any(r.place is not None and r.place.country == country for r in ranges)


#: Civilians fleeing somewhere: not where an armed force went.
_FLEEING = re.compile(r"\b(?:fle(?:e|eing|d)|displac\w+|refugees)\b[^,;:]{0,30}$", re.I)


def fled_to(sentence: Sentence, mention: ResolvedMention) -> bool:
    """Whether a place is where people fled ("forcing thousands to flee to Erbil")."""
    return bool(cued_search(_FLEEING, before(sentence, mention, 60)))


#: "over the Khor Mor attacks", "for the Hawija bombing": a deed named by its place.
_FOR_DEED = re.compile(
    r"\b(?:over|for|in connection with|behind)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I
)
_DEED = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:attacks?|bombings?|blasts?|killings?|assassinations?|massacres?|"
    r"kidnappings?|abductions?|shelling|strikes?)\b",
    re.I,
)


def _deed_named(sentence: Sentence, mention: ResolvedMention) -> bool:
    """Whether a place only names a deed the event is about ("over the Khor Mor attacks")."""
    end = mention.mention.end - sentence.start
    return bool(cued_search(_FOR_DEED, before(sentence, mention))) and bool(
        _DEED.match(sentence.text, end)
    )


def _heading(earlier: list[ResolvedMention], text: str) -> ResolvedMention | None:
    """The place named last before a sentence, when it is a heading: a line of its own."""
    if not earlier or not text:
        return None
    last = max(earlier, key=lambda m: m.mention.start)
    start = text.rfind("\n", 0, last.mention.start) + 1
    end = text.find("\n", last.mention.end)
    line = text[start : end if end >= 0 else len(text)].strip().rstrip(":").strip()
    return last if end >= 0 and line == last.mention.text else None


def inherited(
    mentions: list[ResolvedMention],
    sentence: Sentence,
    previous_start: int,
    recent_location: ResolvedMention | None,
    last_location: ResolvedMention | None,
    previous_event_location: ResolvedMention | None = None,
    text: str = "",
    provinces: Provinces | None = None,
) -> ResolvedMention | None:
    """Where an event with no place of its own happened.

    "the consulate", "the refinery": where the text said that site was ("the Iranian
    consulate in Najaf"; ``text`` is the report's). "the base", "the town": the last place
    of that kind ("the province" with none named: the governorate of the story's town).
    Otherwise the place of the event
    it follows on from (same kind, up to two sentences back), of an event in the sentence
    before, the most specific place of the sentence before, the last event's place.
    """
    earlier = [m for m in mentions if m.place is not None and m.mention.start < sentence.start]
    named = site_named_before(sentence, earlier, text[: sentence.start])
    if named is not None:
        return named
    # "the base", "the town": the last place of that kind (see back_references).
    own = [m for m in mentions if sentence.start <= m.mention.start < sentence.end]
    meant = referent(sentence, earlier, text, provinces, own)
    if meant is not None:
        return meant
    # "NAJAF" on a line of its own, then "- 27 Nov: Protesters stormed the consulate": the
    # heading's place, not that of the item before it (under another heading).
    heading = _heading(earlier, text)
    if heading is not None:
        return heading
    # "tunnels along the river bank": a river (its point in one governorate of a course through
    # several) is where no later event is placed while the story names any other place.
    earlier = [m for m in earlier if not river(m)] or earlier
    if recent_location is not None and not river(recent_location):
        return recent_location
    if previous_event_location is not None and not river(previous_event_location):
        return previous_event_location
    last_sentence = [m for m in earlier if m.mention.start >= previous_start]
    if last_sentence:
        return min(last_sentence, key=lambda m: (rank(m), -m.mention.start))
    if last_location is not None and not river(last_location):
        return last_location
    if earlier:
        return min(earlier[-3:], key=lambda m: (rank(m), -m.mention.start))
    return recent_location or previous_event_location or last_location

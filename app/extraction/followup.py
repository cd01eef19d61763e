"""Sentences that go on about an event already drafted: what they add, and when a sentence
that seems to refer back is news of its own."""

from __future__ import annotations

import re

from app.events import Strength
from app.extraction import locate, roles
from app.extraction.actors import ActorMention
from app.extraction.cues import cued_search
from app.extraction.dates import DateMention
from app.extraction.event_builder import EventDraft
from app.extraction.event_types import BY_NAME, Trigger
from app.extraction.place_lists import listed_with
from app.extraction.quantities import fatalities
from app.extraction.resolve import ResolvedMention
from app.extraction.role_patterns import HOLDER_BEFORE
from app.extraction.text import Sentence


def news(
    sentence: Sentence,
    dates: list[DateMention],
    placed: list[ResolvedMention],
    recent: EventDraft | None,
) -> bool:
    """ "The protests spread on Wednesday to Nasiriyah": a reference with a date and places of
    its own that the event it refers to does not have is a new event; so is one that lists
    places of its own ("The strikes hit depots in Amuda, Derik and Kobani"): one event each."""
    if recent is None or not placed:
        return False
    known = recent.location.place if recent.location is not None else None
    placed = [m for m in placed if locate.rank(m) < locate.SPECIFICITY["mountain"]]
    if not placed or any(m.place == known for m in placed):
        return False
    if not dates:
        return _lists_places(sentence, placed)
    return any(d.first != recent.date or d.last != recent.date_end for d in dates)


def _lists_places(sentence: Sentence, placed: list[ResolvedMention]) -> bool:
    """Whether the places of a sentence include a list of two or more, none of them where
    someone came from ("fighters from Raqqa and Hasakah")."""
    own = [m for m in placed if not _CAME_FROM.search(locate.before(sentence, m, 30))]
    return any(len(listed_with(sentence, m, own)) > 1 for m in own)


_CAME_FROM = re.compile(
    r"\b(?:from|(?<!town )(?<!city )(?<!village )(?<!area )of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)


def narrow_place(
    previous: EventDraft,
    sentence: Sentence,
    trigger: Trigger,
    placed: list[ResolvedMention],
    countries: list[str],
) -> None:
    """ "Jets bombed PKK hideouts in northern Iraq. The raids hit positions near Sinjar": an
    event placed only by its country or governorate happened at the one place inside it that
    the sentence going on about it names."""
    if previous.location is None or previous.location.place is None:
        return
    was = previous.location.place
    if locate.rank(previous.location) < locate.SPECIFICITY["admin1"]:
        return
    _, found = locate.choose(sentence, trigger, placed, countries)
    if len(found) != 1 or locate.rank(found[0]) >= locate.SPECIFICITY["admin1"]:
        return
    place = found[0].place
    inside = place is not None and (
        place.admin1 == was.admin1 if was.family == "admin1" else place.country == was.country
    )
    if inside:
        previous.location = found[0]
        previous.near = locate.is_near(sentence, found[0])


#: A trigger that only counts the dead ("38 militants were killed").
_CASUALTY = re.compile(r"(?:killed|dead|died|slain)$", re.I)


def casualty_note(
    trigger: Trigger, placed: list[ResolvedMention], dates: list[DateMention]
) -> bool:
    """ "The monitor said 38 militants were killed": a toll with no place or date of its own
    goes on about the last violent event told, it is not one more."""
    return bool(_CASUALTY.match(trigger.text)) and not placed and not dates


def merge(
    previous: EventDraft,
    sentence: Sentence,
    trigger: Trigger,
    actors: list[ActorMention],
    reading: roles.Reading,
    origin: ResolvedMention | None = None,
    force: tuple[Strength, int, int] | None = None,
) -> None:
    """A sentence that goes on about an event already drafted adds to it."""
    if origin is not None and previous.origin is None and previous.category == "movement":
        previous.origin = origin
        if previous.spec.name == "troop_deployment":
            previous.spec = BY_NAME["troop_movement"]
    if force is not None and previous.strength is None:
        previous.strength = force
    dead = fatalities(sentence.text, sentence.start)
    if dead is not None and previous.fatalities is None and trigger.spec.group == "violence":
        previous.fatalities = dead
    # "targets it said belonged to the PKK": whoever held or used what was hit is its target.
    held: list[ActorMention] = []
    for m in actors:
        if _held(sentence, m) or (held and _next_item(sentence, held[-1], m)):
            held.append(m)  # "belonged to the PKK and the Syrian Kurdish YPG": both
    for mention in held:
        actor = reading.actor(mention)
        if actor.kind != "government" and not reading.generic(mention):
            previous.add_actor(actor, "target", mention)
    roles.merge(previous, [m for m in actors if m not in held], reading)


#: The next item of a list of names, each perhaps with a proper adjective ("and the Syrian
#: Kurdish YPG").
_NEXT_ITEM = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}")


def _next_item(sentence: Sentence, previous: ActorMention, mention: ActorMention) -> bool:
    between = sentence.text[previous.end - sentence.start : mention.start - sentence.start]
    return previous.end <= mention.start and _NEXT_ITEM.fullmatch(between) is not None


def _held(sentence: Sentence, mention: ActorMention) -> bool:
    at = mention.start - sentence.start
    return bool(cued_search(HOLDER_BEFORE, sentence.text[max(0, at - 60) : at]))


def without_summaries(drafts: list[EventDraft], countries: list[str]) -> list[EventDraft]:
    """ "16 airstrikes against ISIL targets in Iraq" above a list of strikes near named towns:
    the country-wide line sums up the others, it is not one more event (a strike on a base in
    Jordan, the report's only place there, is one)."""

    def wide(d: EventDraft) -> bool:
        place = d.location.place if d.location is not None else None
        return place is not None and place.family == "country" and place.country in countries

    def country(d: EventDraft) -> str | None:
        return d.location.place.country if d.location and d.location.place else None

    def sums_up(d: EventDraft, o: EventDraft) -> bool:
        # "strikes across northern Iraq" sums up the strikes near named towns of Iraq, not a
        # strike in Syria.
        return (
            o.spec.name == d.spec.name
            and country(o) is not None
            and not wide(o)
            and country(o) == country(d)
        )

    def own_day(d: EventDraft) -> bool:
        # "The United States began air strikes in Iraq on 8 August": the country named as the
        # place, on a day no narrower event of the kind shares.
        after = d.sentence.text[d.trigger.end - d.sentence.start :]
        return bool(_IN_COUNTRY.match(after)) and not any(
            sums_up(d, o) and o.date <= d.date_end and d.date <= o.date_end for o in drafts
        )

    return [
        d for d in drafts if not wide(d) or own_day(d) or not any(sums_up(d, o) for o in drafts)
    ]


#: The country right after the trigger: "air strikes in Iraq", "350 air strikes across Syria".
_IN_COUNTRY = re.compile(r"\s+(?:in|across|throughout)\s+(?:Iraq|Syria)\b(?!'s)(?!\s+since)")


def without_overviews(drafts: list[EventDraft]) -> list[EventDraft]:
    """ "Key points: a rocket attack targeted Ain al-Asad" above "- 7 July: 14 rockets struck
    Ain al-Asad": an undated line that a later, dated one of the same kind tells again, at the
    same place or inside the governorate it names, within the days it covers, is an overview
    of that event, not one more."""
    return [d for d in drafts if not any(_tells_again(d, o) for o in drafts)]


#: "Additionally, on June 10, three strikes near Raqqah ...": one more, said to be one more.
_ADDITIVE = re.compile(
    r"\W*(?:additionally|in addition|separately|elsewhere|meanwhile|in (?:another|a separate))\b",
    re.I,
)


def _tells_again(overview: EventDraft, detail: EventDraft) -> bool:
    """Whether ``detail`` is the event ``overview`` sums up (see :func:`without_overviews`)."""
    if (
        overview.date_mention is not None
        or (overview.date_end - overview.date).days < 2  # a day read from the narrative
        or detail.date_mention is None
        or _ADDITIVE.match(detail.sentence.text)
        or detail.spec.name != overview.spec.name
        or detail.sentence.index <= overview.sentence.index
        or not overview.date <= detail.date <= detail.date_end <= overview.date_end
    ):
        return False
    wide = overview.location.place if overview.location is not None else None
    place = detail.location.place if detail.location is not None else None
    if wide is None or place is None:
        return False
    return wide.id == place.id or (
        wide.family in ("admin1", "region")
        and wide.admin1 is not None
        and wide.admin1 == place.admin1
    )


_CLOSED = re.compile(r"[.!?:\"\u201d')]\s*$")


def headline(sentence: Sentence) -> bool:
    """Whether a sentence is a report's headline: its first line, with no full stop."""
    return sentence.index == 0 and not _CLOSED.search(sentence.text)


def without_headlines(drafts: list[EventDraft]) -> list[EventDraft]:
    """ "PKK announces pull-out of its forces" above the story that tells the pull-out: the
    headline names the event the story goes on to tell (with its place and its date), it is
    not one more; a headline whose event the story does not tell again stays."""
    return [
        d
        for d in drafts
        if not headline(d.sentence)
        or not any(o.spec.name == d.spec.name and not headline(o.sentence) for o in drafts)
    ]

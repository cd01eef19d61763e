"""Event drafts of one trigger in one sentence, and what the reading of a report carries.

The pipeline reads a report sentence by sentence; for each trigger it asks :func:`drafts_for`
for the new events (none when the sentence goes on about an earlier one, one per place when it
names several), given the :class:`ReportContext` gathered so far.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from app.extraction import clauses, country_change, followup, locate, retype, roles
from app.extraction.actors import ActorCatalog, ActorMatcher, ActorMention
from app.extraction.back_references import quarter_of_referent
from app.extraction.cues import cued_search
from app.extraction.date_clauses import other_date
from app.extraction.dates import DateMention
from app.extraction.event_anaphora import refers_back
from app.extraction.event_anchors import from_last_told, last_told_since
from app.extraction.event_builder import EventDraft
from app.extraction.event_dates import date_draft
from app.extraction.event_types import Trigger, same_kind
from app.extraction.given_up import places_given_up
from app.extraction.item_dates import item_dates
from app.extraction.linked_events import link_at
from app.extraction.occurrences import CLAIMED_ACT
from app.extraction.outskirts import Outskirts
from app.extraction.provinces import Provinces
from app.extraction.quantities import fatalities, strength
from app.extraction.replacements import places_left
from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence
from app.extraction.unknown_places import listed_unknowns, unknown_list, with_unknown_items
from app.extraction.vague_parts import VagueParts

#: "The protests began ...", "The anti-government protests": the story's own occurrences.
_DEFINITE_PLURAL = re.compile(r"^\s*The\s+(?:[\w-]+\s+)?$")
_THE_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.I)


def _echoed(sentence: Sentence, trigger: Trigger, drafts: list[EventDraft]) -> EventDraft | None:
    """The event a trigger names again: "Shells hit a village near Zakho ... Baghdad said the
    shells were fired by Turkish forces" is the shelling told before, whatever type it was
    given there (an attack, as it killed civilians), not a second occurrence."""
    if not _THE_BEFORE.search(sentence.text[: trigger.start - sentence.start]):
        return None
    word = trigger.text.lower()
    return next(
        (
            d
            for d in reversed(drafts)
            if 0 < sentence.index - d.sentence.index <= 2 and d.trigger.text.lower() == word
        ),
        None,
    )


#: Words one of which a link verb holds ("came", "comes", "followed", "coincided").
_LINK_WORDS = ("came", "comes", "follow", "coincid")


def _after_link(sentence: Sentence, trigger: Trigger) -> bool:
    """ "The attack came hours after thousands rallied in Tahrir Square": the trigger after a
    link verb tells the event the subject followed, not the one its noun names again."""
    text = sentence.text
    link = link_at(text) if any(w in text for w in _LINK_WORDS) else None
    return link is not None and trigger.start >= sentence.start + link[1]


@dataclass
class ReportContext:
    """What the reading of one report has gathered so far."""

    mentions: list[ResolvedMention]
    countries: list[str]
    reported_at: dt.date
    catalog: ActorCatalog
    matcher: ActorMatcher
    drafts: list[EventDraft] = field(default_factory=list)
    previous_start: int = 0  # start of the sentence before the current one
    paragraph_of: list[int] = field(default_factory=list)  # by sentence index
    outskirts: Outskirts | None = None
    provinces: Provinces | None = None
    vague: VagueParts | None = None
    text: str = ""  # the report's cleaned text
    told: dict[int, list[DateMention]] = field(default_factory=dict)  # dates by sentence
    period: tuple[dt.date, dt.date] | None = None  # the week the report says it covers
    advance: re.Pattern[str] | None = None  # words of an advance (the lexicon's cue)

    def reading(self, countries: list[str], day: dt.date | None = None) -> roles.Reading:
        """How actor mentions read in an event in these countries (its own first) on ``day``
        (the event's, when it is known and before the report: "government forces" retaking
        Daraa in 2018 are Assad's, even in a report of 2025)."""
        on = self.reported_at if day is None else min(day, self.reported_at)
        return roles.Reading(self.matcher, countries, on)


def drafts_for(
    ctx: ReportContext,
    sentence: Sentence,
    trigger: Trigger,
    actors: list[ActorMention],
    dates: list[DateMention],
    alone: bool,
    others: list[Trigger],
    within: tuple[int, int] | None = None,
) -> list[EventDraft]:
    """New events for a trigger: none when it goes on about an earlier one, several when
    it names several places ("protests in Shahba and Salkhad"); ``within``: the clause whose
    places alone the trigger's are (:mod:`app.extraction.placed_clauses`)."""
    low, high = within or (sentence.start, sentence.end)
    mentions = [m for m in ctx.mentions if low <= m.mention.start < high]
    known = [m for m in mentions if m.place is not None]
    # "killing and abducting thousands, forcing others to flee to Erbil": no event's place.
    known = [m for m in known if not locate.fled_to(sentence, m)] or known
    # A clause of its own: its places are not claimed by the triggers of other clauses.
    rivals = [o for o in others if low <= o.start < high] if within else others
    placed = locate.nearest_to(trigger, rivals, known, sentence)
    event_dates = [d for d in dates if d.role in ("event", "follow")]
    same_group = [
        d
        for d in ctx.drafts
        if d.spec.group == trigger.spec.group and d.sentence.index < sentence.index
    ]
    recent = next((d for d in reversed(same_group) if sentence.index - d.sentence.index <= 2), None)
    echoed = _echoed(sentence, trigger, ctx.drafts)
    if echoed is not None and not event_dates and not followup.news(sentence, [], placed, echoed):
        reading = ctx.reading(event_countries(echoed, ctx.countries))
        followup.merge(echoed, sentence, trigger, actors if alone else [], reading)
        return []
    if recent is not None and (
        not same_kind(recent.spec, trigger.spec) or _one_sided(recent, trigger)
    ):
        recent = None  # "in clashes during which ... suicide car bombs": another occurrence
    if (
        same_group
        and (
            refers_back(sentence.text, trigger.spec.group)
            or cued_search(CLAIMED_ACT, sentence.text)
        )
        and not _after_link(sentence, trigger)
        and same_kind((recent or same_group[-1]).spec, trigger.spec)
        and not other_date(event_dates, recent or same_group[-1])
        and not _dated_item(ctx, sentence, event_dates, recent or same_group[-1])
        and not followup.news(sentence, event_dates, placed, recent)
    ):
        target = recent or same_group[-1]
        reading = ctx.reading(event_countries(target, ctx.countries))
        followup.merge(target, sentence, trigger, actors if alone else [], reading)
        followup.narrow_place(target, sentence, trigger, placed, ctx.countries)
        return []
    deals = [d for d in ctx.drafts if d.spec.name == "agreement"]
    if trigger.spec.name == "agreement" and deals and not event_dates:
        # "Under the truce, the government agreed to hand over ...": the terms of the deal
        # the story already told, with no day of their own, are no second deal.
        followup.merge(deals[-1], sentence, trigger, [], ctx.reading(ctx.countries))
        return []
    violent = [d for d in ctx.drafts if d.spec.group == "violence"]
    if recent is None and violent and followup.casualty_note(trigger, placed, event_dates):
        recent = violent[-1]
    if (
        recent is not None
        and not placed
        and not event_dates
        and not unknown_list(sentence, mentions)
    ):
        followup.merge(
            recent, sentence, trigger, actors, ctx.reading(event_countries(recent, ctx.countries))
        )
        return []
    origin, locations = locate.choose(sentence, trigger, placed, ctx.countries)
    # "Peshmerga left Sinjar and Makhmour, and army units moved in behind them": both places.
    behind = places_left(sentence, trigger, ctx.drafts)
    origin, locations = (None, behind) if behind is not None else (origin, locations)
    # "Hama fell to the rebels after army units withdrew": the place taken is the one left.
    given_up = places_given_up(sentence, trigger, ctx.drafts, mentions)
    origin, locations = (None, given_up) if given_up is not None else (origin, locations)
    if ctx.vague is not None:  # "in north-west Syria": Idlib governorate
        locations = [ctx.vague.narrowed(sentence, m) for m in locations]
    locations, stand_ins = with_unknown_items(sentence, locations, mentions)
    earlier = [m for m in ctx.mentions if m.place is not None and m.mention.start < sentence.start]
    # "fighting in the al-Bakr and al-Jamiya neighbourhoods of the town": the town, once.
    quarters = [
        quarter_of_referent(sentence, m, earlier, ctx.text, ctx.provinces, known) or m
        for m in locations
    ]
    locations = [m for i, m in enumerate(quarters) if m not in quarters[:i]]
    if (
        recent is not None
        and len(locations) == 1
        and recent.location is not None
        and recent.location.place == locations[0].place
        and not event_dates
    ):
        # The same event told again with more detail ("sent from Erbil and deployed at K-1").
        followup.merge(
            recent,
            sentence,
            trigger,
            actors,
            ctx.reading(event_countries(recent, ctx.countries)),
            origin,
            strength(sentence.text, sentence.start),
        )
        return []
    inherited = not locations
    if inherited:
        last = ctx.drafts[-1] if ctx.drafts else None
        anchor = recent.location if recent else None
        if _DEFINITE_PLURAL.search(sentence.text[: trigger.start - sentence.start]) and (
            trigger.text.lower().endswith("s")
        ):
            # "The protests began on 17 August": the story's protests, where its first one
            # was, not the last item told (solidarity rallies in another province).
            lead = next(
                (d for d in ctx.drafts if same_kind(d.spec, trigger.spec) and d.location),
                None,
            )
            anchor = lead.location if lead is not None else anchor
        last_place = last.location if last else None
        before = last_place if last and last.sentence.index == sentence.index - 1 else None
        found = locate.inherited(
            ctx.mentions,
            sentence,
            ctx.previous_start,
            anchor,
            last_place,
            before,
            ctx.text,
            ctx.provinces,
        )
        home = country_change.crosses(found, actors, ctx.countries)
        if home is not None:  # the AANES's amnesty after a paragraph on Kirkuk: not Kirkuk
            found = locate.inherited(
                country_change.in_country(ctx.mentions, home),
                sentence,
                ctx.previous_start,
                country_change.kept(anchor, home),
                country_change.kept(last_place, home),
                country_change.kept(before, home),
                ctx.text,
                ctx.provinces,
            ) or country_change.named_later(ctx.mentions, sentence.end, home)
        locations = [found] if found is not None else []
        listed = listed_unknowns(sentence, mentions, found) if found is not None else []
        if listed:  # "the villages of A, B and C on the edge of the province"
            locations, stand_ins, inherited = listed, listed, False
    drafts = []
    # "The SDF said on Friday that forces were reinforcing ...": undated, the week before
    # the day the sentence says it was reported.
    said = next((d.last for d in dates if d.role == "report"), None)
    places: list[ResolvedMention | None] = list(locations) or [None]
    for location in places:
        draft = EventDraft(
            trigger.spec,
            trigger,
            sentence,
            location=location,
            origin=origin,
            inherited_location=inherited and location is not None,
        )
        draft.near = (
            location is not None
            and not inherited
            and (location in stand_ins or locate.is_near(sentence, location))
        )
        if draft.near and draft.location is not None and ctx.outskirts is not None:
            draft.location = ctx.outskirts.near(draft.location)  # "south of Damascus"
        dated = item_dates(event_dates, location, places, sentence, trigger.end)
        if not ctx.drafts and said is None:  # "Hours later", no event drafted before
            dated = from_last_told(sentence.index, dated, ctx.told)
        told = ctx.told.get(sentence.index - 1, [])  # the sentence before: "the same day"
        if not told and ctx.drafts:  # "... on 9 May. His death ... A day later, ...": 9 May
            told = last_told_since(sentence.index, dated, ctx.told, ctx.drafts[-1])
        period = None if said else ctx.period
        date_draft(
            draft, dated, ctx.drafts, said or ctx.reported_at, ctx.paragraph_of, said, told, period
        )
        own = clauses.scoped(sentence, trigger, others, actors)
        reading = ctx.reading(event_countries(draft, ctx.countries), draft.date_end)
        roles.assign(draft, trigger, own, reading)
        retype.refine(draft, ctx.advance)
        dead = fatalities(sentence.text, sentence.start)
        if dead is not None and trigger.spec.group in ("violence", "unrest"):
            draft.fatalities = dead
        if trigger.spec.category == "movement":
            draft.strength = strength(sentence.text, sentence.start)
        draft.reported_at = ctx.reported_at
        drafts.append(draft)
    return drafts


#: Killings of the defenceless: "civilians were executed in their homes", "summary executions".
_ONE_SIDED = re.compile(r"(?:execut|massacre|slaughter)", re.I)


def _one_sided(recent: EventDraft, trigger: Trigger) -> bool:
    """ "Government forces clashed with Druze gunmen ... Dozens of civilians were executed in
    their homes": killings of the defenceless after a battle are an attack of their own, not
    the battle told again."""
    return recent.spec.name == "armed_clash" and bool(_ONE_SIDED.match(trigger.text))


def _dated_item(
    ctx: ReportContext, sentence: Sentence, dates: list[DateMention], earlier: EventDraft
) -> bool:
    """ "Protests over power cuts continued in the south." then, under another heading, the
    item "- 10 July: hundreds protested in Kut ...": an item with a day of its own is no
    more about a summary event that no text dated."""
    if earlier.date_mention is not None or earlier.precision == "day":
        return False
    if not any(d.role == "event" and d.precision == "day" for d in dates):
        return False
    if not _ITEM.match(sentence.text):
        return False  # a lead, then its details in prose: one event
    paragraph = ctx.paragraph_of
    return bool(paragraph) and paragraph[earlier.sentence.index] != paragraph[sentence.index]


#: An item of a situation report: a bullet, or a day heading ("10 July: ...").
_ITEM = re.compile(r"\s*(?:[-•*]\s+|\d{1,2} [A-Z][a-z]+:\s)")


def event_countries(draft: EventDraft, countries: list[str]) -> list[str]:
    """The event's own country first: "gunmen" in a Syrian town are Syria's gunmen."""
    place = draft.location.place if draft.location is not None else None
    if place is None or place.country is None:
        return countries
    return [place.country, *(c for c in countries if c != place.country)]

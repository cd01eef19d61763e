"""The extraction pipeline: report text -> place mentions -> events (GeoJSON features)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from app.events import EventFeature, is_plausible
from app.extraction import (
    clauses,
    crowds,
    followup,
    locate,
    parties,
    releases,
    retype,
    roles,
    sides,
)
from app.extraction.actor_spans import ActorSpans
from app.extraction.actors import (
    Actor,
    ActorMatcher,
    ActorMention,
    default_actor_file,
    read_actors,
)
from app.extraction.cues import cued_search
from app.extraction.datelines import after_dateline
from app.extraction.dates import DateMention, find_dates
from app.extraction.event_builder import EventDraft, build_feature
from app.extraction.event_dates import (
    MAX_AGE_DAYS,
    date_draft,
    dated_or_recent,
    dated_reference,
    item_dates,
    other_date,
    paragraphs,
)
from app.extraction.event_types import (
    ANAPHORA,
    BY_NAME,
    Trigger,
    TriggerFinder,
    same_kind,
)
from app.extraction.lexicon import Lexicon, load_lexicon
from app.extraction.namesakes import placed_by_neighbours
from app.extraction.occurrences import BLAME, CLAIM, occurrences
from app.extraction.outskirts import Outskirts
from app.extraction.places import DEMONYMS, ToponymMatcher, tokenize
from app.extraction.provinces import Provinces
from app.extraction.quantities import fatalities, strength
from app.extraction.repeats import Repeats
from app.extraction.report_input import DEFAULT_MAX_CHARS, ReportInput, check_published, check_text
from app.extraction.resolve import ResolvedMention, Resolver
from app.extraction.text import Sentence, clean_text, split_sentences
from app.extraction.unknown_places import (
    listed_unknowns,
    unknown_list,
    unresolved_mentions,
    with_unknown_items,
)
from app.extraction.variant_names import with_variant_mentions
from app.gazetteer.geocoder import Gazetteer
from app.settings import Settings
from app.startup import gc_paused


@dataclass
class Extraction:
    """What one report gave: the cleaned text, every place mention, and the events."""

    text: str
    mentions: list[ResolvedMention]
    events: list[EventFeature]
    reported_at: dt.date
    drafts: list[EventDraft] = field(default_factory=list)


class Extractor:
    """Pure extraction over a loaded gazetteer and actor dictionary; no I/O per report."""

    @gc_paused()
    def __init__(
        self,
        gazetteer: Gazetteer,
        extra_actor_files: list[Path] | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        lexicon: Lexicon | None = None,
        toponyms: ToponymMatcher | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        # Built by start-up's cache (app.startup) when given: the same automaton, read back.
        self.toponyms = ToponymMatcher(gazetteer) if toponyms is None else toponyms
        self.resolver = Resolver(gazetteer)
        self.lexicon = lexicon or load_lexicon(BY_NAME)
        files = [default_actor_file(), *(extra_actor_files or [])]
        self.actors = ActorMatcher(
            read_actors(files), self.lexicon.demonyms, self.lexicon.cues, self.lexicon.successors
        )
        self.triggers = TriggerFinder(self.lexicon.triggers)
        self.repeats = Repeats(self.triggers, self.lexicon.cues)
        self.outskirts = Outskirts(gazetteer)
        self.provinces = Provinces(gazetteer)
        self.max_chars = max_chars

    @classmethod
    def configured(
        cls, gazetteer: Gazetteer, settings: Settings, toponyms: ToponymMatcher | None = None
    ) -> Extractor:
        """The extractor the settings describe (the user's actor and lexicon files added)."""
        extraction = settings.extraction

        def files(path: Path | None) -> list[Path]:
            return [path] if path is not None else []

        lexicon = load_lexicon(
            BY_NAME,
            files(extraction.extra_triggers),
            files(extraction.extra_demonyms),
            files(extraction.extra_cues),
        )
        return cls(
            gazetteer,
            extraction.extra_actor_files(),
            max_chars=settings.api.max_text_chars,
            lexicon=lexicon,
            toponyms=toponyms,
        )

    # Places ------------------------------------------------------------------------------

    def geoparse(self, raw_text: str) -> tuple[str, list[ResolvedMention]]:
        """Every place mention of a text, resolved (place None when nothing fits)."""
        check_text(raw_text, self.max_chars)
        text = clean_text(raw_text)
        check_text(text, self.max_chars)
        sentences = split_sentences(text)
        actors = self.actors.find(text)
        return text, self._mentions(text, sentences, actors)

    def _mentions(
        self, text: str, sentences: list[Sentence], actors: list[ActorMention]
    ) -> list[ResolvedMention]:
        starts = [s.start for s in sentences]
        tokens = tokenize(text)
        inside_actor = ActorSpans(actors).covers
        found = [m for m in self.toponyms.find(text, starts, tokens) if not inside_actor(m)]
        found = with_variant_mentions(text, tokens, found, self.gazetteer)
        loose = [m for m in unresolved_mentions(text, tokens, found) if not inside_actor(m)]
        countries: Counter[str] = Counter(
            code for t in tokens if (code := DEMONYMS.get(t.key)) is not None
        )
        return placed_by_neighbours(text, self.resolver.resolve(found, loose, countries))

    # Events ------------------------------------------------------------------------------

    def extract(self, report: ReportInput) -> Extraction:
        """Events of a report as GeoJSON features, each with its evidence spans."""
        check_text(report.text, self.max_chars)
        check_published(report.published)
        text = clean_text(report.text)
        check_text(text, self.max_chars)
        sentences = split_sentences(text)
        actor_mentions = self.actors.find(text, report.published)
        mentions = self._mentions(text, sentences, actor_mentions)
        dates = {s.index: self._dates(s, report.published) for s in sentences}
        reported_at = next(
            (
                d.last
                for ds in dates.values()
                for d in ds
                if d.role == "report" and _reported_plausibly(d.last, report.published)
            ),
            report.published,
        )
        # Place names standing for an actor ("Ankara said", "Iran's proxies") locate nothing.
        located = [m for m in mentions if not locate.acting(text, m)]
        ctx = _Context(
            located, _report_countries(mentions), reported_at, self.actors.actors, self.actors
        )
        ctx.paragraph_of, ctx.text, ctx.told = paragraphs(text, sentences), text, dates
        ctx.outskirts, ctx.provinces = self.outskirts, self.provinces
        actor_spans = ActorSpans(actor_mentions)
        for sentence in sentences:
            ctx.previous_start = sentences[sentence.index - 1].start if sentence.index else 0
            actors_here = actor_spans.between(sentence.start, sentence.end)
            self._claims(sentence, actors_here, ctx)
            reading = ctx.reading(ctx.countries)
            armed = partial(roles.has_force, sentence.text, actors_here, reading)
            dated = partial(
                dated_reference, sentence, dates=dates[sentence.index], drafts=ctx.drafts
            )
            triggers = occurrences(self.triggers, sentence, armed, dated)
            triggers += self.repeats.find(sentence, triggers, dates[sentence.index], dated)
            for trigger in triggers:
                ctx.drafts += _drafts(
                    ctx,
                    sentence,
                    trigger,
                    actors_here,
                    dates[sentence.index],
                    alone=len(triggers) == 1,
                    others=[t for t in triggers if t is not trigger],
                )
        kept = [
            d
            for d in ctx.drafts
            if dated_or_recent(d, reported_at) and is_plausible(d.date) and is_plausible(d.date_end)
        ]
        drafts = followup.without_headlines(followup.without_summaries(kept, ctx.countries))
        for draft in drafts:
            earlier = ctx.drafts[: ctx.drafts.index(draft)]  # summaries dropped above included
            roles.add_defaults(draft, ctx.countries, ctx.catalog, earlier)
            crowds.as_rioters(draft, ctx.catalog)
            crowds.add_crowd_target(draft, ctx.catalog)
            crowds.add_intervening_forces(draft, ctx.matcher.national)
            parties.add_parties(draft, ctx.catalog)
            releases.add_kidnappers(draft, drafts, ctx.catalog)
            roles.without_bystanders(draft)
            sides.add_opponent(draft, drafts)
        features = [build_feature(d, report.url, text) for d in drafts]
        return Extraction(text, mentions, features, reported_at, drafts)

    def _dates(self, sentence: Sentence, published: dt.date) -> list[DateMention]:
        found = after_dateline(sentence, find_dates(sentence.text, published, sentence.start))
        reported = [d for d in found if d.role == "report"]
        if reported and any(d.role != "report" for d in found):
            # "on Tuesday ... officials said on 7 August": the Tuesday before 7 August.
            again = find_dates(sentence.text, published, sentence.start, reported[0].last)
            found = after_dateline(sentence, again)
        return found

    @staticmethod
    def _claims(sentence: Sentence, actors: list[ActorMention], ctx: _Context) -> None:
        """ "ISIS claimed the attack": the claimant becomes the actor of the incident meant."""
        claim = cued_search(CLAIM, sentence.text) if actors else None
        if claim is None:
            return
        at = sentence.start + claim.start()
        if BLAME.match(claim.group()):
            # "police blamed Islamic State", "bore the hallmarks of IS": named after the word.
            claimants = [m for m in actors if m.start > at]
        else:
            # The claimant: the subject before the claim, or the agent of "claimed by X"; not
            # those named in what it says it did ("said it had fired at an Israeli centre").
            claimants = [
                m
                for m in actors
                if m.start < at
                or sentence.text[: m.start - sentence.start].rstrip().endswith(" by")
            ]
        for claimed in roles.claimed(ctx.drafts, sentence):
            reading = ctx.reading(_countries(claimed, ctx.countries))
            for mention in claimants:
                claimed.add_actor(reading.actor(mention), "actor", mention)


@dataclass
class _Context:
    """What the reading of one report has gathered so far."""

    mentions: list[ResolvedMention]
    countries: list[str]
    reported_at: dt.date
    catalog: dict[str, Actor]
    matcher: ActorMatcher
    drafts: list[EventDraft] = field(default_factory=list)
    previous_start: int = 0  # start of the sentence before the current one
    paragraph_of: list[int] = field(default_factory=list)  # by sentence index
    outskirts: Outskirts | None = None
    provinces: Provinces | None = None
    text: str = ""  # the report's cleaned text
    told: dict[int, list[DateMention]] = field(default_factory=dict)  # dates by sentence

    def reading(self, countries: list[str]) -> roles.Reading:
        """How actor mentions read in an event in these countries (its own first)."""
        return roles.Reading(self.matcher, countries, self.reported_at)


def _drafts(
    ctx: _Context,
    sentence: Sentence,
    trigger: Trigger,
    actors: list[ActorMention],
    dates: list[DateMention],
    alone: bool,
    others: list[Trigger],
) -> list[EventDraft]:
    """New events for a trigger: none when it goes on about an earlier one, several when
    it names several places ("protests in Shahba and Salkhad")."""
    mentions = [m for m in ctx.mentions if sentence.start <= m.mention.start < sentence.end]
    placed = locate.nearest_to(trigger, others, [m for m in mentions if m.place is not None])
    event_dates = [d for d in dates if d.role in ("event", "follow")]
    same_group = [
        d
        for d in ctx.drafts
        if d.spec.group == trigger.spec.group and d.sentence.index < sentence.index
    ]
    recent = next((d for d in reversed(same_group) if sentence.index - d.sentence.index <= 2), None)
    if recent is not None and not same_kind(recent.spec, trigger.spec):
        recent = None  # "in clashes during which ... suicide car bombs": another occurrence
    if (
        same_group
        and cued_search(ANAPHORA, sentence.text)
        and same_kind((recent or same_group[-1]).spec, trigger.spec)
        and not other_date(event_dates, recent or same_group[-1])
        and not followup.news(sentence, event_dates, placed, recent)
    ):
        target = recent or same_group[-1]
        reading = ctx.reading(_countries(target, ctx.countries))
        followup.merge(target, sentence, trigger, actors if alone else [], reading)
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
            recent, sentence, trigger, actors, ctx.reading(_countries(recent, ctx.countries))
        )
        return []
    origin, locations = locate.choose(sentence, trigger, placed, ctx.countries)
    locations, stand_ins = with_unknown_items(sentence, locations, mentions)
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
            ctx.reading(_countries(recent, ctx.countries)),
            origin,
            strength(sentence.text, sentence.start),
        )
        return []
    inherited = not locations
    if inherited:
        last = ctx.drafts[-1] if ctx.drafts else None
        found = locate.inherited(
            ctx.mentions,
            sentence,
            ctx.previous_start,
            recent.location if recent else None,
            last.location if last else None,
            last.location if last and last.sentence.index == sentence.index - 1 else None,
            ctx.text,
            ctx.provinces,
        )
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
        dated = item_dates(event_dates, location, places, sentence.end)
        told = ctx.told.get(sentence.index - 1, [])  # the sentence before: "the same day"
        date_draft(draft, dated, ctx.drafts, said or ctx.reported_at, ctx.paragraph_of, said, told)
        own = clauses.scoped(sentence, trigger, others, actors)
        roles.assign(draft, trigger, own, ctx.reading(_countries(draft, ctx.countries)))
        retype.refine(draft)
        dead = fatalities(sentence.text, sentence.start)
        if dead is not None and trigger.spec.group in ("violence", "unrest"):
            draft.fatalities = dead
        if trigger.spec.category == "movement":
            draft.strength = strength(sentence.text, sentence.start)
        draft.reported_at = ctx.reported_at
        drafts.append(draft)
    return drafts


def _reported_plausibly(said: dt.date, published: dt.date) -> bool:
    """A report cannot say it was reported after it was published, nor long before."""
    return is_plausible(said) and 0 <= (published - said).days <= MAX_AGE_DAYS


def _countries(draft: EventDraft, countries: list[str]) -> list[str]:
    """The event's own country first: "gunmen" in a Syrian town are Syria's gunmen."""
    place = draft.location.place if draft.location is not None else None
    if place is None or place.country is None:
        return countries
    return [place.country, *(c for c in countries if c != place.country)]


def _report_countries(mentions: list[ResolvedMention]) -> list[str]:
    counts = Counter(
        m.place.country for m in mentions if m.place is not None and m.place.country in ("IQ", "SY")
    )
    return [c for c, _ in counts.most_common()] or ["IQ"]

"""The extraction pipeline: report text -> place mentions -> events (GeoJSON features)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from app.events import EventFeature, is_plausible
from app.extraction import (
    crowds,
    defaults,
    followup,
    found_bodies,
    locate,
    releases,
    retype,
    roles,
    sides,
)
from app.extraction.actor_coreference import ActorCoreference
from app.extraction.actor_spans import ActorSpans
from app.extraction.actors import (
    ActorMatcher,
    ActorMention,
    default_actor_file,
    read_actors,
)
from app.extraction.air_power import add_air_force
from app.extraction.allegiance import TRIBAL_ALIAS, with_allegiance
from app.extraction.allied_offensives import as_attackers
from app.extraction.background_dates import dated_reference
from app.extraction.believed_owners import with_believed_owners
from app.extraction.campaign_targets import CampaignTargets
from app.extraction.claims import attach_claim
from app.extraction.commands import Commands
from app.extraction.cross_border import at_home
from app.extraction.crowds import CrowdTargets
from app.extraction.daily_headings import heading_day
from app.extraction.dated_clauses import dated_clauses, placed_bounds
from app.extraction.datelines import covered_period, this_week_covered
from app.extraction.deal_parties import DealParties
from app.extraction.drafting import ReportContext, drafts_for, event_countries
from app.extraction.epithets import Epithets
from app.extraction.event_anchors import anchored
from app.extraction.event_builder import EventDraft, build_feature
from app.extraction.event_dates import (
    dated_or_recent,
)
from app.extraction.event_types import (
    BY_NAME,
    TriggerFinder,
)
from app.extraction.far_namesakes import at_home_abroad
from app.extraction.gapped_events import followed_drafts, gapped_items, gapped_trigger
from app.extraction.hosts import HostedSites
from app.extraction.included_examples import included_examples
from app.extraction.issuer import add_issuer, headline_source, statement_issuer, with_ours
from app.extraction.joint_operations import add_joint_partners, joint_partners
from app.extraction.learned_triggers import SHIPPED, LearnedTriggers, TriggerReviser
from app.extraction.led_offensives import LedOffensives, add_backed_side
from app.extraction.lexicon import Lexicon, load_lexicon
from app.extraction.namesakes import placed_by_neighbours
from app.extraction.occurrences import occurrences
from app.extraction.outlaw_sides import OutlawSides
from app.extraction.outskirts import Outskirts
from app.extraction.parties import Parties
from app.extraction.perpetrators import add_perpetrators
from app.extraction.place_words import people_words
from app.extraction.placed_clauses import placed_clauses
from app.extraction.places import ToponymMatcher, tokenize
from app.extraction.possessives import with_possessives
from app.extraction.provinces import Provinces
from app.extraction.regional_forces import RegionalForces
from app.extraction.repeats import Repeats
from app.extraction.report_dates import LEAD, reported_day, sentence_dates
from app.extraction.report_input import DEFAULT_MAX_CHARS, ReportInput, check_published, check_text
from app.extraction.resolve import ResolvedMention, Resolver
from app.extraction.return_fire import with_answers
from app.extraction.seats import Seats
from app.extraction.sequels import without_sequels
from app.extraction.speaking_states import SpeakingStates
from app.extraction.states_acting import StatesActing, governments, state_names
from app.extraction.target_lists import target_drafts, target_triggers
from app.extraction.text import Sentence, clean_text, paragraphs, split_sentences
from app.extraction.unknown_places import (
    unresolved_mentions,
)
from app.extraction.vague_parts import VagueParts
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
        self.lexicon = lexicon or load_lexicon(BY_NAME)
        self.people = people_words(self.lexicon.demonyms)  # "Iraqi", "Arab": never a place
        # Built by start-up's cache (app.startup) when given: the same automaton, read back.
        matcher = ToponymMatcher(gazetteer) if toponyms is None else toponyms
        self.toponyms = matcher.with_people(self.people)
        self.resolver = Resolver(gazetteer)
        files = [default_actor_file(), *(extra_actor_files or [])]
        lexicon_states, successors = self.lexicon.states, self.lexicon.successors
        self.actors = ActorMatcher(
            read_actors(files),
            self.lexicon.demonyms,
            self.lexicon.cues,
            successors,
        )
        # "fighters of the Shaitat tribe" name whom the dictionary's "tribal fighters" names.
        self.tribal = next((m.actors for m in self.actors.find(TRIBAL_ALIAS)), ())
        self.crowd_targets = CrowdTargets(lexicon_states, self.actors.as_of)
        self.hosted = HostedSites(
            self.lexicon.hosted_sites,
            self.actors.actors,
            self.actors.national,
            self.actors.as_of,
            {s.country: s.government for s in lexicon_states if s.government is not None},
            self.crowd_targets.mission_owner,
            self.lexicon.allies,
        )
        self.states = StatesActing(
            state_names(self.lexicon.demonyms, lexicon_states),
            self.actors.actors,
            governments(lexicon_states, successors),
        )
        self.speaking_states = SpeakingStates(self.lexicon.demonyms, lexicon_states)
        self.triggers = TriggerFinder(self.lexicon.triggers)
        self.repeats = Repeats(self.triggers, self.lexicon.cues)
        self.outskirts = Outskirts(gazetteer)
        self.advance = retype.advance_words(self.lexicon.cues)
        self.provinces = Provinces(gazetteer)
        self.seats = Seats(gazetteer, lexicon_states, self.lexicon.demonyms, self.lexicon.leaders)
        self.parties = Parties(lexicon_states, self.lexicon.leaders, self.lexicon.region_seats)
        self.epithets = Epithets(self.lexicon.epithets)
        self.outlaws = OutlawSides(self.lexicon.enemies, self.actors.actors)
        self.campaigns = CampaignTargets(self.lexicon.campaigns, self.actors.actors)
        self.deal_parties = DealParties(lexicon_states, self.actors.actors, self.actors.as_of)
        self.regional = RegionalForces(self.lexicon.regional_police, self.actors.actors)
        self.led_offensives = LedOffensives(self.lexicon.led_offensives, self.actors.actors)
        self.commands = Commands(gazetteer)
        self.coreference = ActorCoreference(list(self.actors.actors.values()))
        self.vague = VagueParts(gazetteer)
        self.max_chars = max_chars
        # The learned sentence classifier (read on the first sentence); None: the rules alone.
        self.learned: TriggerReviser | None = LearnedTriggers(SHIPPED, finder=self.triggers)

    @classmethod
    def configured(
        cls,
        gazetteer: Gazetteer,
        settings: Settings,
        toponyms: ToponymMatcher | None = None,
        lexicon: Lexicon | None = None,
    ) -> Extractor:
        """The extractor the settings describe (the user's actor and lexicon files added);
        ``lexicon``, when given, is the one read from those files (start-up's cache)."""
        extraction = settings.extraction

        def files(path: Path | None) -> list[Path]:
            return [path] if path is not None else []

        if lexicon is None:
            lexicon = load_lexicon(
                BY_NAME,
                files(extraction.extra_triggers),
                files(extraction.extra_demonyms),
                files(extraction.extra_cues),
                extraction.extra_lexicon_dir,
            )
        extractor = cls(
            gazetteer,
            extraction.extra_actor_files(),
            max_chars=settings.api.max_text_chars,
            lexicon=lexicon,
            toponyms=toponyms,
        )
        if not extraction.learned:
            extractor.learned = None  # the rules alone
        return extractor

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
        found = self.epithets.add(text, found)  # "Iraq's second city": Mosul
        loose = unresolved_mentions(text, tokens, found, self.people)
        loose = [m for m in loose if not inside_actor(m)]
        countries: Counter[str] = Counter(
            code for t in tokens if (code := self.people.get(t.key)) is not None
        )
        resolved = at_home(self.resolver.resolve(found, loose, countries), countries)
        resolved = at_home_abroad(resolved, countries)  # "roads to Saray": not Istanbul
        return placed_by_neighbours(text, resolved)

    # Events ------------------------------------------------------------------------------

    def extract(self, report: ReportInput) -> Extraction:
        """Events of a report as GeoJSON features, each with its evidence spans."""
        check_text(report.text, self.max_chars)
        check_published(report.published)
        text = clean_text(report.text)
        check_text(text, self.max_chars)
        sentences = split_sentences(text)
        found = self.actors.find(text, report.published)
        published = report.published
        national = partial(self.actors.national, day=published)
        # "SDF: our forces have withdrawn": the source a headline opens with issues the text.
        heading = self.actors.find(headline_source(report.title), published)
        actor_mentions = with_allegiance(
            text, self.states.add(text, with_ours(text, found, national, heading)), self.tribal
        )
        actor_mentions = with_believed_owners(text, actor_mentions, self.actors.find, published)
        actor_mentions = with_possessives(
            text, actor_mentions, self.actors.national, published, self.actors.is_generic
        )
        actor_mentions = self.speaking_states.apply(
            text, actor_mentions, self.actors.national, published
        )
        # "the group", "the soldiers": the actor named before that the noun can mean.
        actor_mentions = self.coreference.resolve(text, actor_mentions, self.actors.is_generic)
        body = statement_issuer(text, found, national, heading)
        mentions = self._mentions(text, sentences, actor_mentions)
        # "Suwayda, 17 July:" heading a daily note: its items count from that day.
        day = heading_day(text, report.published)
        dates = {s.index: sentence_dates(s, report.published, day) for s in sentences}
        anchored(sentences, dates)  # "hours after the vote": the day the vote was told of
        paragraph_of = paragraphs(text, sentences)
        reported_at = reported_day(dates, paragraph_of, report.published)
        # Place names standing for an actor ("Ankara said", "Iran's proxies") locate nothing.
        located = [m for m in mentions if not locate.acting(text, m)]
        ctx = ReportContext(
            located, _report_countries(mentions), reported_at, self.actors.actors, self.actors
        )
        ctx.paragraph_of, ctx.text, ctx.told = paragraph_of, text, dates
        ctx.period = covered_period(sentences, dates, paragraph_of, report.published, LEAD)
        this_week_covered(dates, ctx.period)  # "this week" in a weekly note: the week it covers
        if ctx.period is None and day is not None:
            ctx.period = day, day  # what a daily note tells undated is of its day
        ctx.outskirts, ctx.provinces, ctx.vague = self.outskirts, self.provinces, self.vague
        ctx.advance = self.advance
        actor_spans = ActorSpans(actor_mentions)
        for sentence in sentences:
            ctx.previous_start = sentences[sentence.index - 1].start if sentence.index else 0
            actors_here = actor_spans.between(sentence.start, sentence.end)
            reading = ctx.reading(ctx.countries)
            armed = partial(roles.has_force, sentence.text, actors_here, reading)
            dated = partial(
                dated_reference, sentence, dates=dates[sentence.index], drafts=ctx.drafts
            )
            triggers = occurrences(self.triggers, sentence, armed, dated)
            first = list(triggers)
            triggers += self.repeats.find(sentence, triggers, dates[sentence.index], dated)
            triggers += dated_clauses(
                sentence,
                triggers,
                dates[sentence.index],
                partial(occurrences, self.triggers, armed=armed, dated_reference=dated),
                self.repeats.goes_on_about,
            )
            told_apart = placed_bounds(
                sentence, first, [t for t in triggers if t not in first], located
            )
            clauses = placed_clauses(
                sentence,
                triggers,
                located,
                partial(occurrences, self.triggers, armed=armed, dated_reference=dated),
                self.repeats.goes_on_about,
            )
            # "a series of drone attacks, including the attack on Erbil airport on 14 April"
            clauses += included_examples(
                sentence,
                triggers + [t for t, _ in clauses],
                dates[sentence.index],
                partial(occurrences, self.triggers, armed=armed, dated_reference=dated),
            )
            triggers += [t for t, _ in clauses]
            within = told_apart | {(t.start, t.end): bounds for t, bounds in clauses}
            # "Hama followed on 5 December": the clause's form tells the event; the classifier
            # neither adds to nor drops from it.
            gap = gapped_trigger(sentence, triggers, ctx.drafts)
            if self.learned is not None and gap is None:
                triggers = self.learned.revise(sentence, triggers)
            # "Targets included A, B and C" after a strike: the strike's, at each place listed.
            listed = target_triggers(sentence, triggers, ctx.drafts, located)
            triggers = [] if listed is not None else triggers
            for trigger in triggers:
                ctx.drafts += drafts_for(
                    ctx,
                    sentence,
                    trigger,
                    actors_here,
                    dates[sentence.index],
                    alone=len(triggers) == 1,
                    others=[t for t in triggers if t is not trigger],
                    within=within.get((trigger.start, trigger.end)),
                )
            # "X fell on 28 January, and Saraqib on 8 February": the verb gapped.
            for one, of in gapped_items(sentence, triggers, dates[sentence.index]):
                source = next((d for d in ctx.drafts if d.trigger == of), None)
                if source is None or any(
                    d.sentence.index == sentence.index
                    and d.location is not None
                    and one.start <= d.location.mention.start < one.end
                    for d in ctx.drafts
                ):
                    continue  # the place is one of the first clause's list already
                new = drafts_for(ctx, sentence, one, actors_here, dates[sentence.index], True, [])
                ctx.drafts += followed_drafts(new, source)
            said, told = gap if gap is not None else ([], None)
            for one in said:  # "Hama followed on 5 December, and Homs on Saturday"
                new = drafts_for(ctx, sentence, one, actors_here, dates[sentence.index], True, [])
                ctx.drafts += followed_drafts(new, told) if told is not None else []
            said, strike = listed if listed is not None else ([], None)
            for one in said:  # "... strikes overnight. Targets included A, B and C"
                new = drafts_for(ctx, sentence, one, actors_here, dates[sentence.index], True, [])
                ctx.drafts += target_drafts(new, strike) if strike is not None else []
            # "ISIS claimed the attack": of an earlier event, or of this sentence's own
            # ("an IED hit a patrol; ISIS claimed the attack").
            attach_claim(sentence, actors_here, ctx)
        kept = [
            d
            for d in ctx.drafts
            if dated_or_recent(d, reported_at) and is_plausible(d.date) and is_plausible(d.date_end)
        ]
        drafts = followup.without_headlines(followup.without_summaries(kept, ctx.countries))
        drafts = without_sequels(followup.without_overviews(drafts))
        found_bodies.from_abduction(drafts, dates)  # "found dead, two days after he was abducted"
        insurgent = defaults.named_insurgent(actor_mentions)
        joint = joint_partners(
            sentences,
            paragraph_of,
            lambda s: actor_spans.between(s.start, s.end),
            ctx.reading(ctx.countries).actor,
        )
        for draft in drafts:
            earlier = ctx.drafts[: ctx.drafts.index(draft)]  # summaries dropped above included
            self.seats.place(draft, ctx.countries)
            self.commands.place(draft)
            add_issuer(draft, body)
            defaults.add_defaults(draft, ctx.countries, ctx.catalog, earlier, insurgent)
            self.hosted.add_targets(draft)
            add_air_force(
                draft,
                sentences,
                lambda s: actor_spans.between(s.start, s.end),
                ctx.reading(event_countries(draft, ctx.countries)).actor,
            )
            crowds.as_rioters(draft, ctx.catalog)
            crowds.arrested_rioters(draft, ctx.catalog)
            self.crowd_targets.add(draft, ctx.catalog)
            crowds.add_intervening_forces(draft, ctx.matcher.national)
            self.deal_parties.apply(draft, ctx.matcher.national)
            self.regional.as_regional(draft, ctx.catalog)
            self.parties.add(draft, ctx.catalog, ctx.matcher.as_of)
            releases.add_kidnappers(draft, drafts, ctx.catalog)
            releases.add_hostages(draft, ctx.catalog)
            add_perpetrators(draft, earlier, ctx.catalog, ctx.countries)
            defaults.add_series_targets(draft, earlier)
            add_joint_partners(draft, joint)
            self.campaigns.add_campaign_target(draft, ctx.catalog)
            self.campaigns.add_terror_target(draft, ctx.catalog)
            self.led_offensives.add_leader(draft, ctx.catalog)
            add_backed_side(draft, ctx.catalog)
            defaults.without_bystanders(draft)
            self.outlaws.separate(draft)
            as_attackers(draft)
            sides.add_opponent(draft, drafts, insurgent)
            sides.add_assailant(draft, drafts, insurgent)
        drafts = with_answers(sentences, ctx.drafts, drafts)  # "our unit returned fire"
        features = [build_feature(d, report.url, text) for d in drafts]
        return Extraction(text, mentions, features, reported_at, drafts)


def _report_countries(mentions: list[ResolvedMention]) -> list[str]:
    counts = Counter(
        m.place.country for m in mentions if m.place is not None and m.place.country in ("IQ", "SY")
    )
    return [c for c, _ in counts.most_common()] or ["IQ"]

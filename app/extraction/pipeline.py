"""The extraction pipeline: report text -> place mentions -> events (GeoJSON features)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import InvalidInput, TextTooLong
from app.events import EventFeature, Strength
from app.extraction.actors import ActorMatcher, ActorMention, default_actor_file, read_actors
from app.extraction.dates import DateMention, find_dates
from app.extraction.event_builder import EventDraft, build_feature
from app.extraction.event_types import (
    ANAPHORA,
    BY_NAME,
    HABITUAL,
    MODAL,
    REFERENCE,
    Trigger,
    find_triggers,
)
from app.extraction.places import DEMONYMS, Mention, ToponymMatcher, tokenize, unresolved_mentions
from app.extraction.quantities import fatalities, strength
from app.extraction.resolve import ResolvedMention, Resolver
from app.extraction.text import Sentence, clean_text, split_sentences
from app.gazetteer.geocoder import Gazetteer

DEFAULT_MAX_CHARS = 200_000
_ORIGIN_CUE = re.compile(
    r"\b(?:from|left|leaving|departed|set out from|out of)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
_DEST_CUE = re.compile(
    r"\b(?:to|into|towards?|arrived (?:at|in)|reached|at|in|inside|"
    r"positions at|deployed (?:at|to|in))\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
_NEAR_CUE = re.compile(
    r"\b(?:near|outside|around|outskirts of|north of|south of|east of|"
    r"west of|north-east of|north-west of|south-east of|south-west of|"
    r"northeast of|northwest of|southeast of|southwest of|close to|"
    r"between|area of|countryside of|desert (?:east|west|north|south) of)\s+"
    r"(?:the\s+)?$",
    re.I,
)
_CLAIM = re.compile(r"\b(?:claimed|blamed|accused|responsibility|attributed|behind the)\b", re.I)
_SPECIFICITY = {
    "site": 0,
    "populated": 1,
    "admin2": 2,
    "admin1": 3,
    "region": 4,
    "mountain": 4,
    "water": 5,
    "country": 6,
}


@dataclass(frozen=True)
class ReportInput:
    """A report as a user sends it."""

    text: str
    published: dt.date
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass
class Extraction:
    """What one report gave: the cleaned text, every place mention, and the events."""

    text: str
    mentions: list[ResolvedMention]
    events: list[EventFeature]
    reported_at: dt.date
    drafts: list[EventDraft] = field(default_factory=list)


def check_text(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    """Refuse empty or oversized texts before any work is done."""
    if not text or not text.strip():
        raise InvalidInput("text must not be empty")
    if len(text) > max_chars:
        raise TextTooLong(f"text has {len(text):,} characters; the limit is {max_chars:,}")


class Extractor:
    """Pure extraction over a loaded gazetteer and actor dictionary; no I/O per report."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        actor_files: list[Path] | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> None:
        self.gazetteer = gazetteer
        self.toponyms = ToponymMatcher(gazetteer)
        self.resolver = Resolver(gazetteer)
        self.actors = ActorMatcher(read_actors(actor_files or [default_actor_file()]))
        self.max_chars = max_chars

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
        found = [m for m in self.toponyms.find(text, starts) if not _inside_actor(m, actors)]
        tokens = tokenize(text)
        loose = [
            m for m in unresolved_mentions(text, tokens, found) if not _inside_actor(m, actors)
        ]
        countries: Counter[str] = Counter(
            code for t in tokens if (code := DEMONYMS.get(t.key)) is not None
        )
        return self.resolver.resolve(found, loose, countries)

    # Events ------------------------------------------------------------------------------

    def extract(self, report: ReportInput) -> Extraction:
        """Events of a report as GeoJSON features, each with its evidence spans."""
        check_text(report.text, self.max_chars)
        text = clean_text(report.text)
        check_text(text, self.max_chars)
        sentences = split_sentences(text)
        actor_mentions = self.actors.find(text)
        mentions = self._mentions(text, sentences, actor_mentions)
        dates = {s.index: self._dates(s, report.published) for s in sentences}
        reported_at = next(
            (d.last for ds in dates.values() for d in ds if d.role == "report"), report.published
        )
        ctx = _Context(mentions, _report_countries(mentions), reported_at)
        for sentence in sentences:
            ctx.sentence_start = sentences[sentence.index - 1].start if sentence.index else 0
            actors_here = [a for a in actor_mentions if sentence.start <= a.start < sentence.end]
            self._claims(sentence, actors_here, ctx)
            triggers = [
                t
                for t in find_triggers(sentence.text, sentence.start)
                if not _irrealis(sentence, t)
            ]
            for trigger in triggers:
                draft = _draft(
                    ctx,
                    sentence,
                    trigger,
                    actors_here,
                    dates[sentence.index],
                    alone=len(triggers) == 1,
                )
                if draft is not None:
                    ctx.drafts.append(draft)
        features = [build_feature(d, report.url) for d in ctx.drafts]
        return Extraction(text, mentions, features, reported_at, ctx.drafts)

    def _dates(self, sentence: Sentence, published: dt.date) -> list[DateMention]:
        found = find_dates(sentence.text, published, sentence.start)
        reported = [d for d in found if d.role == "report"]
        if reported and any(d.role != "report" for d in found):
            # "on Tuesday ... officials said on 7 August": the Tuesday before 7 August.
            found = find_dates(sentence.text, reported[0].last, sentence.start)
        return found

    @staticmethod
    def _claims(sentence: Sentence, actors: list[ActorMention], ctx: _Context) -> None:
        """ "ISIS claimed the attack": the claimant becomes the actor of the last incident."""
        if not actors or not _CLAIM.search(sentence.text) or not ctx.drafts:
            return
        last = ctx.drafts[-1]
        if last.category != "security_incident" or sentence.index - last.sentence.index > 2:
            return
        for mention in actors:
            last.add_actor(mention.pick(ctx.countries), "actor", mention)


@dataclass
class _Context:
    """What the reading of one report has gathered so far."""

    mentions: list[ResolvedMention]
    countries: list[str]
    reported_at: dt.date
    drafts: list[EventDraft] = field(default_factory=list)
    sentence_start: int = 0  # start of the sentence before the current one


def _draft(
    ctx: _Context,
    sentence: Sentence,
    trigger: Trigger,
    actors: list[ActorMention],
    dates: list[DateMention],
    alone: bool,
) -> EventDraft | None:
    """A new event for a trigger, or None when the trigger goes on about an earlier one."""
    mentions = [m for m in ctx.mentions if sentence.start <= m.mention.start < sentence.end]
    placed = [m for m in mentions if m.place is not None]
    event_dates = [d for d in dates if d.role in ("event", "follow")]
    same_group = [d for d in ctx.drafts if d.spec.group == trigger.spec.group]
    recent = next((d for d in reversed(same_group) if sentence.index - d.sentence.index <= 2), None)
    if same_group and ANAPHORA.search(sentence.text):
        _merge(recent or same_group[-1], sentence, trigger, actors if alone else [], ctx.countries)
        return None
    if recent is not None and not placed and not event_dates:
        _merge(recent, sentence, trigger, actors, ctx.countries)
        return None
    draft = EventDraft(trigger.spec, trigger, sentence)
    origin, location = _locations(sentence, trigger, placed)
    if (
        recent is not None
        and location is not None
        and recent.location is not None
        and recent.location.place == location.place
        and not event_dates
    ):
        # The same event told again with more detail ("sent from Erbil and deployed at K-1").
        _merge(
            recent,
            sentence,
            trigger,
            actors,
            ctx.countries,
            origin,
            strength(sentence.text, sentence.start),
        )
        return None
    if location is None:
        location = _inherited_place(ctx, sentence)
        draft.inherited_location = location is not None
    draft.location, draft.origin = location, origin
    draft.near = (
        location is not None
        and not draft.inherited_location
        and bool(_NEAR_CUE.search(sentence.text[: max(0, location.mention.start - sentence.start)]))
    )
    _date(draft, event_dates, ctx.drafts, ctx.reported_at)
    _actors(draft, trigger, actors, ctx.countries)
    dead = fatalities(sentence.text, sentence.start)
    if dead is not None and trigger.spec.group in ("violence", "unrest"):
        draft.fatalities = dead
    if trigger.spec.category == "movement":
        draft.strength = strength(sentence.text, sentence.start)
    draft.reported_at = ctx.reported_at
    return draft


def _inside_actor(mention: Mention, actors: list[ActorMention]) -> bool:
    return any(a.start <= mention.start and mention.end <= a.end for a in actors)


def _report_countries(mentions: list[ResolvedMention]) -> list[str]:
    counts = Counter(
        m.place.country for m in mentions if m.place is not None and m.place.country in ("IQ", "SY")
    )
    return [c for c, _ in counts.most_common()] or ["IQ"]


def _irrealis(sentence: Sentence, trigger: Trigger) -> bool:
    before = sentence.text[
        max(0, trigger.start - sentence.start - 45) : trigger.start - sentence.start
    ]
    return (
        bool(MODAL.search(before))
        or bool(HABITUAL.search(sentence.text))
        or bool(REFERENCE.search(before))
    )


def _locations(
    sentence: Sentence, trigger: Trigger, placed: list[ResolvedMention]
) -> tuple[ResolvedMention | None, ResolvedMention | None]:
    if not placed:
        return None, None
    movement = trigger.spec.category == "movement"
    origin: ResolvedMention | None = None
    rest = placed
    if movement:
        origins = [m for m in placed if _ORIGIN_CUE.search(_before(sentence, m))]
        if origins:
            origin = origins[0]
            rest = [m for m in placed if m is not origin]
        destinations = [m for m in rest if _DEST_CUE.search(_before(sentence, m))]
        if destinations:
            return origin, min(destinations, key=lambda m: (_rank(m), -m.mention.start))
    elif len(placed) > 1:
        rest = [m for m in placed if not _ORIGIN_CUE.search(_before(sentence, m))] or placed
    if not rest:
        return None, origin
    return origin, min(rest, key=lambda m: (_rank(m), abs(m.mention.start - trigger.start)))


def _before(sentence: Sentence, mention: ResolvedMention) -> str:
    return sentence.text[
        max(0, mention.mention.start - sentence.start - 40) : mention.mention.start - sentence.start
    ]


def _rank(mention: ResolvedMention) -> int:
    assert mention.place is not None
    return _SPECIFICITY.get(mention.place.family, 6)


def _inherited_place(ctx: _Context, sentence: Sentence) -> ResolvedMention | None:
    """Where an event with no place of its own happened: the place just before it."""
    previous = [m for m in ctx.mentions if m.place is not None and m.mention.start < sentence.start]
    last_sentence = [m for m in previous if m.mention.start >= ctx.sentence_start]
    if last_sentence:
        return min(last_sentence, key=lambda m: (_rank(m), -m.mention.start))
    if ctx.drafts and ctx.drafts[-1].location is not None:
        return ctx.drafts[-1].location
    return min(previous[-3:], key=lambda m: (_rank(m), -m.mention.start)) if previous else None


def _date(
    draft: EventDraft, dates: list[DateMention], drafts: list[EventDraft], reported_at: dt.date
) -> None:
    own = [d for d in dates if d.role == "event"]
    if own:
        chosen = min(own, key=lambda d: abs(d.start - draft.trigger.start))
        draft.set_date(chosen.first, chosen.last, chosen.precision, chosen)
        return
    follow = [d for d in dates if d.role == "follow"]
    if follow and drafts:
        base = drafts[-1]
        shift = dt.timedelta(days=follow[0].offset_days)
        draft.set_date(base.date + shift, base.date_end + shift, base.precision, follow[0])
        return
    if drafts:
        base = drafts[-1]
        draft.set_date(base.date, base.date_end, base.precision, None)
        return
    # Nothing said: some time in the week before it was reported.
    draft.set_date(reported_at - dt.timedelta(days=7), reported_at, "week", None)


def _actors(
    draft: EventDraft, trigger: Trigger, actors: list[ActorMention], countries: list[str]
) -> None:
    violent = trigger.spec.group in ("violence", "detention")
    for mention in actors:
        actor = mention.pick(countries)
        if (
            violent
            and mention.start > trigger.start
            and not re.search(
                r"\bby\s+(?:the\s+)?$", draft.sentence.text[: mention.start - draft.sentence.start]
            )
        ):
            role = "target"
        elif actor.kind == "civilians" and violent:
            role = "target"
        else:
            role = "actor"
        draft.add_actor(actor, role, mention)


def _merge(
    previous: EventDraft,
    sentence: Sentence,
    trigger: Trigger,
    actors: list[ActorMention],
    countries: list[str],
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
    for mention in actors:
        actor = mention.pick(countries)
        role = "target" if actor.kind == "civilians" else "actor"
        if not any(a.name == actor.name for a, _, _ in previous.actors):
            previous.add_actor(actor, role, mention)

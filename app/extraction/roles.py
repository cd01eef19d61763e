"""Who did it and to whom: the actors of an event and their roles, from sentence structure.

Rules, first that applies wins:
- an agent phrase makes the actor: "by X", "fire from X", "claimed by X";
- an owner or adjective before a weapon makes the actor: "an IRGC barrage", "a Turkish drone";
- passive voice makes the subject the target: "X were targeted by", "X came under fire",
  "X was killed", and in monitor style "2 policemen killed";
- "backed by X", "allied with X": X supports, it is not a party to the event;
- in a demonstration, protesters act and the security forces intervene (``associated``);
- otherwise word order: before a violent trigger the actor, after it the target.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.extraction.actors import Actor, ActorMatcher, ActorMention
from app.extraction.air_power import dropped_weapon
from app.extraction.backers import backs, fights_beside
from app.extraction.coordination import coordinated, in_list
from app.extraction.cues import cued_search
from app.extraction.event_builder import EventDraft
from app.extraction.event_types import Trigger
from app.extraction.found_bodies import finds_body
from app.extraction.passives import suffered
from app.extraction.patterns import lazy_compile
from app.extraction.role_patterns import (
    AGENT_BEFORE,
    ATTACK_AFTER,
    BETWEEN,
    BLAMED,
    CROWD_OBJECT,
    DEFENCE,
    FOILED_ON_OURS_BEFORE,
    FOLLOWERS_BEFORE,
    FORCE_ON_CROWD_AFTER,
    FORCE_WORDS,
    HARMED,
    HOLDER_BEFORE,
    JOINTLY_WITH_BEFORE,
    LIST_SUBJECT_AFTER,
    OBJECT_BEFORE,
    OWN_SUBJECT,
    PARTICIPLE_AFTER,
    PASSIVE_AFTER,
    PASSIVE_BETWEEN,
    SUBJECT_AFTER,
    SUPPORT_BEFORE,
    WEAPON_AFTER,
    WEAPON_IN_MENTION,
)
from app.extraction.speakers import (
    source_role,
    speaker_role,
    speaks,
    speaks_of_own_act,
    trailing_source_role,
)
from app.extraction.text import Sentence

ARMED = frozenset(
    {"state_forces", "external_forces", "rebel_group", "political_militia", "identity_militia"}
)
_VIOLENT_GROUPS = ("violence", "detention")
#: Kinds that do not fight: hit by violence, never its actor.
_UNARMED = frozenset({"company", "civilians", "international_org", "protesters", "other"})
#: "Kurdish-led security forces", "local police": not the state's forces.
_QUALIFIED = re.compile(r"(?:-led|-backed|-run|\bKurdish|\blocal|\btribal|\bAsayish)\s+$", re.I)
#: Strikes whose target may be civilians named by what was hit.
_STRIKES = frozenset(
    {"attack", "ied_explosion", "suicide_bombing", "drone_or_rocket_attack", "airstrike"}
)
_STATE = frozenset({"state_forces", "external_forces"})
#: A trigger that is itself a passive: "came under attack", "came under fire".
_UNDER = lazy_compile(r"(?:came|come|comes|coming)\s+under\b", re.I)
#: A break after which a verb has a subject of its own.
_CLAUSE_BREAK = lazy_compile(r"[;:]|,\s+(?:and|while|but|as|where|when)\b|\b(?:where|when)\b", re.I)
#: Armed bodies that are not the state's: acting against a crowd, they intervene in it.
_ARMED_GROUPS = frozenset({"rebel_group", "political_militia", "identity_militia"})
#: People taken or freed: the civilians named by what they are, when no other target is named.
_TAKEN = frozenset({"kidnapping", "arrest", "prisoner_release"})


def has_force(text: str, mentions: Sequence[ActorMention], reading: Reading) -> bool:
    """Whether a sentence names an armed body (a force word or an armed actor)."""
    return bool(cued_search(FORCE_WORDS, text)) or any(
        reading.actor(m).kind in ARMED for m in mentions
    )


@dataclass(frozen=True)
class Reading:
    """How actor mentions read in one event: its countries (its own first) and its day."""

    matcher: ActorMatcher
    countries: Sequence[str]
    day: dt.date

    def actor(self, mention: ActorMention) -> Actor:
        """The actor a mention names here ("security forces" in Syria in 2025: the new ones)."""
        return self.matcher.read(mention, self.countries, self.day)

    def generic(self, mention: ActorMention) -> bool:
        """Whether a mention is a generic force word."""
        return self.matcher.is_generic(mention)


def role_of(draft: EventDraft, trigger: Trigger, mention: ActorMention, actor: Actor) -> str | None:
    """The role of an actor mention in the draft's event (None: not a party to it). In
    violence, an oil company, a UN agency or civilians are hit, never the attackers, and a
    government acts through its forces (the ministry that "said" is a source)."""
    role = _role(draft, trigger, mention, actor)
    if role != "actor" or trigger.spec.group != "violence":
        return role
    if actor.kind == "government":
        return None
    return "target" if actor.kind in _UNARMED else role


def _role(draft: EventDraft, trigger: Trigger, mention: ActorMention, actor: Actor) -> str | None:
    sentence = draft.sentence
    at, end = mention.start - sentence.start, mention.end - sentence.start
    before, after = sentence.text[max(0, at - 60) : at], sentence.text[end : end + 40]
    group = trigger.spec.group
    if cued_search(SUPPORT_BEFORE, before):
        return None
    if backs(before, mention.text):
        if fights_beside(mention.text, after):
            return "actor"  # "backed by Hashd al-Shaabi units": they fight beside
        return "associated" if group in _VIOLENT_GROUPS else None
    if group == "unrest":
        if mention.start > trigger.start and cued_search(CROWD_OBJECT, before):
            return "target"  # "crowds stormed the offices of the Badr Organisation"
        if cued_search(FOLLOWERS_BEFORE, before):
            return "associated"  # "supporters of Kataib Hezbollah stormed the gate": the crowd acts
        if actor.kind in ("state_forces", "external_forces"):
            return "associated"  # security forces acting against a demonstration
        if actor.kind in _ARMED_GROUPS and cued_search(FORCE_ON_CROWD_AFTER, after):
            return "associated"  # "Asayish fired into the air to disperse the crowd"
        return "actor"
    violent = group in _VIOLENT_GROUPS
    foiled = cued_search(FOILED_ON_OURS_BEFORE, before) if violent else None
    if foiled and (" our " in foiled.group() or mention.text.lower().startswith("our ")):
        return "actor"  # "PKK terrorists preparing to attack our commandos were neutralised"
    if violent and mention.start >= trigger.end and cued_search(JOINTLY_WITH_BEFORE, before):
        return "actor"  # "air strikes carried out in coordination with our commandos"
    if violent and mention.end <= trigger.start:
        said = speaker_role(
            sentence.text, end, trigger.start - sentence.start, trigger.end - sentence.start
        )
        if said is not None:
            return None if said == "none" else said  # "the SDF said a drone killed its fighters"
        if finds_body(sentence.text, end):
            return None  # "Police found the body ..., days after gunmen abducted him"
    if violent and mention.start >= trigger.end:
        told = trailing_source_role(before, sentence.text[end:])
        if told is not None:
            return None if told == "none" else told  # "..., US Central Command said"
    source = source_role(before, sentence.text[end:]) if violent else None
    if source is not None:
        return None if source == "none" else source  # "according to US Central Command"
    if violent and dropped_weapon(mention.text):
        return "actor"  # "helicopters dropped barrel bombs on Darayya"
    if violent and cued_search(HOLDER_BEFORE, before):
        return "target"  # "cleared the last district held by Islamic State": the holder
    if cued_search(AGENT_BEFORE, before) or (violent and ATTACK_AFTER.match(after)):
        return "actor"  # "by ISIS", "repelled an IS attack"
    if (
        violent
        and mention.start < trigger.end
        and DEFENCE.search(sentence.text, end, trigger.end - sentence.start)
    ):
        return "target"  # "Iraqi forces shot down a drone", "the army repelled an IS attack"
    if violent and mention.start < trigger.start and cued_search(OBJECT_BEFORE, before):
        return "target"  # "targeted a convoy of the occupation forces with an explosive device"
    if violent and BETWEEN.search(sentence.text, max(0, trigger.start - sentence.start), at):
        return "actor"  # "fighting between YPG fighters and IS": both sides fight
    if (
        violent
        and mention.start <= trigger.start
        and (cued_search(WEAPON_IN_MENTION, mention.text) or WEAPON_AFTER.match(after))
    ):
        return "actor"  # "an IRGC barrage hit", not "bombed an Islamic State artillery post"
    if not violent:
        return "actor"
    if actor.kind == "civilians":
        return "target"
    if PARTICIPLE_AFTER.match(after):
        return "target"
    passive = PASSIVE_AFTER.match(after)
    if passive and group == "violence" and cued_search(BLAMED, passive.group()):
        return "actor"  # "homes were set alight; PMF units were accused of the burning"
    if passive and mention.start >= trigger.end and not cued_search(HARMED, passive.group()):
        return None  # "jets struck the prison, and US vehicles were deployed near it"
    if passive and (
        cued_search(HARMED, passive.group()) or mention.end + passive.end() >= trigger.start
    ):
        return "target"  # not "police were deployed, and nine men were arrested"
    if SUBJECT_AFTER.match(after) or LIST_SUBJECT_AFTER.match(after):
        return "actor"
    if mention.end <= trigger.start:
        between = sentence.text[mention.end - sentence.start : trigger.start - sentence.start]
        if cued_search(OWN_SUBJECT, between):
            return "actor"  # "police were deployed, and nine men were arrested"
        if _UNDER.match(trigger.text) and not _CLAUSE_BREAK.search(between):
            return "target"  # "army positions near Haditha came under attack"
        if (
            cued_search(PASSIVE_BETWEEN, between)
            or PARTICIPLE_AFTER.match(after)
            or suffered(between)
        ):
            return "target"
        return "actor"
    return "target"


def assign(
    draft: EventDraft, trigger: Trigger, mentions: Sequence[ActorMention], reading: Reading
) -> None:
    """Add the actors named in the draft's sentence, each with its role."""
    # "government warplanes" (an owner phrase) always names the local state's forces.
    named = [m for m in mentions if not reading.generic(m) or m.generic]
    sentence = draft.sentence
    # A named force that only tells the event ("..., the Joint Operations Command said") leaves
    # the generic words to the state ("two soldiers were killed").
    parties = [m for m in named if role_of(draft, trigger, m, reading.actor(m)) is not None]
    if any(reading.actor(m).kind in _STATE for m in parties):
        # "Troops from the US-led coalition": the named force, not the generic word; but
        # "ISIS overran Mosul and soldiers fled": the soldiers are the state's, and so are
        # "troops and PMF fighters" (two forces told together).
        mentions = [
            m
            for m in mentions
            if m in named or coordinated(sentence.text, sentence.start, m, named)
        ]
    mentions = [
        m
        for m in mentions
        if not reading.generic(m)
        or not cued_search(
            _QUALIFIED,
            sentence.text[max(0, m.start - sentence.start - 20) : m.start - sentence.start],
        )
    ]
    # "HTS security forces", "SNA military police", "Internal Security Forces (Asayish)": the
    # generic word is the named body's own, not the state's.
    mentions = [
        m for m in mentions if not reading.generic(m) or not _owned(sentence, m, mentions, reading)
    ]
    listed: tuple[ActorMention, str] | None = None  # the last mention given a role
    for mention in mentions:
        actor = reading.actor(mention)
        if (
            (reading.generic(mention) or actor.kind == "civilians")
            and speaks(draft.sentence.text, mention.end - draft.sentence.start)
            and not speaks_of_own_act(draft.sentence.text, mention.end - draft.sentence.start)
        ):
            continue  # "police said", "residents said": sources of the report, not parties
        if actor.kind == "civilians" and trigger.spec.category == "movement":
            continue  # "residents said": witnesses, not movers
        if (
            actor.kind == "government"
            and trigger.spec.category == "movement"
            and speaks(draft.sentence.text, mention.end - draft.sentence.start)
        ):
            continue  # "units were deployed, the regional government said": the source
        if trigger.spec.name == "insurgent_activity" and actor.kind == "civilians":
            continue
        role = role_of(draft, trigger, mention, actor)
        if listed is not None and in_list(sentence.text, sentence.start, listed[0], mention):
            role = listed[1]  # "the offices of the Badr Organisation, AAH and the PMF"
        listed = (mention, role) if role is not None else None
        if role is not None:
            draft.add_actor(actor, role, mention)
    if trigger.spec.name == "arrest" and not any(r == "actor" for _, r, _ in draft.actors):
        # "dozens of demonstrators were detained": arrests are made by the state's forces.
        forces = reading.matcher.national(reading.countries[0], reading.day)
        if forces is not None:
            draft.add_actor(forces, "actor", None)
    if _civilians_may_be_hit(draft, trigger):
        civilians = reading.matcher.civilians_hit(
            sentence.text, reading.countries, struck=trigger.spec.name != "arrest"
        )
        if civilians is not None:
            draft.add_actor(civilians, "target", None)  # "slammed into homes", "in a market"


def _owned(
    sentence: Sentence, generic: ActorMention, mentions: Sequence[ActorMention], reading: Reading
) -> bool:
    """Whether a generic force word is a named body's own: the name just before it ("HTS
    security forces") or in brackets just after it ("Internal Security Forces (Asayish)")."""
    for named in mentions:
        if named is generic or reading.generic(named):
            continue
        if 0 <= generic.start - named.end <= 1 and reading.actor(named).kind in ARMED:
            return True
        gap = sentence.text[generic.end - sentence.start : named.start - sentence.start]
        if named.start >= generic.end and gap.strip() == "(":
            return True
    return False


def _civilians_may_be_hit(draft: EventDraft, trigger: Trigger) -> bool:
    """Whether people named by what they are ("three young men", "a lawyer's house") are the
    civilians hit: by a strike or attack with no civilians yet, or taken when nobody else was."""
    if any(a.kind == "civilians" for a, _, _ in draft.actors):
        return False
    if trigger.spec.name in _STRIKES:
        return True
    return trigger.spec.name in _TAKEN and not any(r == "target" for _, r, _ in draft.actors)


def merge(previous: EventDraft, mentions: Sequence[ActorMention], reading: Reading) -> None:
    """Actors of a sentence that goes on about an event already drafted."""
    for mention in mentions:
        if reading.generic(mention):
            continue  # "the soldiers" of an event already told are its named force
        actor = reading.actor(mention)
        if actor.kind == "government":
            continue  # "the government condemned the raids": a reaction, not a part
        role = "target" if actor.kind == "civilians" else "actor"
        if not any(a.name == actor.name for a, _, _ in previous.actors):
            previous.add_actor(actor, role, mention)


#: What no group claims responsibility for: the arrests and releases told around an attack
#: ("troops sealed off the area and detained two suspects. IS claimed the attack").
_NOT_CLAIMED = frozenset({"arrest", "prisoner_release"})
#: Bombs of one twin bombing: a suicide bomber and a car bomb parked outside.
_BOMBS = frozenset({"ied_explosion", "suicide_bombing"})


def _same_kind(one: str, other: str) -> bool:
    return one == other or (one in _BOMBS and other in _BOMBS)


#: How far back a claim of responsibility reaches, in sentences (twice as far for a claim of
#: several: "claimed responsibility for the two attacks").
CLAIM_REACH = 3
_SEVERAL_CLAIMED = lazy_compile(
    r"\b(?:both|two|three|four|all)\s+(?:of\s+the\s+)?(?:attacks|bombings|blasts|explosions)\b",
    re.I,
)
#: What a claim says was attacked or with what: "claimed the convoy attacks", "the rocket attack".
_CLAIMED_KIND = lazy_compile(
    r"\b(?:the|its|both|two|three|these|those|this|that)\s+(convoy|rocket|drone|mortar|missile|"
    r"checkpoint|patrol|pipeline|prison|airport|base|embassy|consulate)s?\s+(?:attacks?|bombings?|"
    r"strikes?)\b",
    re.I,
)


def claimed(drafts: Sequence[EventDraft], sentence: Sentence) -> list[EventDraft]:
    """The incidents a claim of responsibility is about: the latest one within reach whose
    type or place the claim names ("claimed the rocket attack on Erbil"), else the latest;
    with the others of its series (same type, or bombs of a twin bombing, on overlapping
    dates: "missiles struck houses ... another fell near the airport"; the lead and its
    retelling) that no one else is named as doing."""
    several = cued_search(_SEVERAL_CLAIMED, sentence.text) is not None
    reach = CLAIM_REACH * 2 if several else CLAIM_REACH
    recent = [
        d
        for d in drafts
        if d.category == "security_incident"
        and d.spec.name not in _NOT_CLAIMED
        and 0 <= sentence.index - d.sentence.index <= reach
    ]
    if not recent:
        return []
    text = sentence.text.lower()
    named = cued_search(_CLAIMED_KIND, sentence.text)
    kind = named.group(1).lower() if named is not None else None
    chosen = recent[-1]
    for draft in reversed(recent):
        place = draft.location.mention.text.lower() if draft.location is not None else None
        if draft.trigger.text.lower() in text or (place is not None and place in text):
            chosen = draft
            break
        if kind is not None and re.search(rf"\b{re.escape(kind)}", draft.sentence.text, re.I):
            chosen = draft  # "claimed the convoy attacks": the bombs that hit the convoys
            break
    series = [
        d
        for d in recent
        if d is not chosen
        and _same_kind(d.spec.name, chosen.spec.name)
        and d.date <= chosen.date_end
        and chosen.date <= d.date_end
        and not any(role == "actor" and m is not None for _, role, m in d.actors)
    ]
    return [chosen, *series, *_named_in_plural(drafts, sentence, [chosen, *series])]


#: A claim of several incidents: "claimed the attacks on Ain al-Asad, Harir and al-Tanf".
_PLURAL_CLAIM = re.compile(r"\b(?:attacks|strikes|bombings|operations)\s+(?:on|at|against)\b", re.I)
#: A site's kind after its name, which a claim leaves out ("Ain al-Asad (air base)").
_SITE_WORD = re.compile(r"\s+(?:air\s*base|airbase|base|airport|gas\s+field|field|garrison)$")


def _named_in_plural(
    drafts: Sequence[EventDraft], sentence: Sentence, taken: list[EventDraft]
) -> list[EventDraft]:
    """The earlier incidents, however far back, that a claim of several attacks names by their
    place, and that no one else is named as doing."""
    if not cued_search(_PLURAL_CLAIM, sentence.text):
        return []
    text = sentence.text.lower()
    return [
        d
        for d in drafts
        if d not in taken
        and d.category == "security_incident"
        and d.spec.name not in _NOT_CLAIMED
        and d.sentence.index <= sentence.index
        and d.location is not None
        and _SITE_WORD.sub("", d.location.mention.text.lower()) in text
        and not any(role == "actor" and m is not None for _, role, m in d.actors)
    ]

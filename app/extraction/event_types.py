"""Event types: sentence-level trigger patterns, categories and the ACLED crosswalk."""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from app.events import Category, EventType


@dataclass(frozen=True, slots=True)
class TypeSpec:
    """How an event type is found and filed."""

    name: EventType
    category: Category
    group: str  # at most one event per group and sentence
    acled: tuple[str, str]
    triggers: re.Pattern[str]
    label: str


def _p(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)


_SD, _ERV, _BAT, _VAC = (
    "Strategic developments",
    "Explosions/Remote violence",
    "Battles",
    "Violence against civilians",
)

#: In priority order: within a group, the first type that fires wins.
TYPES: tuple[TypeSpec, ...] = (
    TypeSpec(
        "suicide_bombing",
        "security_incident",
        "violence",
        (_ERV, "Suicide bomb"),
        _p(
            r"suicide (?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers)?|vest|car bomb)",
            r"blew (?:himself|herself|themselves) up",
            r"detonated (?:his|her|an?) "
            r"explosive (?:vest|belt)",
        ),
        "Suicide bombing",
    ),
    TypeSpec(
        "ied_explosion",
        "security_incident",
        "violence",
        (_ERV, "Remote explosive/landmine/IED"),
        _p(
            r"IEDs?",
            r"roadside bombs?",
            r"improvised explosive(?: devices?)?",
            r"explosive devices?",
            r"car bombs?",
            r"landmines?",
            r"land mines?",
            r"unexploded (?:ordnance|devices?|shells?)",
            r"sticky bombs?",
            r"bomb (?:exploded|went off|blast)",
            r"(?:bomb|explosive|device)s? (?:[\w-]+ ){0,5}(?:exploded|detonated|went off)",
            r"booby[- ]trap(?:ped|s)?",
            r"explosives?[- ]laden (?:car|vehicle|truck)",
        ),
        "IED explosion",
    ),
    TypeSpec(
        "airstrike",
        "security_incident",
        "violence",
        (_ERV, "Air/drone strike"),
        _p(
            r"air ?strikes?",
            r"air[- ]raids?",
            r"warplanes?",
            r"(?:fighter )?(?:jets?|aircraft|planes|helicopters) (?:[\w-]+ )?"
            r"(?:struck|bombed|hit|targeted|carried out|fired|launched|dropped|attacked|"
            r"raided|pounded)",
            r"aerial (?:bombardment|attack|"
            r"strikes?)",
            r"bombing raids?",
            r"helicopter gunships?",
            r"(?:Turkish|US|American|Israeli|Russian|Jordanian|coalition) (?:air ?)?"
            r"strikes?",
        ),
        "Airstrike",
    ),
    TypeSpec(
        "drone_or_rocket_attack",
        "security_incident",
        "violence",
        (_ERV, "Shelling/artillery/missile attack"),
        _p(
            r"drones?",
            r"UAVs?",
            r"rockets?",
            r"Katyushas?",
            r"mortars?",
            r"missiles?",
            r"shell(?:ed|ing)",
            r"artillery",
            r"projectiles?",
        ),
        "Drone or rocket attack",
    ),
    TypeSpec(
        "armed_clash",
        "security_incident",
        "violence",
        (_BAT, "Armed clash"),
        _p(
            r"clash(?:ed|es)?",
            r"firefights?",
            r"gun ?battles?",
            r"gunfights?",
            r"exchanged (?:fire|gunfire)",
            r"exchange of fire",
            r"fighting (?:erupted|broke"
            r" out|between)",
            r"fought",
            r"battled?",
            r"ambush(?:ed|es)?",
            r"skirmish(?:es)?",
            r"heavy fighting",
        ),
        "Armed clash",
    ),
    TypeSpec(
        "attack",
        "security_incident",
        "violence",
        (_VAC, "Attack"),
        _p(
            r"attack(?:ed|s)?",
            r"shot dead",
            r"gunned down",
            r"opened fire",
            r"shot at",
            r"fired (?:on|at) (?!\w+ (?:base|positions?))",
            r"assassinat(?:ed|ion)",
            r"stormed",
            r"raided",
            r"killed",
            r"stabbed",
            r"executed",
            r"massacre",
        ),
        "Attack",
    ),
    TypeSpec(
        "kidnapping",
        "security_incident",
        "detention",
        (_VAC, "Abduction/forced disappearance"),
        _p(
            r"kidnapp?(?:ed|ing|ings)?",
            r"abduct(?:ed|ion|ions)?",
            r"taken hostage",
            r"seized as hostages?",
        ),
        "Kidnapping",
    ),
    TypeSpec(
        "arrest",
        "security_incident",
        "detention",
        (_SD, "Arrests"),
        _p(
            r"arrest(?:ed|s)?",
            r"detain(?:ed|s)?",
            r"detention of",
            r"apprehended",
            r"rounded up",
            r"taken into custody",
            r"captured",
        ),
        "Arrest",
    ),
    TypeSpec(
        "prisoner_release",
        "security_incident",
        "detention",
        (_SD, "Other"),
        _p(
            r"released (?:\w+ ){0,4}(?:prisoners|detainees|inmates|fighters|hostages)",
            r"release of (?:\w+ ){0,4}(?:prisoners|detainees|inmates|fighters|hostages)",
            r"freed (?:\w+ ){0,4}(?:prisoners|detainees|inmates)",
            r"prisoner (?:swap|"
            r"exchange)",
            r"general amnesty",
            r"amnesty",
        ),
        "Prisoner release",
    ),
    TypeSpec(
        "riot",
        "development",
        "unrest",
        ("Riots", "Violent demonstration"),
        _p(
            r"riot(?:s|ed|ing)?",
            r"set fire to",
            r"torched",
            r"stormed (?:the|a)",
            r"pelted",
            r"threw stones",
            r"rioters",
        ),
        "Riot",
    ),
    TypeSpec(
        "protest",
        "development",
        "unrest",
        ("Protests", "Peaceful protest"),
        _p(
            r"protest(?:ed|s|ers|ing)?",
            r"demonstrat(?:ed|ion|ions|ors)",
            r"rall(?:y|ies|ied)",
            r"sit-ins?",
            r"gatherings?",
            r"gathered",
            r"marched",
            r"took to the streets",
            r"strike by",
            r"went on strike",
            r"blocked (?:the|a) (?:main )?(?:road|highway)",
        ),
        "Protest",
    ),
    TypeSpec(
        "agreement",
        "development",
        "agreement",
        (_SD, "Agreement"),
        _p(
            r"agreements?",
            r"deals?",
            r"signed",
            r"memorandum of understanding",
            r"accords?",
            r"agreed",
            r"truce",
            r"ceasefire",
            r"contracts?",
        ),
        "Agreement",
    ),
    TypeSpec(
        "troop_withdrawal",
        "movement",
        "movement",
        (_SD, "Other"),
        _p(
            r"withdr(?:ew|awn|awal|awing)",
            r"pulled (?:out|back)",
            r"pull-?out",
            r"drawdown",
            r"evacuated (?:the|their) base",
            r"handed over (?:the )?base",
            r"left (?:the|their) (?:base|positions?)",
        ),
        "Troop withdrawal",
    ),
    TypeSpec(
        "troop_movement",
        "movement",
        "movement",
        (_SD, "Other"),
        _p(
            r"convoys?",
            r"moved (?:[\w-]+ ){0,6}(?:from|to|into|towards)",
            r"redeployed",
            r"transferred (?:\w+ ){0,3}(?:troops|forces|units|soldiers|battalions?)",
            r"crossed (?:from|into)",
            r"were sent from",
            r"was sent from",
            r"dispatched from",
            r"arrived (?:at|in)",
            r"advanced (?:on|towards?|into)",
            r"reinforcements (?:were )?sent",
            r"left [A-Z][\w-]+(?: [A-Z][\w-]+)? (?:for|towards?|to)\b",
            r"headed (?:to|for)",
        ),
        "Troop movement",
    ),
    TypeSpec(
        "troop_deployment",
        "movement",
        "movement",
        (_SD, "Other"),
        _p(
            r"deploy(?:ed|ing|ment|ments|s)?",
            r"reinforcements",
            r"stationed",
            r"took up positions",
            r"set up (?:a |new )?(?:base|checkpoints?|positions?)",
            r"returned to (?:the )?(?:\S+ ){0,3}(?:base|airbase|air base)",
            r"took over",
            r"sent (?:\w+ ){0,3}(?:troops|forces|units|soldiers|battalions?|brigades?)",
        ),
        "Troop deployment",
    ),
    TypeSpec(
        "insurgent_activity",
        "security_incident",
        "activity",
        (_SD, "Other"),
        _p(
            r"insurgen(?:cy|ts?)",
            r"sleeper cells?",
            r"(?:militant|insurgent|ISIS|IS) "
            r"activit(?:y|ies)",
            r"fake checkpoints?",
            r"regroup(?:ing|ed)?",
            r"resurgence",
            r"armed men (?:were )?(?:seen|spotted|moving)",
            r"sightings? of",
        ),
        "Insurgent activity",
    ),
)
BY_NAME = {spec.name: spec for spec in TYPES}
GROUP_ORDER = ("violence", "detention", "unrest", "agreement", "movement", "activity")

#: Nouns that refer back to an event already told ("the attack", "the blast").
ANAPHORA = re.compile(
    r"\b(?:the|this|that|these|either|both) (?:[\w-]+ ){0,2}?(?:attack|attacks|blast|"
    r"explosion|strike|strikes|bombing|raid|clash|clashes|fighting|violence|incident|incidents|assault|ambush|"
    r"escalation|shelling|protest|protests|rally|riot|deployment|convoy|operation|missiles|"
    r"rockets|drones|deal|agreement|demonstrators|protesters|attackers|rioters|bomber)\b",
    re.I,
)
#: Words just before a trigger that make it something that may or will happen, or did not.
MODAL = re.compile(
    r"\b(?:will|would|could|might|may|plans? to|planning to|intends? to|expected to|"
    r"threaten(?:s|ed)? to|vowed to|warned (?:that|of)|if|unless|not|no|denied|ready to|"
    r"to plan|planning|accused of|suspected of|little|has seen|have seen|(?:who|which|that) had|"
    r"once|used to|"
    r"prepar(?:e|es|ing) to|aims? to|seeks? to|called for|demand(?:ed|s|ing)?)\b",
    re.I,
)
#: "following the release of...", "after the attack": a trigger that refers to another event.
REFERENCE = re.compile(
    r"\b(?:following|after|since|amid|despite|response to|responding to|ahead of|"
    r"in retaliation for|string of|series of|wave of)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
#: Sentences that describe what happens habitually or has been going on for years.
HABITUAL = re.compile(
    r"\b(?:routine|usually|often|every (?:year|week|month|day)|for years|for decades|common|"
    r"have become|has become|has long|have long|remains?|still|typically|regularly|"
    r"increasingly)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger word found in a sentence."""

    spec: TypeSpec
    start: int
    end: int
    text: str


#: Burning and storming are a riot when a crowd does it, an attack when gunmen do.
CROWD = re.compile(
    r"\b(?:rioters?|protesters|demonstrators|crowds?|mob|inmates|prisoners|"
    r"residents|students|supporters|youths|group broke away)\b",
    re.I,
)
_RIOT_WORDS = re.compile(r"\briot", re.I)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a ``_p`` pattern."""
    inner = pattern[len(r"\b(?:") : -len(r")\b")]
    parts, depth, current = [], 0, ""
    for ch in inner:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def _literal_prefix(alternative: str) -> str:
    """The plain words an alternative must start with ("roadside bomb" of "roadside bombs?")."""
    out = ""
    for i, ch in enumerate(alternative):
        if ch in "\\()[]{}?*+|.^$":
            break
        if alternative[i + 1 : i + 2] in ("?", "*"):
            break
        out += ch
    return out.lower()


def _prefilter() -> tuple[ahocorasick.Automaton, frozenset[int]]:
    """An automaton of literal prefixes -> type indices; types that have none always run."""
    automaton = ahocorasick.Automaton()
    owners: dict[str, set[int]] = {}
    always: set[int] = set()
    for i, spec in enumerate(TYPES):
        for alternative in _alternatives(spec.triggers.pattern):
            literal = _literal_prefix(alternative)
            if len(literal) < 3:
                always.add(i)
            else:
                owners.setdefault(literal, set()).add(i)
    for literal, indices in owners.items():
        automaton.add_word(literal, frozenset(indices))
    automaton.make_automaton()
    return automaton, frozenset(always)


# One pass over a sentence tells which types may fire; only those are searched by regex.
_PREFILTER, _ALWAYS = _prefilter()


def find_triggers(sentence: str, offset: int) -> list[Trigger]:
    """The winning trigger of each group in a sentence (offsets into the report)."""
    present = set(_ALWAYS)
    for _, indices in _PREFILTER.iter(sentence.lower()):
        present |= indices
    best: dict[str, Trigger] = {}
    for i, spec in enumerate(TYPES):
        if spec.group in best or i not in present:
            continue
        match = spec.triggers.search(sentence)
        if (
            match
            and spec.name == "riot"
            and not _RIOT_WORDS.match(match.group())
            and not CROWD.search(sentence)
        ):
            continue
        if match:
            best[spec.group] = Trigger(
                spec, match.start() + offset, match.end() + offset, match.group()
            )
    return [best[g] for g in GROUP_ORDER if g in best]

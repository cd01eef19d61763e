"""Who acts when a sentence names nobody, and who is no party to a battle.

An event whose sentence names no actor takes the actor of the event of its kind told just
before (a series: "a rocket hit the base; another fell near the airport"; a drone strike told
just after an air raid is the raiding air force's, rockets are not), the report's
insurgent group for a suicide bombing and for a kidnapping (in a report on ISIS, "they
abducted 30 women as they withdrew" is ISIS; not one for ransom), protesters for a protest,
else an unidentified armed group of the event's country. Civilians killed in a battle's
crossfire are its victims, not a side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from app.extraction.actors import Actor, ActorCatalog, ActorMention
from app.extraction.cues import cued_search
from app.extraction.event_builder import EventDraft

#: Who acts when the text names nobody: protesters protest, an unknown group attacks.
DEFAULT_ACTOR = {
    "protest": "Protesters",
    "riot": "Rioters",
    "ied_explosion": "Unidentified armed group",
    "drone_or_rocket_attack": "Unidentified armed group",
    "attack": "Unidentified armed group",
    "kidnapping": "Unidentified armed group",
    "suicide_bombing": "Unidentified armed group",
}
#: The countries whose default actors the actor list has, by the name it gives them ("Rioters
#: (Turkey)" only if the list has it): an attack in Jordan or Turkey is no Iraqi group's.

#: "a landmine left over from the war", "unexploded ordnance": a remnant of past fighting that
#: went off by itself; nobody attacked (a group that left it is named when the text says so).
REMNANT = re.compile(
    r"\b(?:left\s+over|left\s+behind|leftover|unexploded|remnants?\s+of\s+(?:the\s+)?war)\b",
    re.I,
)

#: Kidnappers who ask money are criminals, not the report's insurgents.
RANSOM = re.compile(r"\bransoms?\b", re.I)


def add_defaults(
    draft: EventDraft,
    countries: Sequence[str],
    catalog: ActorCatalog,
    earlier: Sequence[EventDraft] = (),
    named_insurgent: Actor | None = None,
) -> None:
    """Who acts when the sentence names nobody: the actor of the event of the same type told
        before in the report ("- Near Mosul, four airstrikes struck..." after "coalition forces
        conducted 16 airstrikes"), the report's insurgent group for a suicide bombing, protesters
        for a protest, else an unidentified armed group (of the event's country, none outside those
    the actor list has one for). ``named_insurgent`` is the insurgent group
        the report's text names most (headline included), for a suicide bombing no event names."""
    stem = DEFAULT_ACTOR.get(draft.spec.name)
    if draft.spec.name == "suicide_bombing" and named_insurgent is not None:
        _unnamed_bombers(draft, named_insurgent)
    if draft.spec.name in ("protest", "riot"):
        if any(a.kind in ("protesters", "rioters") for a, _, _ in draft.actors):
            return
    elif any(role == "actor" for _, role, _ in draft.actors):
        return
    if draft.spec.group == "violence" and (
        _copy_attacker(draft, earlier, _same_kind) or _copy_attacker(draft, earlier, _strike_kin)
    ):
        return
    if stem is None:
        return
    if draft.spec.name == "ied_explosion" and cued_search(REMNANT, draft.sentence.text):
        return
    if (
        draft.spec.name == "kidnapping"
        and named_insurgent is not None
        and not cued_search(RANSOM, draft.sentence.text)
    ):
        draft.add_actor(named_insurgent, "actor", None)
        return
    if draft.spec.name == "suicide_bombing":
        insurgent = _main_insurgent(earlier, draft) or named_insurgent
        if insurgent is not None:
            draft.add_actor(insurgent, "actor", None)
            return
    place = draft.location.place if draft.location is not None else None
    country = place.country if place is not None else countries[0]
    unidentified = catalog.local(stem, country)
    if unidentified is not None:
        draft.add_actor(unidentified, "actor", None)


def _copy_attacker(
    draft: EventDraft,
    earlier: Sequence[EventDraft],
    kin: Callable[[EventDraft, EventDraft], bool],
) -> bool:
    """Give ``draft`` the named attackers of the latest earlier event ``kin`` to it and near
    enough; whether there was one."""
    for before in reversed(earlier):
        named = [(a, m) for a, role, m in before.actors if role == "actor" and m is not None]
        if kin(before, draft) and named and _within_reach(before, draft):
            for actor, mention in named:
                draft.add_actor(actor, "actor", mention)
            return True
    return False


#: Strikes from the air and drone strikes: "a strike hit", "drones struck" after "Turkish
#: warplanes bombed" are the same campaign's, told with either word; rockets and mortars fired
#: from the ground are no air force's.
_STRIKES = frozenset({"airstrike", "drone_or_rocket_attack"})
_GROUND_FIRE = re.compile(r"\b(?:rockets?|katyushas?|mortars?|missiles?|projectiles?)\b", re.I)


def _strike_kin(before: EventDraft, draft: EventDraft) -> bool:
    """An air strike and a drone strike (not a rocket) told near it, of different types."""
    return (
        {before.spec.name, draft.spec.name} <= _STRIKES
        and before.spec.name != draft.spec.name
        and draft.sentence.index - before.sentence.index <= COPY_REACH
        and _GROUND_FIRE.search(draft.sentence.text) is None
    )


#: Shelling: whether it hits homes (``attack``) or fighters (``drone_or_rocket_attack``), it is
#: the same act by the same guns.
_SHELLING = re.compile(r"\b(?:shell(?:s|ed|ing|fire)?|artillery|mortars?|bombardment)\b", re.I)
_SHELLED = frozenset({"attack", "drone_or_rocket_attack"})


def _same_kind(before: EventDraft, draft: EventDraft) -> bool:
    """Events of one type, or shelling told of both ("artillery pounded the front; shells
    also fell on homes in Qamishli")."""
    if before.spec.name == draft.spec.name:
        return True
    return (
        {before.spec.name, draft.spec.name} <= _SHELLED
        and _SHELLING.search(before.sentence.text) is not None
        and _SHELLING.search(draft.sentence.text) is not None
    )


#: How far back, in sentences, an unclaimed attack takes the attacker of one of its kind;
#: air strikes are always some air force's, so theirs reaches the whole report.
COPY_REACH = 3


def _within_reach(before: EventDraft, draft: EventDraft) -> bool:
    """Whether an earlier event's attacker is near enough to be this unclaimed one's ("a
    rocket hit the base; another fell near the airport"), not a group named paragraphs
    before for an attack of its own."""
    reach = draft.sentence.index - before.sentence.index
    return draft.spec.name == "airstrike" or reach <= COPY_REACH


#: Strikes told as a series ("In Syria, targets were hit near Albu Kamal"): those of one lead.
SERIES = frozenset({"airstrike", "drone_or_rocket_attack"})
_ARMED_TARGET = frozenset(
    {"state_forces", "external_forces", "rebel_group", "political_militia", "identity_militia"}
)


def add_series_targets(draft: EventDraft, earlier: Sequence[EventDraft]) -> None:
    """A strike of a series that names no target hit whom the strike of its kind told
    just before (within reach) hit, when both were made by the same actor: "US forces struck
    IRGC and militia sites ... In Syria, targets were hit near Albu Kamal"."""
    if draft.spec.name not in SERIES:
        return
    if any(role == "target" for _, role, _ in draft.actors):
        return  # civilians hit, or a target named: not the lead's series
    acting = {a.name for a, role, _ in draft.actors if role == "actor"}
    if not acting or any(name.startswith("Unidentified") for name in acting):
        return  # unknown attackers make no series
    for before in reversed(earlier):
        if before.spec.name != draft.spec.name or not _within_reach(before, draft):
            continue
        if acting != {a.name for a, role, _ in before.actors if role == "actor"}:
            continue
        hit = [
            (a, m)
            for a, role, m in before.actors
            if role == "target" and m is not None and a.kind in _ARMED_TARGET
        ]
        for actor, mention in hit:
            draft.add_actor(actor, "target", mention)
        return


def without_bystanders(draft: EventDraft) -> None:
    """A battle is fought between armed sides: civilians killed in the crossfire are its
    victims, not a party to it (the corpus README: armed_clash is "fighting between two armed
    sides"); civilians the fighters massacred or carried off (:data:`MASSACRE`) stay its
    target."""
    if draft.spec.name == "armed_clash" and not cued_search(MASSACRE, draft.sentence.text):
        draft.actors = [a for a in draft.actors if a[0].kind != "civilians"]


#: Civilians the fighters themselves killed or carried off ("overran the town, killing
#: hundreds of Yazidi men"): the victims of a massacre, not of crossfire.
MASSACRE = re.compile(
    r"\b(?:killing|killed|massacr(?:ed|ing)|enslav(?:ed|ing)|execut(?:ed|ing)|slaughter(?:ed|ing)|"
    r"abduct(?:ed|ing))\s+(?:and\s+\w+\s+)?(?:[\w,-]+\s+){0,3}?(?:of\s+)?(?:the\s+)?"
    r"(?:Yazidis?|Yezidis?|civilians|villagers|residents)\b"
)


def named_insurgent(mentions: Sequence[ActorMention]) -> Actor | None:
    """The jihadist group a report's text names most often, if any: a suicide bombing told
    with no bomber named is that group's ("a suicide bomber blew himself up" in a report that
    says the attacker belonged to ISIS). Jihadist: a group the actor list calls militants
    (the SDF guarding a prison is no suicide bomber)."""
    counts: dict[str, tuple[int, Actor]] = {}
    for mention in mentions:
        if len(mention.actors) == 1 and _jihadist(mention.actors[0]):
            actor = mention.actors[0]
            counts[actor.name] = (counts.get(actor.name, (0, actor))[0] + 1, actor)
    return max(counts.values(), key=lambda c: c[0])[1] if counts else None


def _unnamed_bombers(draft: EventDraft, insurgent: Actor) -> None:
    """ "A suicide bomber drove a truck into the gate while gunmen attacked the posts": the
    unnamed gunmen of a suicide assault are the jihadist group the report names."""
    if not any(
        role == "actor" and a.name.startswith("Unidentified") for a, role, _ in draft.actors
    ):
        return
    if any(
        role == "actor" and not a.name.startswith("Unidentified") for a, role, _ in draft.actors
    ):
        return
    draft.actors = [
        (insurgent, role, mention)
        if role == "actor" and actor.name.startswith("Unidentified")
        else (actor, role, mention)
        for actor, role, mention in draft.actors
        if actor.name != insurgent.name
    ]


def _jihadist(actor: Actor) -> bool:
    return actor.kind == "rebel_group" and any("militant" in a.casefold() for a in actor.aliases)


def _main_insurgent(drafts: Sequence[EventDraft], draft: EventDraft) -> Actor | None:
    """The insurgent group the report's events name most, if any."""
    counts: dict[str, tuple[int, Actor]] = {}
    for other in [*drafts, draft]:
        for actor, _, mention in other.actors:
            if actor.kind == "rebel_group" and mention is not None:
                counts[actor.name] = (counts.get(actor.name, (0, actor))[0] + 1, actor)
    return max(counts.values(), key=lambda c: c[0])[1] if counts else None

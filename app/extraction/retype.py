"""Event types refined once an event's actors and route are known.

The trigger word gives a first type; what the sentence says about who was hit and where the
force went settles it (the blind corpus README's annotation rules, ACLED's definitions):

- an attack word whose target is an armed side is a battle: "gunmen struck an army checkpoint",
  "IS attacked a Hashd post", "fighters attacked government positions" (ACLED: Battles /
  Armed clash); so is an attack by state forces
  on nobody named ("Peshmerga forces attacked from the Khazir front"), and so is one told of
  the state's forces and an armed group with nobody else ("security forces killed two ISIS
  members in a raid");
- a battle word whose only targets are civilians, told with their killing and no fight
  between two sides, is violence against civilians ("IS fighters overran the village,
  massacring dozens of Yazidi men"; "after clashes that killed residents" stays a battle);
- shelling or artillery fire that hits civilians is an attack on civilians, not remote
  violence against a military target ("regime forces shelled the town, killing a woman");
- a move with neither an origin nor a direction ("arrived in Kobani", "moved into Sinjar",
  "entered the town") is a deployment at the place, and so is one whose "origin" is the place
  it went to (the place the other side left: "rebels pulled out of the town; troops entered
  it"); "pushed north from Qayyara toward Mosul"
  stays a movement, and so does an advance ("advanced into the village", "swept into the
  city": the lexicon's ``advance`` cue words), a force moving on rather than taking up posts;
- forces sent and told on their way ("reinforcements from Hama were seen heading towards the
  coast", "dispatched troops from Idlib towards Latakia") are a movement, not yet a deployment
  at a place ("reinforcements were sent to the town" stays one);
- a move told as how an offensive began ("the offensive began at dawn, when Hezbollah units
  pushed into Jurud Arsal") is the battle, not a movement;
- an advance told with the ground it took ("Peshmerga advanced from the Khazir front,
  retaking nine villages", "troops advanced into the quarter and took control of it") is the
  battle for that ground, not a movement;
- armed men outside the state setting up a checkpoint ("gunmen set up a checkpoint on the
  road") is insurgent activity, not a deployment;
- a force leaving one place for another under a deal or in buses ("rebels left Douma for
  Jarablus under the agreement") is a withdrawal (with its destination), not a movement;
- the Islamic State entering or pushing into a place ("militant convoys pushed into Shirqat",
  "IS fighters entered the town") is insurgents taking ground, not a troop movement (the
  corpus README: ``insurgent_activity``, "seizing a village without a fight"); its
  pull-backs stay withdrawals.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.extraction.cues import cued_search
from app.extraction.evacuations import evacuation
from app.extraction.event_builder import EventDraft
from app.extraction.event_types import BY_NAME
from app.extraction.lexicon import shipped_alternation, shipped_words
from app.extraction.patterns import lazy_compile

#: Kinds of actor that fight: a target of one of these makes an attack a battle.
ARMED = frozenset(
    {"state_forces", "external_forces", "rebel_group", "political_militia", "identity_militia"}
)
_STATE = frozenset({"state_forces", "external_forces"})
#: Attack words that say two armed sides fought when the target is armed (a raid that kills
#: militants, sniper fire at soldiers); killings told with "shot dead", "executed" or
#: "assassinated" stay one-sided.
_FIGHT_WORDS = re.compile(
    r"^(?:attack(?:ed|s)?|stormed|raided|opened fire|fired (?:on|at)|struck|hit|killed|"
    r"targeted|assaulted|came under (?:fire|attack)|come under (?:fire|attack)|"
    r"(?:were|was) targeted|"
    # "conducted a helicopter raid ..., killing two ISIS officials": a raid on an armed side
    r"(?:conducted|carried out|launched|staged) (?:a |an )?(?:[\w-]+ ){0,2}raids?|"
    # "an IS sniper killed a soldier": sniper fire at troops is fighting
    r"sniper fire|snipers? (?:shot|killed))",
    re.I,
)
#: Coming under fire or attack: said of a force (a unit, a post, troops on a raid), whoever
#: fired; unless the sentence names civilians as the ones hit, the two sides fought.
_UNDER_FIRE = re.compile(r"^(?:came|come|coming) under (?:fire|attack)", re.I)
#: Gun and cannon fire (not rockets, mortars or drones, which stay remote violence).
_SHELLING = re.compile(r"^(?:shell(?:s|ed|ing)?|artillery|mortars?)\b", re.I)
#: Entering or pushing into a place, told at the movement word ("convoys had pushed south
#: into Shirqat", "entered the town"), not a route "towards" or "from" somewhere.
_INTO = re.compile(
    r"[^,;]{0,25}?\b(?:entered|(?:pushed|advanced|moved|rolled|poured|swept|walked|marched)"
    r"\b(?:(?!\btowards?\b|\bfrom\b)[^,;]){0,40}?\binto|took (?:full |complete )?control of|"
    r"took over)\b",
    re.I,
)
#: Insurgents whose taking of ground without a fight is insurgent activity
#: (data/lexicon/insurgents_taking_ground.csv).
_INSURGENTS = shipped_words("insurgents_taking_ground.csv", "actor")
#: The Islamic State or "the militants" as the subject just before the movement word.
_INSURGENT_SUBJECT = re.compile(
    r"\b(?:militants?|militant (?:convoys|columns|fighters)|jihadists?|Islamic State|(?-i:ISIS)|"
    r"(?-i:ISIL|IS)|Daesh)(?:\s+(?:fighters|militants|convoys|columns|units|forces))?\s+"
    r"(?:had\s+|have\s+|has\s+|then\s+|also\s+)?$",
    re.I,
)
#: A direction or a route after a movement word: "toward Mosul", "through Busra al-Harir".
_ROUTE = re.compile(r"^[^;]{0,80}?\b(?:towards?|through|via|en route)\b", re.I)


def advance_words(cues: Mapping[str, Sequence[str]]) -> re.Pattern[str] | None:
    """The lexicon's ``advance`` cue words as one pattern, matched at a movement word."""
    words = cues.get("advance", ())
    return lazy_compile(r"(?:" + "|".join(words) + r")\b", re.I) if words else None


def refine(draft: EventDraft, advance: re.Pattern[str] | None = None) -> None:
    """Settle the type of a draft from its actors and its route (``advance``: the lexicon's
    words of an advance, a movement even with no starting point)."""
    name = draft.spec.name
    targets = [a for a, role, _ in draft.actors if role == "target"]
    if name == "attack" and _FIGHT_WORDS.match(draft.trigger.text):
        acting = [a for a, role, _ in draft.actors if role == "actor"]
        offensive = not targets and bool(acting) and all(a.kind in _STATE for a in acting)
        # "the General Security forces killed two ISIS members in a raid": the state's forces
        # and an armed group, nobody else named, fought each other
        offensive = offensive or (
            not targets
            and any(a.kind in _STATE for a in acting)
            and any(a.kind in ARMED and a.kind not in _STATE for a in acting)
            and all(a.kind in ARMED for a in acting)
        )
        under_fire = _UNDER_FIRE.match(draft.trigger.text) is not None and not any(
            a.kind == "civilians" for a in targets
        )
        if any(a.kind in ARMED for a in targets) or offensive or under_fire or _armed_object(draft):
            draft.spec = BY_NAME["armed_clash"]  # "the army attacked from the south"
    elif name == "drone_or_rocket_attack" and _SHELLING.match(draft.trigger.text):
        if any(a.kind == "civilians" for a in targets):
            draft.spec = BY_NAME["attack"]
    elif name == "armed_clash" and _civilians_killed(draft):
        draft.spec = BY_NAME["attack"]  # "overran Sinjar, killing thousands of Yazidis"
    elif _insurgents_moving_in(draft) or _insurgent_checkpoint(draft) or _posts_taken(draft):
        draft.spec = BY_NAME["insurgent_activity"]
    elif name == "troop_movement" and _advance_taking_ground(draft, advance):
        draft.spec = BY_NAME["armed_clash"]  # "advanced from the east, retaking nine villages"
    elif draft.spec.category == "movement" and _opening_push(draft):
        draft.spec = BY_NAME["armed_clash"]  # "the offensive began when troops pushed in"
    elif name == "troop_deployment" and _on_the_way(draft):
        draft.spec = BY_NAME["troop_movement"]  # "reinforcements heading towards the coast"
    elif name == "troop_movement" and draft.origin is not None and evacuation(draft.sentence.text):
        draft.spec = BY_NAME["troop_withdrawal"]  # "left Douma for Jarablus under the deal"
    elif name == "troop_movement" and (draft.origin is None or _no_way_travelled(draft)):
        draft.origin = None  # "pulled out of the town; troops entered it": no route
        if advance is not None and advance.match(draft.trigger.text):
            return  # "Israeli forces advanced into the village": moving on, no post taken
        sentence = draft.sentence
        after = sentence.text[draft.trigger.start - sentence.start :]
        if not _ROUTE.match(after):
            draft.spec = BY_NAME["troop_deployment"]


def _no_way_travelled(draft: EventDraft) -> bool:
    """Whether a move's origin is the very place it went to ("NFL fighters pulled out of
    Qalaat al-Madiq; government units entered the town"): the place the other side left,
    read as where this force came from, is no start of a route."""
    origin, location = draft.origin, draft.location
    if origin is None or location is None or origin.place is None or location.place is None:
        return False
    return origin.place.id == location.place.id


#: Killing told of people ("killing hundreds of Yazidi men", "massacred", "executed").
_KILLING = re.compile(
    r"\b(?:kill(?:ed|ing)|massacr\w*|execut(?:ed|ion|ions|ing)|enslav\w*|behead\w*|"
    r"slaughter\w*|shot dead)\b",
    re.I,
)
#: Words of a fight between two sides: a battle, whoever died in it.
_TWO_SIDES = re.compile(
    r"\b(?:clash\w*|fight(?:s|ing)?|fought|battl\w*|gunfights?|firefights?|exchange\w* of fire|"
    r"resist\w*|between)\b",
    re.I,
)


def _civilians_killed(draft: EventDraft) -> bool:
    """ "Islamic State fighters overran Sinjar, killing thousands of Yazidi men": a battle
    word whose only targets are civilians, told with their killing and no fight between two
    sides, is violence against civilians (ACLED), not a battle."""
    hit = [a for a, role, _ in draft.actors if role == "target"]
    if not hit or any(a.kind != "civilians" for a in hit):
        return False
    text = draft.sentence.text
    return bool(cued_search(_KILLING, text)) and not cued_search(_TWO_SIDES, text)


#: A route told on from a deployment word: from one place towards another, or on the way.
_ON_THE_WAY = re.compile(
    r"[^;]{0,60}?\bfrom\b[^;]{0,60}?\btowards?\b|[^;]{0,80}?\bheading (?:towards?|for)\b",
    re.I,
)


def _on_the_way(draft: EventDraft) -> bool:
    """Whether forces sent are told on their way ("reinforcements from Idlib heading towards
    Aleppo"), not arrived."""
    sentence = draft.sentence
    return bool(_ON_THE_WAY.match(sentence.text, draft.trigger.start - sentence.start))


#: Ground taken or fought for, told in the clause after an advance: "advanced on the town,
#: taking several villages", "advanced into the district and took control of it", "advanced
#: on the dam, where fighting with the rearguard was reported".
_GROUND_TAKEN = lazy_compile(
    r"[^.;]{0,90}?\b(?:(?:re)?(?:took|taking|captur(?:ed|ing)|seiz(?:ed|ing))\b|"
    r"retook\b|retaking\b|overr(?:an|unning)\b|clash(?:ed|es|ing)\b|fighting\b)",
    re.I,
)


def _advance_taking_ground(draft: EventDraft, advance: re.Pattern[str] | None) -> bool:
    """Whether an advance is told with the ground it took, or the fight for it, in the same
    clause."""
    if advance is None or not advance.match(draft.trigger.text):
        return False
    sentence = draft.sentence
    if _GROUND_TAKEN.match(sentence.text, draft.trigger.end - sentence.start):
        return True
    # "forces launched the campaign on 17 October, advancing on Mosul from the south"
    return bool(_LAUNCHED.search(sentence.text, 0, draft.trigger.start - sentence.start))


#: An offensive launched or announced before an advance in the same sentence.
_LAUNCHED = lazy_compile(
    r"\b(?:launched|announced|opened|began) (?:an?|the|its|their) (?:\w+ ){0,2}?"
    r"(?:offensive|campaign|assault)\b[^.;]*$",
    re.I,
)


#: An offensive told as begun by the move that follows: "the offensive began at dawn, when
#: Hezbollah units pushed into Jurud Arsal" (the corpus README: fighting between two armed
#: sides); a move told with its starting point stays a movement.
_OFFENSIVE_OPENED = re.compile(
    r"\b(?:offensive|assault|campaign|battle) (?:began|started|opened|got under way|"
    r"was launched)\b[^.;]{0,40}?\b(?:when|with)\b[^.;]*$",
    re.I,
)


def _opening_push(draft: EventDraft) -> bool:
    """Whether a move is how an offensive told in the same sentence began."""
    if draft.spec.name == "troop_withdrawal" or draft.origin is not None:
        return False  # "advanced on Tikrit from Samarra": a route told, the move itself
    sentence = draft.sentence
    return bool(_OFFENSIVE_OPENED.search(sentence.text, 0, draft.trigger.start - sentence.start))


#: What only an armed side holds, as the object of an attack word: "attacked government
#: positions", "struck two army checkpoints", "stormed a police post" (ACLED: Battles); the
#: nouns are data/lexicon/armed_objects.csv.
_ARMED_OBJECT = re.compile(
    r"\s*(?:(?:on|at)\s+)?(?:the\s+|an?\s+|their\s+|its\s+|our\s+|two\s+|three\s+|"
    rf"several\s+|\d+\s+)?(?:[\w-]+\s+){{0,2}}?{shipped_alternation('armed_objects.csv')}\b",
    re.I,
)


def _armed_object(draft: EventDraft) -> bool:
    """Whether the attack word's object is a place only an armed side holds."""
    sentence = draft.sentence
    return bool(_ARMED_OBJECT.match(sentence.text, draft.trigger.end - sentence.start))


#: Setting up a checkpoint or a post, the act an insurgent checkpoint is told by.
_SETTING_UP = re.compile(r"set up\b", re.I)
#: Armed men outside the state in the clause before the act ("gunmen in military uniforms").
_IRREGULARS = re.compile(
    r"\b(?:gunmen|armed men|masked men|militants|insurgents|jihadists|Islamic State|"
    r"(?-i:ISIS|ISIL|IS)|Daesh|sleeper cells?)\b[^;]*$",
    re.I,
)
#: The state's forces named in that clause: their checkpoint is a deployment.
_STATE_FORCES = re.compile(
    r"\b(?:army|police|troops|soldiers|security forces|Peshmerga|Asayish|SDF|PMF|Hashd)\b", re.I
)


def _insurgent_checkpoint(draft: EventDraft) -> bool:
    """ "Gunmen in military uniforms set up a checkpoint on the road and checked identity
    cards": armed men outside the state setting up a checkpoint (the corpus README:
    ``insurgent_activity``), not forces deploying."""
    if draft.spec.name != "troop_deployment" or not _SETTING_UP.match(draft.trigger.text):
        return False
    sentence = draft.sentence
    before = sentence.text[: draft.trigger.start - sentence.start]
    irregulars = _IRREGULARS.search(before)
    return irregulars is not None and not _STATE_FORCES.search(irregulars.group())


#: "took over several checkpoints": posts taken over, told right after the trigger.
_POSTS_TAKEN = lazy_compile(
    r"took over\b(?:[^.;]{0,40}?)\b(?:checkpoints?|check-points?|posts?|outposts?)\b", re.I
)
#: Armed sides outside the state (an actor's kind, data/actors.csv).
_IRREGULAR_KINDS = frozenset({"rebel_group", "political_militia", "identity_militia"})


def _posts_taken(draft: EventDraft) -> bool:
    """ "Tribal gunmen took over several checkpoints on the road": armed men outside the state
    taking over posts with no fight told (a fight is read as a battle before this) is
    insurgent activity, not a force deploying; not when the holders were told leaving ("took
    over posts after the Peshmerga pulled out": ground handed on)."""
    if draft.spec.name != "troop_deployment":
        return False
    sentence = draft.sentence
    if not _POSTS_TAKEN.match(sentence.text, draft.trigger.start - sentence.start):
        return False
    acting = [a for a, role, _ in draft.actors if role == "actor"]
    if not acting or not all(a.kind in _IRREGULAR_KINDS for a in acting):
        return False
    return not _HOLDERS_LEFT.search(sentence.text)


#: The holders of a place told leaving it ("after the Peshmerga pulled out").
_HOLDERS_LEFT = lazy_compile(
    r"\b(?:pulled (?:out|back)|withdr[ae]w\w*|handed (?:over|them)|vacated|abandoned)\b", re.I
)


def _insurgents_moving_in(draft: EventDraft) -> bool:
    """Whether a movement is the Islamic State entering or pushing into a place."""
    if draft.spec.name not in ("troop_movement", "troop_deployment"):
        return False
    sentence = draft.sentence
    if not _INTO.match(sentence.text, draft.trigger.start - sentence.start):
        return False
    acting = [a for a, role, _ in draft.actors if role == "actor"]
    if acting and all(a.name in _INSURGENTS for a in acting):
        return True
    before = sentence.text[: draft.trigger.start - sentence.start]
    return bool(_INSURGENT_SUBJECT.search(before))

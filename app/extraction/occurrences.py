"""Which trigger words of a sentence are occurrences to report, and of which type.

The lexicon finds trigger words; these rules drop the ones that are not an event of their own:
what may happen or did not (:func:`app.extraction.event_types.irrealis`), a claim about an
event already told, a movement with nobody armed in the sentence, the raid that is an arrest,
the convoy that was hit. Security forces acting against a demonstration make it a protest
with an intervention, never a battle (ACLED: "Excessive force against protesters"), and ground
taken after clashes is a clash.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.extraction.aid_convoys import told_as_other
from app.extraction.crowd_shootings import AGAINST_CROWDS, crowd_shot_by_gunmen
from app.extraction.cues import cued_search
from app.extraction.disasters import natural_disaster
from app.extraction.evacuations import force_with_kin
from app.extraction.event_anaphora import ANAPHORA
from app.extraction.event_types import Trigger, TriggerFinder, irrealis
from app.extraction.framing import framing
from app.extraction.ground_taken import ground_taken
from app.extraction.ordnance import goods_seized, handled
from app.extraction.overflights import overflight
from app.extraction.role_patterns import FORCE_WORDS
from app.extraction.runners_up import runners_up
from app.extraction.second_occurrences import while_another
from app.extraction.text import Sentence
from app.extraction.told_before import before_claim, told_before_reference
from app.extraction.visits import visit

#: "ISIS claimed the attack", "blamed the PKK": a sentence about who did an event.
CLAIM = re.compile(
    r"\b(?:claimed|blam(?:ed|es|ing)|accused(?! of)|responsibility|attributed|behind the|"
    r"hallmarks)\b|"
    # "the PKK said it was behind both attacks": its own claim, named before
    r"\b(?:it|they) (?:was|were) behind (?:the|both|these|those|that|this)\b|"
    # "the Guards said in a statement that they had fired the missiles": a claim, too
    r"\b(?:said|announced|stated)(?: in an? (?:[\w-]+ )?(?:statement|post|message))?"
    r"(?: on \w+)?,? (?:that )?(?:it|they|its (?:fighters|forces|units|drones)|their fighters) "
    r"had (?:fired|launched|carried out|targeted|attacked|struck|shelled|bombed)\b",
    re.I,
)
#: "the Guards said they had fired missiles at ...": a side's own account of what it did,
#: which goes on about the event told before it when that one is of the same kind and day.
CLAIMED_ACT = re.compile(
    r"\b(?:said|announced|stated|claimed)(?: in an? (?:[\w-]+ )?(?:statement|post|message))?"
    r"(?: on \w+)?,? (?:that )?(?:it|they|its (?:fighters|forces|units|drones)|their fighters) "
    r"had (?:fired|launched|carried out|targeted|attacked|struck|shelled|bombed)\b",
    re.I,
)
_KILLING = re.compile(r"\b(?:kill\w*|dead|died|shot|wound\w*|injur\w*)\b", re.I)
_RAID = re.compile(r"(?:raid\w*|stormed|searched)$", re.I)
#: Movement nouns that a violent verb just before makes the target ("hit a convoy").
_TARGET_NOUN = re.compile(r"(?:convoys?|reinforcements)$", re.I)
_OBJECT_REACH = 50
_AGREEMENT_NOUN = re.compile(r"(?:agreements?|deals?|accords?|truce|ceasefire)$", re.I)
_DEFINITE_BEFORE = re.compile(
    r"\b(?:the|this|that|its|their|under\s+an?)\s+(?:[\w-]+\s+){0,3}$", re.I
)
_MADE_AFTER = re.compile(
    r"^,?\s+(?:was|were|had been|has been)?\s*(?:signed|reached|agreed|concluded|struck|"
    r"announced|brokered)\b",
    re.I,
)
_MADE_BEFORE = re.compile(
    r"\b(?:signed|reached|accepted|concluded|struck|agreed to|approved|ratified)\s+"
    r"(?:the|an?|its|their)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
_APPROACH = re.compile(r"(?:entered|crossed|infiltrated|stormed into|broke into)", re.I)
#: A push that goes on in a participle clause to take ground ("pushed west from Khazir,
#: clearing nine villages"): the offensive, told as one fight.
_PUSH = re.compile(r"(?:pushed|advanced|advancing|moved)\b", re.I)
_PARTICIPLE = re.compile(r"\w+ing\b", re.I)
_AND_THEN = re.compile(r"\band\b(?:\s+then)?", re.I)
_NEW_CLAUSE = re.compile(r"[;]|,\s+(?:as|while|where|when|after|but)\b", re.I)
_ANOTHER = re.compile(
    r"\b(?:another|a second|a third|the second|the third)(?: one)? (?:(?:[\w-]+ ){0,2}?)"
    r"(?:fell|hit|struck|landed|"
    r"exploded|went off|crashed|targeted|was (?:fired|launched|shot down|intercepted))\b",
    re.I,
)
_ENDED = re.compile(r"\bended\s+(?:when|with|after)\b", re.I)
_CIVILIANS_BEFORE = re.compile(
    r"\b(?:refugees|civilians|residents|families|people|villagers|displaced|Christians|Yazidis|"
    r"thousands|hundreds|inmates|prisoners|detainees|captives)\b(?:\s+\w+){0,3}\s+$",
    re.I,
)
#: Who did the harm, named by the act ("the attackers", "the kidnappers"): their withdrawal
#: afterwards is the getaway of that attack, not a force withdrawing.
_CULPRITS_BEFORE = re.compile(
    r"\b(?:attackers|assailants|perpetrators|kidnappers|abductors)\b(?:\s+\w+){0,3}\s+$", re.I
)
#: Armed men without a name ("the gunmen", 'Daesh "remnants" who'): when they flee, it is a
#: getaway too ("tribal gunmen pulled out towards the west bank" is still a withdrawal).
_GUNMEN_BEFORE = re.compile(
    r"\b(?:gunmen|remnants|(?:armed|masked|unidentified|unknown) men)\b[\"\u201d']?"
    # "the gunmen, riding a motorcycle, fled": an aside between commas.
    r"(?:(?:\s+\w+){0,3}|,(?:\s+[\w-]+){1,4},)\s+$",
    re.I,
)
#: A ruler or official who fled ("the president fled to Moscow"): one man escaping, no force.
_RULER_BEFORE = re.compile(
    r"\b(?:president|prime minister|governor|mayor|king|minister|Assad|al-Assad)\s+$", re.I
)
#: A passive move ("were moved to", "was transferred to"): someone moved them.
_PASSIVE_BEFORE = re.compile(r"\b(?:were|was|been|being)\s+$", re.I)
#: People who are moved rather than move (the subject of such a passive).
_PEOPLE = re.compile(
    r"\b(?:refugees|civilians|residents|families|villagers|displaced|inmates|prisoners|"
    r"detainees|captives|hostages|children|women|wounded)\b",
    re.I,
)
#: The month in a date ("On 23 May", "May 23", "in May 2021", "late April and early May, when"),
#: not the modal verb "may".
_MONTH_MAY = re.compile(
    r"(?<=\d )May\b|\bMay(?=,? \d|[.;:)]|,? (?:and|when)\b)|"
    r"(?<=\b[Ii]n )May\b|(?<=\b[Ll]ate )May\b|(?<=\b[Ee]arly )May\b|(?<=\b[Mm]id-)May\b|"
    r"(?<=\b[Oo]f )May\b|(?<=\b[Ss]ince )May\b|(?<=\b[Uu]ntil )May\b|(?<=\b[Ll]ast )May\b"
)


def without_month_may(text: str) -> str:
    """The text with the month May written "Mai" (same length), so that what reads "may"
    as a modal ("may have been") does not read a date as one."""
    return _MONTH_MAY.sub("Mai", text) if "May" in text else text


#: Claim words whose party is named after them ("blamed the PKK", "the hallmarks of IS").
BLAME = re.compile(r"(?:blam(?:ed|es|ing)|accused|attributed|behind the|hallmarks)", re.I)


def occurrences(
    finder: TriggerFinder,
    sentence: Sentence,
    armed: Callable[[], bool],
    dated_reference: Callable[[Trigger], bool] | None = None,
) -> list[Trigger]:
    """The triggers of a sentence that are events (``armed``: whether the sentence names an
    armed body, asked only when a movement needs it; ``dated_reference``: whether a trigger
    that refers to another event gives that event's own date, which makes it one)."""
    plain = without_month_may(sentence.text)
    found = finder.find(sentence.text, sentence.start)
    told = [
        t
        for t in found
        if not irrealis(plain, t.start - sentence.start, t.spec.category == "movement")
    ]
    # "the 1 April agreement": an agreement named again, with the day it was made.
    again = [t for t in told if known_agreement(sentence, t)]
    dated = [
        t
        for t in found
        if (t not in told or t in again) and dated_reference is not None and dated_reference(t)
    ]
    told = [t for t in told if t not in dated]
    # "after the final convoy of buses carrying fighters": the group's next word, if any.
    more = runners_up(finder, sentence, plain, [t for t in found if t not in told + dated])
    found, told = found + more, told + more
    earlier = told_before_reference(finder, sentence, plain, found, told + dated)
    found, told = found + earlier, told + earlier
    claim = cued_search(CLAIM, sentence.text)
    if claim is not None and cued_search(ANAPHORA, sentence.text):
        # "ISIS claimed the attack": about an event already drafted; but "in response to an
        # Israeli air strike near Damascus on Monday" is one more, with its own date, and
        # "an IED hit a patrol near Hawija; IS claimed the attack" tells the event first.
        # "the January 28 attack on Tower 22, claimed by the Islamic Resistance": a claim
        # about an earlier event that gives that event's own date tells it in background.
        named = [t for t in told if dated_reference is not None and dated_reference(t)]
        first = before_claim(sentence, claim.start(), [t for t in told if t not in named])
        return dated + named + first
    triggers = [t for t in found if t in told or t in dated]
    triggers = [t for t in triggers if not crowd_shot_by_gunmen(sentence, t, triggers)]
    if any(t.spec.group == "unrest" for t in triggers):
        # "police fired on the protesters", "set fire to tyres and stormed the offices":
        # the demonstration (with an intervention), not a second, violent event.
        triggers = [t for t in triggers if t.spec.name not in AGAINST_CROWDS]
    if any(t.spec.group in ("violence", "unrest") for t in triggers):
        # "the army shelled Ariha, held by insurgents": who holds the town, not an activity;
        # "thousands poured into the square in the largest demonstration": a crowd, too.
        triggers = [t for t in triggers if t.spec.group != "activity"]
    if any(t.spec.category == "movement" for t in triggers) and not armed():
        # "a withdrawal of the cleric's support", "residents fled": nobody armed moves.
        triggers = [t for t in triggers if t.spec.category != "movement"]
    triggers = ground_taken(finder, sentence, triggers)
    if any(t.spec.group == "detention" for t in triggers) and not cued_search(
        _KILLING, sentence.text
    ):
        # "raided the village and detained three men": the raid is the arrest.
        triggers = [t for t in triggers if not _RAID.match(t.text)]
    acts = [t for t in triggers if t.spec.group in ("violence", "unrest")]
    if acts:
        # "ambushed a police convoy", "threw stones at the convoy", "a blast struck the
        # perimeter as a convoy was passing": hit, not moving.
        triggers = [
            t
            for t in triggers
            if not _TARGET_NOUN.match(t.text)
            or not any(
                0 < t.start - a.start < _OBJECT_REACH or a.spec.group == "violence" for a in acts
            )
        ]
    triggers = [
        t
        for t in triggers
        if (t in dated or not known_agreement(sentence, t))
        and not handled(sentence, t)
        and not goods_seized(sentence, t)
        and not _fleeing(sentence, t)
        and not visit(sentence, t)
        and not _ending(sentence, t, triggers)
        and not _standing(sentence, t)
        and not framing(sentence, t, triggers)
        and not overflight(sentence, t)
        and not told_as_other(t, triggers, sentence)
        and not natural_disaster(sentence, t)
    ]
    triggers += _another(sentence, triggers)
    triggers += while_another(finder, sentence, triggers)
    harm = [t for t in triggers if t.spec.group in ("violence", "detention")]
    # "Israeli forces entered Jubata and detained two men", "a bomber entered the church and
    # opened fire", "fighters crossed the river and attacked SDF posts": the approach is how
    # the raid or the attack began, not a movement of its own.
    return [t for t in triggers if not _approach(sentence, t, harm)]


def _approach(sentence: Sentence, trigger: Trigger, harm: list[Trigger]) -> bool:
    """ "entered the church and opened fire", "crossed the river and attacked": a move whose
    own subject goes on to do harm (or a bomber entering) is how the harm began."""
    if _PUSH.match(trigger.text) and any(
        h.start > trigger.end
        and h.spec.name == "armed_clash"
        and _PARTICIPLE.match(h.text)
        and re.fullmatch(
            r"[^;]*,\s*", sentence.text[trigger.end - sentence.start : h.start - sentence.start]
        )
        is not None
        for h in harm
    ):
        return True
    # "troops pushed into the Jolan district and fought the militants": the push is the fight.
    if not _APPROACH.match(trigger.text) and not (
        _PUSH.match(trigger.text) and any(h.spec.name == "armed_clash" for h in harm)
    ):
        return False
    for h in harm:
        if h.spec.name == "suicide_bombing":
            return True
        between = sentence.text[trigger.end - sentence.start : h.start - sentence.start]
        if (
            h.start > trigger.start
            and _AND_THEN.search(between)
            and not _NEW_CLAUSE.search(between)
        ):
            return True
    return False


def _another(sentence: Sentence, triggers: list[Trigger]) -> list[Trigger]:
    """ "a drone hit the Sarsang field, and another fell near Khurmala": one more occurrence
    of the violent event told first in the sentence."""
    first = next((t for t in triggers if t.spec.group == "violence"), None)
    if first is None:
        return []
    at = first.end - sentence.start
    return [
        Trigger(first.spec, sentence.start + m.start(), sentence.start + m.end(), m.group())
        for m in _ANOTHER.finditer(sentence.text, at)
    ]


#: "militias stationed on the west bank shelled the town": a force said to be where it stands
#: (a participle after its noun), the subject of what the sentence tells, is no deployment.
_STANDING = re.compile(r"(?:stationed|based|positioned)$", re.I)
_NOUN_BEFORE = re.compile(r"[a-z]\w*s\s+$")
_MAIN_VERB_AFTER = re.compile(
    r"[^,;]{0,80}?\b(?:shelled|attacked|fired|struck|targeted|clashed|opened fire|killed|"
    r"came under|(?:were|was) (?:attacked|targeted|hit|killed|wounded|struck))\b",
    re.I,
)


def _standing(sentence: Sentence, trigger: Trigger) -> bool:
    """ "Iranian-backed militias stationed on the western bank shelled Busayrah": where the
    force stands, said of the subject of another occurrence, is no move of its own."""
    if not _STANDING.match(trigger.text):
        return False
    at, end = trigger.start - sentence.start, trigger.end - sentence.start
    return bool(_NOUN_BEFORE.search(sentence.text[max(0, at - 30) : at])) and bool(
        _MAIN_VERB_AFTER.match(sentence.text, end)
    )


def _ending(sentence: Sentence, trigger: Trigger, triggers: list[Trigger]) -> bool:
    """ "The abduction ended when the captives were freed": the release is how the kidnapping
    told in the sentence ended, not an event of its own."""
    if trigger.spec.name != "prisoner_release":
        return False
    taken = [t for t in triggers if t.spec.name == "kidnapping" and t.start < trigger.start]
    between = sentence.text[: trigger.start - sentence.start]
    return bool(taken) and bool(_ENDED.search(between, taken[0].end - sentence.start))


def _fleeing(sentence: Sentence, trigger: Trigger) -> bool:
    """ "refugees who fled Turkey", "residents fled", "inmates were moved to other wings",
    "the attackers withdrew": people escaping or taken away, not forces moving."""
    if trigger.spec.category != "movement":
        return False
    at = trigger.start - sentence.start
    if trigger.spec.name == "troop_withdrawal" and _getaway(
        sentence.text[max(0, at - 40) : at], trigger
    ):
        # "the gunmen fled to an unknown destination": the attack's getaway.
        return True
    if force_with_kin(sentence.text[max(0, at - 80) : at]):
        return False  # "fighters and their families left the town": the force leaves
    people = _CIVILIANS_BEFORE.search(sentence.text[max(0, at - 40) : at])
    if people is None and _PASSIVE_BEFORE.search(sentence.text, 0, at):
        # "3,000 inmates surrendered ..., and were moved to other wings": moved by others.
        people = _PEOPLE.search(sentence.text, 0, at)
    # "hundreds of troops withdrew": the force word says who left.
    return people is not None and not FORCE_WORDS.search(people.group())


def _getaway(before: str, trigger: Trigger) -> bool:
    """ "the attackers withdrew towards the mountains", "the gunmen fled": those who did the
    harm getting away (``before``: the text just before the withdrawal word)."""
    if _CULPRITS_BEFORE.search(before):
        return True
    return trigger.text.lower().startswith("fled") and bool(
        _GUNMEN_BEFORE.search(before) or _RULER_BEFORE.search(before)
    )


def known_agreement(sentence: Sentence, trigger: Trigger) -> bool:
    """ "under the agreement", "implementing the 10 March agreement": an agreement already
    made, named again; not "the two sides signed an agreement" or "the deal was signed"."""
    if trigger.spec.name != "agreement" or not _AGREEMENT_NOUN.match(trigger.text):
        return False
    at, end = trigger.start - sentence.start, trigger.end - sentence.start
    before = sentence.text[max(0, at - 40) : at]
    named_again = _DEFINITE_BEFORE.search(before)
    return (
        bool(named_again)
        and not _MADE_BEFORE.search(before)
        and not _MADE_AFTER.match(sentence.text[end : end + 40])
    )

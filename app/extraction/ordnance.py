"""Explosives handled, not exploded: no ``ied_explosion``.

Reports of clearing operations and strike releases name bombs that never went off: "engineers
are clearing the roads of explosive devices", "dismantled 200 IEDs", "defused a roadside bomb",
"seized IED components", "explosive devices were seized", and the bomb-making sites struck
("an IED factory", "a VBIED workshop"). The bomb word there is the object handled or the kind
of site, not an explosion; the strike on the site, when there is one, is its own trigger. A
sentence that also says the device went off or killed someone is left alone. Weapons "seized"
are no kidnapping either.
"""

from __future__ import annotations

import re

from app.extraction.event_types import Trigger
from app.extraction.text import Sentence

#: The bomb word names a site or a stock: "IED factory", "explosive device workshop".
_SITE_AFTER = re.compile(
    r"^\s*(?:-?\s*(?:making|manufacturing|production|storage)\s+)?(?:factory|factories|"
    r"workshops?|facilit(?:y|ies)|plants?|labs?|laborator(?:y|ies)|caches?|depots?|"
    r"stockpiles?|components|materials|parts|making|makers?|manufacturing|production|"
    r"storage|network|cells?|experts?|specialists?)\b",
    re.I,
)
#: Handled, not exploded: "defused", "dismantled more than 200", "clearing the roads of".
_HANDLED_BEFORE = re.compile(
    r"\b(?:defus\w*|dismantl\w*|disarm\w*|clear\w*|remov\w*|seiz\w*|found|discover\w*|"
    r"uncover\w*|recover\w*|confiscat\w*|neutrali[sz]\w*|dispos\w*|(?:made|rendered)\s+safe|"
    r"destroy\w*|detonated\s+in\s+a\s+controlled|controlled\s+detonation\s+of|"
    r"(?:in\s+)?possession\s+of|caught\s+with|"
    r"tried\s+to\s+plant|planting|laying|prepar(?:ed|ing)|making|assembl(?:ed|ing))\s+"
    r"(?:[\w,'-]+\s+){0,7}$",
    re.I,
)
#: The device went off after all, or hurt someone.
_WENT_OFF = re.compile(
    r"\b(?:exploded|explosion|went\s+off|blast|detonated(?!\s+in\s+a\s+controlled)|killing|"
    r"killed|wounding|wounded|injuring|injured|struck|hit|tore)\b"
)  # lower case: "in Hit" names the town


#: Handled, told after the device in the passive: "explosive devices were seized".
_HANDLED_AFTER = re.compile(
    r"[^.;]{0,30}?\b(?:was|were|had been|have been|has been)\s+(?:seized|found|discovered|"
    r"confiscated|defused|dismantled|recovered|uncovered)\b",
    re.I,
)
#: Goods, not people: what "were seized" says of weapons and drugs is no kidnapping.
_GOODS = re.compile(
    r"\b(?:weapons|arms|ammunition|rifles|pistols?|guns|devices|explosives|bombs|IEDs|drugs|"
    r"narcotics|pills|cash|documents|vehicles|cars|trucks|equipment|materials|cargo|"
    r"shipments?|fuel|oil|goods|laptops|phones|launchers?|(?:launch(?:ing)? )?platforms|"
    r"rockets|missiles|mortars|belts|caches|components|motorcycles)\b[^.;]{0,40}$",
    re.I,
)


def goods_seized(sentence: Sentence, trigger: Trigger) -> bool:
    """Whether a kidnapping word is goods seized: "three devices, a pistol and ammunition
    were seized in the house"."""
    if trigger.spec.name != "kidnapping" or not trigger.text.lower().startswith("seized"):
        return False
    at = trigger.start - sentence.start
    return bool(_GOODS.search(sentence.text[max(0, at - 80) : at]))


def handled(sentence: Sentence, trigger: Trigger) -> bool:
    """Whether an explosive trigger names a device handled or a bomb-making site."""
    if trigger.spec.name != "ied_explosion":
        return False
    at = trigger.start - sentence.start
    end = trigger.end - sentence.start
    text = sentence.text
    if _SITE_AFTER.match(text[end:]):
        return True
    if _HANDLED_AFTER.match(text, end) and not _WENT_OFF.search(text[end:]):
        return True  # "explosive devices were seized in the hideout"
    if not _HANDLED_BEFORE.search(text[max(0, at - 80) : at]):
        return False
    return not _WENT_OFF.search(text[end:])

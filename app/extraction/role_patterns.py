"""The word patterns the role rules read around an actor mention (see :mod:`app.extraction.roles`).

Agent phrases ("by X", "fire from X"), supporters and holders ("backed by X", "held by X"),
passive voice ("X were targeted"), objects of attack verbs, weapon words after an owner, and
the subject of an active violent verb. Each is a compiled regular expression matched just
before or just after the mention.
"""

from __future__ import annotations

import re

from app.extraction.patterns import lazy_compile

_ARTICLE = r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
AGENT_BEFORE = re.compile(
    r"\b(?:by|(?:fire|gunfire|attacks?|shelling|assault|strikes?|rockets?|missiles?|drones?)"
    r"(?:\s+(?:on|late\s+on|early\s+on|overnight|at\s+dawn|again)(?:\s+[A-Z]\w+day)?)?"
    r"\s+from|blam(?:ed|es|ing)(?:\s+on)?|accus(?:ed|es|ing)(?!\s+of\b)|"
    r"(?:fell|falls?|fallen|falling)\s+to|at\s+the\s+hands\s+of)"
    # "by members of the government forces", "fire from armed elements of the so-called YBS"
    rf"\s+{_ARTICLE}(?:(?:[\w-]+\s+){{0,2}}|(?:armed\s+)?(?:members|fighters|elements|gunmen|"
    r"militants|units)\s+of\s+(?:the\s+)?(?:so-called\s+)?)$",
    re.I,
)
#: The side a force acts for, not against: "struck IS positions in support of the Peshmerga",
#: "strikes at the request of Iraqi forces", "US jets backing Kurdish-led forces". The gold
#: leaves that side out of the strike; its enemy is the target.
_HELPED = (
    r"\b(?:in\s+(?:support|aid)\s+of|at\s+the\s+(?:request|behest)\s+of|on\s+behalf\s+of|"
    r"(?<!with\s)(?<!the\s)backing(?!\s+of\b))\s+"
)
SUPPORT_BEFORE = re.compile(
    r"\b(?:armed|trained|funded)\s+by\s+"
    rf"{_ARTICLE}(?:[\w'-]+\s+){{0,1}}$|\b(?:allied\s+(?:to|with)|loyal\s+to|affiliated\s+"
    rf"(?:to|with))\s+{_ARTICLE}$|{_HELPED}{_ARTICLE}(?:[\w'-]+\s+){{0,2}}$",
    re.I,
)
#: "held by X", "under the control of X", "buildings used by X": who holds the ground or the
#: site fought over, not an agent; "an operation against X": whom it is against.
HOLDER_BEFORE = re.compile(
    r"\b(?:(?:held|controlled|run|occupied|defended|used|manned|operated)\s+by|"
    r"(?:belonging|belonged|belongs|belong)\s+to|"
    r"under\s+(?:the\s+)?control\s+of|against)\s+"
    rf"{_ARTICLE}$",
    re.I,
)
#: The owner of an attack noun attacks, wherever it stands ("repelled an IS attack").
ATTACK_AFTER = re.compile(
    r"^(?:'s)?\s+(?:(?:[\w-]+)\s+)?(?:attacks?|assaults?|offensive|ambush(?:es)?|raids?|"
    r"onslaught|incursion)\b",
    re.I,
)
BETWEEN = re.compile(r"\bbetween\b", re.I)
#: "supporters of the Sadrist movement": the crowd acts, the movement stands behind it.
FOLLOWERS_BEFORE = re.compile(r"\b(?:supporters|followers|partisans)\s+of\s+(?:the\s+)?$", re.I)
#: An armed body's act against a crowd, told just after its name: "Asayish fired into the air
#: to disperse the crowd", "HTS broke up a protest", "SDF members opened fire on demonstrators".
FORCE_ON_CROWD_AFTER = lazy_compile(
    r"^(?:\s+(?:members|gunmen|fighters|guards|police|forces|personnel|units))?\s+(?:fired|"
    r"opened\s+fire|broke\s+up|dispersed|used\s+(?:tear\s+gas|batons|live|water)|beat|"
    r"shot\s+at)\b",
    re.I,
)
#: "terrorists who were preparing to attack our commandos were neutralised": the issuer's own
#: forces that an attack foiled in time was meant for, told just before their name; in a
#: statement, those who stopped it.
FOILED_ON_OURS_BEFORE = lazy_compile(
    r"\b(?:preparing|planning|trying|attempting|intending|about)\s+(?:to\s+(?:attack|target|"
    r"infiltrate)|an?\s+(?:attack|assault|infiltration)\s+(?:on|against))\s+(?:our\s+"
    r"(?:[\w-]+\s+){0,2})?$",
    re.I,
)
#: "strikes carried out in coordination with our commandos": a side acting with the doer.
JOINTLY_WITH_BEFORE = lazy_compile(
    r"\b(?:in\s+(?:close\s+)?(?:coordination|cooperation|conjunction)|jointly|together)\s+"
    r"with\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
#: What a crowd storms or burns: its owner is the target of the riot.
CROWD_OBJECT = re.compile(
    r"\b(?:(?:offices?|headquarters|buildings?|premises|embassy|consulate|compound|homes?|"
    r"houses?|gates?|walls?|entrance|doors?)\s+of|(?:stormed|torched|burned|burnt|attacked|ransacked|besieged|pelted|"
    r"set fire to|broke into)(?:\s+and\s+\w+)?)\s+(?:the\s+|an?\s+)?$",
    re.I,
)
#: The object of an attack verb told before the trigger word ("targeted a convoy of the US
#: forces with an explosive device", "struck our positions with drones"), within its clause.
OBJECT_BEFORE = re.compile(
    r"\b(?:targeted|targeting|attacked|attacking|struck|striking|hit|hitting|shelled|shelling|"
    r"bombed|bombing|ambushed|ambushing|stormed|storming|raided|raiding)\s+"
    r"(?:(?!by\b|from\b)[\w'-]+\s+){0,8}$",
    re.I,
)
WEAPON_AFTER = re.compile(
    r"^(?:'s)?\s+(?:[\w-]+\s+)?(?:drones?|UAVs?|(?:air|drone|missile)\s*strikes?|strikes?|"
    r"barrages?|missiles?|rockets?|mortars?|artillery|shell(?:s|ing|fire)|jets?|warplanes?|"
    r"aircraft|helicopters?|bombardment|gunfire|snipers?)\b",
    re.I,
)
WEAPON_IN_MENTION = re.compile(
    r"\b(?:drones?|UAVs?|strikes?|barrages?|missiles?|rockets?|mortars?|artillery|shell\w*|"
    r"jets?|warplanes?|aircraft|planes?|helicopters?|gunships?|bombardment|fire|"
    r"(?:F|Su|MiG|Mi|A|B)-\d+s?|Sukhois?|MiGs?|Bayraktars?|Reapers?|Apaches?)$",
    re.I,
)
#: "were targeted", "came under fire", "had been killed", "came under Turkish (artillery
#: fire)": the subject suffers the action.
PASSIVE_BETWEEN = re.compile(
    r"\b(?:was|were|been|being|is|are|got|get)\s+(?:\w+ly\s+|also\s+|reportedly\s+)?$|"
    r"\b(?:came|come|comes|coming)\s+under\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
#: Participles of harm: the subject of "were killed", "was ambushed" suffered it.
HARMED = re.compile(
    r"\b(?:killed|wounded|injured|hit|shot|struck|targeted|attacked|ambushed|abducted|"
    r"kidnapped|detained|arrested|captured|shelled|bombed|executed|besieged|hurt)\b",
    re.I,
)
#: A passive verb that blames its subject for the act: "PMF units were accused of the burning".
BLAMED = re.compile(r"\b(?:accused|blamed|suspected)\b", re.I)
#: A passive verb with a subject of its own after a clause break: the mention before it is
#: not the one it was done to ("units were deployed, and nine men were arrested").
OWN_SUBJECT = re.compile(
    r"(?:,\s+and|;|\band)\s+(?:[\w-]+\s+){1,6}(?:were|was|had been|have been|has been)\s+$",
    re.I,
)
PARTICIPLE_AFTER = re.compile(
    r"^(?:\)|\s*\([^)]{1,20}\))?(?:\s+[\w-]+)?(?:\s+and\s+(?:[\w-]+\s+){0,2}[\w-]+\s+(?=were\s))?\s*"
    r"(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+|being\s+)?"
    r"(?:killed|wounded|injured|hurt|dead|died|abducted|kidnapped|detained|arrested)"
    r"(?=\s*(?:[,;.:]|$|and\b|when\b|in\b|on\b|at\b|near\b|after\b|by\b|as\b|while\b))",
    re.I,
)
#: "IS members attacked them": the subject of an active violent verb acts, wherever the
#: sentence's trigger word is ("18 killed when IS members attacked them").
_ACTIVE_VERB = (
    r"(?:also\s+|then\s+|reportedly\s+)?(?-i:attacked|killed|shot|stormed|"
    r"ambushed|abducted|kidnapped|detained|arrested|struck|fired|shelled|bombed|targeted|raided|"
    r"seized|launched|carried out|opened fire|detonated|blew up|executed|assassinated|hit|"
    r"captured|overran|clashed)\b"
)  # the verb in lower case: "near Hit" names the town, not "hit"
SUBJECT_AFTER = re.compile(rf"^(?:\s+[\w-]+){{0,2}}?\s+{_ACTIVE_VERB}", re.I)
#: "(liberated Rawa) after troops and the Hashd stormed it": the first of two subjects acts too.
LIST_SUBJECT_AFTER = re.compile(
    rf"^(?:\s+[\w-]+)?(?:,|\s+and)\s+(?:[\w'-]+\s+){{1,4}}?{_ACTIVE_VERB}", re.I
)
PASSIVE_AFTER = re.compile(
    r"^(?:\)|\s*\([^)]{1,20}\))?(?:\s+[\w-]+){0,2}?\s+"
    r"(?:(?:was|were|had been|have been|has been|is being|are being)\s+"
    r"(?:\w+ly\s+)?(?:\w+ed|hit|shot|struck)|(?:came|come|comes|coming) under)\b",
    re.I,
)
#: Who stops an attack is its target: "shot down a drone", "repelled an IS attack".
DEFENCE = re.compile(
    r"\b(?:shot down|shoot down|intercept(?:ed|s)?|downed|repell?(?:ed|s)?|repulsed|foiled|"
    r"thwarted|fended off|fought off|beat back|defused|dismantled)\b",
    re.I,
)
#: Words for an armed body: a movement needs one (or an armed actor) in its sentence.
FORCE_WORDS = re.compile(
    r"\b(?:troops|forces|soldiers|fighters|units?|militants|militias?|army|armies|police|"
    r"policemen|convoys?|battalions?|brigades?|divisions?|regiments?|columns?|reinforcements|"
    r"personnel|gunmen|commandos|marines|guards|jihadists|rebels|insurgents|tanks|"
    r"armou?red vehicles|military|garrisons?|advisers|contingents?)\b",
    re.I,
)

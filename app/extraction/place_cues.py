"""The words just before a place that say what part it plays in an event: where a force
came from or went, what it was near, where it withdrew to, a road leading somewhere.

Each pattern is matched against the text just before a mention (`before`), so each ends in
``$``. `app/extraction/locate.py` weighs them.
"""

from __future__ import annotations

import re

from app.extraction.resolve import ResolvedMention
from app.extraction.text import Sentence

ORIGIN_CUE = re.compile(
    r"\b(?:from|left|leaving|departed|set out from|out of)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}|[\w-]+\s+(?:city|town|village|district|province|camp|base)\s+of\s+)$|"
    # "troops fled Palmyra", "abandoned the town of Hit": the place left (not "fled to").
    r"\b(?:fled|abandoned|evacuated|vacated)\s+(?:the\s+)?(?:(?:town|city|village|base)\s+of\s+)?$|"
    r"\bfrom\s+(?:bases|positions|camps|areas)\s+(?:in|near|around)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?$",
    re.I,
)
DEST_CUE = re.compile(
    r"\b(?:to|into|towards?|for|arrived (?:at|in)|reached|at|in|inside|positions at|"
    r"(?:advanced|advancing|advances|marched|marching|closed in|closing in|converged) on|"
    r"deployed (?:at|to|in))\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
#: Not "flights to and from Sulaymaniyah", "flights from Erbil airport": both ways, or
#: traffic closed, is no force's starting point.
#: "fired from over the occupied Golan Heights", "from the direction of the Golan", "from the
#: airspace of Lebanon": where the shots came from too.
FROM_CUE = re.compile(
    r"(?<!\bto and )(?<!\bflights )(?<!\bflight )\b(?:from|out of)\s+"
    r"(?:(?:over|above)\s+|(?:the\s+)?(?:direction|airspace|skies)\s+(?:of|over)\s+)?"
    r"(?:the\s+)?(?:[a-z]+ed\s+)?$",
    re.I,
)
#: "drove Islamic State out of Sinjar", "expelled the militants from Rawa": the place the
#: enemy was forced out of is where the fight was, not where a force came from; so is where
#: something was seized ("seized the tunnels from the Qaboun district").
OUSTED_CUE = re.compile(
    r"\b(?:dr[io]ve[ns]?|driving|push(?:ed|es|ing)?|forc(?:ed|es|ing)|expel(?:led|s|ling)?|"
    r"oust(?:ed|s|ing)?|chas(?:ed|es|ing)|kick(?:ed|s|ing)|evict(?:ed|s|ing)?|"
    r"clear(?:ed|s|ing)?|seiz(?:ed|es|ing)|wrest(?:ed|s|ing)?)\s+(?:[\w'’-]+\s+){0,5}"
    r"(?:out of|from)\s+(?:the\s+)?$",
    re.I,
)
NEAR_CUE = re.compile(
    r"\b(?:near|outside|around|outskirts of|north of|south of|east of|west of|north-east of|"
    r"north-west of|south-east of|south-west of|northeast of|northwest of|southeast of|"
    r"southwest of|close to|between|area of|countryside of|desert (?:east|west|north|south) "
    r"of)\s+(?:the\s+)?$",
    re.I,
)
STRONG_DEST_CUE = re.compile(
    r"\b(?:arrived (?:at|in)|reached|deployed (?:at|to|in)|positions (?:at|in|near|around))\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
BEFORE_PENALTY = 30  # characters: "shelled Tal Tamr" binds tighter than "Tal Tamr was shelled"
#: Where a withdrawing force went ("pulled back to Erbil"); "in" only says where it was.
WITHDRAWN_TO = re.compile(
    r"\b(?:to|into|towards?|for|back to)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I
)
ROAD_CUE = re.compile(r"\b(?:roads?|highways?|routes?|leading)\s+(?:\w+\s+)?to\s+$", re.I)


def before(sentence: Sentence, mention: ResolvedMention, width: int = 40) -> str:
    """The sentence text just before a mention."""
    at = mention.mention.start - sentence.start
    return sentence.text[max(0, at - width) : at]

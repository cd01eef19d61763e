"""Two triggers of one group in a sentence that tell one occurrence: the same words read
twice ("planes started bombing" holds the "bombing" of an explosive), or a toll told with
the strike ("in an air operation, 3 terrorists were neutralised")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.extraction.event_types import Trigger


def reads_more(wider: Trigger, narrower: Trigger) -> bool:
    """Whether a later type's match holds an earlier one's words and says more of the means
    ("planes started bombing" holds the "bombing" of an explosive): the wider reading wins,
    unless it is the catch-all attack or the earlier a suicide bombing."""
    return (
        wider.start <= narrower.start
        and narrower.end <= wider.end
        and wider.end - wider.start > narrower.end - narrower.start
        and wider.spec.name != "attack"
        and narrower.spec.name != "suicide_bombing"
    )


#: "were neutralised" as the toll of an air operation, not of ground fighting ("... by our
#: commandos in an operation supported by armed drones" is a clash).
_NEUTRALISED = re.compile(r"neutrali[sz]ed\b", re.I)
_BY_GROUND = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?by\s+(?:our\s+|the\s+)?(?:[\w-]+\s+)?"
    r"(?:commandos|troops|units|forces|soldiers|fighters)\b",
    re.I,
)


def air_toll(first: Trigger, trigger: Trigger, sentence: str, offset: int) -> bool:
    """ "In an air operation in the Hakurk region, 3 terrorists were neutralised": the toll
    of the strike, no clash of its own."""
    return (
        first.spec.name == "airstrike"
        and trigger.spec.name == "armed_clash"
        and bool(_NEUTRALISED.fullmatch(trigger.text))
        and not _BY_GROUND.match(sentence, trigger.end - offset)
    )

"""Triggers that a set-aside word of the same group hid.

The finder keeps one trigger per group and sentence (the first type that fires); when that
one is then set aside (a reference, a means, a hypothetical: "after the final convoy of buses
carrying fighters left, troops moved into the districts"), another word of its group may still
tell an occurrence. The sentence is searched again with the set-aside words blanked out.
"""

from __future__ import annotations

from app.extraction.event_types import Trigger, TriggerFinder, irrealis
from app.extraction.text import Sentence


def unshadowed(
    finder: TriggerFinder,
    sentence: Sentence,
    plain: str,
    found: list[Trigger],
    kept: list[Trigger],
) -> list[Trigger]:
    """Triggers of the groups whose winner was set aside (``found`` less ``kept``), found
    once those words are blanked out, that tell an occurrence themselves (``plain``: the
    sentence text the irrealis test reads)."""
    dropped = [t for t in found if t not in kept]
    if not dropped:
        return []
    masked = sentence.text
    for t in dropped:
        a, b = t.start - sentence.start, t.end - sentence.start
        masked = masked[:a] + " " * (b - a) + masked[b:]
    # Violence words hide each other rarely: several of them fire apart already (DISTINCT),
    # and a second "attack" after a set-aside one is most often the same reference again.
    groups = {t.spec.group for t in dropped} - {t.spec.group for t in kept} - {"violence"}
    return [
        t
        for t in finder.find(masked, sentence.start)
        if t.spec.group in groups
        and not any(f.start < t.end and t.start < f.end for f in found)
        and not irrealis(plain, t.start - sentence.start, t.spec.category == "movement")
    ]

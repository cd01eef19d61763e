"""A report's actor mentions looked up by offset: those of a sentence, those around a place."""

from __future__ import annotations

import bisect
import itertools

from app.extraction.actors import ActorMention
from app.extraction.places import Mention


class ActorSpans:
    """A report's actor mentions, looked up by offset with bisect when they come in text
    order (they do), by a scan of them all otherwise; the answers are the same either way."""

    def __init__(self, actors: list[ActorMention]) -> None:
        self.actors = actors
        self.starts = [a.start for a in actors]
        self.ordered = all(a <= b for a, b in itertools.pairwise(self.starts))
        # reach[k]: the furthest end of actors[:k].
        self.reach = list(itertools.accumulate((a.end for a in actors), max, initial=-1))

    def between(self, start: int, end: int) -> list[ActorMention]:
        """The mentions that start in [start, end), in their order."""
        if not self.ordered:
            return [a for a in self.actors if start <= a.start < end]
        lo = bisect.bisect_left(self.starts, start)
        return self.actors[lo : bisect.bisect_left(self.starts, end, lo)]

    def covers(self, mention: Mention) -> bool:
        """Whether a mention lies inside an actor mention."""
        if not self.ordered:
            return any(a.start <= mention.start and mention.end <= a.end for a in self.actors)
        return self.reach[bisect.bisect_right(self.starts, mention.start)] >= mention.end

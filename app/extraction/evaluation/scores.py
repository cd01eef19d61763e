"""The tallies `geoevents evaluate` keeps: counts, ratios, and groups of them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal


@dataclass
class Counts:
    """True positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Ratio:
    """Hits out of a total (1.0 when there is nothing to count)."""

    hit: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """Count one case."""
        self.total += 1
        self.hit += int(ok)

    @property
    def value(self) -> float:
        """hit / total."""
        return self.hit / self.total if self.total else 1.0


@dataclass
class Group:
    """Event figures of a slice of the corpus (all of it, one style, one annotation tag).

    ``events`` counts strict matches. The field ratios are over gold events *aligned* with a
    predicted one (strict match, or an event of the same sentence), so a wrong place or date
    shows here instead of only as a miss; actor recall and roles are over strict matches.
    """

    events: Counts = field(default_factory=Counts)
    aligned: Ratio = field(default_factory=Ratio)
    type: Ratio = field(default_factory=Ratio)
    place: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    actor_recall: Ratio = field(default_factory=Ratio)
    roles: Ratio = field(default_factory=Ratio)


def groups() -> defaultdict[str, Group]:
    """A table of groups created on first use."""
    return defaultdict(Group)


@dataclass(frozen=True)
class Prediction:
    """One predicted event: its confidence, whether it matched a gold event, its features."""

    report: int
    confidence: float
    right: bool
    features: dict[str, float] | None


@dataclass
class Scores:
    """Every figure `geoevents evaluate` prints."""

    reports: int = 0
    actor_names: Literal["lexicon", "raw"] = "lexicon"  # gold actor names: through the aliases?
    with_toponyms: int = 0
    toponyms: Counts = field(default_factory=Counts)
    toponyms_overlap: Counts = field(default_factory=Counts)
    resolved_right: int = 0
    resolved_total: int = 0
    same_governorate: int = 0
    governorate_total: int = 0
    events: Counts = field(default_factory=Counts)
    event_type_right: int = 0
    actors: Counts = field(default_factory=Counts)
    date_in_interval: int = 0
    date_exact: int = 0
    date_total: int = 0
    overall: Group = field(default_factory=Group)
    by_type: defaultdict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_style: defaultdict[str, Group] = field(default_factory=groups)
    by_tag: defaultdict[str, Group] = field(default_factory=groups)
    predictions: list[Prediction] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # missed events and false alarms
    details: list[str] = field(default_factory=list)  # toponym and actor disagreements

    @property
    def resolution_accuracy(self) -> float:
        """Share of found gold toponyms resolved to the right place."""
        return self.resolved_right / self.resolved_total if self.resolved_total else 1.0

    @property
    def governorate_accuracy(self) -> float:
        """Share of found gold toponyms with a governorate resolved into it."""
        return self.same_governorate / self.governorate_total if self.governorate_total else 1.0

    @property
    def date_accuracy(self) -> float:
        """Share of located gold events whose date is in the predicted interval.

        Located: matched, or with a left-over prediction (one no gold event matched) of the gold
        event's category and area; a left-over whose interval held the date would have matched.
        """
        return self.date_in_interval / self.date_total if self.date_total else 1.0

    @property
    def actor_recall(self) -> float:
        """Share of gold actor names present among the matched predicted event's actors."""
        return self.overall.actor_recall.value

    @property
    def role_accuracy(self) -> float:
        """Share of gold actors found with the gold role."""
        return self.overall.roles.value

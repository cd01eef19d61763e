"""The learned sentence classifier put to work on the rules' triggers of one sentence.

Two uses, each with its own threshold (either can be off):

- *add* (the ``recall`` model, words alone): where it is confident a sentence the rules are
  silent on reports an occurrence (no trigger drafted, and no trigger word of the lexicon
  either, so what the rules set aside as a hypothetical, a reference or a means stays set
  aside), a :class:`LearnedTrigger` of the likeliest type of the likeliest group, at the word
  that speaks most for it; the pipeline drafts it like any trigger (the sentence's places,
  the date logic, the actors). Its confidence is at most :data:`LEARNED_CEILING`.
- *drop* (the ``precision`` model, words and rule groups): a rule trigger whose group it finds
  very unlikely in its sentence (background, a hypothetical, a statistic) is left out, except
  in the groups too rare in training for a low chance to mean much (:data:`UNDROPPED`).
- *retype* (the ``recall`` model's types): a rule trigger kept, alone of its group in the
  sentence, is relabelled to another type of its group (an attack the words say was an
  airstrike) where the model gives that type a chance of at least the threshold and more
  than the rule's type (only in the groups :data:`RETYPED`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Protocol

from app.extraction.event_types import BY_NAME, GROUP_ORDER, Trigger, TriggerFinder, TypeSpec
from app.extraction.sentence_features import sentence_features, tokens, words
from app.extraction.sentence_model import SentenceModel, logit, probability, shipped_model
from app.extraction.text import Sentence

#: The confidence of an event only the classifier found: in leave-one-writer-out
#: cross-validation 11 of the 17 it added matched a gold event (tools/crossval_sentence_model.py),
#: too few to calibrate; kept under the 0.8 that ``min_confidence`` users take as "confident".
LEARNED_CEILING = 0.5
#: Groups the precision model never drops: insurgent activity and "other" have 23 and 21 gold
#: events in the 332 training reports, so every such sentence looks unlikely to it.
UNDROPPED = frozenset({"activity", "other"})
#: Groups whose rule triggers *retype* may relabel: in leave-one-writer-out cross-validation
#: relabelling helped the violence types (the group with most events: 1,675 of the 2,721 gold
#: events) and hurt detention, unrest and movement, whose types the model saw a few dozen times.
RETYPED = frozenset({"violence"})
#: The types *retype* relabels to: those the words name by their means (jets, a drone, a
#: bomb, a suicide bomber). Whether violence is an attack or a clash turns on who was hit,
#: which a bag of words reads poorly (it took shepherds killed by gunmen for a clash).
RETYPED_INTO = frozenset(
    {"airstrike", "drone_or_rocket_attack", "ied_explosion", "suicide_bombing"}
)


@dataclass(frozen=True, slots=True)
class LearnedTrigger(Trigger):
    """A trigger the classifier proposed (no rule found one): ``probability`` is its chance."""

    probability: float = 0.0


class TriggerReviser(Protocol):
    """What the pipeline asks of a learned component: the triggers of a sentence, revised."""

    def revise(self, sentence: Sentence, triggers: list[Trigger]) -> list[Trigger]:
        """The triggers to draft for ``sentence``, given those the rules found."""
        ...


@dataclass(frozen=True)
class Thresholds:
    """When the classifier acts: ``add`` a missed group at p >= add, ``drop`` at p < drop,
    ``retype`` a rule trigger to another type of its group at p >= retype."""

    add: float | None = None
    drop: float | None = None
    retype: float | None = None

    def __post_init__(self) -> None:
        chosen = (self.add, self.drop, self.retype)
        if any(t is not None and not 0.0 < t < 1.0 for t in chosen):
            raise ValueError("a threshold is a probability strictly between 0 and 1")


#: The thresholds the pipeline uses: the best pooled event F1 of leave-one-writer-out
#: cross-validation over the settings tried (add 0.5-0.9, drop 0.02-0.2, each alone or with
#: the other; tools/crossval_sentence_model.py): 0.820 -> 0.827 on the 332 dev reports.
#: ``retype`` (session 8, over the 482): event F1 unchanged (a type is no part of a match),
#: the type of matched events right 0.856 -> 0.864, no type's F1 and no writer worse
#: (``--add 0.6 --drop 0.1 --retype 0.5 --types``).
SHIPPED = Thresholds(add=0.6, drop=0.1, retype=0.5)


class LearnedTriggers:
    """Revise a sentence's triggers with the sentence classifiers (the shipped ones unless
    given, each read on first use)."""

    def __init__(
        self,
        thresholds: Thresholds,
        recall: SentenceModel | None = None,
        precision: SentenceModel | None = None,
        finder: TriggerFinder | None = None,
        retyped: frozenset[str] = RETYPED,
    ) -> None:
        self.thresholds = thresholds
        self.retyped = retyped
        self._models = {"recall": recall, "precision": precision}
        self.finder = finder  # the lexicon's trigger words (None: no such check)
        # The thresholds in log-odds, compared with the models' sums: no exp per sentence.
        self._bar = None if thresholds.add is None else logit(thresholds.add)
        self._floor = None if thresholds.drop is None else logit(thresholds.drop)
        self._retype = None if thresholds.retype is None else logit(thresholds.retype)

    def model(self, name: str) -> SentenceModel:
        """The ``recall`` or ``precision`` classifier."""
        model = self._models[name]
        if model is None:
            model = self._models[name] = shipped_model(name)
        return model

    def revise(self, sentence: Sentence, triggers: list[Trigger]) -> list[Trigger]:
        """The rules' triggers less those the classifier rules out, plus those it adds."""
        bar, floor, retype = self._bar, self._floor, self._retype
        if bar is None and floor is None and retype is None:
            return triggers
        groups = {t.spec.group for t in triggers}
        features = sentence_features(words(sentence.text), groups)
        kept = triggers
        if floor is not None and triggers:
            asked = tuple(g for g in GROUP_ORDER if g in groups and g not in UNDROPPED)
            z = self.model("precision").logits(features, asked) if asked else {}
            kept = [
                t
                for t in triggers
                if t.spec.group in UNDROPPED or z.get(t.spec.group, floor) >= floor
            ]
        heard: set[str] | None = None  # the recall model's features, read once
        if retype is not None and kept:
            # The classifier reads the whole sentence: it speaks for a trigger only when that
            # trigger is its group's one trigger in the sentence.
            alone = Counter(t.spec.group for t in kept)
            if any(self._retypable(t) and alone[t.spec.group] == 1 for t in kept):
                heard = self.model("recall").own(features)
                kept = [
                    self._retyped(t, heard, retype) if alone[t.spec.group] == 1 else t for t in kept
                ]
        if bar is None or triggers:
            return kept
        model = self.model("recall")
        heard = model.own(features) if heard is None else heard
        z = model.logits(heard, GROUP_ORDER, own=True)
        group = max(GROUP_ORDER, key=lambda g: z.get(g, -30.0))
        if z.get(group, bar - 1.0) < bar:
            return kept
        if self.finder is not None and self.finder.find(sentence.text, sentence.start):
            return kept  # a trigger word the rules read and set aside
        spec = _likeliest_type(group, model.logits(heard, own=True))
        located = tokens(sentence.text)
        word = model.evidence(located, spec.name) or model.evidence(located, group)
        if word is None:
            return kept
        text = sentence.text[word.start : word.end]
        at = sentence.start + word.start
        return [*kept, LearnedTrigger(spec, at, at + len(text), text, probability(z[group]))]

    def _retypable(self, trigger: Trigger) -> bool:
        """Whether the recall model may give ``trigger`` another type of its group."""
        return trigger.spec.group in self.retyped and not isinstance(trigger, LearnedTrigger)

    def _retyped(self, trigger: Trigger, heard: set[str], bar: float) -> Trigger:
        """``trigger``, of the type of its group the recall model finds likelier (at log-odds
        ``bar`` or more) than the rule's, if there is one (``heard``: the sentence's features
        the recall model has)."""
        types = GROUP_TYPES[trigger.spec.group]
        if not self._retypable(trigger):
            return trigger
        z = self.model("recall").logits(heard, types, own=True)
        best = max(types, key=lambda name: z.get(name, -30.0))
        if best == trigger.spec.name or best not in RETYPED_INTO or z.get(best, -30.0) < bar:
            return trigger
        if z.get(best, -30.0) <= z.get(trigger.spec.name, -30.0):
            return trigger
        return replace(trigger, spec=BY_NAME[best])


#: Each group's types, in priority order (the labels the recall model is asked about).
GROUP_TYPES = {g: tuple(s.name for s in BY_NAME.values() if s.group == g) for g in GROUP_ORDER}


def _likeliest_type(group: str, z: dict[str, float]) -> TypeSpec:
    """The type of ``group`` the classifier gives most chance (the group's first on a tie)."""
    specs = [s for s in BY_NAME.values() if s.group == group]
    return max(specs, key=lambda s: z.get(s.name, -30.0))

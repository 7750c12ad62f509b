"""Choosing the coder's classifier thresholds (fill, override) on training data only.

The coder consults its classifier on every parsed sentence that names an actor: it FILLS a sentence
where no pattern fired when the classifier's probability is >= T_fill, and OVERRIDES the patterns'
code when the classifier, with probability >= T_override, puts the sentence in another quad class.
On one sentence per document the quad class of the main event under a pair of thresholds follows
from three facts, so the thresholds can be chosen without re-running the coder per setting:
- the rules' own main-event class (or none), the classes of all rule events (one agreeing with the
  classifier blocks an override) and whether the classifier would be consulted at all;
- the classifier's (quad class, probability) from a model that did not see the sentence.

`choose` runs an inner k-fold over the training part of an outer fold to get those held-out
classifier outputs, and returns the pair with the best quad macro-F1 (ties: the higher thresholds).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from comity.evaluate.metrics import NONE_LABEL, score

GRID = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)  # 1.01: never


@dataclass(frozen=True)
class RuleOutcome:
    """What the coder does with a sentence before the classifier's answer counts."""

    consulted: bool  # the classifier is asked (actors named or a pattern fired)
    has_pattern_event: bool
    rules_quad: str  # quad5 of the rules' main event, NONE_LABEL if none
    rule_quads: frozenset[str] = frozenset()  # quad5 of every rule event (an agreeing one blocks an override)


class RecordingClassifier:
    """A stand-in that records which sentences the coder consults it on and never changes a code."""

    def __init__(self):
        self.seen: set[str] = set()

    def predict_span(self, sdoc):
        self.seen.add(sdoc.text)
        return "01", 0.0


def rule_outcomes(texts: list[str]) -> list[RuleOutcome]:
    """Run the coder with a recording stand-in (its thresholds above 1: never fill, never override)."""
    from comity.evaluate.predictors import CoderPredictor
    from comity.evaluate.quad import predicted_quad5, quad5_of_root

    recorder = RecordingClassifier()
    predictor = CoderPredictor(recorder, fill_threshold=2.0, override_threshold=2.0)
    out = []
    for text, events in zip(texts, predictor.predict(texts)):
        consulted = bool(events) or any(s in text for s in recorder.seen)
        quads = frozenset(q for q in (quad5_of_root(e.cameo_root) for e in events) if q)
        out.append(RuleOutcome(consulted, bool(events), predicted_quad5(events), quads))
    return out


def simulate(outcome: RuleOutcome, clf_quad: str, prob: float, t_fill: float, t_override: float) -> str:
    """The quad5 class of the sentence's main event under the coder's policy."""
    if not outcome.consulted:
        return outcome.rules_quad
    if outcome.has_pattern_event:
        overridden = prob >= t_override and clf_quad not in outcome.rule_quads
        return clf_quad if overridden else outcome.rules_quad
    return clf_quad if prob >= t_fill else NONE_LABEL


def best_pair(outcomes: list[RuleOutcome], clf: list[tuple[str, float]], gold: list[str]) -> tuple[float, float, float]:
    """(t_fill, t_override, macro-F1) maximising quad macro-F1; ties go to the higher thresholds."""
    labels = sorted({g for g in gold})
    best = (-1.0, 0.0, 0.0)
    for t_fill in GRID:
        for t_override in GRID:
            pred = [simulate(o, q, p, t_fill, t_override) for o, (q, p) in zip(outcomes, clf)]
            f1 = score(gold, pred, labels=labels).macro_f1
            if f1 >= best[0] - 1e-12:
                best = (f1, t_fill, t_override)
    return best[1], best[2], best[0]


def choose(train_idx: np.ndarray, labelled, ids, extra, extra_ids, outcomes: list[RuleOutcome],
           k: int = 4, seed: int = 13, nlp=None) -> tuple[float, float, float]:
    """Thresholds for one outer fold from an inner k-fold over its training items only."""
    from comity.learn import EventClassifier, kfold
    from comity.learn.classifier import quad5_of_root

    usable = [i for i in train_idx if labelled[i].quad5 is not None]
    clf: dict[int, tuple[str, float]] = {}
    for inner_train, inner_test in kfold(len(train_idx), k, seed):
        tr = [train_idx[j] for j in inner_train]
        te = [train_idx[j] for j in inner_test]
        model = EventClassifier.fit([labelled[i] for i in tr] + list(extra),
                                    feature_ids=[ids[i] for i in tr] + list(extra_ids), nlp=nlp)
        for i, p in zip(te, model.predict_ids([ids[i] for i in te])):
            clf[i] = (quad5_of_root(p.cameo_root), p.probability)
    return best_pair([outcomes[i] for i in usable], [clf[i] for i in usable], [labelled[i].quad5 for i in usable])

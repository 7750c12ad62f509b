"""Running an evaluation: choose the engine, the model and the protocol, predict, score.

Protocols:
- shipped model (default): the classifier in comity/data/models/ is used as is; the output says how
  many evaluation sentences were in its training data (by sentence hash).
- k-fold cross-validation (`cv=k`): the items are shuffled with a fixed seed and cut into k folds; for
  each fold a classifier is trained on the other k-1 folds (plus any `extra_training` examples, which
  never include evaluation sentences) and the held-out fold is predicted. Every score is on sentences
  the model did not see.
- rules only (`engine="rules"`): the event coder with no classifier; nothing learned.

The coder's classifier thresholds (fill, override) are the coder's defaults unless given; with
`thresholds="tune"` and `cv=k` they are chosen inside each outer fold by an inner 4-fold CV over that
fold's training items only (comity.evaluate.thresholds), so the held-out fold never informs them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from comity.evaluate import thresholds as thresholds_lib
from comity.evaluate.predictors import ClassifierPredictor, CoderPredictor, SentenceEvents

ENGINES = ("auto", "coder", "classifier", "rules")
DEFAULT_SEED = 13


@dataclass
class Protocol:
    name: str  # "shipped model", "5-fold cross-validation", "rules only"
    engine: str
    detail: str = ""
    model: str | None = None
    overlap: int | None = None  # evaluation sentences found in the model's training data
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"protocol": self.name, "engine": self.engine, "detail": self.detail, "model": self.model,
                "overlap_with_training": self.overlap, "notes": self.notes}


def coder_available() -> bool:
    try:
        from comity.coder import EventCoder  # noqa: F401
    except ImportError:
        return False
    return True


def resolve_engine(engine: str) -> str:
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if engine == "auto":
        return "coder" if coder_available() else "classifier"
    if engine in ("coder", "rules") and not coder_available():
        raise RuntimeError("the event coder (comity.coder) is not installed; use --engine classifier")
    return engine


def _predictor(engine: str, classifier, thresholds: tuple[float | None, float | None] = (None, None)):
    if engine == "rules":
        return CoderPredictor(classifier=None)
    if engine == "coder":
        return CoderPredictor(classifier, *thresholds)
    return ClassifierPredictor(classifier)


def _threshold_note(thresholds) -> str:
    from comity.coder.coder import FILL_THRESHOLD, OVERRIDE_THRESHOLD

    fill, override = thresholds
    return (f"classifier thresholds: fill {FILL_THRESHOLD if fill is None else fill}, "
            f"override {OVERRIDE_THRESHOLD if override is None else override}"
            + (" (the coder's defaults)" if thresholds == (None, None) else ""))


def predict(texts: list[str], engine: str = "auto", model: str | Path | None = None,
            thresholds: tuple[float | None, float | None] = (None, None)) -> tuple[list[SentenceEvents], Protocol]:
    """Predict with the shipped (or given) model, or the rules alone."""
    from comity.learn import EventClassifier

    engine = resolve_engine(engine)
    if engine == "rules":
        return _predictor(engine, None).predict(texts), Protocol("rules only", engine, "no learned model")
    classifier = EventClassifier.load(model)
    overlap = classifier.trained_on(texts)
    protocol = Protocol("shipped model" if model is None else "given model", engine,
                        model=str(model) if model else "comity/data/models/event_classifier.npz",
                        overlap=overlap)
    if overlap:
        protocol.notes.append(f"{overlap} of {len(texts)} evaluation sentences were in the model's training "
                              "data: these scores are not held-out; use --cv for held-out scores")
    if engine == "coder":
        protocol.notes.append(_threshold_note(thresholds))
    return _predictor(engine, classifier, thresholds).predict(texts), protocol


def predict_cv(texts: list[str], labelled, k: int, engine: str = "auto", seed: int = DEFAULT_SEED,
               extra_training=(), progress=None,
               thresholds: tuple[float | None, float | None] | str = (None, None)) -> tuple[list[SentenceEvents], Protocol]:
    """k-fold cross-validated predictions. `labelled[i]` is the TrainingExample for texts[i];
    `extra_training` examples are added to every fold's training set. `thresholds`: the coder's
    (fill, override), None for its defaults, or "tune" to choose them per fold on its training items."""
    from comity.learn import EventClassifier, FeatureExtractor, kfold
    from comity.learn.classifier import sentence_hash

    engine = resolve_engine(engine)
    if engine == "rules":
        raise ValueError("--cv retrains the classifier; it makes no sense with --engine rules")
    held = {sentence_hash(t) for t in texts}
    extra = [e for e in extra_training if sentence_hash(e.text) not in held]
    extractor = FeatureExtractor()
    ids = extractor.text_ids(texts)
    extra_ids = extractor.text_ids([e.text for e in extra]) if extra else []
    tune = thresholds == "tune" and engine == "coder"
    outcomes = thresholds_lib.rule_outcomes(texts) if tune else None
    chosen = []
    out: list[SentenceEvents] = [[] for _ in texts]
    for fold, (train, test) in enumerate(kfold(len(texts), k, seed)):
        if progress:
            progress(fold + 1, k)
        examples = [labelled[i] for i in train] + extra
        rows = [ids[i] for i in train] + list(extra_ids)
        classifier = EventClassifier.fit(examples, feature_ids=rows, nlp=extractor.nlp)
        fold_thresholds = (None, None) if thresholds == "tune" else thresholds
        if tune:
            t_fill, t_override, _ = thresholds_lib.choose(train, labelled, ids, extra, extra_ids, outcomes,
                                                          seed=seed, nlp=extractor.nlp)
            fold_thresholds = (t_fill, t_override)
            chosen.append(fold_thresholds)
        preds = _predictor(engine, classifier, fold_thresholds).predict([texts[i] for i in test])
        for i, p in zip(test, preds):
            out[i] = p
    detail = (f"classifier retrained on {k - 1}/{k} of the items per fold (seed {seed}), scored on the "
              f"held-out fold")
    if extra:
        detail += f"; plus {len(extra)} extra training sentences (none of them evaluated)"
    protocol = Protocol(f"{k}-fold cross-validation", engine, detail)
    if tune:
        protocol.notes.append("classifier thresholds (fill, override) chosen per fold by inner 4-fold CV on "
                              "that fold's training items: " + ", ".join(f"({a}, {b})" for a, b in chosen))
    elif engine == "coder":
        protocol.notes.append(_threshold_note(thresholds))
    return out, protocol

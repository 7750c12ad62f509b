from __future__ import annotations

import json
import numpy as np
import pytest

from comity.learn import EventClassifier, FeatureConfig, TrainingExample, kfold
from comity.learn.classifier import plover_roots, quad5_of_root, sentence_hash
from comity.learn.features import PARSE_DISABLE, default_base_forms, hash_feature, span_features
from comity.learn.model import SparseRows, fit_softmax, predict_proba

# A toy set written for this test: cooperation words vs. violence words, plus shared filler.
COOP = ["signed a friendship treaty with", "praised the generous help of", "held cordial talks with",
        "agreed to expand trade with", "thanked the envoys of", "welcomed the delegation from"]
CONFLICT = ["shelled villages held by", "launched air strikes against", "ambushed a patrol from",
            "bombed the depots of", "fired rockets at", "seized ships belonging to"]
ACTORS = ["Norway", "Chile", "Kenya", "Vietnam"]


def toy_examples() -> list[TrainingExample]:
    out = []
    for i, a in enumerate(ACTORS):
        for j, b in enumerate(ACTORS):
            if a == b:
                continue
            out.append(TrainingExample(f"{a} {COOP[(i + j) % len(COOP)]} {b} on Monday.", quad5="1", plover="AGREE"))
            out.append(TrainingExample(f"{a} {CONFLICT[(i + j) % len(CONFLICT)]} {b} on Monday.", quad5="4", plover="ASSAULT"))
    return out


def test_softmax_learns_separable_sparse_rows():
    # class 0 rows hold feature 1, class 1 rows feature 2; feature 0 is a bias present everywhere
    rows = [np.array([0, 1]), np.array([0, 1, 3]), np.array([0, 2]), np.array([0, 2, 3])] * 5
    y = np.array([0, 0, 1, 1] * 5)
    X = SparseRows.from_rows(rows)
    W = fit_softmax(X, y, n_features=4, n_classes=2, epochs=200)
    P = predict_proba(X, W)
    assert (P.argmax(1) == y).all()
    assert P[np.arange(len(y)), y].min() > 0.9


def test_sparse_rows_reject_empty_row():
    with pytest.raises(ValueError):
        SparseRows.from_rows([np.array([0]), np.array([], dtype=np.int64)])


def test_hashing_is_stable_and_bounded():
    assert hash_feature("root:attack", 20) == hash_feature("root:attack", 20)
    assert 0 <= hash_feature("anything", 10) < 1024


def parse_only(nlp, text):
    return next(nlp.pipe([text], disable=[n for n in PARSE_DISABLE if n in nlp.pipe_names]))


def test_span_features_read_the_parse(nlp):
    feats = span_features(parse_only(nlp, "Chile condemned the attack on Kenya."), default_base_forms())
    assert "root:condemn" in feats  # base form from the coder's verb table, no lemmatizer
    assert "va:condemn|dobj|attack" in feats
    assert "vpo:condemn|on|kenya" not in feats  # "on Kenya" attaches to the noun, not the verb
    assert "BIAS" in feats and "w:the" not in feats  # determiners are skipped by dependency label
    without_table = span_features(parse_only(nlp, "Chile condemned the attack on Kenya."), {})
    assert "root:condemned" in without_table  # no table: the lower-case word


def test_span_features_need_no_tagger_or_lemmatizer(nlp):
    text = "Kenya would not sign the accord that Chile had proposed to Norway, officials said."
    full, parsed = nlp(text), parse_only(nlp, text)
    assert not parsed[1].lemma_ and not parsed[1].pos_  # really no tagger/lemmatizer output
    base = default_base_forms()
    assert span_features(full, base) == span_features(parsed, base)
    feats = span_features(parsed, base)
    assert "neg:sign" in feats and "mod:would" in feats and "v:propose" in feats


def test_classifier_learns_toy_set_and_round_trips(nlp, tmp_path):
    examples = toy_examples()
    model = EventClassifier.fit(examples, config=FeatureConfig(use_actors=False), min_count=1, nlp=nlp)
    held_out = ["Peru signed a friendship treaty with Ghana on Monday.",
                "Peru launched air strikes against Ghana on Monday."]
    preds = model.predict_many(held_out)
    assert [p.quad5 for p in preds] == ["1", "4"]
    assert [p.plover_event for p in preds] == ["AGREE", "ASSAULT"]
    assert preds[0].cameo_root == "03" and preds[1].cameo_root == "18"
    root, probability = model.predict(held_out[1])
    assert root == "18" and 0.5 < probability <= 1.0
    # the coder's path: the same answer from a tok2vec+parser parse, without a second parse
    span_root, span_probability = model.predict_span(parse_only(nlp, held_out[1]))
    assert span_root == "18" and span_probability == pytest.approx(probability, abs=1e-4)

    path = tmp_path / "toy.npz"
    model.save(path)
    loaded = EventClassifier.load(path, nlp=nlp)
    assert [p.cameo_root for p in loaded.predict_many(held_out)] == ["03", "18"]
    assert loaded.trained_on([examples[0].text, "A sentence nobody trained on."]) == 1
    assert loaded.heads["plover"].classes == ["AGREE", "ASSAULT"]
    assert path.stat().st_size < 5_000_000


def test_load_rejects_a_model_of_older_features(nlp, tmp_path):
    from comity.learn.classifier import ModelFileError

    model = EventClassifier.fit(toy_examples(), config=FeatureConfig(version=1), min_count=1, nlp=nlp)
    model.save(tmp_path / "old.npz")
    with pytest.raises(ModelFileError, match="feature version 1"):
        EventClassifier.load(tmp_path / "old.npz")


def test_shipped_model_uses_parse_only_features():
    from comity.learn import default_classifier

    assert default_classifier().config.version == 2


def test_load_reports_missing_and_bad_files(tmp_path):
    from comity.learn.classifier import ModelFileError

    with pytest.raises(ModelFileError, match="not found"):
        EventClassifier.load(tmp_path / "missing.npz")
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ModelFileError):
        EventClassifier.load(bad)


def test_sentence_hash_ignores_case_and_punctuation():
    assert sentence_hash("Chile condemned Kenya.") == sentence_hash("chile  condemned kenya")
    assert sentence_hash("Chile condemned Kenya.") != sentence_hash("Kenya condemned Chile.")


def test_kfold_is_deterministic_disjoint_and_complete():
    a, b = kfold(23, 5, seed=3), kfold(23, 5, seed=3)
    assert all((x[0] == y[0]).all() and (x[1] == y[1]).all() for x, y in zip(a, b))
    tests = [set(t.tolist()) for _, t in a]
    assert set().union(*tests) == set(range(23))
    assert sum(len(t) for t in tests) == 23
    for train, test in a:
        assert not set(train.tolist()) & set(test.tolist())
        assert len(train) + len(test) == 23
    assert [len(t) for t in tests] == [5, 5, 5, 4, 4]
    assert kfold(23, 5, seed=4)[0][1].tolist() != a[0][1].tolist()
    with pytest.raises(ValueError):
        kfold(3, 5)


def test_plover_roots_table_is_consistent():
    table = plover_roots()
    assert table["0"][0] == ("", "01")
    assert ("REQUEST", "02") in table["0"] and ("REQUEST", "10") in table["3"]
    for quad, pairs in table.items():
        assert all(quad5_of_root(root) == quad for _, root in pairs)


def test_batched_predictions_equal_single_ones(nlp):
    from comity.learn import default_classifier

    model = default_classifier()
    texts = ["Russia urged India and Pakistan to exercise restraint.",
             "Iraqi troops launched an assault on the rebel stronghold.",
             "The two leaders signed a trade agreement in Tokyo.", "Nothing here."]
    spans = list(nlp.pipe(texts, disable=[p for p in PARSE_DISABLE if p in nlp.pipe_names]))
    assert model.predict_parsed_many(spans) == [model.predict_parsed(s) for s in spans]


def test_coder_gives_the_same_events_with_and_without_batched_predictions(nlp):
    from comity.coder import EventCoder
    from comity.learn import default_classifier
    from comity.records import Document

    class OneAtATime:  # the shipped model without predict_spans: the coder predicts per sentence
        def __init__(self, model):
            self.model = model

        def predict_span(self, span):
            return self.model.predict_span(span)

    model = default_classifier()
    doc = Document("d", "China shipped drones to Pakistan. India condemned the move. "
                        "Russia urged both sides to show restraint. The talks in Geneva went on.", "2025-05-10")
    batched = [e.to_dict() for e in EventCoder(nlp=nlp, classifier=model).code_document(doc)]
    single = [e.to_dict() for e in EventCoder(nlp=nlp, classifier=OneAtATime(model)).code_document(doc)]
    assert batched == single and batched


def test_gsr_format_training_never_takes_held_out_records(tmp_path):
    from comity.learn.training import gsr_examples

    records = [{"id": "x1", "event": "AID", "text": "Kenya sent food to Uganda.", "split": "dev",
                "source": [{"actorText": "Kenya", "code": "KEN", "sector": None}]},
               {"id": "x2", "event": "ASSAULT", "text": "Kenya shelled a Ugandan village.", "split": "test",
                "source": [{"actorText": "Kenya", "code": "KEN", "sector": None}]},
               {"id": "x3", "event": "ACCUSE", "text": "Kenya accused Uganda of lying.",
                "source": [{"actorText": "Kenya", "code": "KEN", "sector": None}]}]
    path = tmp_path / "set.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    examples = gsr_examples(path)
    assert [(e.text, e.plover, e.quad5) for e in examples] == [
        ("Kenya sent food to Uganda.", "AID", "2"), ("Kenya accused Uganda of lying.", "ACCUSE", "3")]

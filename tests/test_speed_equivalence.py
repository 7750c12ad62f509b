"""The fast paths of the pre-filter and the classifier give what the plain computations give."""
from __future__ import annotations

import numpy as np

from comity.actors import default_dictionary
from comity.actors.text import Token, tokenize
from comity.learn import classifier as classifier_module
from comity.learn import EventClassifier, FeatureConfig
from comity.learn.features import PARSE_DISABLE, default_base_forms, hash_feature, span_features


def test_tokens_are_plain_tokens():
    assert tokenize("India's U.S. envoy") == [Token(0, 7, "India", "india"), Token(8, 12, "U.S.", "u.s."),
                                              Token(13, 18, "envoy", "envoy")]
    assert all(type(t) is Token for t in tokenize("Erdoğan’s Türkiye"))


def test_one_word_phrases_are_found_beside_longer_ones():
    # "United" and "the" start many phrases: only the pairs of words that begin one are tried
    found = [(m.text, m.actor.code) for m in default_dictionary().find(
        "The United States, the United Nations and Pakistan met the United Arab Emirates and the Kremlin.")]
    assert found == [("United States", "USA"), ("United Nations", "UN"), ("Pakistan", "PAK"),
                     ("United Arab Emirates", "ARE"), ("Kremlin", "RUS")]


def test_doc_and_span_give_the_same_features(nlp):
    # a Doc is read in one to_array call, a Span token by token
    text = "Kenya would not sign the accord that Chile had proposed to Norway, officials said."
    doc = next(nlp.pipe([text], disable=[n for n in PARSE_DISABLE if n in nlp.pipe_names]))
    base = default_base_forms()
    assert span_features(doc, base) == span_features(doc[:], base)


def _classifier(vocab: np.ndarray) -> EventClassifier:
    return EventClassifier(vocab, {}, FeatureConfig(n_bits=4), nlp=object())  # 16 ids: collisions


def test_feature_rows_count_distinct_ids_and_find_known_rows(monkeypatch):
    features = [f"w:{i}" for i in range(40)] + ["w:1", "w:2"]
    ids = {hash_feature(f, 4) for f in features}
    vocab = np.array(sorted(ids)[::2], dtype=np.int64)  # the model knows every other id
    expected = (sorted(int(np.searchsorted(vocab, h)) for h in ids if h in vocab), len(ids))
    model = _classifier(vocab)
    assert model._feature_rows(features) == expected
    assert model._feature_rows(features) == expected  # from the memo
    monkeypatch.setattr(classifier_module, "ROW_CACHE_SIZE", 1)  # the memo cleared on every new string
    assert _classifier(vocab)._feature_rows(features) == expected

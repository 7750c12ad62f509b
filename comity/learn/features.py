"""Sentence features for the learned event classifier, from the spaCy parse the coder already makes.

Each sentence becomes a set of string features (word and lemma n-grams, the root verb and its
clausal chain, verb-argument pairs from the dependency parse, negation, and the sectors of actors the
actor dictionary finds), hashed with CRC32 into `2**n_bits` ids. Hashing is stable across processes.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Iterable

import numpy as np

CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "conj"}
ARG_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "dative", "oprd", "acomp"}
SKIP_POS = {"PUNCT", "SPACE", "NUM", "SYM", "DET"}


@dataclass(frozen=True)
class FeatureConfig:
    n_bits: int = 20
    use_actors: bool = False  # actor-sector features: tried, 0.003 lower quad macro-F1 in 5-fold CV

    def to_dict(self) -> dict:
        return {"n_bits": self.n_bits, "use_actors": self.use_actors}


def hash_feature(name: str, n_bits: int) -> int:
    return zlib.crc32(name.encode("utf-8")) & ((1 << n_bits) - 1)


def _actor_finder(enabled: bool):
    if not enabled:
        return None
    try:
        from comity.actors import default_dictionary
    except ImportError:
        return None
    try:
        return default_dictionary()
    except Exception:  # the actor tables are optional for the classifier; features just go without
        return None


def span_features(span, actors=None) -> list[str]:
    """String features of one parsed sentence (a spaCy Span or Doc)."""
    feats = ["BIAS"]
    tokens = [t for t in span if t.pos_ not in SKIP_POS and not t.is_space]
    words = [t.lower_ for t in tokens]
    lemmas = [t.lemma_.lower() for t in tokens]
    feats += [f"w:{w}" for w in words]
    feats += [f"l:{w}" for w in lemmas]
    feats += [f"w2:{a}_{b}" for a, b in zip(words, words[1:])]
    feats += [f"l2:{a}_{b}" for a, b in zip(lemmas, lemmas[1:])]
    root = span.root if hasattr(span, "root") else next((t for t in span if t.dep_ == "ROOT"), None)
    if root is not None:
        feats.append(f"root:{root.lemma_.lower()}")
        for child in root.children:
            if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX", "NOUN"):
                feats.append(f"chain:{root.lemma_.lower()}>{child.lemma_.lower()}")
                feats.append(f"clause:{child.lemma_.lower()}")
                for grand in child.children:
                    if grand.dep_ in CLAUSE_DEPS and grand.pos_ == "VERB":
                        feats.append(f"clause2:{grand.lemma_.lower()}")
    for tok in span:
        if tok.pos_ != "VERB":
            continue
        lemma = tok.lemma_.lower()
        feats.append(f"v:{lemma}")
        for child in tok.children:
            dep = child.dep_
            if dep == "neg":
                feats.append(f"neg:{lemma}")
            elif dep in ARG_DEPS:
                feats.append(f"va:{lemma}|{dep}|{child.lemma_.lower()}")
                feats.append(f"vd:{lemma}|{dep}")
            elif dep == "prep":
                feats.append(f"vp:{lemma}|{child.lower_}")
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        feats.append(f"vpo:{lemma}|{child.lower_}|{pobj.lemma_.lower()}")
            elif dep == "aux" and child.lower_ in ("will", "would", "could", "may", "might", "should"):
                feats.append(f"mod:{child.lower_}")
    if actors is not None:
        feats += _actor_features(span, actors)
    return feats


def _actor_features(span, actors) -> list[str]:
    text = span.text
    try:
        mentions = actors.find(text)
    except Exception:
        return []
    feats = [f"nactors:{min(len(mentions), 3)}"]
    for m in mentions:
        sector = m.actor.sector or "NONE"
        feats.append(f"asector:{sector}")
        # the actor's syntactic role: which token covers the mention's last character
        tok = span.char_span(m.start, m.end, alignment_mode="expand")
        if tok is not None and len(tok):
            head = tok.root
            feats.append(f"arole:{head.dep_}|{sector}")
            if head.head is not None:
                feats.append(f"ahead:{head.dep_}|{head.head.lemma_.lower()}")
    return feats


class FeatureExtractor:
    """Parses texts (or takes parsed spans) and returns hashed feature-id arrays."""

    def __init__(self, config: FeatureConfig = FeatureConfig(), nlp=None):
        self.config = config
        self._nlp = nlp
        self._actors = _actor_finder(config.use_actors)

    @property
    def nlp(self):
        if self._nlp is None:
            from comity import nlp as nlp_module

            self._nlp = nlp_module.load()
        return self._nlp

    def ids(self, features: list[str]) -> np.ndarray:
        return np.unique(np.fromiter((hash_feature(f, self.config.n_bits) for f in features), dtype=np.int64))

    def span_ids(self, span) -> np.ndarray:
        return self.ids(span_features(span, self._actors))

    def text_ids(self, texts: Iterable[str], batch_size: int = 64) -> list[np.ndarray]:
        return [self.span_ids(doc) for doc in self.nlp.pipe(texts, batch_size=batch_size)]

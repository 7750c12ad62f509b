"""Sentence features for the learned event classifier, from the parse the event coder already makes.

The coder parses with tok2vec + parser only (no tagger, no lemmatizer), so every feature here comes
from that parse: lower-case words and their normal forms (a verb's base form from the coder's
inflection table, `Lexicon.lemma_of`; otherwise the lower-case word), word n-grams, the root word and
its clausal chain, verb-argument pairs from the dependency labels, negation and modal auxiliaries.
"Verb" is decided from the parse (a clause head: root, clausal dependents, or a token governing a
subject, object or auxiliary) and from the coder's trigger-verb forms, never from a POS tag.
Feature strings are hashed with CRC32 into `2**n_bits` ids; hashing is stable across processes.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from itertools import compress
from typing import Iterable

import numpy as np
from spacy.attrs import DEP, HEAD, IS_ALPHA, IS_PUNCT, IS_SPACE, LIKE_NUM, LOWER

FEATURE_VERSION = 2  # 1: used pos_/lemma_ (needed the tagger); 2: parse-only features
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj"})
ARG_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "dative", "oprd", "acomp"})
SKIP_DEPS = frozenset({"punct", "det", "predet", "nummod", "case"})
VERB_DEPS = frozenset({"ROOT", "xcomp", "ccomp", "advcl", "relcl", "pcomp", "csubj", "csubjpass",
                       "parataxis", "acl"})
VERB_CHILD_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "aux", "auxpass", "neg", "dative", "prt"})
MODALS = frozenset({"will", "would", "could", "may", "might", "should"})


@dataclass(frozen=True)
class FeatureConfig:
    n_bits: int = 20
    use_actors: bool = False  # actor-sector features: tried, 0.003 lower quad macro-F1 in 5-fold CV
    version: int = FEATURE_VERSION

    def to_dict(self) -> dict:
        return {"n_bits": self.n_bits, "use_actors": self.use_actors, "version": self.version}


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


def default_base_forms() -> dict[str, str]:
    """Inflected verb form -> base form, from the event coder's verb dictionary (empty without it)."""
    try:
        from comity.coder.patterns import default_lexicon
    except ImportError:
        return {}
    return default_lexicon().lemma_of


_TABLE_ATTRS = (LOWER, DEP, HEAD, IS_ALPHA, IS_PUNCT, IS_SPACE, LIKE_NUM)


def _token_table(span) -> tuple[list[str], list[str], list[int], list[bool], list[bool]]:
    """Per token: lower-case text, dependency label, head index (within the span), is_alpha, and
    whether it is punctuation/space/number. A Doc is read in one `to_array` call."""
    if hasattr(span, "to_array") and not hasattr(span, "root"):  # a Doc (a Span has .root)
        arr = span.to_array(_TABLE_ATTRS)  # uint64; HEAD is a relative offset (negative: wrapped)
        # plain lists from one tolist: on a sentence, numpy work per column costs more than it saves
        lower, dep, _head, is_alpha, is_punct, is_space, like_num = arr.T.tolist()
        strings = span.vocab.strings
        lowers = [strings[h] for h in lower]
        deps = [strings[h] for h in dep]
        heads = [i + h for i, h in enumerate(arr[:, 2].view(np.int64).tolist())]
        alpha = list(map(bool, is_alpha))
        skip = [bool(p or s or n) for p, s, n in zip(is_punct, is_space, like_num)]
        return lowers, deps, heads, alpha, skip
    toks = list(span)
    off = toks[0].i if toks else 0
    return ([t.lower_ for t in toks], [t.dep_ for t in toks], [t.head.i - off for t in toks],
            [t.is_alpha for t in toks], [t.is_punct or t.is_space or t.like_num for t in toks])


def span_features(span, base_forms: dict[str, str] | None = None, actors=None) -> list[str]:
    """String features of one parsed sentence (a spaCy Span or Doc; tok2vec+parser is enough).

    One pass reads each token's attributes into lists; the rest works on those (this runs on every
    sentence the coder parses, so it is kept cheap)."""
    base = base_forms if base_forms is not None else {}
    lowers, deps, heads, alpha, skip = _token_table(span)
    n = len(lowers)
    norms = [base.get(w, w) for w in lowers]
    children: list[list[int]] = [[] for _ in range(n)]
    governs_verb_child = [False] * n  # has a subject, object, auxiliary... among its children
    for i, h in enumerate(heads):
        if h != i and 0 <= h < n:
            children[h].append(i)
            if deps[i] in VERB_CHILD_DEPS:
                governs_verb_child[h] = True

    def is_verb(i: int) -> bool:
        dep = deps[i]
        if dep in VERB_DEPS:
            return alpha[i] and not skip[i]
        if dep == "conj" and 0 <= heads[i] < n and deps[heads[i]] in VERB_DEPS:
            return alpha[i]
        if lowers[i] in base and dep not in ("compound", "amod", "pobj", "det"):
            return True
        return governs_verb_child[i]

    verb = [is_verb(i) for i in range(n)]

    kept = [i for i in range(n) if deps[i] not in SKIP_DEPS and not skip[i]]
    words = [lowers[i] for i in kept]
    lemmas = [norms[i] for i in kept]
    feats = ["BIAS"]
    feats += ["w:" + w for w in words]
    feats += ["l:" + w for w in lemmas]
    feats += [f"w2:{a}_{b}" for a, b in zip(words, words[1:])]
    feats += [f"l2:{a}_{b}" for a, b in zip(lemmas, lemmas[1:])]
    if hasattr(span, "root"):
        root = span.root.i - span.start
    else:
        root = deps.index("ROOT") if "ROOT" in deps else None
    if root is not None:
        r = norms[root]
        feats.append("root:" + r)
        for c in children[root]:
            if deps[c] in CLAUSE_DEPS and alpha[c]:
                feats.append(f"chain:{r}>{norms[c]}")
                feats.append("clause:" + norms[c])
                for g in children[c]:
                    if deps[g] in CLAUSE_DEPS and verb[g]:
                        feats.append("clause2:" + norms[g])
    for i in compress(range(n), verb):
        lemma = norms[i]
        feats.append("v:" + lemma)
        for c in children[i]:
            dep = deps[c]
            if dep == "neg":
                feats.append("neg:" + lemma)
            elif dep in ARG_DEPS:
                feats.append(f"va:{lemma}|{dep}|{norms[c]}")
                feats.append(f"vd:{lemma}|{dep}")
            elif dep == "prep":
                feats.append(f"vp:{lemma}|{lowers[c]}")
                for g in children[c]:
                    if deps[g] == "pobj":
                        feats.append(f"vpo:{lemma}|{lowers[c]}|{norms[g]}")
            elif dep == "aux" and lowers[c] in MODALS:
                feats.append("mod:" + lowers[c])
    if actors is not None:
        feats += _actor_features(span, actors, base)
    return feats


def _actor_features(span, actors, base) -> list[str]:
    text = span.text
    try:
        mentions = actors.find(text)
    except Exception:
        return []
    feats = [f"nactors:{min(len(mentions), 3)}"]
    for m in mentions:
        sector = m.actor.sector or "NONE"
        feats.append(f"asector:{sector}")
        tok = span.char_span(m.start, m.end, alignment_mode="expand")
        if tok is not None and len(tok):
            head = tok.root
            feats.append(f"arole:{head.dep_}|{sector}")
            if head.head is not None:
                w = head.head.lower_
                feats.append(f"ahead:{head.dep_}|{base.get(w, w)}")
    return feats


# Components the features do not need (the event coder disables the same ones for speed).
PARSE_DISABLE = ("tagger", "attribute_ruler", "lemmatizer", "ner")
HASH_CACHE_SIZE = 200_000


class FeatureExtractor:
    """Parses texts (tok2vec+parser) or takes parsed spans and returns hashed feature-id arrays."""

    def __init__(self, config: FeatureConfig = FeatureConfig(), nlp=None, base_forms: dict[str, str] | None = None):
        self.config = config
        self._nlp = nlp
        self._actors = _actor_finder(config.use_actors)
        self.base_forms = default_base_forms() if base_forms is None else base_forms
        self._hash_cache: dict[str, int] = {}

    @property
    def nlp(self):
        if self._nlp is None:
            from comity import nlp as nlp_module

            self._nlp = nlp_module.load()
        return self._nlp

    def _hash(self, feature: str) -> int:
        h = self._hash_cache.get(feature)
        if h is None:
            h = hash_feature(feature, self.config.n_bits)
            if len(self._hash_cache) >= HASH_CACHE_SIZE:
                self._hash_cache.clear()
            self._hash_cache[feature] = h
        return h

    def ids(self, features: Iterable[str]) -> np.ndarray:
        return np.unique(np.fromiter((self._hash(f) for f in set(features)), dtype=np.int64))

    def features(self, span) -> list[str]:
        return span_features(span, self.base_forms, self._actors)

    def span_ids(self, span) -> np.ndarray:
        return self.ids(self.features(span))

    def text_ids(self, texts: Iterable[str], batch_size: int = 64) -> list[np.ndarray]:
        disable = [name for name in PARSE_DISABLE if name in self.nlp.pipe_names]
        return [self.span_ids(doc) for doc in self.nlp.pipe(texts, batch_size=batch_size, disable=disable)]

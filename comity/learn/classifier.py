"""The learned sentence-level event classifier: hashed parse features -> two softmax heads.

Heads: "quad5" (the 5-way CAMEO class: 0 statement/appeal, 1 verbal coop, 2 material coop,
3 verbal conflict, 4 material conflict) and "plover" (the 16 PLOVER 2.0 event types). A prediction
takes the quad5 class from its head, then the most probable PLOVER event compatible with that class,
and reports the CAMEO root for the pair (comity/data/models/plover_roots.tsv).

Plug-in shape for the coder: `predict(text) -> (cameo_root, probability)`; `predict_span(span)`
does the same from a sentence the coder has already parsed (no second parse); `predict_many(texts)`
returns full `Prediction` records.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from comity.learn.features import FEATURE_VERSION, FeatureConfig, FeatureExtractor, hash_feature
from comity.learn.model import SparseRows, fit_softmax, softmax

MODEL_RESOURCE = "models/event_classifier.npz"
QUAD5_CLASSES = ["0", "1", "2", "3", "4"]
FORMAT_VERSION = 1
ROW_CACHE_SIZE = 200_000  # memoised feature strings per loaded model (cleared when full)


class ModelFileError(RuntimeError):
    pass


@dataclass(frozen=True)
class TrainingExample:
    text: str
    quad5: str | None = None  # "0".."4"
    plover: str | None = None  # PLOVER 2.0 event type
    weight: float = 1.0


@dataclass(frozen=True)
class Prediction:
    cameo_root: str
    plover_event: str  # "" for CAMEO 01 public statements
    quad5: str
    probability: float  # of the quad5 class
    plover_probability: float


def sentence_hash(text: str) -> int:
    """A stable 63-bit hash of a sentence, insensitive to case, punctuation and spacing."""
    norm = re.sub(r"\W+", " ", text.lower()).strip()
    return int.from_bytes(hashlib.sha1(norm.encode("utf-8")).digest()[:8], "big") >> 1


def quad5_of_root(root: str) -> str:
    r = int(root)
    return "0" if r <= 2 else "1" if r <= 5 else "2" if r <= 8 else "3" if r <= 13 or r == 16 else "4"


@lru_cache(maxsize=1)
def plover_roots() -> dict[str, list[tuple[str, str]]]:
    """quad5 class -> [(plover_event, cameo_root)] in preference order."""
    text = resources.files("comity.data").joinpath("models/plover_roots.tsv").read_text("utf-8")
    table: dict[str, list[tuple[str, str]]] = {q: [] for q in QUAD5_CLASSES}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[1].strip().isdigit():
            raise ModelFileError(f"plover_roots.tsv:{number}: expected plover_event<TAB>cameo_root")
        event, root = parts[0].strip(), parts[1].strip()
        pairs = table[quad5_of_root(root)]
        if event not in [e for e, _ in pairs]:
            pairs.append((event, root))
    return table


@dataclass
class Head:
    classes: list[str]
    weights: np.ndarray  # (V × K)


class EventClassifier:
    def __init__(self, vocab: np.ndarray, heads: dict[str, Head], config: FeatureConfig,
                 train_hashes: np.ndarray | None = None, meta: dict | None = None, nlp=None):
        self.vocab = vocab  # sorted hashed feature ids; row i of each head's weights
        self.heads = heads
        self.config = config
        self.train_hashes = np.sort(train_hashes) if train_hashes is not None else np.zeros(0, np.int64)
        self.meta = meta or {}
        self.extractor = FeatureExtractor(config, nlp=nlp)
        self._stacked: tuple[np.ndarray, list[tuple[str, slice]]] | None = None
        self._row_cache: dict[str, int] = {}  # feature string -> weight row, or -1 - hashed id if unknown
        self._plover_cols: tuple[dict, int] | None = None  # see _plover_table

    # ---- training -------------------------------------------------------------------------
    @classmethod
    def fit(cls, examples: list[TrainingExample], config: FeatureConfig = FeatureConfig(),
            min_count: int = 2, l2: float = 1e-5, epochs: int = 250, nlp=None,
            feature_ids: list[np.ndarray] | None = None) -> "EventClassifier":
        """Train both heads; `feature_ids` (from `FeatureExtractor.text_ids`) skips the parse."""
        if not examples:
            raise ValueError("no training examples")
        extractor = FeatureExtractor(config, nlp=nlp)
        rows = feature_ids if feature_ids is not None else extractor.text_ids([e.text for e in examples])
        ids, counts = np.unique(np.concatenate(rows), return_counts=True)
        bias = extractor.ids(["BIAS"])
        vocab = np.union1d(ids[counts >= min_count], bias)
        mapped = [_map(r, vocab) for r in rows]
        X_all = _rows(mapped, [len(r) for r in rows])
        heads = {}
        for name, classes, get in (
            ("quad5", QUAD5_CLASSES, lambda e: e.quad5),
            ("plover", sorted({e.plover for e in examples if e.plover}), lambda e: e.plover),
        ):
            picked = [i for i, e in enumerate(examples) if get(e) in classes]
            if not picked:
                continue
            X = _subset(X_all, picked)
            y = np.array([classes.index(get(examples[i])) for i in picked])
            w = np.array([examples[i].weight for i in picked])
            heads[name] = Head(classes, fit_softmax(X, y, len(vocab), len(classes), w, l2=l2, epochs=epochs))
        hashes = np.array([sentence_hash(e.text) for e in examples], dtype=np.int64)
        meta = {"n_examples": len(examples), "min_count": min_count, "l2": l2, "epochs": epochs}
        return cls(vocab, heads, config, hashes, meta, nlp=nlp)

    # ---- prediction -----------------------------------------------------------------------
    def _proba(self, rows: list[np.ndarray]) -> dict[str, np.ndarray]:
        X = _rows([_map(r, self.vocab) for r in rows], [len(r) for r in rows])
        return {name: softmax(X.dot(head.weights)) for name, head in self.heads.items()}

    def _decide(self, probs: dict[str, np.ndarray], i: int) -> Prediction:
        q = probs["quad5"][i]  # rows of arrays, or plain lists (predict_parsed)
        quad = QUAD5_CLASSES[_argmax(q)]
        plover_head = self.heads.get("plover")
        candidates = plover_roots()[quad]
        event, root, p_event = candidates[0][0], candidates[0][1], 0.0
        if plover_head is not None:
            p = probs["plover"][i]
            scored = [(p[plover_head.classes.index(e)] if e in plover_head.classes else -1.0, e, r)
                      for e, r in candidates]
            if quad == "0":  # appeal (REQUEST) only when the event head says so; else a statement
                top = plover_head.classes[_argmax(p)]
                scored = [s for s in scored if (s[1] == "REQUEST") == (top == "REQUEST")] or scored
            p_event, event, root = max(scored, key=lambda s: s[0])
        return Prediction(root, event, quad, float(max(q)), float(max(p_event, 0.0)))

    def predict_ids(self, rows: list[np.ndarray]) -> list[Prediction]:
        if not rows:
            return []
        probs = self._proba(rows)
        return [self._decide(probs, i) for i in range(len(rows))]

    def predict_many(self, texts: list[str]) -> list[Prediction]:
        return self.predict_ids(self.extractor.text_ids(texts))

    def _stack(self) -> tuple[np.ndarray, list[tuple[str, slice]]]:
        """All heads' weights side by side ((V + 1) × sum K, the last row zeros), for one gather
        per sentence."""
        if self._stacked is None:
            parts, slices, at = [], [], 0
            for name, head in self.heads.items():
                k = head.weights.shape[1]
                parts.append(head.weights)
                slices.append((name, slice(at, at + k)))
                at += k
            zeros = np.zeros((1, at), np.float32)  # a last row of zeros (predict_parsed_many)
            self._stacked = (np.vstack([np.hstack(parts).astype(np.float32), zeros]), slices)
        return self._stacked

    def _feature_rows(self, features) -> tuple[list[int], int]:
        """(weight rows of the known features in ascending order, number of distinct feature ids),
        memoised per string; `features` may repeat a string."""
        cache = self._row_cache
        codes = set(map(cache.get, features))
        if None in codes:
            codes = set()
            for f in features:
                code = cache.get(f)
                if code is None:
                    code = self._row_code(f)
                    if len(cache) >= ROW_CACHE_SIZE:
                        cache.clear()
                    cache[f] = code
                codes.add(code)
        # ascending rows: the float32 sum comes out the same in every process; the unknown ids'
        # negative codes sort before them
        ordered = sorted(codes)
        return ordered[bisect_left(ordered, 0):], len(codes)

    def _row_code(self, feature: str) -> int:
        """The weight row of a feature's hashed id, or -1 - id when the model does not know the id:
        distinct ids get distinct codes, so one set of codes counts the ids and holds the rows."""
        h = hash_feature(feature, self.config.n_bits)
        pos = int(np.searchsorted(self.vocab, h))
        return pos if pos < len(self.vocab) and self.vocab[pos] == h else -1 - h

    def predict_parsed(self, span) -> Prediction:
        """The full prediction for one already-parsed sentence (tok2vec+parser suffice): no second
        parse, one gather of the known features' weights."""
        return self.predict_parsed_many([span])[0]

    def _plover_table(self) -> tuple[dict[str, list[tuple[int, str, str]]], int]:
        """Per quad5 class: (plover head column or -1, event, root) in preference order, and the
        REQUEST column (-1 if none): _decide's look-ups done once."""
        if self._plover_cols is None:
            classes = self.heads["plover"].classes
            col = {e: k for k, e in enumerate(classes)}
            table = {q: [(col.get(e, -1), e, r) for e, r in pairs] for q, pairs in plover_roots().items()}
            self._plover_cols = (table, col.get("REQUEST", -1))
        return self._plover_cols

    def _decide_lists(self, probs: dict[str, list[float]]) -> Prediction:
        """_decide for one sentence whose probabilities are plain lists (same result, fewer look-ups)."""
        q = probs["quad5"]
        top_q = max(q)
        quad = QUAD5_CLASSES[q.index(top_q)]
        if "plover" not in self.heads:
            return self._decide({name: [p] for name, p in probs.items()}, 0)
        p = probs["plover"]
        table, request = self._plover_table()
        scored = [(p[k] if k >= 0 else -1.0, e, r) for k, e, r in table[quad]]
        if quad == "0":  # appeal (REQUEST) only when the event head says so; else a statement
            top_is_request = p.index(max(p)) == request
            scored = [s for s in scored if (s[1] == "REQUEST") == top_is_request] or scored
        best = scored[0]
        for s in scored[1:]:
            if s[0] > best[0]:
                best = s
        p_event, event, root = best
        return Prediction(root, event, quad, float(top_q), float(max(p_event, 0.0)))

    def predict_parsed_many(self, spans) -> list[Prediction]:
        """predict_parsed for many parsed sentences (the same results as one at a time): the
        features are built one sentence at a time, the weights gathered and summed (float32, rows
        in ascending order) for all of them at once."""
        if not spans:
            return []
        W, slices = self._stack()
        gathered: list[int] = []
        starts: list[int] = []
        scales: list[float] = []
        for span in spans:
            rows, n_ids = self._feature_rows(self.extractor.features(span))
            starts.append(len(gathered))
            gathered += rows or [len(W) - 1]  # the stack's last row is zeros: nothing known
            scales.append(1.0 / math.sqrt(max(n_ids, 1)))
        Z = np.add.reduceat(W[gathered], starts, axis=0) * np.array(scales, np.float32)[:, None]
        return [self._decide_lists({name: _softmax_list(z[sl]) for name, sl in slices}) for z in Z.tolist()]

    def predict_spans(self, spans) -> list[tuple[str, float]]:
        """predict_span for many sentences the caller already parsed."""
        return [(p.cameo_root, p.probability) for p in self.predict_parsed_many(spans)]

    def predict_span(self, span) -> tuple[str, float]:
        """(cameo_root, probability) for a sentence the caller already parsed."""
        p = self.predict_parsed(span)
        return p.cameo_root, p.probability

    def predict(self, text: str) -> tuple[str, float]:
        """(cameo_root, probability) for one sentence."""
        p = self.predict_many([text])[0]
        return p.cameo_root, p.probability

    def trained_on(self, texts: list[str]) -> int:
        """How many of `texts` were in the training data (by sentence hash)."""
        if not len(self.train_hashes):
            return 0
        h = np.array([sentence_hash(t) for t in texts], dtype=np.int64)
        pos = np.searchsorted(self.train_hashes, h).clip(0, len(self.train_hashes) - 1)
        return int((self.train_hashes[pos] == h).sum())

    # ---- files ----------------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        arrays = {"vocab": self.vocab.astype(np.int64), "train_hashes": self.train_hashes}
        header = {"format": FORMAT_VERSION, "config": self.config.to_dict(), "meta": self.meta, "heads": {}}
        for name, head in self.heads.items():
            arrays[f"W_{name}"] = head.weights.astype(np.float16)
            header["heads"][name] = head.classes
        arrays["header"] = np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)
        with open(path, "wb") as fh:
            np.savez_compressed(fh, **arrays)

    @classmethod
    def load(cls, path: str | Path | None = None, nlp=None) -> "EventClassifier":
        """Load a model file; without a path, the one shipped in the package."""
        try:
            if path is None:
                with resources.files("comity.data").joinpath(MODEL_RESOURCE).open("rb") as fh:
                    data = dict(np.load(fh, allow_pickle=False))
            else:
                data = dict(np.load(path, allow_pickle=False))
        except FileNotFoundError as exc:
            where = path or f"comity/data/{MODEL_RESOURCE}"
            raise ModelFileError(f"{where}: model file not found (train it with "
                                 "scripts/train_event_classifier.py)") from exc
        except (OSError, ValueError) as exc:
            raise ModelFileError(f"{path}: not a classifier model file ({exc})") from exc
        header = json.loads(bytes(data["header"]).decode("utf-8"))
        if header.get("format") != FORMAT_VERSION:
            raise ModelFileError(f"{path}: model format {header.get('format')} (expected {FORMAT_VERSION})")
        heads = {name: Head(classes, data[f"W_{name}"].astype(np.float32))
                 for name, classes in header["heads"].items()}
        if header["config"].get("version", 1) != FEATURE_VERSION:
            raise ModelFileError(f"{path or MODEL_RESOURCE}: trained with feature version "
                                 f"{header['config'].get('version', 1)}, this code computes version "
                                 f"{FEATURE_VERSION}; retrain with scripts/train_event_classifier.py")
        config = FeatureConfig(**header["config"])
        return cls(data["vocab"], heads, config, data["train_hashes"], header["meta"], nlp=nlp)


@lru_cache(maxsize=1)
def default_classifier() -> EventClassifier:
    """The classifier shipped in comity/data/models/ (loaded once)."""
    return EventClassifier.load()


def _argmax(values) -> int:
    return max(range(len(values)), key=values.__getitem__)


def _softmax_list(z: list[float]) -> list[float]:
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]


def _map(row: np.ndarray, vocab: np.ndarray) -> np.ndarray:
    pos = np.searchsorted(vocab, row).clip(0, len(vocab) - 1)
    return pos[vocab[pos] == row]


def _rows(mapped: list[np.ndarray], lengths: list[int]) -> SparseRows:
    """Rows of known feature ids, each weighted 1/sqrt(its full feature count, unknowns included)."""
    sizes = np.array([len(r) for r in mapped], dtype=np.int64)
    indptr = np.concatenate([[0], np.cumsum(sizes)])
    values = np.repeat(1.0 / np.sqrt(np.maximum(np.array(lengths, dtype=np.float64), 1.0)), sizes)
    return SparseRows(indptr, np.concatenate(mapped) if mapped else np.zeros(0, np.int64), values)


def _subset(X: SparseRows, picked: list[int]) -> SparseRows:
    parts = [X.indices[X.indptr[i]:X.indptr[i + 1]] for i in picked]
    vals = [X.values[X.indptr[i]:X.indptr[i + 1]] for i in picked]
    sizes = np.array([len(p) for p in parts], dtype=np.int64)
    return SparseRows(np.concatenate([[0], np.cumsum(sizes)]), np.concatenate(parts), np.concatenate(vals))

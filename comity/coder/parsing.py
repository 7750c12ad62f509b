"""Parsing the sentences the pre-filter kept: one Doc per sentence out, whole passages parsed.

The extraction reads one Doc per sentence. Each sentence is tokenized alone, a document's sentences
are joined into one Doc with their boundaries fixed, the joined Docs are parsed, and the heads and
labels are copied back into the sentence Docs. The parser so sees the neighbouring sentences as
context, as it does when spaCy is given whole documents, at no more cost than one Doc per sentence
(a little less in most runs of benchmarks/parse_modes.py; benchmarks/RESULTS.md).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.tokens import Doc

# Sentences joined into one Doc at most: bounds the length of a joined Doc (and so the parser's
# memory) when a long document keeps many sentences.
MAX_JOINED = 64


def parse_passages(nlp, passages: Sequence[Sequence[str]], disable: Sequence[str] = (),
                   batch_size: int = 512) -> list[list[Doc]]:
    """For each passage (a document's sentences, in order) its sentences as parsed Docs.

    batch_size counts sentences: joined Docs are handed to the parser in batches of about that
    many sentences."""
    sentence_docs = [[nlp.make_doc(text) for text in passage] for passage in passages]
    joined: list[tuple[Doc, list[Doc]]] = []
    for passage, docs in zip(passages, sentence_docs):
        nonempty = [(text, doc) for text, doc in zip(passage, docs) if len(doc)]
        for at in range(0, len(nonempty), MAX_JOINED):
            texts, part = zip(*nonempty[at:at + MAX_JOINED])
            joined.append((_join(nlp, part, texts), list(part)))
    if joined:
        per_doc = sum(len(part) for _, part in joined) / len(joined)
        docs_per_batch = max(1, round(batch_size / per_doc))
        parsed = nlp.pipe((whole for whole, _ in joined), batch_size=docs_per_batch, disable=list(disable))
        for whole, (_, part) in zip(parsed, joined):
            _copy_parse(nlp, whole, part, disable)
    return sentence_docs


def _join(nlp, docs: Sequence[Doc], texts: Sequence[str]) -> Doc:
    """One Doc of `docs` (the tokenized `texts`), each starting a sentence."""
    # Tokenizing the sentences joined by spaces gives the same tokens as tokenizing each alone
    # (spaCy splits at whitespace first) at a fraction of the cost of Doc.from_docs; where a
    # sentence's tokens do not start at the same place in the joined text, from_docs joins them.
    # The texts are passed in because Doc.text rebuilds the string from every token.
    whole = nlp.make_doc(" ".join(texts))
    starts, at, char = [], 0, 0
    aligned = len(whole) == sum(len(doc) for doc in docs)
    for doc, text in zip(docs, texts):
        starts.append(at)
        aligned = aligned and at < len(whole) and whole[at].idx == char
        at += len(doc)
        char += len(text) + 1
    if not aligned:
        whole = Doc.from_docs(list(docs), ensure_whitespace=True)
    # The pre-filter's boundaries stand, and no others: with its neighbours as context the parser
    # would now and then cut a sentence ("India | said its jets ..."), which it rarely does alone.
    sent_starts = np.full((len(whole), 1), -1, dtype=np.int64)
    sent_starts[starts, 0] = 1
    whole.from_array([SENT_START], sent_starts.view(np.uint64))
    return whole


def _copy_parse(nlp, whole: Doc, docs: list[Doc], disable: Sequence[str]) -> None:
    # HEAD is stored as an offset from the token, and the parser keeps heads inside a fixed sentence,
    # so each sentence's slice of the array is valid in its own Doc. Should a head ever cross a
    # boundary, that sentence is parsed on its own instead.
    values = whole.to_array([HEAD, DEP])
    lengths = [len(doc) for doc in docs]
    sentence = np.repeat(np.arange(len(docs)), lengths)  # each token's sentence
    heads = np.arange(len(sentence)) + values[:, 0].view(np.int64)
    crossing = set(sentence[sentence[np.clip(heads, 0, len(sentence) - 1)] != sentence].tolist())
    at = 0
    for k, (doc, n) in enumerate(zip(docs, lengths)):
        if k in crossing:
            parsed = next(nlp.pipe([doc.text], disable=list(disable)))
            doc.from_array([HEAD, DEP], parsed.to_array([HEAD, DEP]))
        else:
            doc.from_array([HEAD, DEP], values[at:at + n])
        at += n

"""The coder end to end with its two ways of parsing, in paired rounds: joined passages (as shipped,
comity.coder.parsing) against one spaCy Doc per kept sentence (as before). Prints a JSON line.

Each round codes the same actor-dense texts once each way, in alternating order, and times them
with process CPU time; the figure to read is the median over rounds of the per-sentence time divided
by the passages time (above 1: joined passages are faster). Pinning to one CPU steadies it:

    taskset -c 1 .venv/bin/python benchmarks/parse_modes.py [N_SENTENCES [ROUNDS]]
"""
from __future__ import annotations

import json
import statistics
import sys
import time

import comity.coder.coder as coder_module
from comity.coder import EventCoder
from comity.evaluate.bench import _shipped_classifier, actor_sentences, as_documents
from comity.pipeline import settle_heap
from comity.records import Document


def one_doc_per_sentence(nlp, passages, disable=(), batch_size=256):
    """What the coder did before comity.coder.parsing: every kept sentence parsed as its own Doc."""
    flat = [text for passage in passages for text in passage]
    parsed = iter(nlp.pipe(flat, batch_size=256, disable=list(disable)))
    return [[next(parsed) for _ in passage] for passage in passages]


def main(n: int, rounds: int) -> dict:
    texts = as_documents(actor_sentences(n))
    coder = EventCoder(classifier=_shipped_classifier())
    settle_heap()
    modes = {"passages": coder_module.parse_passages, "sentences": one_doc_per_sentence}

    def code(mode: str) -> float:
        coder_module.parse_passages = modes[mode]
        try:
            started = time.process_time()
            for _ in coder.code_documents(Document(id=f"b{i}", text=t) for i, t in enumerate(texts)):
                pass
            return (time.process_time() - started) / n * 1e6
        finally:
            coder_module.parse_passages = modes["passages"]

    code("passages"), code("sentences")  # warm-up
    times: dict[str, list[float]] = {mode: [] for mode in modes}
    for r in range(rounds):
        for mode in (("passages", "sentences") if r % 2 else ("sentences", "passages")):
            times[mode].append(code(mode))
    return {"sentences": n, "rounds": rounds,
            "us_per_sentence_median": {m: round(statistics.median(v), 1) for m, v in times.items()},
            "us_per_sentence_min": {m: round(min(v), 1) for m, v in times.items()},
            "sentences_over_passages_median": round(statistics.median(
                s / p for s, p in zip(times["sentences"], times["passages"])), 3)}


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    print(json.dumps(main(n, rounds)))

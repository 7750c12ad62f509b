"""The overlapped coder (comity.coder.overlap) at several thread switch intervals, against spaCy's
tok2vec+parser alone on the same actor-dense texts. Prints a JSON line: for each interval the
sentences/second of its fastest round and that rate ÷ spaCy's fastest.

Why it matters: the parse thread needs the GIL back briefly between its GIL-free sections, and at
Python's default interval (5 ms) it waits for the thread running the coder's Python stages.

    .venv/bin/python benchmarks/switch_interval.py [N_SENTENCES [ROUNDS]]
"""
from __future__ import annotations

import json
import sys
import time

from comity import nlp as nlp_module
from comity.coder import EventCoder
from comity.coder import overlap
from comity.evaluate.bench import PARSE_ONLY_DISABLE, _shipped_classifier, actor_sentences, as_documents
from comity.pipeline import settle_heap
from comity.records import Document

INTERVALS = (0.005, 0.001, 0.0002, 0.00005)


def main(n: int, rounds: int) -> dict:
    texts = as_documents(actor_sentences(n))
    coder = EventCoder(classifier=_shipped_classifier(), overlap=True)
    parse = nlp_module.load(disable=PARSE_ONLY_DISABLE)
    settle_heap()
    documents = [Document(id=f"s{i}", text=t) for i, t in enumerate(texts)]
    list(coder.code_documents(documents[:20]))
    list(parse.pipe(texts[:20]))
    seconds: dict[str, list[float]] = {"spacy_parse": [], **{str(v): [] for v in INTERVALS}}
    default_interval = overlap.PARSE_SWITCH_INTERVAL
    try:
        for _ in range(rounds):
            started = time.perf_counter()
            for _ in parse.pipe(texts, batch_size=64):
                pass
            seconds["spacy_parse"].append(time.perf_counter() - started)
            for value in INTERVALS:
                overlap.PARSE_SWITCH_INTERVAL = value
                started = time.perf_counter()
                for _ in coder.code_documents(documents):
                    pass
                seconds[str(value)].append(time.perf_counter() - started)
    finally:
        overlap.PARSE_SWITCH_INTERVAL = default_interval
    best = {key: min(values) for key, values in seconds.items()}
    return {"sentences": n, "rounds": rounds, "spacy_parse_sps": round(n / best["spacy_parse"], 1),
            "coder_sps_by_interval": {str(v): round(n / best[str(v)], 1) for v in INTERVALS},
            "coder_vs_parse_by_interval": {str(v): round(best["spacy_parse"] / best[str(v)], 3) for v in INTERVALS}}


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    print(json.dumps(main(n, rounds)))

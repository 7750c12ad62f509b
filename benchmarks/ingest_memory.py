"""Peak memory of `comity ingest` on 100,000 generated sentences (target: under 1.5 GB RSS).

Runs the real ingest pipeline (JSONL reader -> event coder -> DuckDB store) in this process on a
generated news-mix corpus in a temporary folder and prints a JSON line. Same as
`comity bench --ingest 100000 --json`.

    .venv/bin/python benchmarks/ingest_memory.py [N [WORKERS]]
"""
from __future__ import annotations

import json
import sys

from comity.evaluate.bench import ingest_memory

if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    print(json.dumps(ingest_memory(n, workers=workers)))

"""Coding documents in several worker processes, results in input order.

One coder uses at most two cores (its parse overlaps its other stages: comity.coder.overlap), so on
a machine with more cores the coder scales by processes:
each worker loads its own spaCy pipeline and EventCoder (about 200 MB each) and codes chunks of
documents; the parent reads the input, keeps at most `2 × workers` chunks in flight (memory stays
bounded however large the corpus) and yields the coded documents in the order they came in, so the
store, the output formats and the duplicate checks work exactly as with one process.

Workers are started with the "spawn" method: forking a process that runs threads (the CLI's
progress bar) can deadlock the child.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from functools import lru_cache
from typing import Iterable, Iterator

from comity.records import Document

DEFAULT_CHUNK_DOCUMENTS = 16


def available_workers() -> int:
    """CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@lru_cache(maxsize=2)
def _worker_coder(rules_only: bool):
    """The coder of one worker process, built on its first chunk and kept for the others."""
    from comity.pipeline import default_coder

    return default_coder(rules_only, overlap=False)  # the workers keep every CPU busy already


def _code_chunk(args: tuple[bool, list[Document]]):
    rules_only, documents = args
    return list(_worker_coder(rules_only).code_documents(documents))


def _warm_up(rules_only: bool) -> int:
    _worker_coder(rules_only)
    return os.getpid()


class ParallelCoder:
    """Codes documents in `workers` processes; `code_documents` has the EventCoder's contract
    (CodedDocument per input document, in input order). Use as a context manager, or call close()."""

    def __init__(self, workers: int, rules_only: bool = False, chunk_documents: int = DEFAULT_CHUNK_DOCUMENTS):
        if workers < 2:
            raise ValueError("ParallelCoder needs at least 2 workers (use EventCoder for one process)")
        if chunk_documents < 1:
            raise ValueError("chunk_documents must be at least 1")
        self.workers = workers
        self.rules_only = rules_only
        self.chunk_documents = chunk_documents
        self._pool = multiprocessing.get_context("spawn").Pool(workers)

    def warm_up(self) -> None:
        """Load the model in every worker now (otherwise each loads it on its first chunk)."""
        self._pool.map(_warm_up, [self.rules_only] * self.workers, chunksize=1)

    def code_documents(self, docs: Iterable[Document]) -> Iterator:
        in_flight: deque = deque()
        limit = 2 * self.workers
        for chunk in _chunks(docs, self.chunk_documents):
            in_flight.append(self._pool.apply_async(_code_chunk, ((self.rules_only, chunk),)))
            while len(in_flight) >= limit:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()

    def close(self) -> None:
        self._pool.close()
        self._pool.join()

    def __enter__(self) -> "ParallelCoder":
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is not None:
            self._pool.terminate()
        self.close()


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk

"""The coding pipeline: readers → language check → event coder → (optionally) the store.

This module only wires the stages together; each stage lives in its own module.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable, Iterator

from comity.language import may_be_english
from comity.readers import ReadProblem, read_documents
from comity.records import Document

ProblemHandler = Callable[[ReadProblem], None]


@dataclass
class IngestReport:
    documents_read: int = 0
    documents_new: int = 0
    duplicates: int = 0
    not_english: int = 0
    sentences: int = 0
    sentences_parsed: int = 0
    events: int = 0
    problems: list[ReadProblem] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["problems"] = [str(p) for p in self.problems]
        return data


def english_only(
    documents: Iterable[Document], on_problem: ProblemHandler, report: IngestReport | None = None
) -> Iterator[Document]:
    """Pass English documents through; report the others as skipped."""
    for doc in documents:
        if report is not None:
            report.documents_read += 1
        if not may_be_english(doc.lang):
            if report is not None:
                report.not_english += 1
            on_problem(ReadProblem(doc.origin or doc.id, None, f"document {doc.id!r} is not English; skipped"))
            continue
        yield doc


def code_paths(
    paths: Iterable[str],
    coder=None,
    input_format: str = "auto",
    default_date: str | None = None,
    on_problem: ProblemHandler = lambda problem: None,
    report: IngestReport | None = None,
    **reader_options,
):
    """Coded documents (CodedDocument) for every readable English document under `paths`.
    `reader_options` (encoding, max_bytes, ...) go to comity.readers.read_documents."""
    coder = coder or default_coder()
    documents = read_documents(
        paths, input_format=input_format, default_date=default_date, on_problem=on_problem, **reader_options
    )
    for coded in coder.code_documents(english_only(documents, on_problem, report)):
        if report is not None:
            _count(report, coded)
        yield coded


COMMIT_DOCUMENTS = 64  # documents written per transaction (one transaction per document: ~8 ms each)
COMMIT_SENTENCES = 5000


def ingest_paths(
    paths: Iterable[str],
    store,
    coder=None,
    input_format: str = "auto",
    default_date: str | None = None,
    on_problem: ProblemHandler = lambda problem: None,
    on_document: Callable[[Document], None] = lambda doc: None,
    recode: bool = False,
    commit_documents: int = COMMIT_DOCUMENTS,
    **reader_options,
) -> IngestReport:
    """Code documents into `store`. Documents already stored (same text), or met earlier in this
    run, are skipped unless `recode`. Coded documents are written in batches of up to
    `commit_documents` documents (or COMMIT_SENTENCES sentences), one transaction each, so a crash
    loses at most the batch in flight, never what was stored before; running again adds it."""
    report = IngestReport()
    pending: set[str] = set()  # texts read in this run and not yet committed
    batch: list[tuple[Document, list[dict], list]] = []

    def problem(p: ReadProblem) -> None:
        report.problems.append(p)
        on_problem(p)

    def unseen(documents: Iterable[Document]) -> Iterator[Document]:
        for doc in documents:
            on_document(doc)
            content_hash = doc.content_hash
            if content_hash in pending or (not recode and store.document_exists(content_hash)):
                report.duplicates += 1
                continue
            pending.add(content_hash)
            yield doc

    def commit() -> None:
        report.documents_new += sum(store.ingest_batch(batch))
        for doc, _, _ in batch:
            pending.discard(doc.content_hash)
        batch.clear()

    coder = coder or default_coder()
    documents = read_documents(
        paths, input_format=input_format, default_date=default_date, on_problem=problem, **reader_options
    )
    sentences_in_batch = 0
    try:
        for coded in coder.code_documents(unseen(english_only(documents, problem, report))):
            _count(report, coded)
            batch.append((coded.document, [asdict(s) for s in coded.sentences], coded.events))
            sentences_in_batch += len(coded.sentences)
            if len(batch) >= commit_documents or sentences_in_batch >= COMMIT_SENTENCES:
                commit()
                sentences_in_batch = 0
    except BaseException:
        if batch:  # the documents coded before the failure (or Ctrl-C) are complete: keep them
            commit()
        raise
    if batch:
        commit()
    return report


def _count(report: IngestReport, coded) -> None:
    report.sentences += len(coded.sentences)
    report.sentences_parsed += len(coded.sentences) - coded.skipped_sentences
    report.events += len(coded.events)


def default_coder(rules_only: bool = False, overlap: bool | None = None):
    """The event coder with the shipped classifier, or with its dictionary rules alone (faster);
    overlap as EventCoder takes it."""
    from comity.coder import EventCoder

    coder = EventCoder(classifier=None if rules_only else "default", overlap=overlap)
    settle_heap()
    return coder


def settle_heap() -> dict | None:
    """Exempt everything loaded so far (model, dictionaries, tables: they live as long as the run)
    from Python's cyclic garbage collector, so its full collections stop walking them. Objects made
    later are collected as usual. Freed memory is kept for the next parsing batch
    (comity.allocator; its settings are returned, None where left as they were)."""
    from comity.allocator import keep_freed_memory

    gc.collect()
    gc.freeze()
    return keep_freed_memory()


@contextmanager
def coder_session(rules_only: bool = False, workers: int = 1):
    """The coder to use for a run: in this process (workers 1), or in `workers` processes
    (0: one per available CPU), closed when the run ends."""
    if workers < 0:
        raise ValueError("workers must be 0 (one per CPU) or more")
    if workers == 0:
        from comity.parallel import available_workers

        workers = available_workers()
    if workers <= 1:
        yield default_coder(rules_only)
        return
    from comity.parallel import ParallelCoder

    with ParallelCoder(workers, rules_only=rules_only) as coder:
        yield coder

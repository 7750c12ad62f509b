"""The coding pipeline: readers → language check → event coder → (optionally) the store.

This module only wires the stages together; each stage lives in its own module.
"""
from __future__ import annotations

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


def ingest_paths(
    paths: Iterable[str],
    store,
    coder=None,
    input_format: str = "auto",
    default_date: str | None = None,
    on_problem: ProblemHandler = lambda problem: None,
    on_document: Callable[[Document], None] = lambda doc: None,
    recode: bool = False,
    **reader_options,
) -> IngestReport:
    """Code documents into `store`. Documents already stored (same text) are skipped unless `recode`;
    each document is written in its own transaction, so a crash loses at most the one in flight."""
    report = IngestReport()

    def problem(p: ReadProblem) -> None:
        report.problems.append(p)
        on_problem(p)

    def unseen(documents: Iterable[Document]) -> Iterator[Document]:
        for doc in documents:
            on_document(doc)
            if not recode and store.document_exists(doc.content_hash):
                report.duplicates += 1
                continue
            yield doc

    coder = coder or default_coder()
    documents = read_documents(
        paths, input_format=input_format, default_date=default_date, on_problem=problem, **reader_options
    )
    for coded in coder.code_documents(unseen(english_only(documents, problem, report))):
        _count(report, coded)
        if store.ingest(coded.document, [asdict(s) for s in coded.sentences], coded.events):
            report.documents_new += 1
    return report


def _count(report: IngestReport, coded) -> None:
    report.sentences += len(coded.sentences)
    report.sentences_parsed += len(coded.sentences) - coded.skipped_sentences
    report.events += len(coded.events)


def default_coder(rules_only: bool = False):
    """The event coder with the shipped classifier, or with its dictionary rules alone (faster)."""
    from comity.coder import EventCoder

    return EventCoder(classifier=None) if rules_only else EventCoder()


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

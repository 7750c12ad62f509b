"""The Python API: the same things the CLI does, returning plain records (dicts)."""
from __future__ import annotations

from typing import Iterable, Iterator

from comity.records import Document


def code_text(text: str, date: str | None = None, doc_id: str = "text") -> list[dict]:
    """Events coded from one text, as dicts (the `comity code --format jsonl` shape)."""
    from comity.pipeline import default_coder

    return [e.to_dict() for e in default_coder().code_document(Document(id=doc_id, text=text, date=date))]


def code_files(paths: Iterable[str], input_format: str = "auto", date: str | None = None) -> Iterator[dict]:
    """Events coded from files, folders or feeds, as dicts; unreadable inputs are skipped."""
    from comity.pipeline import code_paths

    for coded in code_paths(list(paths), input_format=input_format, default_date=date):
        for event in coded.events:
            yield event.to_dict()


def ingest(paths: Iterable[str], db: str = "comity.duckdb", input_format: str = "auto", date: str | None = None) -> dict:
    """Code documents into the DuckDB store at `db`; returns the ingest report as a dict."""
    from comity.pipeline import ingest_paths
    from comity.store import Store

    with Store(db) as store:
        return ingest_paths(list(paths), store, input_format=input_format, default_date=date).to_dict()


def events(db: str = "comity.duckdb", **filters) -> list[dict]:
    """Stored events; filters: source, target, event, since, until, doc_id, limit."""
    from comity.store import Store

    with Store(db) as store:
        return store.events(**filters)


def resolve_actors(text: str, date: str | None = None) -> list[dict]:
    """Each actor mention in `text` with its code, country, sector and how it was resolved."""
    from comity.actors import default_dictionary

    return default_dictionary().explain(text, date=date)

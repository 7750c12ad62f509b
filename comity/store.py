"""The embedded store: documents, their sentences and coded events in one DuckDB file.

* Idempotent: a document is keyed by the SHA-256 of its text, so reading the same text twice (under the
  same or another id) stores it once.
* Crash-safe per document: `ingest` writes a document, its sentences and its events in one transaction,
  so a crash loses at most the document being written; re-coding a document replaces its sentences
  and events in one transaction.
* Versioned: `meta.schema_version` records which migration steps have run; opening an older file
  applies the missing ones, in order.

Analytics modules add their own tables through `Store.con`. The store knows records, not spaCy.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from contextlib import contextmanager
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import Iterable, Iterator

import duckdb
import pyarrow as pa

from comity.records import Document, Event

# Ordered schema steps: MIGRATIONS[n] takes a database from version n to version n + 1.
MIGRATIONS: list[list[str]] = [
    # version 1: documents, sentences, events
    [
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        "CREATE SEQUENCE IF NOT EXISTS doc_key_seq START 1",
        """CREATE TABLE documents (
            doc_key INTEGER PRIMARY KEY DEFAULT nextval('doc_key_seq'),
            doc_id VARCHAR NOT NULL,
            content_hash VARCHAR NOT NULL UNIQUE,
            title VARCHAR,
            url VARCHAR,
            date DATE,
            origin VARCHAR,
            n_chars INTEGER,
            added_at TIMESTAMP DEFAULT current_timestamp
        )""",
        """CREATE TABLE sentences (
            doc_key INTEGER NOT NULL,
            sentence_index INTEGER NOT NULL,
            start INTEGER,
            "end" INTEGER,
            text VARCHAR
        )""",
        """CREATE TABLE events (
            doc_key INTEGER NOT NULL,
            doc_id VARCHAR,
            sentence_index INTEGER,
            sentence VARCHAR,
            source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_text VARCHAR,
            target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_text VARCHAR,
            plover_event VARCHAR,
            plover_mode VARCHAR,
            cameo_code VARCHAR,
            cameo_root VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            negated BOOLEAN,
            confidence DOUBLE,
            date DATE,
            trigger VARCHAR,
            char_start INTEGER,
            char_end INTEGER,
            sentence_start INTEGER
        )""",
    ],
    # version 2: language of documents; modality, statement groups and free-form extras on events
    [
        "ALTER TABLE documents ADD COLUMN lang VARCHAR",
        "ALTER TABLE events ADD COLUMN modality VARCHAR",
        "ALTER TABLE events ADD COLUMN event_group VARCHAR DEFAULT ''",
        "ALTER TABLE events ADD COLUMN extra JSON",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)

TABLES = ("documents", "sentences", "events")
DOCUMENT_COLUMNS = ("doc_key", "doc_id", "content_hash", "title", "url", "date", "lang", "origin",
                    "n_chars", "added_at")
EVENT_FIELDS = tuple(field.name for field in dataclass_fields(Event))
ACTOR_KEYS = ("code", "country", "sector", "text")

_EVENTS_SCHEMA = pa.schema([
    ("doc_key", pa.int32()), ("doc_id", pa.string()), ("sentence_index", pa.int32()), ("sentence", pa.string()),
    *[(f"{role}_{key}", pa.string()) for role in ("source", "target") for key in ACTOR_KEYS],
    ("plover_event", pa.string()), ("plover_mode", pa.string()), ("cameo_code", pa.string()),
    ("cameo_root", pa.string()), ("quad_class", pa.int32()), ("goldstein", pa.float64()),
    ("negated", pa.bool_()), ("modality", pa.string()), ("confidence", pa.float64()), ("date", pa.date32()),
    ("trigger", pa.string()), ("char_start", pa.int32()), ("char_end", pa.int32()),
    ("sentence_start", pa.int32()), ("event_group", pa.string()), ("extra", pa.string()),
])
_DOCUMENTS_SCHEMA = pa.schema([
    ("doc_key", pa.int32()), ("doc_id", pa.string()), ("content_hash", pa.string()), ("title", pa.string()),
    ("url", pa.string()), ("date", pa.date32()), ("origin", pa.string()), ("n_chars", pa.int32()),
    ("added_at", pa.timestamp("us")), ("lang", pa.string()),
])
_SENTENCES_SCHEMA = pa.schema([
    ("doc_key", pa.int32()), ("sentence_index", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
    ("text", pa.string()),
])


class StoreError(Exception):
    """The store cannot do what was asked (unknown table, newer schema than this comity knows)."""


def migrate(con: duckdb.DuckDBPyConnection, target: int = SCHEMA_VERSION) -> int:
    """Apply the missing migration steps up to `target`, each in its own transaction; the new version."""
    version = _read_version(con)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"this database has schema version {version}, newer than this comity ({SCHEMA_VERSION}); "
            "upgrade comity")
    for step in range(version, target):
        con.begin()
        try:
            for statement in MIGRATIONS[step]:
                con.execute(statement)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(step + 1)])
            con.commit()
        except Exception:
            con.rollback()
            raise
    return max(version, target)


def _read_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta' AND table_schema = 'main'"
    ).fetchall()[0][0]
    if not exists:
        return 0
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    return int(rows[0][0]) if rows else 0


class Store:
    """A DuckDB file holding documents, sentences and events; `":memory:"` for a throwaway store."""

    def __init__(self, path: str | Path = "comity.duckdb"):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(self.path)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from None
        self._depth = 0
        self._fresh_keys: set[int] = set()  # documents inserted by the open transaction
        self._doc_ids: dict[int, str] = {}  # doc_key -> stored id, for the open transaction
        self._column_order: dict[str, list[str]] = {}
        migrate(self.con)

    # -- lifecycle ------------------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return _read_version(self.con)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; nested uses join the outer one. Any exception rolls everything back."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.con.begin()
        self._depth = 1
        try:
            yield
        except BaseException:
            self.con.rollback()
            raise
        else:
            self.con.commit()
        finally:
            self._depth = 0
            self._fresh_keys.clear()
            self._doc_ids.clear()

    # -- writing --------------------------------------------------------------------------------------

    def document_exists(self, content_hash: str) -> bool:
        return bool(self._stored({content_hash}))

    def add_document(self, doc: Document) -> tuple[int, bool]:
        """Store a document unless the same text is already there: (doc_key, is_new)."""
        with self.transaction():
            return self._add_documents([doc])[0]

    def replace_events(self, doc_key: int, sentences: list[dict], events: list[Event]) -> None:
        """Replace a document's sentences and events, in one transaction (re-coding replaces).

        `sentences` are dicts with sentence_index (or index), start, end, text. Events are stored under
        the document's stored id, whatever id they carry.
        """
        with self.transaction():
            rows = self.con.execute("SELECT doc_id FROM documents WHERE doc_key = ?", [doc_key]).fetchall()
            if not rows:
                raise StoreError(f"no document with doc_key {doc_key}")
            self._replace([(doc_key, rows[0][0], sentences, events)])

    def ingest(self, doc: Document, sentences: list[dict], events: list[Event]) -> bool:
        """Store a document with its sentences and events in one transaction; True if the text was new.

        A document already stored (same text) gets its sentences and events replaced, so ingesting the
        same input twice leaves the store unchanged.
        """
        return self.ingest_batch([(doc, sentences, events)])[0]

    def ingest_batch(self, items: Iterable[tuple[Document, list[dict], list[Event]]]) -> list[bool]:
        """`ingest` for many documents in one transaction (a handful of statements for the whole batch,
        so a corpus goes in many times faster than one document at a time); is_new per item.
        A crash loses at most the batch. A text repeated within the batch keeps its last coding."""
        items = list(items)
        with self.transaction():
            added = self._add_documents([doc for doc, _, _ in items])
            latest = {}
            for (doc_key, _), (doc, sentences, events) in zip(added, items):
                latest[doc_key] = (doc_key, self._doc_ids[doc_key], sentences, events)
            self._replace(list(latest.values()))
        return [is_new for _, is_new in added]

    def _add_documents(self, docs: list[Document]) -> list[tuple[int, bool]]:
        """Insert the documents whose text is not stored yet (inside the caller's transaction)."""
        hashes = [doc.content_hash for doc in docs]
        stored = self._stored(set(hashes))
        new_docs = [(doc, content_hash) for doc, content_hash in zip(docs, hashes) if content_hash not in stored]
        seen_new: dict[str, int] = {}
        new_rows = []
        if len(new_docs) == 1:  # one statement instead of two for the common one-document call
            doc, content_hash = new_docs[0]
            row = _document_table([(None, doc, content_hash)]).to_pylist()[0]
            del row["doc_key"]
            doc_key = self.con.execute(
                f"INSERT INTO documents ({', '.join(row)}) VALUES ({', '.join('?' * len(row))}) RETURNING doc_key",
                list(row.values())).fetchall()[0][0]
            seen_new[content_hash] = doc_key
            stored[content_hash] = (doc_key, doc.id)
        elif new_docs:
            keys = iter(row[0] for row in self.con.execute(
                "SELECT nextval('doc_key_seq') FROM range(?)", [len(new_docs)]).fetchall())
            for doc, content_hash in new_docs:
                if content_hash in seen_new:
                    continue
                doc_key = seen_new[content_hash] = next(keys)
                stored[content_hash] = (doc_key, doc.id)
                new_rows.append((doc_key, doc, content_hash))
            self._insert_arrow("documents", _document_table(new_rows))
        self._fresh_keys.update(seen_new.values())
        result = []
        first_seen: set[str] = set()
        for content_hash in hashes:
            doc_key, doc_id = stored[content_hash]
            self._doc_ids[doc_key] = doc_id
            is_new = content_hash in seen_new and content_hash not in first_seen
            first_seen.add(content_hash)
            result.append((doc_key, is_new))
        return result

    def _replace(self, rows: list[tuple[int, str, list[dict], list[Event]]]) -> None:
        """Delete then insert sentences and events of (doc_key, doc_id, sentences, events) rows."""
        old_keys = [doc_key for doc_key, _, _, _ in rows if doc_key not in self._fresh_keys]
        if old_keys:  # documents added in this transaction have nothing to delete
            for table in ("sentences", "events"):
                self.con.execute(f"DELETE FROM {table} WHERE doc_key IN (SELECT unnest(?::INTEGER[]))", [old_keys])
        sentences = _sentence_table([(doc_key, sentences) for doc_key, _, sentences, _ in rows])
        if sentences.num_rows:
            self._insert_arrow("sentences", sentences)
        events = _event_table([(doc_key, doc_id, events) for doc_key, doc_id, _, events in rows])
        if events.num_rows:
            self._insert_arrow("events", events)

    def _stored(self, hashes: set[str]) -> dict[str, tuple[int, str]]:
        """content_hash -> (doc_key, doc_id) for the hashes already stored."""
        if not hashes:
            return {}
        rows = self.con.execute(
            "SELECT content_hash, doc_key, doc_id FROM documents WHERE content_hash IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(hashes)]).fetchall()
        return {content_hash: (doc_key, doc_id) for content_hash, doc_key, doc_id in rows}

    # -- reading --------------------------------------------------------------------------------------

    def events(self, source: str | Iterable[str] | None = None, target: str | Iterable[str] | None = None,
               event: str | Iterable[str] | None = None, since: str | None = None, until: str | None = None,
               doc_id: str | None = None, limit: int | None = None) -> list[dict]:
        """Stored events as Event.to_dict() dicts, in document and text order.

        source/target: actor codes (an actor matches on its code or its country; several codes as a
        list or "A,B"); event: PLOVER event types ("ASSAULT") or CAMEO code prefixes ("19", "042");
        since/until: ISO dates, inclusive; doc_id: one document.
        """
        return list(self.iter_events(source, target, event, since, until, doc_id, limit))

    def iter_events(self, source=None, target=None, event=None, since=None, until=None, doc_id=None,
                    limit=None, chunk_size: int = 10_000) -> Iterator[dict]:
        """`events` as a stream, `chunk_size` rows at a time (bounded memory for big stores). It reads
        through its own cursor, so the store can be used while the stream is open."""
        sql, params = self._events_query(source, target, event, since, until, doc_id, limit)
        cursor = self.con.cursor()
        try:
            result = cursor.execute(sql, params)
            names = [column[0] for column in result.description]
            while rows := result.fetchmany(chunk_size):
                for row in rows:
                    yield _event_dict(dict(zip(names, row)))
        finally:
            cursor.close()

    def _events_query(self, source, target, event, since, until, doc_id, limit) -> tuple[str, list]:
        where, params = [], []
        for role, codes in (("source", source), ("target", target)):
            codes = _codes(codes)
            if codes:
                marks = ", ".join("?" * len(codes))
                where.append(f"({role}_code IN ({marks}) OR {role}_country IN ({marks}))")
                params += codes + codes
        event_terms = _codes(event)
        if event_terms:
            clauses = []
            for term in event_terms:
                if term.isdigit():
                    clauses.append("cameo_code LIKE ?")
                    params.append(term + "%")
                else:
                    clauses.append("upper(plover_event) = ?")
                    params.append(term.upper())
            where.append("(" + " OR ".join(clauses) + ")")
        if since:
            where.append("date >= ?")
            params.append(_require_date(since, "since"))
        if until:
            where.append("date <= ?")
            params.append(_require_date(until, "until"))
        if doc_id is not None:
            where.append("doc_id = ?")
            params.append(doc_id)
        sql = f"SELECT {', '.join(_EVENTS_SCHEMA.names[1:])} FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY doc_key, sentence_index, char_start, target_code NULLS FIRST"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return sql, params

    def documents(self) -> list[dict]:
        cursor = self.con.execute(f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents ORDER BY doc_key")
        return [
            {name: _plain(value) for name, value in zip(DOCUMENT_COLUMNS, row)} for row in cursor.fetchall()
        ]

    def counts(self) -> dict:
        return {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] for table in TABLES}

    def export_parquet(self, table: str, path: str | Path) -> int:
        """Write a table (or an analytics module's table) to a Parquet file; the number of rows."""
        known = {row[0] for row in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if table not in known:
            raise StoreError(f"no table {table!r}; tables: {', '.join(sorted(known))}")
        target = str(path).replace("'", "''")
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.con.execute(f"COPY (SELECT * FROM \"{table}\") TO '{target}' (FORMAT parquet)")
        return self.con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]

    # -- internals ------------------------------------------------------------------------------------

    def _insert_arrow(self, table: str, batch: pa.Table) -> None:
        """One INSERT for a whole batch of rows (an Arrow table): fast, and no per-row round trips."""
        if table not in self._column_order:
            self._column_order[table] = [row[0] for row in self.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' "
                "AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()]
        self.con.from_arrow(batch.select(self._column_order[table])).insert_into(table)


def _document_table(rows: list[tuple[int, Document, str]]) -> pa.Table:
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    return pa.table({
        "doc_key": [doc_key for doc_key, _, _ in rows],
        "doc_id": [doc.id for _, doc, _ in rows],
        "content_hash": [content_hash for _, _, content_hash in rows],
        "title": [doc.title for _, doc, _ in rows],
        "url": [doc.url for _, doc, _ in rows],
        "date": [_as_date(doc.date) for _, doc, _ in rows],
        "origin": [doc.origin for _, doc, _ in rows],
        "n_chars": [len(doc.text) for _, doc, _ in rows],
        "added_at": [now] * len(rows),
        "lang": [doc.lang for _, doc, _ in rows],
    }, schema=_DOCUMENTS_SCHEMA)


def _sentence_table(groups: list[tuple[int, list[dict]]]) -> pa.Table:
    columns: dict[str, list] = {name: [] for name in _SENTENCES_SCHEMA.names}
    for doc_key, sentences in groups:
        for position, sentence in enumerate(sentences):
            columns["doc_key"].append(doc_key)
            columns["sentence_index"].append(sentence.get("sentence_index", sentence.get("index", position)))
            columns["start"].append(sentence.get("start"))
            columns["end"].append(sentence.get("end"))
            columns["text"].append(sentence.get("text"))
    return pa.table(columns, schema=_SENTENCES_SCHEMA)


def _event_table(groups: list[tuple[int, str, list[Event]]]) -> pa.Table:
    columns: dict[str, list] = {name: [] for name in _EVENTS_SCHEMA.names}
    for doc_key, doc_id, events in groups:
        for event in events:
            record = event.to_dict() if isinstance(event, Event) else dict(event)
            record["doc_key"] = doc_key
            record["doc_id"] = doc_id
            for role in ("source", "target"):
                actor = record.pop(role) or {}
                for key in ACTOR_KEYS:
                    record[f"{role}_{key}"] = actor.get(key)
            record["date"] = _as_date(record.get("date"))
            record["extra"] = json.dumps(record.get("extra") or {}, ensure_ascii=False, default=str)
            for name in _EVENTS_SCHEMA.names:
                columns[name].append(record.get(name))
    return pa.table(columns, schema=_EVENTS_SCHEMA)


def _event_dict(row: dict) -> dict:
    record = {}
    for name in EVENT_FIELDS:
        if name in ("source", "target"):
            actor = {key: row[f"{name}_{key}"] for key in ACTOR_KEYS}
            record[name] = actor if name == "source" or any(value is not None for value in actor.values()) else None
        elif name == "extra":
            record[name] = json.loads(row["extra"]) if row["extra"] else {}
        else:
            record[name] = _plain(row[name])
    return record


def _plain(value):
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _as_date(value) -> dt.date | None:
    """An ISO date string (or longer ISO timestamp) as a date; None when absent or unreadable."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _require_date(value: str, name: str) -> dt.date:
    date = _as_date(value)
    if date is None:
        raise StoreError(f"{name} must be an ISO date (YYYY-MM-DD), got {value!r}")
    return date


def _codes(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return [code.strip() for code in value if code and code.strip()]

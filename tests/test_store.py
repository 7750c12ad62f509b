from __future__ import annotations

import duckdb
import pyarrow.parquet as pq
import pytest

from comity import store as store_module
from comity.records import Document, Event
from comity.store import SCHEMA_VERSION, Store, StoreError, migrate

IND = {"code": "IND", "country": "IND", "sector": "GOV", "text": "India"}
PAK_MIL = {"code": "PAK", "country": "PAK", "sector": "MIL", "text": "the Pakistani army"}
UN = {"code": "UN", "country": None, "sector": "IGO", "text": "the United Nations"}


def event(doc_id="d1", index=0, source=IND, target=PAK_MIL, plover="ASSAULT", cameo="195", date="2025-05-07",
          **extra_fields) -> Event:
    return Event(doc_id=doc_id, sentence_index=index, sentence=f"Sentence {index} of {doc_id}.", source=source,
                 target=target, plover_event=plover, plover_mode=None, cameo_code=cameo, cameo_root=cameo[:2],
                 quad_class=4 if cameo.startswith(("18", "19")) else 1, goldstein=-10.0 if cameo == "195" else 3.0,
                 date=date, **extra_fields)


def sentences(n=2, doc_id="d1"):
    return [{"sentence_index": i, "start": i * 30, "end": i * 30 + 29, "text": f"Sentence {i} of {doc_id}."}
            for i in range(n)]


DOC1 = Document(id="d1", text="India struck targets in Pakistan. The UN urged calm.", date="2025-05-07",
                title="Strikes", url="https://example.org/1", lang="en", origin="a.txt")
DOC2 = Document(id="d2", text="The UN secretary-general called both leaders.", date="2025-05-09", lang="en")


@pytest.fixture
def store():
    with Store(":memory:") as opened:
        yield opened


def test_new_store_has_latest_schema(tmp_path):
    path = tmp_path / "sub" / "c.duckdb"
    with Store(path) as opened:
        assert opened.schema_version == SCHEMA_VERSION == len(store_module.MIGRATIONS)
        assert opened.counts() == {"documents": 0, "sentences": 0, "events": 0}
    with Store(path) as reopened:  # reopening migrates nothing and loses nothing
        assert reopened.schema_version == SCHEMA_VERSION


def test_add_document_dedups_by_content_hash(store):
    key, is_new = store.add_document(DOC1)
    assert is_new
    assert store.add_document(DOC1) == (key, False)
    same_text_other_id = Document(id="elsewhere", text=DOC1.text)
    assert store.add_document(same_text_other_id) == (key, False)
    assert store.document_exists(DOC1.content_hash)
    assert not store.document_exists(DOC2.content_hash)
    [row] = store.documents()
    assert row["doc_id"] == "d1" and row["date"] == "2025-05-07" and row["title"] == "Strikes"
    assert row["n_chars"] == len(DOC1.text) and row["lang"] == "en" and row["origin"] == "a.txt"
    assert row["content_hash"] == DOC1.content_hash


def test_events_round_trip_as_event_dicts(store):
    original = [event(index=0, extra={"evidence": ["struck"], "score": 0.5}),
                event(index=1, source=UN, target=None, plover="REQUEST", cameo="094", negated=True,
                      modality="intent", event_group="g1", char_start=40, char_end=49, sentence_start=35)]
    assert store.ingest(DOC1, sentences(2), original) is True
    stored = store.events()
    assert stored == [item.to_dict() for item in original]
    assert Event(**stored[1]) == original[1]
    assert stored[1]["target"] is None


def test_ingest_twice_is_idempotent(store):
    assert store.ingest(DOC1, sentences(2), [event(), event(index=1)]) is True
    first = (store.counts(), store.events(), [
        {k: v for k, v in row.items() if k != "added_at"} for row in store.documents()])
    assert store.ingest(DOC1, sentences(2), [event(), event(index=1)]) is False
    second = (store.counts(), store.events(), [
        {k: v for k, v in row.items() if k != "added_at"} for row in store.documents()])
    assert first == second
    assert first[0] == {"documents": 1, "sentences": 2, "events": 2}


def test_recoding_replaces_only_that_document(store):
    store.ingest(DOC1, sentences(2), [event(), event(index=1)])
    store.ingest(DOC2, sentences(1, "d2"), [event(doc_id="d2", source=UN, cameo="042")])
    key, _ = store.add_document(DOC1)
    store.replace_events(key, sentences(3), [event(index=2, plover="ACCUSE", cameo="112")])
    assert store.counts() == {"documents": 2, "sentences": 4, "events": 2}
    assert [(e["doc_id"], e["plover_event"]) for e in store.events()] == [("d1", "ACCUSE"), ("d2", "ASSAULT")]


def test_replace_is_one_transaction_failure_keeps_old_rows(store):
    store.ingest(DOC1, sentences(2), [event(), event(index=1)])
    before = (store.counts(), store.events())
    key, _ = store.add_document(DOC1)
    bad = event(index=6)
    bad.goldstein = "not a number"  # fails while the events batch is built, after the deletes ran
    broken = [event(index=5), bad]
    with pytest.raises(Exception):
        store.replace_events(key, sentences(4), broken)
    assert (store.counts(), store.events()) == before


def test_crash_mid_ingest_loses_only_that_document(store, monkeypatch):
    store.ingest(DOC1, sentences(2), [event()])
    calls = []
    original_insert = Store._insert_arrow

    def insert_then_crash(self, table, batch):
        calls.append(table)
        if table == "events":
            raise RuntimeError("simulated crash")
        original_insert(self, table, batch)

    monkeypatch.setattr(Store, "_insert_arrow", insert_then_crash)
    with pytest.raises(RuntimeError):
        store.ingest(DOC2, sentences(3, "d2"), [event(doc_id="d2")])
    assert calls == ["sentences", "events"]  # the document row and the sentences went in first...
    monkeypatch.undo()
    assert store.counts() == {"documents": 1, "sentences": 2, "events": 1}  # ...and were rolled back
    assert not store.document_exists(DOC2.content_hash)
    assert store.ingest(DOC2, sentences(3, "d2"), [event(doc_id="d2")]) is True  # and can be redone


def test_ingest_batch_matches_one_by_one(tmp_path):
    docs = [Document(id=f"b{n}", text=f"Text {n}: the envoy met the minister.") for n in range(30)]
    items = [(doc, sentences(3, doc.id), [event(doc_id=doc.id, index=i) for i in range(2)]) for doc in docs]
    with Store(":memory:") as one_by_one, Store(":memory:") as batched:
        flags = [one_by_one.ingest(*item) for item in items]
        assert batched.ingest_batch(items) == flags == [True] * 30
        assert batched.counts() == one_by_one.counts() == {"documents": 30, "sentences": 90, "events": 60}
        assert batched.events() == one_by_one.events()
        assert batched.ingest_batch(items) == [False] * 30
        assert batched.counts()["events"] == 60


def test_ingest_batch_repeated_text_stored_once(store):
    duplicate = Document(id="copy", text=DOC1.text)
    flags = store.ingest_batch([(DOC1, sentences(1), [event()]),
                                (duplicate, sentences(2), [event(index=1), event(index=0)])])
    assert flags == [True, False]
    assert store.counts() == {"documents": 1, "sentences": 2, "events": 2}
    assert {e["doc_id"] for e in store.events()} == {"d1"}  # stored under the stored document's id


def test_event_filters(store):
    store.ingest(DOC1, sentences(2), [
        event(index=0, date="2025-05-07"),
        event(index=1, source=UN, target=None, plover="REQUEST", cameo="094", date="2025-05-08"),
    ])
    store.ingest(DOC2, sentences(1, "d2"), [
        event(doc_id="d2", source=PAK_MIL, target=IND, plover="ASSAULT", cameo="190", date="2025-05-10"),
    ])
    def pick(**filters):
        return [(e["doc_id"], e["sentence_index"]) for e in store.events(**filters)]
    assert pick() == [("d1", 0), ("d1", 1), ("d2", 0)]
    assert pick(source="IND") == [("d1", 0)]
    assert pick(source="UN,PAK") == [("d1", 1), ("d2", 0)]
    assert pick(target="PAK") == [("d1", 0)]
    assert pick(event="ASSAULT") == [("d1", 0), ("d2", 0)]
    assert pick(event="request") == [("d1", 1)]
    assert pick(event="19") == [("d1", 0), ("d2", 0)]
    assert pick(event=["094", "190"]) == [("d1", 1), ("d2", 0)]
    assert pick(since="2025-05-08") == [("d1", 1), ("d2", 0)]
    assert pick(until="2025-05-08") == [("d1", 0), ("d1", 1)]
    assert pick(since="2025-05-08", until="2025-05-08") == [("d1", 1)]
    assert pick(doc_id="d2") == [("d2", 0)]
    assert pick(limit=2) == [("d1", 0), ("d1", 1)]
    with pytest.raises(StoreError, match="ISO date"):
        store.events(since="last week")


def test_unreadable_event_date_stored_as_null(store):
    store.ingest(DOC1, [], [event(date="May 2025")])
    assert store.events()[0]["date"] is None


def test_migration_from_version_1(tmp_path):
    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    assert migrate(con, target=1) == 1
    con.execute("INSERT INTO documents (doc_id, content_hash, n_chars) VALUES ('old', 'abc', 3)")
    con.execute("INSERT INTO events (doc_key, doc_id, sentence_index, sentence, source_code, plover_event, "
                "cameo_code, cameo_root, quad_class, goldstein, negated, confidence) "
                "VALUES (1, 'old', 0, 'Old sentence.', 'RUS', 'CONSULT', '040', '04', 1, 1.0, false, 1.0)")
    con.close()
    with Store(path) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION
        [old] = upgraded.events()
        assert old["doc_id"] == "old" and old["modality"] is None and old["extra"] == {}
        assert old["source"]["code"] == "RUS" and old["target"] is None
        assert upgraded.documents()[0]["lang"] is None
        assert upgraded.ingest(DOC1, sentences(1), [event(modality="future")]) is True
        assert upgraded.events(doc_id="d1")[0]["modality"] == "future"
        assert upgraded.documents()[1]["doc_key"] == 2  # the key sequence carried over


def test_newer_schema_refused(tmp_path):
    path = str(tmp_path / "future.duckdb")
    with Store(path) as opened:
        opened.con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer than this comity"):
        Store(path)


def test_export_parquet_round_trip(store, tmp_path):
    store.ingest(DOC1, sentences(2), [event(), event(index=1, target=None, extra={"why": "test"})])
    path = tmp_path / "out" / "events.parquet"
    assert store.export_parquet("events", path) == 2
    table = pq.read_table(path)
    assert table.num_rows == 2
    assert table.column("source_code").to_pylist() == ["IND", "IND"]
    assert table.column("target_code").to_pylist() == ["PAK", None]
    assert str(table.schema.field("date").type) == "date32[day]"
    assert store.export_parquet("documents", tmp_path / "docs.parquet") == 1
    assert pq.read_table(tmp_path / "docs.parquet").column("doc_id").to_pylist() == ["d1"]
    with pytest.raises(StoreError, match="no table 'nope'"):
        store.export_parquet("nope", tmp_path / "x.parquet")


def test_file_store_persists_across_reopen(tmp_path):
    path = tmp_path / "persist.duckdb"
    with Store(path) as first:
        first.ingest(DOC1, sentences(2), [event()])
    with Store(path) as second:
        assert second.counts() == {"documents": 1, "sentences": 2, "events": 1}
        assert second.ingest(DOC1, sentences(2), [event()]) is False


def test_analytics_modules_can_add_tables(store):
    store.con.execute("CREATE TABLE dyads AS SELECT 'IND' AS a, 'PAK' AS b")
    assert store.con.execute("SELECT count(*) FROM dyads").fetchall() == [(1,)]


def test_iter_events_streams_in_chunks_while_the_store_is_used(store):
    docs = [Document(id=f"s{n}", text=f"Statement {n}.") for n in range(7)]
    store.ingest_batch([(doc, [], [event(doc_id=doc.id, index=i) for i in range(3)]) for doc in docs])
    stream = store.iter_events(source="IND", chunk_size=4)
    first = next(stream)
    store.ingest(DOC2, [], [event(doc_id="d2", source=UN)])  # writing while the stream is open
    rest = list(stream)
    assert [first] + rest == store.events(source="IND") and len(rest) == 20

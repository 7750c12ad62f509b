"""comity.pipeline.ingest_paths: batched commits, duplicates within a run, failures mid-run."""
import json

import pytest

from comity.pipeline import ingest_paths
from comity.store import Store

TEXTS = [
    "Chile praised Kenya for its mediation.",
    "Peru accused Bolivia of violating the border agreement.",
    "Japan imposed sanctions on North Korea after the missile test.",
    "Ghana hosted talks with Nigeria in Accra.",
    "Chile praised Kenya for its mediation.",  # the first text again
]


def _corpus(tmp_path, texts=TEXTS):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t, "date": "2024-03-01"}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    return path


def _rows(store):
    return store.con.execute(
        "SELECT doc_id, sentence_index, cameo_code, source_code, target_code FROM events ORDER BY ALL").fetchall()


@pytest.mark.parametrize("commit_documents", [1, 2, 64])
def test_batched_commits_store_the_same_and_skip_repeats(tmp_path, commit_documents):
    from comity.pipeline import default_coder

    coder = default_coder(rules_only=True)
    with Store(str(tmp_path / "one.duckdb")) as one, Store(str(tmp_path / f"b{commit_documents}.duckdb")) as batched:
        reference = ingest_paths([str(_corpus(tmp_path))], one, coder=coder, commit_documents=1)
        report = ingest_paths([str(_corpus(tmp_path))], batched, coder=coder, commit_documents=commit_documents)
        assert report.documents_new == 4 and report.duplicates == 1  # the repeated text is met in the run
        assert _rows(batched) == _rows(one) and len(_rows(one)) >= 3
        assert batched.counts()["documents"] == 4
        again = ingest_paths([str(_corpus(tmp_path))], batched, coder=coder, commit_documents=commit_documents)
        assert again.documents_new == 0 and again.duplicates == 5 and _rows(batched) == _rows(one)
        assert reference.documents_new == 4


class _FailingCoder:
    """Codes two documents, then fails as a crash would."""

    def __init__(self, coder):
        self.coder = coder

    def code_documents(self, docs):
        for n, coded in enumerate(self.coder.code_documents(docs)):
            if n == 2:
                raise RuntimeError("worker died")
            yield coded


def test_a_failure_keeps_what_was_coded_and_a_rerun_completes(tmp_path):
    from comity.pipeline import default_coder

    coder = default_coder(rules_only=True)
    corpus = str(_corpus(tmp_path, TEXTS[:4]))
    with Store(str(tmp_path / "s.duckdb")) as store:
        with pytest.raises(RuntimeError, match="worker died"):
            ingest_paths([corpus], store, coder=_FailingCoder(coder), commit_documents=64)
        assert store.counts()["documents"] == 2  # the two coded before the failure are kept
        report = ingest_paths([corpus], store, coder=coder)
        assert report.duplicates == 2 and report.documents_new == 2
        assert store.counts()["documents"] == 4

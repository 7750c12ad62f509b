"""Coding in several processes gives the same events, in the same order, as one process."""
import json

import pytest
from typer.testing import CliRunner

from comity.records import Document

TEXTS = [
    "Chile praised Kenya for its mediation. Officials in Santiago said talks would go on.",
    "Nothing in this sentence names a country.",
    "Peru accused Bolivia of violating the border agreement. Bolivia rejected the accusation.",
    "The foreign minister of Ghana met his Nigerian counterpart in Abuja on Monday.",
    "Japan imposed sanctions on North Korea after the missile test.",
]


def _documents():
    return [Document(id=f"d{i}", text=t, date="2024-03-01") for i, t in enumerate(TEXTS)]


def _summary(coded_documents):
    return [(c.document.id, [(e.sentence_index, e.cameo_code, e.source["code"], (e.target or {}).get("code"))
                             for e in c.events]) for c in coded_documents]


def test_parallel_coder_matches_one_process_in_order():
    from comity.parallel import ParallelCoder
    from comity.pipeline import default_coder

    expected = _summary(default_coder(rules_only=True).code_documents(_documents()))
    with ParallelCoder(2, rules_only=True, chunk_documents=2) as coder:
        got = _summary(coder.code_documents(_documents()))
    assert got == expected
    assert [doc_id for doc_id, _ in got] == [f"d{i}" for i in range(len(TEXTS))]
    assert any(events for _, events in got)


def test_parallel_coder_checks_its_arguments():
    from comity.parallel import ParallelCoder

    with pytest.raises(ValueError, match="at least 2 workers"):
        ParallelCoder(1)
    with pytest.raises(ValueError, match="chunk_documents"):
        ParallelCoder(2, chunk_documents=0)


def test_coder_session_uses_this_process_for_one_worker():
    from comity.coder import EventCoder
    from comity.pipeline import coder_session

    with coder_session(rules_only=True, workers=1) as coder:
        assert isinstance(coder, EventCoder) and coder.classifier is None
    with pytest.raises(ValueError):
        with coder_session(workers=-1):
            pass


def test_cli_workers_give_the_same_output(tmp_path):
    from comity.cli import _register_areas, app

    _register_areas()
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": t, "date": "2024-03-01"}) + "\n"
                              for i, t in enumerate(TEXTS)), encoding="utf-8")
    runner = CliRunner()
    one = runner.invoke(app, ["code", str(corpus), "--format", "jsonl", "--rules-only"])
    two = runner.invoke(app, ["code", str(corpus), "--format", "jsonl", "--rules-only", "--workers", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    assert one.stdout == two.stdout and one.stdout.count("\n") >= 3
    bad = runner.invoke(app, ["code", str(corpus), "--workers", "-1"])
    assert bad.exit_code != 0 and "--workers" in bad.output

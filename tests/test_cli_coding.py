"""End-to-end tests of the coding commands through the CLI, as a user runs them."""
from __future__ import annotations

import json

import duckdb
from typer.testing import CliRunner

from comity import __version__
from comity.cli import _register_areas, app

_register_areas()
runner = CliRunner()

CONTRACT_KEYS = {
    "doc_id", "sentence_index", "sentence", "source", "target", "plover_event", "plover_mode",
    "cameo_code", "cameo_root", "quad_class", "goldstein", "negated", "modality", "confidence", "date",
}

STATEMENT = (
    "Russia urged India and Pakistan to exercise restraint on Wednesday.\n"
    "The weather in the capital was mild for the season.\n"
)


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"comity {__version__}"


def test_code_jsonl_contract_and_one_record_per_target(tmp_path):
    doc = tmp_path / "statement.txt"
    doc.write_text(STATEMENT)
    result = runner.invoke(app, ["code", str(doc), "--format", "jsonl", "--date", "2025-05-07"])
    assert result.exit_code == 0, result.output
    events = jsonl(result.stdout)
    assert {(e["source"]["code"], e["target"]["code"]) for e in events} == {("RUS", "IND"), ("RUS", "PAK")}
    for event in events:
        assert CONTRACT_KEYS <= set(event)
        assert event["doc_id"] == str(doc)
        assert event["plover_event"] == "REQUEST"
        assert event["cameo_root"] == event["cameo_code"][:2] == "02"
        assert event["date"] == "2025-05-07"
        assert event["sentence_index"] == 0
        assert set(event["source"]) >= {"code", "country", "sector", "text"}
    assert len({e["event_group"] for e in events}) == 1


def test_code_reads_stdin_jsonl_corpus():
    line = json.dumps({"id": "wire-7", "text": "China condemned the Indian strikes.", "date": "2025-05-07"})
    result = runner.invoke(app, ["code", "-", "--input-format", "jsonl", "--format", "jsonl"], input=line + "\n")
    assert result.exit_code == 0, result.output
    events = jsonl(result.stdout)
    assert events and all(e["doc_id"] == "wire-7" for e in events)
    assert events[0]["source"]["code"] == "CHN" and events[0]["target"]["code"] == "IND"
    assert events[0]["plover_event"] == "ACCUSE"


def test_code_bad_inputs_are_named_and_the_rest_goes_on(tmp_path):
    (tmp_path / "a-empty.txt").write_text("")
    (tmp_path / "b-binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (tmp_path / "c-good.txt").write_text(STATEMENT)
    result = runner.invoke(app, ["code", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "a-empty.txt" in result.stderr and "b-binary.txt" in result.stderr
    assert {e["target"]["code"] for e in jsonl(result.stdout)} == {"IND", "PAK"}


def test_code_skips_non_english(tmp_path):
    (tmp_path / "fr.txt").write_text(
        "La Russie a appelé l'Inde et le Pakistan à faire preuve de retenue et à reprendre le dialogue."
    )
    result = runner.invoke(app, ["code", str(tmp_path / "fr.txt"), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "not English" in result.stderr
    assert jsonl(result.stdout) == []


def test_unknown_format_is_a_one_line_error(tmp_path):
    doc = tmp_path / "s.txt"
    doc.write_text(STATEMENT)
    result = runner.invoke(app, ["code", str(doc), "--format", "xml"])
    assert result.exit_code == 2
    assert "unknown --format" in result.stderr and "Traceback" not in result.output


def test_ingest_is_idempotent_and_events_filter(tmp_path):
    doc = tmp_path / "statement.txt"
    doc.write_text(STATEMENT)
    db = str(tmp_path / "t.duckdb")
    first = runner.invoke(app, ["ingest", str(doc), "--db", db, "--date", "2025-05-07"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["ingest", str(doc), "--db", db, "--date", "2025-05-07"])
    assert second.exit_code == 0
    assert "0 new, 1 already stored" in second.stderr
    con = duckdb.connect(db, read_only=True)
    assert con.execute("select count(*) from documents").fetchone()[0] == 1
    assert con.execute("select count(*) from events").fetchone()[0] == 2
    con.close()
    result = runner.invoke(
        app, ["events", "--db", db, "--source", "RUS", "--target", "PAK", "--event", "REQUEST",
              "--since", "2025-05-01", "--format", "jsonl"],
    )
    assert result.exit_code == 0, result.output
    rows = jsonl(result.stdout)
    assert len(rows) == 1 and rows[0]["target"]["code"] == "PAK"
    none = runner.invoke(app, ["events", "--db", db, "--since", "2025-06-01", "--format", "jsonl"])
    assert jsonl(none.stdout) == []


def test_events_without_database_says_how_to_make_one(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2
    assert "comity ingest" in result.stderr


def test_export_parquet(tmp_path):
    doc = tmp_path / "statement.txt"
    doc.write_text(STATEMENT)
    db = str(tmp_path / "t.duckdb")
    runner.invoke(app, ["ingest", str(doc), "--db", db])
    out = tmp_path / "events.parquet"
    result = runner.invoke(app, ["export", "events", "--out", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert duckdb.sql(f"select count(*) from '{out}'").fetchall()[0][0] == 2


def test_actors_explains_title_and_office_holder():
    result = runner.invoke(
        app, ["actors", "Russian Foreign Ministry spokesperson Maria Zakharova", "--date", "2025-05-07",
              "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0]["code"] == "RUS" and rows[0]["sector"] == "GOV"


def test_demo_runs_twice_without_duplicating(tmp_path):
    db = str(tmp_path / "demo.duckdb")
    report = tmp_path / "report.html"
    first = runner.invoke(app, ["demo", "--db", db, "--format", "jsonl", "--html", str(report)])
    assert first.exit_code == 0, first.output
    assert "Turkey" in report.read_text() and "Russia" in report.read_text()
    second = runner.invoke(app, ["demo", "--db", db, "--format", "jsonl", "--html", str(report)])
    assert second.exit_code == 0
    assert "0 new documents" in second.stderr
    con = duckdb.connect(db, read_only=True)
    n_events = con.execute("select count(*) from events").fetchone()[0]
    con.close()
    assert n_events >= 10


def test_seed_article_through_the_cli(shared_dir):
    seed = shared_dir / "corpus" / "seed" / "russia-reaction-op-sindoor.txt"
    result = runner.invoke(app, ["code", str(seed), "--format", "jsonl", "--date", "2025-05-10"])
    assert result.exit_code == 0, result.output
    events = jsonl(result.stdout)
    pairs = {(e["source"]["code"], (e["target"] or {}).get("code"), e["plover_event"]) for e in events}
    requests = [e for e in events if e["source"]["code"] == "RUS" and e["plover_event"] == "REQUEST"]
    assert {e["target"]["code"] for e in requests} >= {"IND", "PAK"}
    assert all(e["source"]["sector"] == "GOV" for e in requests)
    assert ("RUS", "PAK", "COOPERATE") in pairs
    assert ("TTP", "PAK", "ASSAULT") in pairs
    assert any(s == "USA" and ev == "SUPPORT" for s, _, ev in pairs)
    assert not [e for e in events if "reward alignment" in e["sentence"]]


def test_rules_only_codes_without_the_classifier(tmp_path):
    doc = tmp_path / "statement.txt"
    doc.write_text(STATEMENT)
    result = runner.invoke(app, ["code", str(doc), "--format", "jsonl", "--rules-only"])
    assert result.exit_code == 0, result.output
    events = jsonl(result.stdout)
    assert {e["target"]["code"] for e in events} == {"IND", "PAK"}
    assert all("patterns.yaml" in e["extra"]["pattern"] for e in events)

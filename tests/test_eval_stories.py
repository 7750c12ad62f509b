from __future__ import annotations

import csv
import json

import pytest
import typer
from typer.testing import CliRunner

from comity.evaluate.predictors import PredictedEvent
from comity.evaluate.quad import GoldFormatError
from comity.evaluate.stories import load_stories, score_stories, split_of
from comity.learn.training import lead_sentence

STORIES = [
    ("Norway recalled its ambassador from Chile on Monday. Officials gave no reason.", "SANCTION", ""),
    ("Kenyan troops shelled rebel positions near the border, the army said.\nMore fighting followed.",
     "ASSAULT", "AERIAL"),
    ("The U.S. embassy in Lima said on Friday that Peru had freed two detained reporters.", "CONCEDE", ""),
    ("Short.", "PROTEST", ""),  # no usable lead
    ("Vietnam and Chile signed a fishing accord on Tuesday.", "NOT-A-LABEL", ""),
]


def write_stories(tmp_path, rows=STORIES):
    path = tmp_path / "stories.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["text", "label", "mode"])
        writer.writerows(rows)
    return path


def test_lead_sentence_keeps_abbreviations_and_stops_at_the_paragraph():
    assert lead_sentence("The U.S. envoy Mr. Lee met Chile's leader. Talks went on.") == \
        "The U.S. envoy Mr. Lee met Chile's leader."
    assert lead_sentence("Kenya closed a border crossing\nA second paragraph.") == "Kenya closed a border crossing"
    assert lead_sentence("   ") == ""


def test_loader_reads_leads_and_names_the_line_of_each_skipped_row(tmp_path):
    path = write_stories(tmp_path)
    items, problems = load_stories(path)
    assert [i.event for i in items] == ["SANCTION", "ASSAULT", "CONCEDE"]
    assert items[1].lead == "Kenyan troops shelled rebel positions near the border, the army said."
    assert items[1].mode == "AERIAL"
    assert items[2].lead.startswith("The U.S. embassy in Lima said")
    # the second story spans two physical lines, so the rows after it start one line later
    assert [i.line for i in items] == [2, 3, 5]
    assert problems == [f"{path}:6: no lead sentence of 20+ characters; skipped",
                        f"{path}:7: unknown label 'NOT-A-LABEL'; skipped"]


def test_split_is_by_story_text_and_halves_partition_the_file(tmp_path):
    rows = [(f"Country number {n} recalled its ambassador from its neighbour on day {n}.", "SANCTION", "")
            for n in range(40)]
    path = write_stories(tmp_path, rows)
    dev, _ = load_stories(path, split="dev")
    test, _ = load_stories(path, split="test")
    assert len(dev) + len(test) == 40 and dev and test
    assert all(split_of(r[0]) == "test" for r in rows if any(t.lead == r[0] for t in test))
    with pytest.raises(GoldFormatError, match="unknown split"):
        load_stories(path, split="train")


def test_loader_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("headline,body\nx,y\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"bad.csv:1: missing column\(s\) label, text"):
        load_stories(bad)
    with pytest.raises(GoldFormatError, match="cannot read"):
        load_stories(tmp_path / "missing.csv")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("text,label\nLe Br\u00e9sil a rappel\u00e9 son ambassadeur.,SANCTION\n".encode("latin-1"))
    with pytest.raises(GoldFormatError, match="latin.csv: not UTF-8"):
        load_stories(latin)


def test_scoring_uses_the_main_event_and_counts_any_event_recall(tmp_path):
    items, _ = load_stories(write_stories(tmp_path))
    predictions = [
        [PredictedEvent("SANCTION", "16", 0.9)],  # right
        [PredictedEvent("THREATEN", "13", 0.9), PredictedEvent("ASSAULT", "19", 0.5)],  # main wrong, any right
        [],  # nothing coded
    ]
    result = score_stories(items, predictions)
    assert result.report.accuracy == pytest.approx(1 / 3)
    assert result.any_event_recall == pytest.approx(2 / 3)
    assert result.no_event == 1
    assert [p for _, p in result.errors()] == ["THREATEN", "NONE"]
    assert result.to_dict()["n"] == 3


def test_cli_eval_stories_with_the_rules(tmp_path):
    from comity.cli import evaluate

    app, eval_app = typer.Typer(), typer.Typer()
    app.add_typer(eval_app, name="eval")
    evaluate.register(app, eval_app)
    result = CliRunner().invoke(app, ["eval", "stories", str(write_stories(tmp_path)), "--engine", "rules", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["task"] == "story_leads" and data["protocol"] == "rules only"
    assert data["n"] == 3 and data["skipped_rows"] == 2
    # "Norway recalled its ambassador from Chile" is a SANCTION (161) for the rules
    assert [s["label"] for s in data["event_type"]["per_label"]] == ["CONCEDE", "SANCTION", "ASSAULT"]
    assert data["event_type"]["confusion"]["SANCTION"] == {"SANCTION": 1}
    table = CliRunner().invoke(app, ["eval", "stories", str(write_stories(tmp_path)), "--engine", "rules",
                                     "--show-errors", "3"])
    assert table.exit_code == 0 and "lead event-type accuracy" in table.stdout


def test_shared_synthetic_stories_load(shared_dir):
    path = next((shared_dir / "gold/ngec_synthetic").glob("*.csv"))
    dev, problems = load_stories(path, split="dev")
    test, _ = load_stories(path, split="test")
    assert len(dev) + len(test) + len(problems) == 4500
    assert 0.15 < len(test) / (len(dev) + len(test)) < 0.25


def test_split_script_writes_story_halves_that_eval_agrees_with(tmp_path):
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "split_gold.py"
    spec = importlib.util.spec_from_file_location("split_gold", script)
    split_gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(split_gold)
    rows = [(f"Country number {n} recalled its ambassador from its neighbour on day {n}.", "SANCTION", "")
            for n in range(30)]
    source = write_stories(tmp_path, rows)
    assert split_gold.main([str(source), "--out", str(tmp_path / "out")]) == 0
    halves = {name: load_stories(tmp_path / "out" / "ngec_synthetic" / f"{name}.csv")[0]
              for name in ("dev", "test")}
    assert len(halves["dev"]) + len(halves["test"]) == 30
    for name, items in halves.items():
        assert [i.lead for i in items] == [i.lead for i in load_stories(source, split=name)[0]]

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from comity.evaluate.gsr import (GoldActor, actor_matches, load_gsr, map_event, normalise_gold_code,
                                 score_gsr)
from comity.evaluate.metrics import cohen_kappa, confusion_matrix, score
from comity.evaluate.predictors import PredictedEvent, main_event
from comity.evaluate.quad import GoldFormatError, load_quad, predicted_quad5, quad5_of_root, score_quad


def test_scores_match_hand_computed_values():
    gold = ["A", "A", "B", "B", "C"]
    pred = ["A", "B", "B", "B", "NONE"]
    r = score(gold, pred)
    by = {s.label: s for s in r.per_label}
    assert by["A"].precision == 1.0 and by["A"].recall == 0.5 and by["A"].f1 == pytest.approx(2 / 3)
    assert by["B"].precision == pytest.approx(2 / 3) and by["B"].recall == 1.0 and by["B"].f1 == pytest.approx(0.8)
    assert by["C"].f1 == 0.0 and by["C"].support == 1 and by["C"].predicted == 0
    assert r.accuracy == pytest.approx(0.6)
    assert r.macro_f1 == pytest.approx((2 / 3 + 0.8 + 0) / 3)
    # kappa: p_o = 0.6, p_e = (2*1 + 2*3 + 1*0) / 25 = 0.32
    assert r.kappa == pytest.approx((0.6 - 0.32) / 0.68)
    assert r.confusion == {"A": {"A": 1, "B": 1}, "B": {"B": 2}, "C": {"NONE": 1}}
    assert confusion_matrix(["x"], ["y"]) == {"x": {"y": 1}}


def test_score_rejects_length_mismatch_and_handles_perfect_and_empty():
    with pytest.raises(ValueError):
        score(["A"], [])
    assert score(["A", "B"], ["A", "B"]).kappa == 1.0
    assert cohen_kappa([], []) == 0.0
    # macro-F1 over a fixed label list counts a label that never occurs as F1 0
    assert score(["A"], ["A"], labels=["A", "B"]).macro_f1 == 0.5


@pytest.mark.parametrize("root,label", [("01", "0"), ("02", "0"), ("03", "1"), ("05", "1"), ("06", "2"),
                                        ("08", "2"), ("09", "3"), ("13", "3"), ("16", "3"), ("14", "4"),
                                        ("15", "4"), ("17", "4"), ("20", "4"), ("21", None), ("", None),
                                        ("1823", "4")])
def test_quad5_of_root(root, label):
    assert quad5_of_root(root) == label


def test_old_plover_labels_are_mapped():
    assert [map_event(x) for x in ("DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT", "agree")] == [
        "REQUEST", "ACCUSE", "ACCUSE", "ASSAULT", "AGREE"]


def test_quad_loader_reports_bad_lines(tmp_path):
    path = tmp_path / "q.tsv"
    path.write_text("Chile praised Kenya.\t1\nno label here\nKenya shelled a border post.\t4\nBad label.\t7\n",
                    encoding="utf-8")
    items, problems = load_quad(path)
    assert [(i.line, i.label) for i in items] == [(1, "1"), (3, "4")]
    assert len(problems) == 2 and f"{path}:2" in problems[0] and f"{path}:4" in problems[1]
    (tmp_path / "empty.tsv").write_text("\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="empty.tsv"):
        load_quad(tmp_path / "empty.tsv")


def test_main_event_and_predicted_quad():
    low = PredictedEvent("ACCUSE", "11", 0.4)
    high = PredictedEvent("ASSAULT", "18", 0.9)
    assert main_event([low, high]) is high
    assert main_event([]) is None
    assert predicted_quad5([low, high]) == "4"
    assert predicted_quad5([]) == "NONE"
    result = score_quad(load_quad_items(), ["1", "NONE"])
    assert result.report.accuracy == 0.5 and len(result.errors()) == 1


def load_quad_items():
    from comity.evaluate.quad import QuadItem

    return [QuadItem(1, "Chile praised Kenya.", "1"), QuadItem(2, "Kenya shelled a post.", "4")]


GSR_RECORDS = [
    {"id": "X-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "documentation record"},
    {"id": "X-DEMAND-0001", "event": "DEMAND", "text": "Japan asked Chile to reopen its embassy.",
     "source": [{"actorText": "Japan", "code": "JAP", "sector": "GOV"}],
     "target": [{"actorText": "Chile", "code": "CHL"}]},
    {"id": "X-AGREE-0001", "event": "AGREE", "text": "Kenyan and Ugandan officials agreed to share river data.",
     "source": [{"actorText": "Kenyan", "code": "KEN"}, {"actorText": "Ugandan", "code": "UGA"}], "target": ""},
    {"id": "X-FIGHT-0001", "event": "FIGHT", "text": "A regional bloc's troops clashed with rebels.",
     "source": [{"actorText": "regional bloc", "code": "IGO", "sector": "MIL"}],
     "target": [{"actorText": "rebels", "code": "NGA", "sector": "REB"}]},
    {"id": "X-BAD-0001", "event": "AGREE", "source": []},
]


def write_gsr(tmp_path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(GSR_RECORDS), encoding="utf-8")
    return path


def test_gsr_loader_maps_labels_and_skips_document(tmp_path):
    items, problems = load_gsr(write_gsr(tmp_path))
    assert [i.event for i in items] == ["REQUEST", "AGREE", "ASSAULT"]
    assert [i.original_event for i in items] == ["DEMAND", "AGREE", "FIGHT"]
    assert items[0].sources == (GoldActor("Japan", "JAP", "GOV"),)
    assert items[1].targets is None and len(items[1].sources) == 2
    assert len(problems) == 1 and "X-BAD-0001" in problems[0]
    bad = tmp_path / "broken.json"
    bad.write_text('[{"id": 1,', encoding="utf-8")
    with pytest.raises(GoldFormatError, match="broken.json:1"):
        load_gsr(bad)


def test_gsr_loader_keeps_one_split(tmp_path):
    records = [dict(r, split="dev" if n % 2 else "test") for n, r in enumerate(GSR_RECORDS)]
    path = tmp_path / "written.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    every, _ = load_gsr(path)
    dev, _ = load_gsr(path, split="dev")
    test, _ = load_gsr(path, split="test")
    assert sorted(i.id for i in dev + test) == sorted(i.id for i in every) and dev and test
    assert not {i.id for i in dev} & {i.id for i in test}
    with pytest.raises(GoldFormatError, match="split 'other'"):
        load_gsr(path, split="other")


def test_gold_codes_map_to_iso3_and_kinds():
    assert normalise_gold_code("JAP") == "JPN" and normalise_gold_code("usa") == "USA"
    assert normalise_gold_code("IGO") == "igo"
    assert actor_matches(GoldActor("Tokyo", "JAP", None), {"code": "JPN", "country": "JPN", "sector": "GOV"})
    assert actor_matches(GoldActor("UN", "IGO", None), {"code": "UN", "country": None, "sector": "IGO"})
    assert not actor_matches(GoldActor("UN", "IGO", None), {"code": "USA", "country": "USA", "sector": "GOV"})
    assert actor_matches(GoldActor("army", "IND", "MIL"), {"code": "IND", "country": "IND", "sector": "MIL"})
    assert not actor_matches(GoldActor("army", "IND", "MIL"), {"code": "PAK", "country": "PAK"})
    assert not actor_matches(GoldActor("x", "IND", None), None)
    # comity's own gold sets write the Arab League as ARL, the coder as ARAB_LEAGUE
    assert actor_matches(GoldActor("Arab League", "ARL", None), {"code": "ARAB_LEAGUE", "country": None, "sector": "IGO"})


def test_gsr_scoring_picks_the_event_matching_gold_actors(tmp_path):
    items, _ = load_gsr(write_gsr(tmp_path))
    jpn = {"code": "JPN", "country": "JPN", "sector": "GOV", "text": "Japan"}
    chl = {"code": "CHL", "country": "CHL", "sector": None, "text": "Chile"}
    predictions = [
        # the wrong-actor event has the higher confidence; the actor match wins
        [PredictedEvent("ACCUSE", "11", 0.9, chl, jpn), PredictedEvent("REQUEST", "10", 0.5, jpn, chl)],
        [PredictedEvent("AGREE", "03", 0.8, {"code": "UGA", "country": "UGA"}, {"code": "KEN", "country": "KEN"})],
        [],  # nothing coded: NONE, wrong source, wrong target
    ]
    r = score_gsr(items, predictions)
    assert r.predicted_labels() == ["REQUEST", "AGREE", "NONE"]
    assert r.event_report.accuracy == pytest.approx(2 / 3)
    assert r.main_event_report.accuracy == pytest.approx(1 / 3)  # main event of item 1 is ACCUSE
    assert (r.source_correct, r.target_correct, r.target_scored, r.no_event) == (2, 1, 2, 1)
    assert r.source_accuracy == pytest.approx(2 / 3) and r.target_accuracy == 0.5
    summary = r.to_dict()
    assert summary["target_not_in_gold"] == 1 and summary["event_type"]["n"] == 3


# ---- CLI end to end, with a tiny model trained here ------------------------------------------------

QUAD_LINES = [
    ("Chile signed a friendship treaty with Kenya.", "1"), ("Norway held cordial talks with Vietnam.", "1"),
    ("Kenya praised the generous help of Chile.", "1"), ("Vietnam agreed to expand trade with Norway.", "1"),
    ("Chile shelled villages held by Kenya.", "4"), ("Norway launched air strikes against Vietnam.", "4"),
    ("Kenya bombed the depots of Chile.", "4"), ("Vietnam fired rockets at Norway.", "4"),
]


@pytest.fixture()
def cli():
    from comity.cli import evaluate

    app, eval_app = typer.Typer(), typer.Typer()
    app.add_typer(eval_app, name="eval")
    evaluate.register(app, eval_app)
    return app


@pytest.fixture()
def quad_file(tmp_path):
    path = tmp_path / "quad.tsv"
    path.write_text("".join(f"{s}\t{label}\n" for s, label in QUAD_LINES), encoding="utf-8")
    return path


def test_cli_eval_quad_with_given_model_reports_overlap(cli, quad_file, tmp_path, nlp):
    from comity.learn import EventClassifier, FeatureConfig, TrainingExample

    model_path = tmp_path / "m.npz"
    train = [TrainingExample(s, quad5=label) for s, label in QUAD_LINES[:6]]
    EventClassifier.fit(train, config=FeatureConfig(use_actors=False), min_count=1, nlp=nlp).save(model_path)
    result = CliRunner().invoke(cli, ["eval", "quad", str(quad_file), "--engine", "classifier",
                                      "--model", str(model_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["protocol"] == "given model" and data["overlap_with_training"] == 6
    assert data["n"] == 8 and [c["label"] for c in data["per_label"]] == ["0", "1", "2", "3", "4"]
    assert 0.5 <= data["accuracy"] <= 1.0
    table = CliRunner().invoke(cli, ["eval", "quad", str(quad_file), "--engine", "classifier",
                                     "--model", str(model_path), "--limit", "4", "--show-errors", "5"])
    assert table.exit_code == 0 and "n=4" in table.stdout and "not held-out" in table.stdout


def test_cli_eval_quad_cross_validation(cli, quad_file):
    result = CliRunner().invoke(cli, ["eval", "quad", str(quad_file), "--engine", "classifier", "--cv", "2",
                                      "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["protocol"] == "2-fold cross-validation" and data["n"] == 8
    assert "held-out fold" in data["detail"]


def test_cli_eval_errors_are_one_line(cli, tmp_path):
    missing = CliRunner().invoke(cli, ["eval", "quad", str(tmp_path / "nope.tsv")])
    assert missing.exit_code == 2  # fail(): one line on stderr, no traceback
    assert missing.exception is None or isinstance(missing.exception, SystemExit)
    bad_engine = CliRunner().invoke(cli, ["eval", "gsr", str(write_gsr(tmp_path)), "--engine", "magic"])
    assert bad_engine.exit_code == 2


def test_cli_eval_gsr_with_classifier(cli, tmp_path):
    result = CliRunner().invoke(cli, ["eval", "gsr", str(write_gsr(tmp_path)), "--engine", "classifier",
                                      "--cv", "3", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["n"] == 3 and data["protocol"] == "3-fold cross-validation"
    assert data["source_accuracy"] == 0.0  # the classifier alone names no actors
    assert data["target_scored"] == 2


def test_shared_gold_sets_load(shared_dir):
    items, problems = load_gsr(shared_dir / "gold/plover_gsr/PLOVER_GSR_CAMEO.txt")
    assert len(items) == 322 and not any(i.original_event == "DOCUMENT" for i in items)
    assert {i.event for i in items} <= set(__import__("comity.evaluate.gsr", fromlist=["x"]).PLOVER_EVENTS)
    quad, quad_problems = load_quad(shared_dir / "gold/cameo_quad/train.tsv")
    assert len(quad) == 1349 and not quad_problems


def test_bench_workloads_are_deterministic_and_mixed():
    from comity.evaluate import bench

    a = bench.actor_sentences(50)
    assert a == bench.actor_sentences(50) and len(a) == 50
    assert all(s[0].isupper() and s.endswith(".") and " ," not in s for s in a)
    news = bench.news_sentences(100)
    share = float(bench.templates()["news_actor_share"])
    actorish = set(bench.actor_sentences(round(100 * share), 6))
    assert sum(s in actorish for s in news) == round(100 * share)
    docs = bench.as_documents(news, per_document=10)
    assert len(docs) == 10 and docs[0].startswith(news[0])
    with pytest.raises(ValueError):
        bench.run_benchmarks(None, 0)


def test_bench_reads_sentences_file(tmp_path):
    from comity.evaluate import bench

    path = tmp_path / "s.txt"
    path.write_text("Chile praised Kenya.\n\nKenya thanked Chile.\nThird line.\n", encoding="utf-8")
    assert bench.file_sentences(path, 2) == ["Chile praised Kenya.", "Kenya thanked Chile."]
    (tmp_path / "empty.txt").write_text("\n", encoding="utf-8")
    with pytest.raises(ValueError, match="empty.txt"):
        bench.file_sentences(tmp_path / "empty.txt", 5)


def test_bench_reports_every_run_and_the_coder_stages():
    from comity.evaluate import bench

    result = bench.benchmark("actors", bench.actor_sentences(40), per_document=5, repeats=1)
    for key in ("coder_sps", "coder_inline_sps", "coder_rules_sps", "spacy_full_sps", "spacy_parse_sps",
                "spacy_parse_sentences_sps", "spacy_parse_passages_sps"):
        assert result[key] > 0, key
        assert result[key.replace("_sps", "_cpu_us")] > 0, key
        assert result[key.replace("_sps", "_page_faults")] >= 0, key
    stages = result["coder_stage_us_per_sentence"]
    assert set(stages) == {"prefilter", "parse", "classifier", "extract"}
    assert stages["parse"] > 0 and stages["extract"] > 0
    # the in-line coder's stages are parts of its end-to-end time (on its fastest full run, not the warm-up)
    assert sum(stages.values()) <= 1e6 / result["coder_inline_sps"] * 1.05
    assert result["coder_vs_parse_cpu"] == pytest.approx(result["spacy_parse_cpu_us"] / result["coder_cpu_us"], abs=1e-3)
    assert result["events"] > 0
    assert result["coder_vs_parse_paired"] > 0


def test_paired_ratio_is_the_median_of_the_rounds_ratios():
    from comity.evaluate.bench import _paired_ratio

    # baseline seconds / coder seconds per round: 0.5, 0.8, 0.6 -> 0.6; a slow round hurts neither side
    assert _paired_ratio([1.0, 4.0, 1.2], [2.0, 5.0, 2.0]) == 0.6


def test_coder_stage_clock_accumulates_per_stage():
    from comity.coder import EventCoder
    from comity.records import Document

    coder = EventCoder(classifier=None)
    assert set(coder.stage_seconds) == {"prefilter", "parse", "classifier", "extract"}
    list(coder.code_documents([Document(id="a", text="Chile praised Kenya. It rained."),
                               Document(id="b", text="Nothing here at all.")]))
    assert coder.stage_seconds["prefilter"] > 0 and coder.stage_seconds["parse"] > 0
    assert coder.stage_seconds["extract"] > 0


# ---------------------------------------------------------------- classifier thresholds of the coder
def test_threshold_simulation_follows_the_coder_policy():
    from comity.evaluate.thresholds import RuleOutcome, simulate

    no_actor = RuleOutcome(consulted=False, has_pattern_event=False, rules_quad="NONE")
    actors_only = RuleOutcome(consulted=True, has_pattern_event=False, rules_quad="NONE")
    pattern = RuleOutcome(consulted=True, has_pattern_event=True, rules_quad="1", rule_quads=frozenset({"1"}))
    two = RuleOutcome(consulted=True, has_pattern_event=True, rules_quad="3", rule_quads=frozenset({"3", "4"}))
    assert simulate(no_actor, "4", 0.99, 0.0, 0.0) == "NONE"  # never consulted
    assert simulate(actors_only, "4", 0.7, 0.6, 0.9) == "4" and simulate(actors_only, "4", 0.5, 0.6, 0.9) == "NONE"
    assert simulate(pattern, "3", 0.85, 0.0, 0.8) == "3" and simulate(pattern, "3", 0.75, 0.0, 0.8) == "1"
    assert simulate(two, "4", 0.99, 0.0, 0.5) == "3"  # a rule event already agrees: no override


def test_best_pair_prefers_higher_thresholds_among_equals():
    from comity.evaluate.thresholds import RuleOutcome, best_pair

    outcomes = [RuleOutcome(True, False, "NONE"), RuleOutcome(True, False, "NONE"),
                RuleOutcome(True, True, "1", frozenset({"1"})), RuleOutcome(True, True, "2", frozenset({"2"}))]
    clf = [("4", 0.65), ("3", 0.2), ("3", 0.95), ("0", 0.7)]
    gold = ["4", "3", "3", "2"]
    # filling needs t_fill <= 0.2 to get both pattern-less sentences; overriding the third needs
    # t_override <= 0.95 and must stay above 0.7 not to spoil the fourth
    t_fill, t_override, f1 = best_pair(outcomes, clf, gold)
    assert f1 == pytest.approx(1.0) and t_fill <= 0.2 and 0.7 < t_override <= 0.95
    assert t_override == 0.95  # the highest of the equally good grid values


def test_cli_threshold_options_are_checked(cli, quad_file):
    bad = CliRunner().invoke(cli, ["eval", "quad", str(quad_file), "--fill-threshold", "high"])
    assert bad.exit_code == 2
    no_cv = CliRunner().invoke(cli, ["eval", "quad", str(quad_file), "--fill-threshold", "tune"])
    assert no_cv.exit_code == 2


def test_wilson_interval_brackets_the_rate_and_narrows_with_n():
    from comity.evaluate.metrics import score, wilson_interval

    lo, hi = wilson_interval(50, 68)
    assert lo < 50 / 68 < hi and 0.6 < lo and hi < 0.85
    lo_big, hi_big = wilson_interval(500, 680)
    assert hi_big - lo_big < hi - lo  # ten times the sentences: a narrower interval
    assert wilson_interval(0, 10)[0] == 0.0 and wilson_interval(10, 10)[1] == 1.0
    assert wilson_interval(0, 0) == (0.0, 0.0)
    report = score(["A", "B", "A", "A"], ["A", "B", "B", "A"])
    assert report.to_dict()["accuracy_ci95"] == [round(x, 4) for x in wilson_interval(3, 4)]


def test_ingest_memory_benchmark_reports_the_same_events_with_workers():
    from comity.evaluate.bench import ingest_memory

    one = ingest_memory(80, per_document=10)
    two = ingest_memory(80, per_document=10, workers=2)
    assert one["documents"] == two["documents"] == 8
    assert one["events"] == two["events"] > 0
    assert one["peak_rss_mb"] > 0 and "peak_worker_rss_mb" not in one
    assert two["workers"] == 2 and two["peak_worker_rss_mb"] > 0

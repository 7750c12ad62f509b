"""`comity eval gsr`, `comity eval quad` and `comity bench`: measured accuracy and throughput."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from comity.cli import fail, warn
from comity.evaluate.metrics import format_ci

ENGINE_HELP = ("What predicts: auto (the coder when installed, with the classifier), coder, "
               "classifier (the learned classifier alone), rules (the coder without the classifier).")


def _extra_training(extra_quad, extra_gsr, extra_synthetic):
    from comity.learn import training

    examples = []
    for path in extra_quad or ():
        examples += training.quad_examples(path)
    for path in extra_gsr or ():
        examples += training.gsr_examples(path)
    for path in extra_synthetic or ():
        examples += training.synthetic_examples(path)
    return examples


def _progress(fold: int, k: int) -> None:
    Console(stderr=True).print(f"[dim]fold {fold}/{k}[/]", highlight=False)


MAX_WARNINGS = 10  # problems printed one by one; the rest are counted

THRESHOLD_HELP = ("With the coder and a classifier: {} threshold (default: the coder's own). "
                  "With --cv, 'tune' chooses both per fold on the fold's training items only.")


def _thresholds(fill: Optional[str], override: Optional[str], cv):
    if "tune" in (fill, override):
        if not cv:
            fail("--fill-threshold/--override-threshold tune needs --cv (thresholds are chosen on training folds)")
        return "tune"
    try:
        return tuple(None if v is None else float(v) for v in (fill, override))
    except ValueError:
        fail(f"thresholds must be numbers between 0 and 1 or 'tune', got {fill!r} / {override!r}")


# Options shared by `eval quad` and `eval gsr`.
def _limit_option():
    return typer.Option(None, "--limit", help="Score only the first N sentences.")


def _cv_option():
    return typer.Option(None, "--cv", help="K-fold cross-validation: retrain per fold, score held-out folds.")


def _seed_option():
    return typer.Option(13, "--seed", help="Shuffle seed of the CV folds.")


def _engine_option():
    return typer.Option("auto", "--engine", help=ENGINE_HELP)


def _model_option():
    return typer.Option(None, "--model", help="Classifier .npz (default: the shipped one).")


def _synthetic_option():
    return typer.Option(None, "--extra-synthetic", help="With --cv: also train on these synthetic stories (CSV).")


def _threshold_option(kind: str):
    return typer.Option(None, f"--{kind}-threshold", help=THRESHOLD_HELP.format(kind))


def _json_option():
    return typer.Option(False, "--json", help="Print a JSON summary instead of tables.")


def _load_gold(load, path: Path, limit: Optional[int], **options):
    """(items, problems) from a gold-file loader; a bad file stops with its message, problems warn."""
    from comity.evaluate.quad import GoldFormatError

    try:
        items, problems = load(path, limit, **options)
    except GoldFormatError as exc:
        fail(str(exc))
    for p in problems[:MAX_WARNINGS]:
        warn(p)
    if len(problems) > MAX_WARNINGS:
        warn(f"... and {len(problems) - MAX_WARNINGS} more records skipped or read with a problem")
    return items, problems


def _predict_gold(texts, labelled, cv, engine, model, seed, extra_paths, fill_threshold, override_threshold):
    """Predictions and protocol for gold sentences: --cv retrains on the folds (plus the extra
    training files, (quad, gsr, synthetic) paths), else the given or shipped model."""
    extra = _extra_training(*extra_paths) if cv else []
    thresholds = _thresholds(fill_threshold, override_threshold, cv)
    return _predict(texts, labelled, cv, engine, model, seed, extra, thresholds)


def _predict(texts, labelled, cv, engine, model, seed, extra, thresholds=(None, None)):
    from comity.evaluate import run

    try:
        if cv:
            return run.predict_cv(texts, labelled, cv, engine, seed, extra, progress=_progress,
                                  thresholds=thresholds)
        if extra:
            warn("--extra-* training files are used only with --cv; ignored")
        return run.predict(texts, engine, model, thresholds)
    except (ValueError, RuntimeError) as exc:
        fail(str(exc))


def _report(task: str, path: Path, protocol, summary: dict, as_json: bool, headline: str, tables,
            error_lines: list[str]) -> None:
    """An eval command's output: with --json one JSON object (task, file, protocol, summary); else
    the protocol, a headline, the tables (a callable: they are built only for the console) and the
    wrong sentences asked for."""
    if as_json:
        typer.echo(json.dumps({"task": task, "file": str(path), **protocol.to_dict(), **summary}, indent=2))
        return
    from comity.evaluate import render

    console = Console()
    console.print(render.protocol_text(protocol))
    console.print(headline, highlight=False)
    for table in tables():
        console.print(table)
    for line in error_lines:
        console.print(line, markup=False, highlight=False)


def _event_label(event) -> str:
    if event is None:
        return "NONE"
    return f"{event.plover_event or '(statement)'} {event.cameo_root}"


def eval_quad(
    path: Path = typer.Argument(..., help="TSV: sentence<TAB>label 0-4 (ConfliBERT CAMEO quad layout)."),
    limit: Optional[int] = _limit_option(),
    cv: Optional[int] = _cv_option(),
    seed: int = _seed_option(),
    engine: str = _engine_option(),
    model: Optional[Path] = _model_option(),
    extra_gsr: Optional[list[Path]] = typer.Option(None, "--extra-gsr", help="With --cv: also train on this GSR JSON."),
    extra_synthetic: Optional[list[Path]] = _synthetic_option(),
    fill_threshold: Optional[str] = _threshold_option("fill"),
    override_threshold: Optional[str] = _threshold_option("override"),
    show_errors: int = typer.Option(0, "--show-errors", help="Print N wrongly classified sentences."),
    as_json: bool = _json_option(),
) -> None:
    """Score the 5-way CAMEO quad class of each sentence's main coded event (no event = wrong).

    Example: comity eval quad ../shared/gold/cameo_quad/train.tsv --cv 5
    """
    from comity.evaluate import render
    from comity.evaluate.quad import QUAD5_NAMES, load_quad, predicted_quad5, score_quad
    from comity.learn import TrainingExample

    items, _ = _load_gold(load_quad, path, limit)
    texts = [i.text for i in items]
    labelled = [TrainingExample(i.text, quad5=i.label) for i in items]
    predictions, protocol = _predict_gold(texts, labelled, cv, engine, model, seed,
                                          (None, extra_gsr, extra_synthetic), fill_threshold, override_threshold)
    result = score_quad(items, [predicted_quad5(p) for p in predictions])
    r = result.report
    _report("quad5", path, protocol, result.report.to_dict(), as_json,
            f"[bold]quad5[/] {path} · n={r.n} · accuracy {r.accuracy:.3f} ({format_ci(r.accuracy_ci95)}) · "
            f"macro-F1 [bold]{r.macro_f1:.3f}[/] · kappa {r.kappa:.3f}",
            lambda: [render.per_label_table(r, "per class", QUAD5_NAMES), render.confusion_table(r)],
            [f"line {item.line}: gold {item.label} predicted {pred}: {item.text}"
             for item, pred in result.errors()[:show_errors]])


def eval_gsr(
    path: Path = typer.Argument(..., help="PLOVER_GSR_CAMEO.txt (a JSON array of gold records)."),
    limit: Optional[int] = _limit_option(),
    cv: Optional[int] = _cv_option(),
    seed: int = _seed_option(),
    engine: str = _engine_option(),
    model: Optional[Path] = _model_option(),
    extra_quad: Optional[list[Path]] = typer.Option(None, "--extra-quad", help="With --cv: also train on this quad TSV."),
    extra_gsr: Optional[list[Path]] = typer.Option(None, "--extra-gsr", help="With --cv: also train on this file in GSR format (records marked \"split\": \"test\" are left out)."),
    extra_synthetic: Optional[list[Path]] = _synthetic_option(),
    fill_threshold: Optional[str] = _threshold_option("fill"),
    override_threshold: Optional[str] = _threshold_option("override"),
    show_errors: int = typer.Option(0, "--show-errors", help="Print N sentences whose event type is wrong."),
    split: Optional[str] = typer.Option(None, "--split", help="Score only the records whose \"split\" field has this value (dev or test in benchmarks/gold/)."),
    as_json: bool = _json_option(),
) -> None:
    """Score PLOVER event type, source and target actor codes on the PLOVER gold sentences (or any
    file in their format, such as benchmarks/gold/written_events_*.json).

    Example: comity eval gsr ../shared/gold/plover_gsr/PLOVER_GSR_CAMEO.txt --show-errors 10
    """
    from comity.evaluate import render
    from comity.evaluate.gsr import load_gsr, score_gsr
    from comity.learn import TrainingExample
    from comity.learn.training import QUAD5_OF_PLOVER

    items, problems = _load_gold(load_gsr, path, limit, split=split)
    texts = [i.text for i in items]
    labelled = [TrainingExample(i.text, quad5=QUAD5_OF_PLOVER.get(i.event), plover=i.event) for i in items]
    predictions, protocol = _predict_gold(texts, labelled, cv, engine, model, seed,
                                          (extra_quad, extra_gsr, extra_synthetic), fill_threshold, override_threshold)
    result = score_gsr(items, predictions)
    result.problems = problems
    r = result.event_report
    _report("plover_gsr", path, protocol, {"split": split, **result.to_dict()}, as_json,
            f"[bold]PLOVER GSR[/] {path} · n={r.n} · event-type accuracy [bold]{r.accuracy:.3f}[/] "
            f"({format_ci(r.accuracy_ci95)}; main event {result.main_event_report.accuracy:.3f}) · macro-F1 {r.macro_f1:.3f}\n"
            f"source code accuracy {result.source_accuracy:.3f} "
            f"({format_ci(result.source_accuracy_ci95)}) · target code accuracy "
            f"{result.target_accuracy:.3f} ({format_ci(result.target_accuracy_ci95)}; "
            f"over {result.target_scored} sentences with a gold target; "
            f"{len(items) - result.target_scored} without) · no event coded: {result.no_event}",
            lambda: [render.per_label_table(r, "per event type"), render.confusion_table(r)],
            [f"{item.id}: gold {item.event} predicted {_event_label(ev)}: {item.text}"
             for item, ev in result.errors()[:show_errors]])


def eval_stories(
    path: Path = typer.Argument(..., help="Story CSV with text and label columns (the NGEC synthetic-story layout)."),
    limit: Optional[int] = _limit_option(),
    engine: str = _engine_option(),
    model: Optional[Path] = _model_option(),
    split: Optional[str] = typer.Option(None, "--split", help="dev or test: the fixed split by story-text hash (TEST = sha1 % 5 == 0)."),
    fill_threshold: Optional[str] = _threshold_option("fill"),
    override_threshold: Optional[str] = _threshold_option("override"),
    show_errors: int = typer.Option(0, "--show-errors", help="Print N leads whose event type is wrong."),
    as_json: bool = _json_option(),
) -> None:
    """Score the event type coded in each story's lead sentence against the story's label
    (document-level labels: a ceiling below 1.0; see comity/evaluate/stories.py).

    Example: comity eval stories ../shared/gold/ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv --engine rules --split dev
    """
    from comity.evaluate import render
    from comity.evaluate.stories import load_stories, score_stories

    items, problems = _load_gold(load_stories, path, limit, split=split)
    thresholds = _thresholds(fill_threshold, override_threshold, None)
    predictions, protocol = _predict([i.lead for i in items], None, None, engine, model, None, [], thresholds)
    result = score_stories(items, predictions)
    r = result.report
    _report("story_leads", path, protocol, {"split": split, **result.to_dict(), "skipped_rows": len(problems)}, as_json,
            f"[bold]story leads[/] {path}{f' ({split})' if split else ''} · n={r.n} · lead event-type accuracy "
            f"[bold]{r.accuracy:.3f}[/] ({format_ci(r.accuracy_ci95)}) · macro-F1 {r.macro_f1:.3f} · "
            f"any-event recall {result.any_event_recall:.3f} · no event coded: {result.no_event}",
            lambda: [render.per_label_table(r, "per event type")],
            [f"line {item.line}: gold {item.event} predicted {predicted}: {item.lead}"
             for item, predicted in result.errors()[:show_errors]])


def bench(
    sentences: Optional[Path] = typer.Option(None, "--sentences", help="One sentence per line (default: generated)."),
    n: int = typer.Option(3000, "-n", help="Sentences per workload."),
    workload: str = typer.Option("both", "--workload", help="actors, news or both (generated workloads)."),
    repeats: int = typer.Option(3, "--repeats", help="Interleaved repeats; each run keeps its fastest."),
    ingest: Optional[int] = typer.Option(None, "--ingest", help="Instead: ingest N generated sentences into a temporary store and report peak memory."),
    workers: int = typer.Option(1, "--workers", help="Also time the coder in this many processes (comity code --workers); with --ingest, ingest with them."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Time end-to-end coding against spaCy's own speed on the same sentences (and peak memory).

    Example: comity bench -n 2000
    """
    from comity.evaluate import bench as bench_lib

    try:
        if ingest:
            results = [bench_lib.ingest_memory(ingest, workers=workers)]
        else:
            results = bench_lib.run_benchmarks(sentences, n, workload, repeats, workers=workers)
    except (ValueError, RuntimeError, OSError) as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps(results, indent=2))
        return
    bench_lib.print_results(Console(), results)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    eval_app.command("quad")(eval_quad)
    eval_app.command("gsr")(eval_gsr)
    eval_app.command("stories")(eval_stories)
    app.command("bench")(bench)

"""Commands that code documents into events: code, ingest, events, actors, export, demo."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from comity.cli import db_option, err_console, fail, format_option, warn
from comity.formats import FORMATS as EVENT_FORMATS
from comity.readers import DEFAULT_MAX_BYTES

DEMO_DIR = Path(__file__).resolve().parents[1] / "demo"


def _check_format(fmt: str, allowed=EVENT_FORMATS) -> str:
    if fmt not in allowed:
        fail(f"unknown --format {fmt!r}; choose one of: {', '.join(allowed)}")
    return fmt


def workers_option():
    return typer.Option(1, "--workers", help="Processes that code in parallel (each loads its own model, ~200 MB); 0: one per CPU.")


def _check_workers(workers: int) -> None:
    if workers < 0:
        fail("--workers must be 0 (one per CPU) or more")


def _problem_printer(problems: list):
    def on_problem(problem) -> None:
        problems.append(problem)
        warn(str(problem))

    return on_problem


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} docs"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )


def code(
    paths: List[str] = typer.Argument(..., help="Files, folders, feed URLs, or - for standard input."),
    fmt: str = format_option("table"),
    input_format: str = typer.Option("auto", "--input-format", help="auto, text, html, jsonl, csv or feed."),
    date: Optional[str] = typer.Option(None, "--date", help="Date (YYYY-MM-DD) for documents that carry none."),
    encoding: str = typer.Option("utf-8", "--encoding", help="Text encoding of the input files."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Largest single document file to read."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Code with the dictionary rules alone, without the learned classifier (faster, lower recall)."),
    workers: int = workers_option(),
) -> None:
    """Code documents into who-did-what-to-whom events and print them.

    Each event names its source and target actor (ISO3 or IGO code + sector), the PLOVER event and
    mode, the CAMEO code with its root, QuadClass and Goldstein score, and the sentence it came from.
    Exit code 0 when every input was read, 1 when some could not be.

    Example: comity code article.html --format jsonl
    """
    from comity import formats
    from comity.pipeline import code_paths, coder_session

    _check_format(fmt)
    _check_workers(workers)
    problems: list = []
    on_problem = _problem_printer(problems)

    def records():
        with coder_session(rules_only, workers) as coder:
            for coded in code_paths(
                paths, coder=coder, input_format=input_format, default_date=date, on_problem=on_problem,
                encoding=encoding, max_bytes=max_bytes,
            ):
                for event in coded.events:
                    yield event.to_dict()

    formats.write_records(records(), fmt, sys.stdout)
    if problems:
        raise typer.Exit(1)


def ingest(
    paths: List[str] = typer.Argument(..., help="Files, folders, feed URLs, or - for standard input."),
    db: str = db_option(),
    input_format: str = typer.Option("auto", "--input-format", help="auto, text, html, jsonl, csv or feed."),
    date: Optional[str] = typer.Option(None, "--date", help="Date (YYYY-MM-DD) for documents that carry none."),
    encoding: str = typer.Option("utf-8", "--encoding", help="Text encoding of the input files."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Largest single document file to read."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Code with the dictionary rules alone, without the learned classifier (faster, lower recall)."),
    recode: bool = typer.Option(False, "--recode", help="Code again documents already stored (replaces their events)."),
    workers: int = workers_option(),
) -> None:
    """Code documents into the embedded DuckDB store, with progress.

    A document whose text is already stored (or met earlier in the run) is skipped, so re-running
    adds nothing. Documents are written in transactions of up to 64: an interrupted run keeps what
    it committed, and running it again adds the rest.

    Example: comity ingest docs/ --db my.duckdb
    """
    from comity.pipeline import coder_session, ingest_paths
    from comity.store import Store

    _check_workers(workers)
    with Store(db) as store, coder_session(rules_only, workers) as coder, _progress() as progress:
        task = progress.add_task("coding", total=None)
        report = ingest_paths(
            paths,
            store,
            coder=coder,
            input_format=input_format,
            default_date=date,
            on_problem=lambda p: warn(str(p)),
            on_document=lambda doc: progress.advance(task),
            recode=recode,
            encoding=encoding,
            max_bytes=max_bytes,
        )
        counts = store.counts()
    err_console.print(
        f"read {report.documents_read} documents: {report.documents_new} new, {report.duplicates} already stored, "
        f"{report.not_english} not English; {report.sentences} sentences ({report.sentences_parsed} parsed), "
        f"{report.events} events. Store {db}: " + ", ".join(f"{v} {k}" for k, v in counts.items()),
        highlight=False,
    )
    if report.problems:
        raise typer.Exit(1)


def events(
    db: str = db_option(),
    source: Optional[str] = typer.Option(None, "--source", help="Source actor code, e.g. RUS."),
    target: Optional[str] = typer.Option(None, "--target", help="Target actor code, e.g. IND."),
    event: Optional[str] = typer.Option(None, "--event", help="PLOVER event type (REQUEST) or CAMEO code prefix (025)."),
    since: Optional[str] = typer.Option(None, "--since", help="Earliest date, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Latest date, YYYY-MM-DD."),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many events."),
    fmt: str = format_option("table"),
) -> None:
    """List stored events, filtered by actors, event type and dates.

    Example: comity events --db my.duckdb --source RUS --target IND --event REQUEST --since 2025-05-01 --format csv
    """
    from comity import formats
    from comity.store import Store

    _check_format(fmt)
    if not Path(db).exists():
        fail(f"no database at {db}; create one with: comity ingest DOCS --db {db}")
    with Store(db) as store:
        rows = store.events(source=source, target=target, event=event, since=since, until=until, limit=limit)
    formats.write_records(rows, fmt, sys.stdout)


def actors(
    phrase: str = typer.Argument(..., help="Text naming one or more actors."),
    date: Optional[str] = typer.Option(None, "--date", help="Resolve office holders as of this date."),
    fmt: str = format_option("table"),
) -> None:
    """Explain how comity resolves the actors named in a phrase.

    Example: comity actors "Russian Foreign Ministry spokesperson Maria Zakharova" --date 2025-05-07
    """
    from comity import formats
    from comity.actors import default_dictionary

    _check_format(fmt, ("table", "json", "jsonl", "csv"))
    rows = default_dictionary().explain(phrase, date=date)
    if not rows:
        err_console.print("no actor found")
        raise typer.Exit(1)
    columns = ["text", "code", "country", "sector", "name", "how"] if fmt == "table" else None
    formats.write_records(rows, fmt, sys.stdout, columns=columns)


def export(
    table: str = typer.Argument("events", help="Table to export: documents, sentences or events."),
    out: Path = typer.Option(..., "--out", "-o", help="Parquet file to write."),
    db: str = db_option(),
) -> None:
    """Export a stored table to Parquet.

    Example: comity export events --out events.parquet --db my.duckdb
    """
    from comity.store import Store

    with Store(db) as store:
        n = store.export_parquet(table, out)
    err_console.print(f"wrote {n} rows to {out}")


DEMO_CRISIS = dict(name="sindoor-2025", parties=("IND", "PAK"), start="2025-04-22", trigger="Pahalgam terror attack")


def demo(
    db: str = db_option("comity-demo.duckdb"),
    fmt: str = format_option("table"),
    html: Path = typer.Option(Path("comity-demo-report.html"), "--html", help="Where to write the HTML reactions report."),
) -> None:
    """Run comity on its bundled demo documents: ingest, list events, show crisis reactions.

    The demo documents are short news-style reports written for comity about an India–Pakistan crisis
    in 2025. The crisis is stored as sindoor-2025; running the demo twice adds nothing the second time.

    Example: comity demo --db comity-demo.duckdb
    """
    from comity import formats
    from comity.pipeline import ingest_paths
    from comity.reactions import Crisis, add_crisis, analyse, list_crises
    from comity.reactions.report import write_html
    from comity.reactions.sources import documents_from_store
    from comity.store import Store

    corpus = str(DEMO_DIR / "demo-news.jsonl")
    crisis = Crisis(**DEMO_CRISIS)
    with Store(db) as store:
        report = ingest_paths([corpus], store, on_problem=lambda p: warn(str(p)))
        if crisis.name not in {c.name for c in list_crises(store.con)}:
            add_crisis(store.con, crisis)
        rows = store.events()
        reactions = analyse(documents_from_store(store.con, crisis), crisis)
    err_console.print(
        f"demo: {report.documents_new} new documents, {report.duplicates} already stored, "
        f"{len(rows)} events in {db}",
        highlight=False,
    )
    formats.write_records(rows, fmt, sys.stdout, title="Events in the demo documents")
    if fmt == "json":
        return
    formats.write_records(reactions.rows(), fmt, sys.stdout, title=f"Reactions to {crisis.name} (parties IND, PAK)")
    write_html(reactions, html)
    err_console.print(f"wrote the reactions report to {html}")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command()(code)
    app.command()(ingest)
    app.command()(events)
    app.command()(actors)
    app.command()(export)
    app.command()(demo)

"""Commands for crisis reactions: crisis add/list/remove, reactions, eval reactions."""
from __future__ import annotations

import json
import sys
from typing import List, Optional

import typer

from comity.cli import DEFAULT_DB, db_option, fail, format_option, warn

REACTION_FORMATS = ("table", "json", "jsonl", "csv")


def _parties(text: str) -> tuple[str, ...]:
    parties = tuple(p.strip().upper() for p in text.split(",") if p.strip())
    if len(parties) < 2:
        fail(f"--parties needs two or more actor codes separated by commas, got {text!r}")
    return parties


def _crisis(name, parties, start, end, trigger, phases=()):
    from comity.reactions import Crisis

    try:
        return Crisis(name, parties, start, end, trigger, tuple(phases))
    except ValueError as exc:
        fail(str(exc))


def _open_store(db: str):
    from comity.store import Store, StoreError

    try:
        return Store(db)
    except StoreError as exc:
        fail(str(exc))


def crisis_add(
    name: str = typer.Argument(..., help="A short name for the crisis (e.g. sindoor-2025)."),
    parties: str = typer.Option(..., "--parties", help="Actor codes of the parties, comma separated (IND,PAK)."),
    start: str = typer.Option(..., "--start", help="First day of the crisis (YYYY-MM-DD)."),
    end: Optional[str] = typer.Option(None, "--end", help="Last day (YYYY-MM-DD), when it is over."),
    trigger: Optional[str] = typer.Option(None, "--trigger", help='The triggering event ("Pahalgam terror attack").'),
    phase: List[str] = typer.Option([], "--phase", help="A named phase NAME:YYYY-MM-DD (repeatable)."),
    db: str = db_option(),
) -> None:
    """Define a crisis (parties, dates, trigger, phases) in a store; replaces one of the same name.

    Example: comity crisis add sindoor-2025 --parties IND,PAK --start 2025-04-22 --trigger "Pahalgam terror attack" --db my.duckdb
    """
    from comity.reactions import add_crisis
    from comity.reactions.crises import parse_phase

    try:
        phases = [parse_phase(p) for p in phase]
    except ValueError as exc:
        fail(str(exc))
    crisis = _crisis(name, _parties(parties), start, end, trigger, sorted(phases, key=lambda p: p[1]))
    with _open_store(db) as store:
        add_crisis(store.con, crisis)
    typer.echo(f"crisis {name}: {', '.join(crisis.parties)} from {start}" + (f" to {end}" if end else ""))


def crisis_list(db: str = db_option(), fmt: str = format_option("table")) -> None:
    """List the crises defined in a store.

    Example: comity crisis list --db my.duckdb
    """
    from comity import formats
    from comity.reactions import list_crises

    _check(fmt)
    with _open_store(db) as store:
        rows = [
            {"name": c.name, "parties": ",".join(c.parties), "start": c.start or "", "end": c.end or "",
             "trigger": c.trigger or "", "phases": ", ".join(f"{n}:{d}" for n, d in c.phases)}
            for c in list_crises(store.con)
        ]
    if not rows and fmt == "table":
        warn(f"no crises in {db}; add one with `comity crisis add`")
        return
    formats.write_records(rows, fmt, sys.stdout, title="crises")


def crisis_remove(name: str = typer.Argument(..., help="Crisis name."), db: str = db_option()) -> None:
    """Remove a crisis definition from a store (documents and events stay).

    Example: comity crisis remove sindoor-2025 --db my.duckdb
    """
    from comity.reactions import remove_crisis

    with _open_store(db) as store:
        if not remove_crisis(store.con, name):
            fail(f"no crisis named {name!r} in {db}")
    typer.echo(f"removed crisis {name}")


def _check(fmt: str) -> None:
    if fmt not in REACTION_FORMATS:
        fail(f"unknown --format {fmt!r}; choose one of: {', '.join(REACTION_FORMATS)}")


def reactions(
    paths: List[str] = typer.Argument(None, help="Documents to read (files, folders, feeds); omit to use --db."),
    crisis_name: Optional[str] = typer.Option(None, "--crisis", help="A crisis defined with `comity crisis add`."),
    db: Optional[str] = typer.Option(None, "--db", help=f"Store to read the crisis and documents from (default {DEFAULT_DB} with --crisis)."),
    parties: Optional[str] = typer.Option(None, "--parties", help="Parties when no --crisis is given (IND,PAK)."),
    start: Optional[str] = typer.Option(None, "--start", help="Crisis start (YYYY-MM-DD) with --parties."),
    trigger: Optional[str] = typer.Option(None, "--trigger", help="Triggering event with --parties."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Only evidence dated up to this day (YYYY-MM-DD)."),
    date: Optional[str] = typer.Option(None, "--date", help="Date (YYYY-MM-DD) for documents that carry none."),
    fmt: str = format_option("table"),
    html: Optional[str] = typer.Option(None, "--html", help="Also write a self-contained HTML report to this file."),
) -> None:
    """Who backed whom in a crisis, who stayed neutral, called for restraint or mediated, with evidence.

    Reads the documents in PATHS, or the documents stored in --db. The table shows each actor's
    stance, actions and the number of supporting sentences; --format json gives every sentence.

    Example: comity reactions --parties IND,PAK article.html --format json
    """
    from comity.reactions import analyse, get_crisis
    from comity.reactions.crises import CrisisNotFound

    _check(fmt)
    if as_of:
        _crisis("as-of", ("A", "B"), as_of, None, None)  # validates the date
    if crisis_name is None and parties is None:
        fail("give --crisis NAME (with --db) or --parties A,B")
    documents = None
    if crisis_name:
        with _open_store(db or DEFAULT_DB) as store:
            try:
                crisis = get_crisis(store.con, crisis_name)
            except CrisisNotFound as exc:
                fail(str(exc))
            if not paths:
                from comity.reactions.sources import documents_from_store

                documents = documents_from_store(store.con, crisis)
    else:
        crisis = _crisis("ad-hoc", _parties(parties), start, None, trigger)
    if documents is None:
        if not paths:
            fail("give documents to read, or --crisis NAME --db FILE to read stored ones")
        from comity.readers import read_documents

        problems = []

        def on_problem(problem) -> None:
            problems.append(problem)
            warn(str(problem))

        try:
            documents = list(read_documents(paths, default_date=date, on_problem=on_problem))
        except ValueError as exc:
            fail(str(exc))
    if not documents:
        fail("no documents to analyse" + (f" for crisis {crisis.name!r} in the store" if crisis_name and not paths else ""))
    report = analyse(documents, crisis, as_of=as_of)
    _write(report, fmt)
    if html:
        from comity.reactions.report import write_html

        write_html(report, html)
        typer.echo(f"wrote {html}", err=True)


def _write(report, fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    from comity import formats

    if fmt == "jsonl":
        formats.write_records((a.to_dict() for a in report.actors), "jsonl", sys.stdout)
        return
    title = f"reactions: {report.crisis.name}" if report.crisis else "reactions"
    formats.write_records(report.rows(), fmt, sys.stdout, title=title)


def eval_reactions(
    corpus: str = typer.Argument(..., help="A crisis corpus folder: texts/, truth_exhaustive.jsonl, stance.json, optional truth_exhaustive_borderline.jsonl and crises.json (parties, start, trigger)."),
    leave_crisis_out: bool = typer.Option(False, "--leave-crisis-out", help="Score each crisis without the cues written after reading it (held-out figure)."),
    fmt: str = format_option("table"),
    details: bool = typer.Option(False, "--details", help="List the false positives, misses and wrong stances."),
) -> None:
    """Stance accuracy and action precision/recall per crisis, against a crisis corpus's truth files.

    Example: comity eval reactions ../shared/corpus/crises --leave-crisis-out
    """
    from pathlib import Path

    from comity import formats
    from comity.reactions.cues import CueError
    from comity.reactions.evaluate import CorpusError, evaluate

    _check(fmt)
    if not Path(corpus).is_dir():
        fail(f"{corpus}: not a folder")
    try:
        result = evaluate(corpus, leave_crisis_out=leave_crisis_out)
    except (CorpusError, CueError) as exc:
        fail(str(exc))
    if fmt == "json":
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    keys = ("stance_accuracy", "stance_correct", "stance_total", "precision", "recall", "tp", "fp", "fn")
    rows = [{"crisis": c["crisis"], "parties": ",".join(c["parties"]), **{k: c[k] for k in keys}} for c in result["crises"]]
    rows.append({"crisis": "all", "parties": "", **{k: result["overall"][k] for k in keys}})
    title = "reactions" + (" (leave-crisis-out)" if leave_crisis_out else "")
    formats.write_records(rows, fmt, sys.stdout, title=title)
    action_rows = [{"action": a, **c} for a, c in result["actions"].items()]
    formats.write_records(action_rows, fmt, sys.stdout, title="per action (all crises)")
    if details:
        for c in result["crises"]:
            for kind in ("false_positives", "false_negatives"):
                for actor, action in c[kind]:
                    typer.echo(f"{c['crisis']}\t{kind[:-1].replace('_', ' ')}\t{actor}\t{action}")
            for w in c["wrong_stances"]:
                typer.echo(f"{c['crisis']}\twrong stance\t{w['actor']}\tpredicted {w['predicted']}, expected {w['expected']}")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    crisis_app = typer.Typer(help="Define crises: parties, dates, trigger, phases.", no_args_is_help=True)
    crisis_app.command("add")(crisis_add)
    crisis_app.command("list")(crisis_list)
    crisis_app.command("remove")(crisis_remove)
    app.add_typer(crisis_app, name="crisis")
    app.command("reactions")(reactions)
    eval_app.command("reactions")(eval_reactions)

"""Commands for alignment analytics: `comity import unvotes|atop|gdelt|icews`, `comity align`,
`comity alliances`, `comity dyad` and `comity support-vs-alignment`."""
from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path
from typing import Iterable, List, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from comity.cli import db_option, err_console, fail, format_option, warn

FORMATS = ("table", "json", "jsonl", "csv")
import_app = typer.Typer(help="Import UN votes, ATOP alliances, GDELT and ICEWS events into the store.",
                         no_args_is_help=True)


# -- helpers -----------------------------------------------------------------------------------------

def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                    TimeElapsedColumn(), console=err_console, transient=True, disable=not err_console.is_terminal)


def _open(db: str, must_exist: bool = False):
    """The store's DuckDB connection (comity.store.Store), with the alignment tables ensured."""
    from comity.align.schema import ensure_schema
    from comity.store import Store, StoreError

    if must_exist and db != ":memory:" and not Path(db).is_file():
        fail(f"no database {db}; import data first, e.g. `comity import unvotes DIR --db {db}`")
    try:
        store = Store(db)
    except StoreError as exc:
        fail(str(exc))
    ensure_schema(store.con)
    return store


def _write(records: Iterable[dict], fmt: str, title: str | None = None) -> None:
    from comity.formats import write_records

    if fmt not in FORMATS:
        fail(f"unknown --format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    write_records(records, fmt, sys.stdout, title=title)


def _report(results) -> None:
    """Print each file's outcome; exit 1 when any file could not be imported."""
    failed = False
    for result in results:
        for message in result.warnings:
            warn(message)
        for note in result.notes:
            err_console.print(f"note: {result.path}: {note}", highlight=False, markup=False)
        if result.error:
            failed = True
            err_console.print(f"[bold red]error:[/] {escape(result.summary())}", highlight=False)
        else:
            err_console.print(result.summary(), highlight=False, markup=False)
    if failed:
        raise typer.Exit(1)


def _countries(text: str) -> list[str]:
    from comity.align.codes import resolve_countries

    try:
        return resolve_countries(text)
    except ValueError as exc:
        fail(str(exc))


def _scope(sessions: Optional[str], years: Optional[str], issue: Optional[str]):
    from comity.align.alignment import VoteScope, parse_range

    try:
        return VoteScope(parse_range(sessions, "--sessions"), parse_range(years, "--years"), issue)
    except ValueError as exc:
        fail(str(exc))


# -- imports -----------------------------------------------------------------------------------------

@import_app.command("unvotes")
def import_unvotes_command(
    directory: Path = typer.Argument(..., help="Folder with un_votes.csv, un_roll_calls.csv, un_roll_call_issues.csv."),
    db: str = db_option(),
) -> None:
    """Import UN General Assembly roll-call votes (the unvotes CSV layout); countries become ISO3.

    Files already imported (same sha256) are skipped; a changed file replaces the roll calls it holds.

    Example: comity import unvotes ../shared/data/unvotes --db my.duckdb
    """
    from comity.align.unvotes import import_unvotes

    if not directory.is_dir():
        fail(f"{directory} is not a folder; give the folder holding un_votes.csv")
    store = _open(db)
    started = time.perf_counter()
    with _progress() as progress:
        results = import_unvotes(store.con, directory, progress)
    err_console.print(f"UN votes: {time.perf_counter() - started:.2f} s", highlight=False)
    _report(results)


@import_app.command("atop")
def import_atop_command(
    file: Path = typer.Argument(..., help="ATOP directed dyad-year CSV (ccode1, ccode2, year, defense, ...)."),
    states: Optional[Path] = typer.Option(None, "--states", help="COW state list (cow_states.csv) to check the code table against."),
    majors: Optional[Path] = typer.Option(None, "--majors", help="COW major powers (cow_majors.csv); default: beside FILE."),
    db: str = db_option(),
) -> None:
    """Import ATOP alliance dyad-years; COW codes become ISO3 (comity/data/align/cow_iso3.tsv).

    Example: comity import atop ../shared/data/atop/atop_alliance.csv --states ../shared/data/atop/cow_states.csv
    """
    from comity.align.atop import import_atop

    store = _open(db)
    with _progress() as progress:
        results = import_atop(store.con, file, states=states, majors=majors, progress=progress)
    _report(results)


@import_app.command("gdelt")
def import_gdelt_command(
    files: List[Path] = typer.Argument(..., help="GDELT 1.0 (57/58 columns) or 2.0 (61 columns) event files, plain, .zip or .gz."),
    db: str = db_option(),
) -> None:
    """Import GDELT event exports (layout detected per line); rows tagged gdelt1 or gdelt2.

    Example: comity import gdelt 20180326044500.export.CSV --db my.duckdb
    """
    from comity.align.gdelt import import_gdelt

    store = _open(db)
    with _progress() as progress:
        results = import_gdelt(store.con, files, progress)
    _report(results)


@import_app.command("icews")
def import_icews_command(
    files: List[Path] = typer.Argument(..., help="ICEWS event files (20 tab-separated columns), plain or .gz."),
    db: str = db_option(),
) -> None:
    """Import ICEWS coded events; country names become ISO3, Intensity is the Goldstein score.

    Example: comity import icews events.2018.tab --db my.duckdb
    """
    from comity.align.icews import import_icews

    store = _open(db)
    with _progress() as progress:
        results = import_icews(store.con, files, progress)
    _report(results)


# -- analyses ----------------------------------------------------------------------------------------

def align(
    country: Optional[str] = typer.Argument(None, help="Country: ISO3, ISO2 or name (not with --all)."),
    with_: Optional[str] = typer.Option(None, "--with", help="Comma-separated countries to compare with."),
    sessions: Optional[str] = typer.Option(None, "--sessions", help="UN GA sessions, e.g. 70-74."),
    years: Optional[str] = typer.Option(None, "--years", help="Years, e.g. 2015-2019."),
    issue: Optional[str] = typer.Option(None, "--issue", help="Only roll calls on this issue, e.g. 'Nuclear weapons'."),
    top: Optional[int] = typer.Option(None, "--top", help="List the N most and N least aligned countries."),
    measure: str = typer.Option("agree", "--measure", help="Ranking measure for --top: agree, s_score or kappa."),
    all_dyads: bool = typer.Option(False, "--all", help="Every pair of countries."),
    min_n: int = typer.Option(1, "--min-n", help="With --all: pairs voting together on fewer roll calls are left out."),
    out: Optional[Path] = typer.Option(None, "--out", help="With --all: write .parquet, .csv or .json here."),
    fmt: str = format_option("table"),
    db: str = db_option(),
) -> None:
    """UN voting alignment: agreement, S-score and Cohen's kappa on roll calls both countries voted on.

    Example: comity align IND --with USA,RUS,CHN,PAK --sessions 70-74 --format json --db my.duckdb
    """
    from comity.align import alignment

    scope = _scope(sessions, years, issue)
    store = _open(db, must_exist=True)
    try:
        if all_dyads:
            started = time.perf_counter()
            records = alignment.all_dyads(store.con, scope, min_n=min_n)
            err_console.print(f"{len(records):,} dyads ({scope.describe()}) in {time.perf_counter() - started:.2f} s", highlight=False)
            if out:
                _write_file(records, out)
                err_console.print(f"wrote {out}", highlight=False)
            else:
                _write(records, fmt)
            return
        if not country:
            fail("name a country (e.g. IND), or pass --all")
        code = _countries(country)[0]
        if top:
            ranked = alignment.ranked_partners(store.con, code, scope, top=top, measure=measure)
            if fmt == "table":
                _write(ranked["most"], fmt, title=f"most aligned with {code} ({scope.describe()})")
                _write(ranked["least"], fmt, title=f"least aligned with {code} ({scope.describe()})")
            else:
                _write([dict(r, rank="most") for r in ranked["most"]] + [dict(r, rank="least") for r in ranked["least"]], fmt)
            return
        if not with_:
            fail("say whom to compare with: --with USA,RUS, or --top 10")
        _write(alignment.dyad_alignment(store.con, code, _countries(with_), scope), fmt,
               title=f"UN voting alignment, {scope.describe()}")
    except (LookupError, ValueError) as exc:
        fail(str(exc).strip("'\""))


def _write_file(records: list[dict], out: Path) -> None:
    suffix = out.suffix.lower()
    if suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(records), out)
    elif suffix == ".csv":
        with out.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(records[0].keys()) if records else ["a", "b"])
            writer.writeheader()
            writer.writerows(records)
    elif suffix in (".json", ".jsonl"):
        with out.open("w", encoding="utf-8") as handle:
            if suffix == ".json":
                json.dump(records, handle)
            else:
                handle.writelines(json.dumps(r) + "\n" for r in records)
    else:
        fail(f"--out {out}: use a .parquet, .csv, .json or .jsonl name")


def alliances(
    a: str = typer.Argument(..., help="Country: ISO3, ISO2 or name."),
    b: str = typer.Argument(..., help="Other country."),
    years: Optional[str] = typer.Option(None, "--years", help="Years, e.g. 2000-2018."),
    fmt: str = format_option("table"),
    db: str = db_option(),
) -> None:
    """ATOP alliance ties of a dyad per year (defense, offense, neutral, nonagg, consul; either direction).

    Example: comity alliances USA PAK --years 2000-2018 --db my.duckdb
    """
    from comity.align.alignment import parse_range
    from comity.align.ties import alliance_ties

    store = _open(db, must_exist=True)
    try:
        rows = alliance_ties(store.con, _countries(a)[0], _countries(b)[0], parse_range(years, "--years"))
    except (LookupError, ValueError) as exc:
        fail(str(exc).strip("'\""))
    if not rows:
        warn("no alliance tie between them in these years")
    _write(rows, fmt, title="ATOP alliance ties")


def dyad(
    a: str = typer.Argument(..., help="Country: ISO3, ISO2 or name."),
    b: str = typer.Argument(..., help="Other country."),
    source: str = typer.Option("all", "--source", help="coded, gdelt, icews or all."),
    by: str = typer.Option("month", "--by", help="day, week, month or year."),
    direction: str = typer.Option("both", "--direction", help="both (each way), either (pooled), a-b or b-a."),
    start: Optional[str] = typer.Option(None, "--from", help="First day, YYYY-MM-DD."),
    end: Optional[str] = typer.Option(None, "--to", help="Last day, YYYY-MM-DD."),
    fmt: str = format_option("table"),
    db: str = db_option(),
) -> None:
    """Events between two countries per period: counts by QuadClass, mean and sum of Goldstein scores.

    Example: comity dyad IND PAK --source icews --by day --db my.duckdb
    """
    from comity.align.dyads import dyad_series

    store = _open(db, must_exist=True)
    try:
        rows = dyad_series(store.con, _countries(a)[0], _countries(b)[0], source, by, direction, start, end)
    except (LookupError, ValueError) as exc:
        fail(str(exc).strip("'\""))
    except Exception as exc:  # a bad --from/--to date reaches DuckDB
        fail(f"cannot read the dates: {str(exc).splitlines()[0]}")
    if not rows:
        warn(f"no {source} events between {a} and {b}")
    _write(rows, fmt, title=f"{a}–{b} events per {by}")


def _reactions_for(crisis_name: str, con) -> dict:
    """Stances for a crisis defined in the store (`comity crisis add`), from its stored documents,
    exactly as `comity reactions --crisis NAME --db FILE --format json` computes them."""
    from comity.reactions import analyse, get_crisis
    from comity.reactions.sources import documents_from_store

    try:
        crisis = get_crisis(con, crisis_name)
    except LookupError as exc:
        fail(f"{str(exc).strip(chr(34) + chr(39))}; define it with `comity crisis add`, or pass --stances FILE.json")
    documents = documents_from_store(con, crisis)
    if not documents:
        fail(f"no stored documents for crisis {crisis_name!r}; ingest some, or pass --stances FILE.json")
    return analyse(documents, crisis).to_dict()


def support_vs_alignment_command(
    crisis: Optional[str] = typer.Option(None, "--crisis", help="A crisis defined with `comity crisis add` whose documents are stored in --db."),
    stances: Optional[Path] = typer.Option(None, "--stances", help="A reactions JSON: {parties, crisis, actors: [{actor, stance}]}."),
    years: Optional[str] = typer.Option(None, "--years", help="Years to measure alignment over (default: the 5 before the crisis)."),
    measure: str = typer.Option("agree", "--measure", help="agree, s_score or kappa."),
    permutations: int = typer.Option(10_000, "--permutations", help="Permutations for the p-value."),
    seed: int = typer.Option(20250507, "--seed", help="Random seed for the permutations."),
    html: Optional[Path] = typer.Option(None, "--html", help="Write a self-contained HTML report here."),
    svg: Optional[Path] = typer.Option(None, "--svg", help="Write the chart as SVG here."),
    fmt: str = format_option("table"),
    db: str = db_option(),
) -> None:
    """Did third parties back the side they were aligned with? Stance vs prior UN agreement, alliances, power.

    Prints each actor's stance beside its alignment with both parties, the Spearman correlation with a
    permutation p-value, and which years stand in when the data stop before the crisis.

    Example: comity support-vs-alignment --stances reactions.json --years 2015-2019 --html out.html
    """
    from comity.align.alignment import parse_range
    from comity.align.chart import support_html, support_svg
    from comity.align.support import support_vs_alignment

    if stances is None and not crisis:
        fail("give --stances FILE.json or --crisis NAME")
    store = _open(db, must_exist=True)
    if stances is not None:
        try:
            report = json.loads(stances.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            fail(f"{stances}: not a readable reactions JSON ({exc})")
        if not isinstance(report, dict):
            fail(f"{stances}: expected a JSON object with parties and actors")
    else:
        report = _reactions_for(crisis, store.con)
    if crisis and not (report.get("crisis") or {}).get("name"):
        report = dict(report, crisis=dict(report.get("crisis") or {}, name=crisis))
    try:
        analysis = support_vs_alignment(store.con, report, parse_range(years, "--years"), measure=measure,
                                        permutations=permutations, seed=seed)
    except (LookupError, ValueError) as exc:
        fail(str(exc).strip("'\""))
    for note in analysis.notes:
        err_console.print(f"note: {note}", highlight=False, markup=False)
    if html:
        html.write_text(support_html(analysis), encoding="utf-8")
        err_console.print(f"wrote {html}", highlight=False)
    if svg:
        svg.write_text(support_svg(analysis), encoding="utf-8")
        err_console.print(f"wrote {svg}", highlight=False)
    if fmt == "json":
        json.dump(analysis.to_dict(), sys.stdout, indent=1)
        sys.stdout.write("\n")
        return
    _write(analysis.rows, fmt, title=f"stance vs alignment ({analysis.measure}), {analysis.parties[0]} vs {analysis.parties[1]}")
    rho = "n/a" if analysis.rho is None else f"{analysis.rho:+.3f}"
    err_console.print(
        f"Spearman rho = {rho}, permutation p = {analysis.p_value} ({analysis.permutations:,} permutations, "
        f"seed {analysis.seed}), n = {analysis.n}", highlight=False)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")
    app.command("align")(align)
    app.command("alliances")(alliances)
    app.command("dyad")(dyad)
    app.command("support-vs-alignment")(support_vs_alignment_command)

"""The `comity` command line: thin commands over the library, one module per area.

Area modules (coding, reactions, align, evaluate) each define `register(app, eval_app)` and add their
commands; this module owns the Typer app, the shared options and the error handling.
"""
from __future__ import annotations

import sys
from typing import Optional

import typer
from rich.console import Console

from comity import __version__

app = typer.Typer(
    name="comity",
    help="Code news into PLOVER/CAMEO events, read crisis reactions, measure alignment.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
eval_app = typer.Typer(help="Measure accuracy against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

err_console = Console(stderr=True)
DEFAULT_DB = "comity.duckdb"

FORMATS_HELP = "Output format: table, json, jsonl, csv (and gdelt for events)."


def fail(message: str, code: int = 2) -> None:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def warn(message: str) -> None:
    err_console.print(f"[yellow]warning:[/] {message}", highlight=False)


def db_option(default: str = DEFAULT_DB):
    return typer.Option(default, "--db", help="DuckDB file (created when missing).")


def format_option(default: str = "table"):
    return typer.Option(default, "--format", "-f", help=FORMATS_HELP)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"comity {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Optional[bool] = typer.Option(
        None, "--version", callback=_version_callback, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """comity: who did what to whom, who backed whom, and how aligned they are."""


def _register_areas() -> None:
    import importlib

    for name in ("coding", "reactions", "align", "evaluate"):
        try:
            module = importlib.import_module(f"comity.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"comity.cli.{name}":
                continue  # area not built yet
            raise
        module.register(app, eval_app)


def main() -> None:
    _register_areas()
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)


if __name__ == "__main__":
    main()

"""What every alignment import shares: file fingerprints, the `imports` ledger, results and progress.

A file whose sha256 is already in the ledger for its dataset is skipped; rows are also keyed (roll-call
id + country, dyad-year, dataset + event id), so a changed file replaces its rows instead of adding them.
"""
from __future__ import annotations

import hashlib
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from comity.align.schema import ensure_schema

MAX_LINES_NAMED = 5


@dataclass
class ImportResult:
    """The outcome of importing one file."""

    dataset: str
    path: str
    rows: int = 0
    skipped: bool = False
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.path}: {message}")

    def summary(self) -> str:
        if self.error:
            return f"{self.path}: not imported: {self.error}"
        if self.skipped:
            return f"{self.path}: already imported (same sha256), skipped"
        return f"{self.path}: {self.rows:,} rows into {self.dataset} in {self.seconds:.2f} s"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def already_imported(con, dataset: str, sha: str) -> bool:
    row = con.execute("SELECT count(*) FROM imports WHERE dataset = ? AND sha256 = ?", [dataset, sha]).fetchall()[0]
    return bool(row[0])


def record_import(con, dataset: str, path: Path, sha: str, rows: int) -> None:
    con.execute(
        "INSERT OR REPLACE INTO imports (dataset, path, sha256, rows, imported_at) VALUES (?, ?, ?, ?, current_timestamp)",
        [dataset, str(path), sha, rows],
    )


def stage_lines(con, path: Path, table: str) -> None:
    """Load a text file into a temp table (lineno, text), one row per non-empty line, exact line numbers.

    Raises ValueError for a file that is not valid UTF-8 (DuckDB refuses it).
    """
    try:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE {table} AS
                SELECT lineno, text FROM (
                    SELECT generate_subscripts(l, 1) AS lineno, rtrim(unnest(l), chr(13)) AS text
                    FROM (SELECT string_split(content, chr(10)) AS l FROM read_text(?)))
                WHERE text <> ''""",
            [str(path)],
        )
    except Exception as exc:  # duckdb raises InvalidInputException for bad UTF-8
        message = str(exc).splitlines()[0]
        if "utf" in message.lower() or "unicode" in message.lower():
            raise ValueError("not valid UTF-8 text; convert it first (e.g. iconv -f latin1 -t utf-8)") from exc
        raise ValueError(message) from exc


class Steps:
    """Optional rich progress: one task per import, advanced per file or per stage."""

    def __init__(self, progress=None, description: str = "", total: int = 1):
        self.progress = progress
        self.task = progress.add_task(description, total=total) if progress is not None else None

    def advance(self, description: str | None = None) -> None:
        if self.progress is not None:
            kwargs = {"description": description} if description else {}
            self.progress.update(self.task, advance=1, **kwargs)


@contextmanager
def transaction(con):
    """One import in one transaction: committed when the block ends, rolled back if it raises."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def begin(con, dataset: str, path: Path) -> tuple[ImportResult, str | None]:
    """Start one file: schema, existence check, fingerprint, ledger check."""
    ensure_schema(con)
    result = ImportResult(dataset=dataset, path=str(path))
    path = Path(path)
    if not path.is_file():
        result.error = "no such file"
        return result, None
    sha = file_sha256(path)
    if already_imported(con, dataset, sha):
        result.skipped = True
        return result, None
    return result, sha


def finish(con, result: ImportResult, sha: str, path: Path, started: float) -> ImportResult:
    record_import(con, result.dataset, Path(path), sha, result.rows)
    result.seconds = time.perf_counter() - started
    return result


def report_invalid(con, result: ImportResult, stage: str, condition: str, what: str) -> int:
    """Warn about staged rows matching `condition` (SQL over the stage's columns, which include lineno)."""
    row = con.execute(
        f"SELECT count(*), list(lineno ORDER BY lineno)[1:{MAX_LINES_NAMED}] FROM {stage} WHERE {condition}"
    ).fetchall()[0]
    count, lines = row[0], row[1] or []
    if count:
        result.warn(f"{counted(count, what)} ({count_lines_text(count, lines)})")
    return count


def counted(count: int, what: str) -> str:
    """'1 row without ...' / '3 rows without ...': the first 'rows' or 'lines' in `what` agrees with count."""
    if count == 1:
        what = re.sub(r"\b(row|line)s\b", r"\1", what, count=1)
    return f"{count:,} {what}"


def count_lines_text(count: int, first_lines: list[int]) -> str:
    """'line 4' / 'lines 4, 9, 12 and 3 more' for a warning, given the count and the first few lines."""
    shown = ", ".join(str(n) for n in first_lines[:MAX_LINES_NAMED])
    more = count - len(first_lines[:MAX_LINES_NAMED])
    return f"{'line' if count == 1 else 'lines'} {shown}" + (f" and {more:,} more" if more > 0 else "")

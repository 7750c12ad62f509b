"""The alignment commands end to end through the Typer app (comity import/align/alliances/dyad/
support-vs-alignment) on the small fixture files."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from comity import cli

FIXTURES = Path(__file__).parent / "fixtures" / "align"


def flat(text: str) -> str:
    """Output with rich's line wrapping undone."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def runner():
    cli._register_areas()
    return CliRunner()


@pytest.fixture(scope="module")
def db(runner, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("align") / "align.duckdb")
    for args in (["import", "unvotes", str(FIXTURES / "unvotes")],
                 ["import", "atop", str(FIXTURES / "atop_sample.csv"), "--majors", str(FIXTURES / "cow_majors_sample.csv")],
                 ["import", "gdelt", str(FIXTURES / "gdelt_sample.tsv")],
                 ["import", "icews", str(FIXTURES / "icews_sample.tab")]):
        result = runner.invoke(cli.app, [*args, "--db", path])
        assert result.exit_code == 0, result.output
    return path


def test_import_reports_rows_warnings_and_skips(runner, db):
    again = runner.invoke(cli.app, ["import", "unvotes", str(FIXTURES / "unvotes"), "--db", db])
    assert again.exit_code == 0
    assert "already imported" in again.output
    fresh = runner.invoke(cli.app, ["import", "icews", str(FIXTURES / "icews_sample.tab"), "--db", db + ".new"])
    assert "4 rows into icews" in flat(fresh.output)
    assert "unknown country name 'Atlantis'" in flat(fresh.output)


def test_import_bad_file_exits_1_but_imports_the_rest(runner, tmp_path):
    database = str(tmp_path / "x.duckdb")
    result = runner.invoke(cli.app, ["import", "gdelt", str(tmp_path / "missing.tsv"), str(FIXTURES / "gdelt_sample.tsv"),
                                     "--db", database])
    assert result.exit_code == 1
    assert "missing.tsv: not imported: no such file" in flat(result.output)
    assert "5 rows into gdelt" in flat(result.output)


def test_align_json(runner, db):
    result = runner.invoke(cli.app, ["align", "IND", "--with", "USA,China,ru", "--sessions", "70-72",
                                     "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    start = result.output.index("[")
    rows = json.loads(result.output[start:result.output.rindex("]") + 1])
    assert [r["b"] for r in rows] == ["USA", "CHN", "RUS"]
    assert rows[0] == {"a": "IND", "b": "USA", "agree": 0.5, "s_score": 0.0, "kappa": 0.0, "n": 5}
    assert rows[1]["agree"] == 0.75 and rows[2]["agree"] == 0.6


def test_align_top_csv(runner, db):
    result = runner.invoke(cli.app, ["align", "India", "--top", "1", "--years", "2015-2017", "--format", "csv", "--db", db])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output[result.output.index("a,b"):])))
    assert [(r["b"], r["rank"]) for r in rows] == [("CHN", "most"), ("USA", "least")]


def test_align_all_to_parquet(runner, db, tmp_path):
    out = tmp_path / "dyads.parquet"
    result = runner.invoke(cli.app, ["align", "--all", "--sessions", "70-72", "--out", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out).to_pylist()
    assert {"a", "b", "agree", "s_score", "kappa", "n"} == set(table[0])
    assert len(table) == 30  # 6 countries, every ordered pair shares at least one roll call


def test_align_user_errors(runner, db, tmp_path):
    unknown = runner.invoke(cli.app, ["align", "IND", "--with", "Narnia", "--db", db])
    assert unknown.exit_code == 2 and "unknown country 'Narnia'" in flat(unknown.output)
    no_db = runner.invoke(cli.app, ["align", "IND", "--with", "USA", "--db", str(tmp_path / "none.duckdb")])
    assert no_db.exit_code == 2 and "no database" in flat(no_db.output)
    bad_range = runner.invoke(cli.app, ["align", "IND", "--with", "USA", "--sessions", "x", "--db", db])
    assert bad_range.exit_code == 2 and "bad --sessions" in flat(bad_range.output)
    nothing = runner.invoke(cli.app, ["align", "IND", "--db", db])
    assert nothing.exit_code == 2 and "--with" in nothing.output


def test_alliances_command(runner, db):
    result = runner.invoke(cli.app, ["alliances", "USA", "PAK", "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output[result.output.index("["):])
    assert rows[0]["year"] == 2017 and rows[0]["defense"] == 1


def test_dyad_command(runner, db):
    result = runner.invoke(cli.app, ["dyad", "IND", "PAK", "--source", "icews", "--by", "day", "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output[result.output.index("["):])
    assert [(r["period"], r["direction"]) for r in rows][0] == ("2019-02-27", "IND->PAK")
    bad = runner.invoke(cli.app, ["dyad", "IND", "PAK", "--by", "hour", "--db", db])
    assert bad.exit_code == 2 and "--by must be one of" in flat(bad.output)


def test_support_vs_alignment_command(runner, db, tmp_path):
    stances = tmp_path / "reactions.json"
    stances.write_text(json.dumps({
        "parties": ["IND", "USA"], "crisis": {"name": "test-crisis", "start": "2018-05-01"},
        "actors": [{"actor": "RUS", "stance": "pro-IND"}, {"actor": "CHN", "stance": "neutral"},
                   {"actor": "NAM", "stance": "pro-USA"}]}), encoding="utf-8")
    html = tmp_path / "out.html"
    svg = tmp_path / "out.svg"
    result = runner.invoke(cli.app, ["support-vs-alignment", "--stances", str(stances), "--years", "2015-2017",
                                     "--permutations", "500", "--html", str(html), "--svg", str(svg),
                                     "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output[result.output.index("{"):])
    assert data["n"] == 3 and data["spearman_rho"] == 1.0 and data["permutations"] == 500
    assert "<svg" in html.read_text(encoding="utf-8") and svg.read_text(encoding="utf-8").startswith("<svg")
    missing = runner.invoke(cli.app, ["support-vs-alignment", "--db", db])
    assert missing.exit_code == 2 and "--stances" in missing.output

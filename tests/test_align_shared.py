"""The real unvotes and ATOP data from ../shared (skipped when absent): import speed, sane values."""
from __future__ import annotations

import time

import duckdb
import pytest

from comity.align.alignment import VoteScope, all_dyads, dyad_alignment
from comity.align.atop import import_atop
from comity.align.ties import ties_summary
from comity.align.unvotes import import_unvotes


@pytest.fixture(scope="module")
def imported(shared_dir):
    connection = duckdb.connect(":memory:")
    started = time.perf_counter()
    results = import_unvotes(connection, shared_dir / "data" / "unvotes")
    seconds = time.perf_counter() - started
    assert [r.warnings for r in results] == [[], [], []]
    yield connection, seconds
    connection.close()


@pytest.fixture(scope="module")
def con(imported):
    return imported[0]


def test_all_votes_import_in_seconds(imported):
    con, seconds = imported
    assert con.execute("SELECT count(*) FROM un_votes").fetchall()[0][0] == 870_109
    assert con.execute("SELECT count(*) FROM un_votes WHERE country IS NULL").fetchall()[0][0] == 0
    assert seconds < 60  # about 3 s measured on the 2-core development machine


def test_india_agreement_sessions_70_74(con):
    rows = {r["b"]: r for r in dyad_alignment(con, "IND", ["USA", "RUS", "CHN"], VoteScope(sessions=(70, 74)))}
    assert all(450 < r["n"] < 520 for r in rows.values())
    assert 0.2 < rows["USA"]["agree"] < 0.45
    assert 0.65 < rows["RUS"]["agree"] < 0.85
    assert 0.75 < rows["CHN"]["agree"] < 0.9
    assert rows["USA"]["s_score"] < 0 < rows["RUS"]["s_score"] < rows["CHN"]["s_score"]


def test_all_dyads_one_session_range(con):
    started = time.perf_counter()
    rows = all_dyads(con, VoteScope(sessions=(70, 74)))
    assert time.perf_counter() - started < 10  # about 0.8 s measured
    assert len({r["a"] for r in rows}) > 185


def test_atop_real_file(shared_dir):
    connection = duckdb.connect(":memory:")
    results = import_atop(connection, shared_dir / "data" / "atop" / "atop_alliance.csv",
                          states=shared_dir / "data" / "atop" / "cow_states.csv")
    assert all(r.ok and not r.warnings for r in results)
    assert ties_summary(connection, "USA", "GBR", (2010, 2018))["defense"] == 1
    assert connection.execute("SELECT count(*) FROM alliances WHERE a IS NULL OR b IS NULL").fetchall()[0][0] == 0

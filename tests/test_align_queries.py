"""Alignment, alliance ties, dyad series and support-vs-alignment read from a store filled with the
small fixture files; the expected values are worked out by hand in the comments."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pytest

from comity.align.alignment import VoteScope, all_dyads, dyad_alignment, parse_range, ranked_partners
from comity.align.atop import import_atop
from comity.align.chart import support_html, support_svg
from comity.align.dyads import dyad_series
from comity.align.gdelt import import_gdelt
from comity.align.icews import import_icews
from comity.align.support import support_vs_alignment
from comity.align.ties import alliance_ties, is_major_power, ties_summary
from comity.align.unvotes import import_unvotes

FIXTURES = Path(__file__).parent / "fixtures" / "align"

# Votes in the fixture (rcid: USA IND RUS CHN):
# 101 (s70): y y n y   102 (s70): n y y a   103 (s71): y a y y   104 (s72): n n a -   105 (s72): y n n n


@pytest.fixture(scope="module")
def con():
    connection = duckdb.connect(":memory:")
    import_unvotes(connection, FIXTURES / "unvotes")
    import_atop(connection, FIXTURES / "atop_sample.csv", majors=FIXTURES / "cow_majors_sample.csv")
    import_gdelt(connection, [FIXTURES / "gdelt_sample.tsv"])
    import_icews(connection, [FIXTURES / "icews_sample.tab"])
    yield connection
    connection.close()


def _by_b(rows):
    return {r["b"]: r for r in rows}


def test_india_against_usa_and_china(con):
    rows = _by_b(dyad_alignment(con, "IND", ["USA", "CHN"], VoteScope()))
    # IND-USA: distances 0, 1, .5, 0, 1 over 5 -> agree .5, S 0; p_o = .4 = p_e (.4*.6 + .2*0 + .4*.4) -> kappa 0
    assert (rows["USA"]["agree"], rows["USA"]["s_score"], rows["USA"]["kappa"], rows["USA"]["n"]) == (0.5, 0.0, 0.0, 5)
    # IND-CHN on 101, 102, 103, 105: distances 0, .5, .5, 0 -> agree .75, S .5;
    # p_o = .5, both (.5, .25, .25) -> p_e = .375 -> kappa .2
    assert (rows["CHN"]["agree"], rows["CHN"]["s_score"], rows["CHN"]["kappa"], rows["CHN"]["n"]) == (0.75, 0.5, 0.2, 4)


def test_session_and_year_ranges(con):
    assert _by_b(dyad_alignment(con, "IND", ["USA"], VoteScope(sessions=(70, 70))))["USA"]["n"] == 2
    row = _by_b(dyad_alignment(con, "IND", ["USA"], VoteScope(years=(2016, 2017))))["USA"]
    # 103 (.5), 104 (1), 105 (0)
    assert row["n"] == 3 and row["agree"] == pytest.approx(0.5)


def test_issue_filter(con):
    row = _by_b(dyad_alignment(con, "IND", ["USA"], VoteScope(issue="nuclear")))["USA"]
    # 102 (y vs n), 103 (a vs y): agree .25, S -.5; p_o 0, p_e .25 -> kappa -1/3
    assert (row["n"], row["agree"], row["s_score"]) == (2, 0.25, -0.5)
    assert row["kappa"] == pytest.approx(-1 / 3, abs=1e-4)
    assert _by_b(dyad_alignment(con, "IND", ["USA"], VoteScope(issue="me")))["USA"]["n"] == 1
    with pytest.raises(ValueError, match="Palestinian conflict"):
        dyad_alignment(con, "IND", ["USA"], VoteScope(issue="trade"))


def test_unknown_partner_and_missing_country(con):
    rows = dyad_alignment(con, "IND", ["BRA"], VoteScope())
    assert rows == [{"a": "IND", "b": "BRA", "agree": None, "s_score": None, "kappa": None, "n": 0}]
    with pytest.raises(LookupError, match="cover sessions 70-72"):
        dyad_alignment(con, "BRA", ["IND"], VoteScope())


def test_all_dyads_and_ranking(con):
    rows = all_dyads(con, VoteScope())
    pairs = {(r["a"], r["b"]): r for r in rows}
    assert pairs[("IND", "CHN")]["agree"] == pairs[("CHN", "IND")]["agree"] == 0.75
    assert len({r["a"] for r in rows}) == 6  # USA IND RUS CHN NAM SRB
    assert all(r["n"] >= 3 for r in all_dyads(con, VoteScope(), min_n=3))
    ranked = ranked_partners(con, "IND", VoteScope(), top=1)
    # IND-RUS: distances 1, 0, .5, .5, 0 -> .6; CHN .75; USA .5 (NAM, SRB vote on 1 of 5: below half)
    assert [r["b"] for r in ranked["most"]] == ["CHN"]
    assert [r["b"] for r in ranked["least"]] == ["USA"]


def test_parse_range():
    assert parse_range("70-74") == (70, 74)
    assert parse_range("2019") == (2019, 2019)
    assert parse_range(None) is None
    with pytest.raises(ValueError, match="comes after"):
        parse_range("74-70")
    with pytest.raises(ValueError, match="FIRST-LAST"):
        parse_range("seventy")


def test_alliance_ties_either_direction(con):
    rows = alliance_ties(con, "PAK", "USA")
    assert rows == [{"a": "PAK", "b": "USA", "year": 2017, "defense": 1, "offense": 0, "neutral": 0, "nonagg": 1, "consul": 1}]
    summary = ties_summary(con, "IND", "RUS", (2017, 2018))
    assert summary["consul"] == 1 and summary["defense"] == 0 and summary["years_with_tie"] == 2
    assert is_major_power(con, "CHN", 2016) is True and is_major_power(con, "IND", 2016) is False


def test_dyad_series_by_day_and_direction(con):
    rows = dyad_series(con, "IND", "PAK", source="icews", by="day")
    assert [(r["period"], r["direction"], r["n"]) for r in rows] == [
        ("2019-02-27", "IND->PAK", 1), ("2019-02-27", "PAK->IND", 1), ("2019-03-01", "PAK->IND", 1)]
    assert rows[1]["verbal_conflict"] == 1 and rows[1]["goldstein_sum"] == -7.0


def test_dyad_series_pooled_by_month_across_sources(con):
    rows = dyad_series(con, "IND", "PAK", source="all", by="month", direction="either")
    got = {(r["period"], r["source"]): r for r in rows}
    # ICEWS February: -2 and -7 -> mean -4.5, sum -9; GDELT 1.0 February: -10 and -2
    assert got[("2019-02-01", "icews")]["goldstein_mean"] == -4.5
    assert got[("2019-02-01", "icews")]["goldstein_sum"] == -9.0
    assert got[("2019-02-01", "gdelt1")]["material_conflict"] == 1
    assert got[("2019-03-01", "gdelt2")]["material_coop"] == 1
    one_way = dyad_series(con, "IND", "PAK", source="gdelt", by="year", direction="a-b")
    assert [(r["direction"], r["n"]) for r in one_way] == [("IND->PAK", 1)]


def test_dyad_series_bad_arguments(con):
    with pytest.raises(ValueError, match="--by"):
        dyad_series(con, "IND", "PAK", by="hour")
    with pytest.raises(ValueError, match="--source"):
        dyad_series(con, "IND", "PAK", source="acled")
    with pytest.raises(LookupError):
        dyad_series(con, "IND", "PAK", source="coded")  # no events table in this database


REACTIONS = {
    "parties": ["IND", "USA"],
    "crisis": {"name": "test-crisis", "start": "2018-05-01"},
    "actors": [
        {"actor": "IND", "party": True, "stance": None},
        {"actor": "RUS", "stance": "pro-IND"},
        {"actor": "CHN", "stance": "neutral"},
        {"actor": "NAM", "stance": "pro-USA"},
        {"actor": "SRB", "stance": None},
        {"actor": "BRA", "stance": "neutral"},
    ],
}


def test_support_vs_alignment_by_hand(con):
    analysis = support_vs_alignment(con, REACTIONS, years=(2015, 2017), permutations=3000, seed=5)
    rows = {r["actor"]: r for r in analysis.rows}
    # RUS: agree with IND .6, with USA .3 (distances 1, 1, 0, .5, 1); CHN .75 - .625; NAM 1 - 1
    assert rows["RUS"]["align_diff"] == pytest.approx(0.3)
    assert rows["CHN"]["align_diff"] == pytest.approx(0.125)
    assert rows["NAM"]["align_diff"] == 0.0
    assert rows["RUS"]["ally_IND"] == "nonagg,consul" and rows["NAM"]["ally_USA"] == "none"
    assert rows["CHN"]["major_power"] is True and rows["NAM"]["major_power"] is False
    assert analysis.n == 3 and analysis.rho == 1.0
    assert 0.30 < analysis.p_value < 0.37
    notes = " | ".join(analysis.notes)
    assert "BRA: no UN votes shared with both parties" in notes
    assert "1 actors without a stance" in notes
    assert "ATOP alliances run 2017-2018: years 2015-2017 were asked for, 2017-2017 stand in" in notes


def test_support_years_beyond_the_data_are_said_plainly(con):
    report = dict(REACTIONS, crisis={"name": "later", "start": "2025-05-07"})
    analysis = support_vs_alignment(con, report, permutations=100)
    assert analysis.vote_years == (2015, 2017)
    assert any("UN votes run 2015-2017: years 2020-2024 were asked for, 2015-2017 stand in" in n for n in analysis.notes)


def test_support_needs_two_parties(con):
    with pytest.raises(ValueError, match="fewer than two parties"):
        support_vs_alignment(con, {"parties": ["IND"], "actors": []}, years=(2015, 2017))


def test_chart_is_well_formed_svg_and_html(con):
    analysis = support_vs_alignment(con, REACTIONS, years=(2015, 2017), permutations=200)
    svg = support_svg(analysis)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    labels = [el.text for el in root.iter() if el.tag.endswith("text")]
    assert {"RUS", "CHN", "NAM", "pro-IND", "neutral", "pro-USA"} <= set(labels)
    html = support_html(analysis)
    assert html.startswith("<!doctype html>") and "<svg" in html and "Spearman" in html and "BRA" in html


def test_dyad_series_from_coded_events_in_the_store():
    from comity.align.schema import ensure_schema
    from comity.store import Store

    store = Store(":memory:")
    ensure_schema(store.con)
    store.con.execute(
        """INSERT INTO events (doc_key, source_code, source_country, target_code, target_country, date, quad_class, goldstein)
           VALUES (1, 'RUSGOV', 'RUS', 'INDGOV', 'IND', DATE '2025-05-08', 1, 3.5),
                  (1, 'RUS', 'RUS', 'IND', 'IND', DATE '2025-05-20', 1, 1.5),
                  (1, 'IND', 'IND', 'RUS', 'RUS', DATE '2025-05-09', 4, -9.0)"""
    )
    rows = dyad_series(store.con, "RUS", "IND", source="all", by="month")
    assert [(r["source"], r["direction"], r["n"], r["goldstein_sum"]) for r in rows] == [
        ("coded", "IND->RUS", 1, -9.0), ("coded", "RUS->IND", 2, 5.0)]
    weekly = dyad_series(store.con, "RUS", "IND", source="coded", by="week", direction="a-b")
    assert [r["period"] for r in weekly] == ["2025-05-05", "2025-05-19"]  # ISO weeks start on Monday
    store.close()

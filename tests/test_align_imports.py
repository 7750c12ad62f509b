"""Imports of small files in each layout (comity.align.unvotes/atop/gdelt/icews): mapping, bad rows,
duplicates and idempotence."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from comity.align.atop import import_atop
from comity.align.codes import cow_table, resolve_country
from comity.align.gdelt import import_gdelt
from comity.align.icews import import_icews
from comity.align.unvotes import import_unvotes

FIXTURES = Path(__file__).parent / "fixtures" / "align"


@pytest.fixture()
def con():
    connection = duckdb.connect(":memory:")
    yield connection
    connection.close()


def _warnings(results) -> str:
    return "\n".join(w for r in results for w in r.warnings)


def _count(con, sql: str) -> int:
    return con.execute(sql).fetchall()[0][0]


def test_unvotes_import_maps_codes_and_names_bad_rows(con):
    results = import_unvotes(con, FIXTURES / "unvotes")
    assert [r.ok for r in results] == [True, True, True]
    assert [r.rows for r in results] == [5, 21, 3]
    text = _warnings(results)
    assert "un_roll_calls.csv: 1 row without a numeric rcid skipped (line 7)" in text
    assert "un_votes.csv: 1 malformed row skipped (line 26)" in text
    assert "unknown country code 'XX Atlantis' on 1 row (first at line 12)" in text
    assert "vote other than yes/no/abstain skipped (line 20)" in text
    assert "1 repeated (roll call, country) row skipped, the first kept (line 25)" in text
    votes = dict(((rc, c), v) for rc, c, v in con.execute("SELECT rcid, country, vote FROM un_votes").fetchall())
    assert votes[(101, "NAM")] == "yes" and votes[(101, "SRB")] == "no"
    assert votes[(105, "IND")] == "no"  # the repeated row later in the file did not win
    assert (104, "CHN") not in votes
    assert con.execute("SELECT session, year FROM un_roll_calls WHERE rcid = 103").fetchall() == [(71, 2016)]


def test_unvotes_reimport_changes_nothing(con):
    import_unvotes(con, FIXTURES / "unvotes")
    before = con.execute("SELECT * FROM un_votes ORDER BY ALL").fetchall()
    again = import_unvotes(con, FIXTURES / "unvotes")
    assert all(r.skipped for r in again)
    assert con.execute("SELECT * FROM un_votes ORDER BY ALL").fetchall() == before


def test_unvotes_changed_file_replaces_its_roll_calls(con, tmp_path):
    folder = tmp_path / "unvotes"
    shutil.copytree(FIXTURES / "unvotes", folder)
    import_unvotes(con, folder)
    with (folder / "un_votes.csv").open("a", encoding="utf-8") as handle:
        handle.write("104,China,CN,abstain\n")
    results = import_unvotes(con, folder)
    assert [r.skipped for r in results] == [True, False, True]
    assert _count(con, "SELECT count(*) FROM un_votes") == 22
    assert _count(con, "SELECT count(*) FROM un_votes WHERE rcid = 101") == 6


def test_unvotes_wrong_layout_is_an_error(con, tmp_path):
    (tmp_path / "un_roll_calls.csv").write_text("id,when\n1,2020-01-01\n", encoding="utf-8")
    results = import_unvotes(con, tmp_path)
    assert "header lacks rcid, session, date" in results[0].error
    assert results[1].error == "no such file"


def test_atop_import(con):
    results = import_atop(con, FIXTURES / "atop_sample.csv", majors=FIXTURES / "cow_majors_sample.csv")
    alliances, majors = results
    assert alliances.rows == 7 and majors.rows == 3
    text = _warnings(results)
    assert "COW code 9999 is not in comity/data/align/cow_iso3.tsv (1 row, first at line 8)" in text
    assert "skipped (line 9)" in text
    rows = con.execute("SELECT a, b, defense, consul FROM alliances WHERE year = 2017 AND ccode1 = 2").fetchall()
    assert rows == [("USA", "PAK", 1, 1)]
    assert import_atop(con, FIXTURES / "atop_sample.csv", majors=FIXTURES / "cow_majors_sample.csv")[0].skipped
    assert _count(con, "SELECT count(*) FROM alliances") == 7


def test_atop_states_check(con, tmp_path):
    states = tmp_path / "states.csv"
    states.write_text("stateabb,ccode,statenme\nUSA,2,United States\nXXX,9998,Nowhere\n", encoding="utf-8")
    result = import_atop(con, FIXTURES / "atop_sample.csv", states=states, majors=FIXTURES / "cow_majors_sample.csv")[1]
    assert result.warnings == [f"{states}: COW code 9998 (line 3) is not in comity/data/align/cow_iso3.tsv"]


def test_cow_table_codes_do_not_collide():
    import pycountry

    for row in cow_table():
        if row["kind"] == "cow":
            assert pycountry.countries.get(alpha_3=row["iso3"]) is None, row
        elif row["kind"] == "iso":
            assert pycountry.countries.get(alpha_3=row["iso3"]) is not None, row
    by_code = {row["ccode"]: row["iso3"] for row in cow_table()}
    assert (by_code["750"], by_code["365"], by_code["260"], by_code["265"]) == ("IND", "RUS", "DEU", "DDR")


def test_gdelt_import_layouts_codes_and_bad_lines(con):
    [result] = import_gdelt(con, [FIXTURES / "gdelt_sample.tsv"])
    assert result.rows == 5
    text = _warnings([result])
    assert "1 line without 57, 58 or 61 tab-separated columns skipped (line 6)" in text
    assert "unknown CAMEO country code 'QQQ' on 1 row (line 5)" in text
    assert "repeated event id on 1 row, the first in the file is kept (line 7)" in text
    rows = {r[0]: r[1:] for r in con.execute(
        "SELECT event_id, dataset, date::VARCHAR, source_code, target_code, quad_class, goldstein, plover_event, url "
        "FROM external_events").fetchall()}
    assert rows["7001"][:3] == ("gdelt1", "2019-02-26", "IND") and rows["7001"][7] is None  # 57 columns: no URL
    assert rows["7002"][0] == "gdelt1" and rows["7002"][7] == "https://example.org/comity-test-a"
    assert rows["7003"][0] == "gdelt2" and rows["7003"][4:7] == (2, 7.0, "RETREAT")
    assert rows["7004"][2:4] == ("ROU", "AFR")  # older CAMEO code mapped; region kept
    assert rows["7005"][2] is None


def test_gdelt_duplicate_file_and_reimport(con, tmp_path):
    copy = tmp_path / "same-content.tsv"
    shutil.copy(FIXTURES / "gdelt_sample.tsv", copy)
    first, second = import_gdelt(con, [FIXTURES / "gdelt_sample.tsv", copy])
    assert first.rows == 5 and second.skipped
    assert import_gdelt(con, [FIXTURES / "gdelt_sample.tsv"])[0].skipped
    assert _count(con, "SELECT count(*) FROM external_events") == 5


def test_gdelt_rejects_other_files_and_goes_on(con, tmp_path):
    header_only = tmp_path / "header.tsv"
    header_only.write_text("\t".join(f"col{i}" for i in range(58)) + "\n", encoding="utf-8")
    latin1 = tmp_path / "latin1.tsv"
    latin1.write_bytes("7100\tS\u00e3o Paulo\n".encode("latin-1"))
    results = import_gdelt(con, [header_only, latin1, FIXTURES / "gdelt_sample.tsv"])
    assert "no GDELT event line left" in results[0].error
    assert "not valid UTF-8" in results[1].error
    assert results[2].rows == 5


def test_icews_import(con):
    [result] = import_icews(con, [FIXTURES / "icews_sample.tab"])
    assert result.rows == 4
    text = _warnings([result])
    assert "1 line without 20 tab-separated columns skipped (line 6)" in text
    assert "unknown country name 'Atlantis' on 1 row (line 5)" in text
    assert "(line 7)" in text  # the repeated event id
    row = con.execute(
        "SELECT source_code, target_code, cameo_code, root, quad_class, goldstein, plover_event, source_sector "
        "FROM external_events WHERE event_id = '900002'").fetchall()[0]
    assert row == ("PAK", "IND", "138", "13", 3, -7.0, "THREATEN", None)
    assert import_icews(con, [FIXTURES / "icews_sample.tab"])[0].skipped


def test_icews_wrong_file_is_an_error(con):
    [result] = import_icews(con, [FIXTURES / "gdelt_sample.tsv"])
    assert "ICEWS layout" in result.error
    assert _count(con, "SELECT count(*) FROM external_events") == 0


@pytest.mark.parametrize("text,code", [("IND", "IND"), ("in", "IND"), ("India", "IND"), ("Russia", "RUS"),
                                       ("south korea", "KOR"), ("US", "USA"), ("DDR", "DDR"), ("Kosovo", "XKX")])
def test_resolve_country(text, code):
    assert resolve_country(text) == code


def test_resolve_country_unknown():
    with pytest.raises(ValueError, match="unknown country 'Narnia'"):
        resolve_country("Narnia")


def test_gdelt_zip_and_gzip_as_downloaded(con, tmp_path):
    import gzip
    import zipfile

    zipped = tmp_path / "20190301.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(FIXTURES / "gdelt_sample.tsv", "20190301.export.CSV")
    gzipped = tmp_path / "icews.tab.gz"
    gzipped.write_bytes(gzip.compress((FIXTURES / "icews_sample.tab").read_bytes()))
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip at all")
    gdelt_results = import_gdelt(con, [zipped, broken])
    assert gdelt_results[0].rows == 5
    assert "cannot decompress" in gdelt_results[1].error
    assert import_icews(con, [gzipped])[0].rows == 4

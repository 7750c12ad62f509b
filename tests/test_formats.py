from __future__ import annotations

import csv
import io
import json

import pytest

from comity.formats import EVENT_FLAT_COLUMNS, FORMATS, GDELT_COLUMNS, flatten, write_records
from comity.records import Event

STRIKE = Event(
    doc_id="news/strike.txt", sentence_index=0,
    sentence="Pakistan's army shelled border villages on Thursday,\nofficials said.",
    source={"code": "PAK", "country": "PAK", "sector": "MIL", "text": "Pakistan's army"},
    target={"code": "IND", "country": "IND", "sector": "CVL", "text": "border villages"},
    plover_event="ASSAULT", plover_mode="artillery", cameo_code="195", cameo_root="19", quad_class=4,
    goldstein=-10.0, date="2025-05-08", trigger="shelled", char_start=15, char_end=22,
).to_dict()
APPEAL = Event(
    doc_id="news/un.txt", sentence_index=2, sentence="The UN did not urge\tboth sides [yet].",
    source={"code": "UN", "country": None, "sector": "IGO", "text": "The UN"}, target=None,
    plover_event="REQUEST", plover_mode=None, cameo_code="0243", cameo_root="02", quad_class=1,
    goldstein=-0.1, negated=True, modality="intent", date=None, extra={"note": "test"},
).to_dict()


def render(records, fmt, **options) -> str:
    out = io.StringIO()
    write_records(records, fmt, out, **options)
    return out.getvalue()


def test_unknown_format_lists_the_allowed_ones():
    with pytest.raises(ValueError, match="table, json, jsonl, csv, gdelt"):
        render([STRIKE], "xml")


def test_json_is_one_array_of_the_records():
    assert json.loads(render([STRIKE, APPEAL], "json")) == [STRIKE, APPEAL]
    assert json.loads(render([], "json")) == []


def test_jsonl_streams_one_object_per_line():
    def generate():
        yield STRIKE
        yield APPEAL
    lines = render(generate(), "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == [STRIKE, APPEAL]


def test_csv_flattens_event_actors():
    rows = list(csv.DictReader(io.StringIO(render([STRIKE, APPEAL], "csv"))))
    assert list(rows[0]) == EVENT_FLAT_COLUMNS
    assert rows[0]["source_code"] == "PAK" and rows[0]["source_sector"] == "MIL"
    assert rows[0]["target_code"] == "IND" and rows[0]["target_text"] == "border villages"
    assert rows[0]["sentence"] == STRIKE["sentence"]  # the newline survives CSV quoting
    assert rows[1]["target_code"] == "" and rows[1]["negated"] == "true"
    assert json.loads(rows[1]["extra"]) == {"note": "test"}


def test_csv_columns_option_selects_and_orders():
    text = render([STRIKE], "csv", columns=["cameo_code", "source_code", "target_code"])
    assert text.splitlines() == ["cameo_code,source_code,target_code", "195,PAK,IND"]


def test_gdelt_tsv_columns_and_values():
    lines = render([STRIKE, APPEAL], "gdelt").splitlines()
    assert lines[0].split("\t") == GDELT_COLUMNS
    strike = dict(zip(GDELT_COLUMNS, lines[1].split("\t")))
    assert len(lines[1].split("\t")) == len(GDELT_COLUMNS)
    assert strike["SQLDATE"] == "20250508"
    assert strike["Actor1Code"] == "PAKMIL" and strike["Actor1CountryCode"] == "PAK"
    assert strike["Actor1Type1Code"] == "MIL" and strike["Actor1Name"] == "Pakistan's army"
    assert strike["Actor2Code"] == "INDCVL" and strike["Actor2Type1Code"] == "CVL"
    assert strike["IsRootEvent"] == "1"
    assert (strike["EventCode"], strike["EventBaseCode"], strike["EventRootCode"]) == ("195", "195", "19")
    assert strike["QuadClass"] == "4" and float(strike["GoldsteinScale"]) == -10.0
    assert strike["DocId"] == "news/strike.txt"
    assert strike["Sentence"] == "Pakistan's army shelled border villages on Thursday, officials said."
    appeal = dict(zip(GDELT_COLUMNS, lines[2].split("\t")))
    assert len(lines[2].split("\t")) == len(GDELT_COLUMNS)  # the tab inside the sentence was replaced
    assert appeal["SQLDATE"] == "" and appeal["IsRootEvent"] == "0"
    assert appeal["Actor1Code"] == "UN" and appeal["Actor1CountryCode"] == ""
    assert appeal["Actor2Code"] == "" and appeal["Actor2Type1Code"] == ""
    assert (appeal["EventCode"], appeal["EventBaseCode"], appeal["EventRootCode"]) == ("0243", "024", "02")
    assert appeal["Negated"] == "1" and appeal["Modality"] == "intent"


def test_gdelt_columns_use_gdelt_names(shared_dir):
    names_file = shared_dir / "data" / "gdelt" / "gdelt1-column-names.tsv"
    gdelt_names = {name.strip().lower() for name in names_file.read_text().split()}
    ours = [name for name in GDELT_COLUMNS[:15] if name != "SQLDATE"]
    assert {name.lower() for name in ours} <= gdelt_names


def test_gdelt_refuses_non_event_records():
    with pytest.raises(ValueError, match="event records"):
        render([{"country": "USA"}], "gdelt")


def test_table_shows_codes_modes_and_escapes_brackets():
    text = render([STRIKE, APPEAL], "table", title="Events")
    assert "Events" in text
    assert "PAK MIL" in text and "IND CVL" in text and "UN IGO" in text
    assert "ASSAULT (artillery)" in text
    assert "NOT REQUEST [intent]" in text  # square brackets are data, not rich markup
    assert "[yet]" in text
    assert "\x1b[" not in text  # no colour codes when not writing to a terminal


def test_table_empty_says_so():
    assert render([], "table").strip() == "No records."
    assert render([], "table", title="Reactions").strip() == "Reactions: no records"


def test_generic_flat_records_in_every_generic_format():
    records = [{"country": "USA", "agreement": 0.8123, "votes": 120},
               {"country": "RUS", "agreement": -0.25, "votes": 98, "note": ["late"]}]
    table = render(records, "table")
    assert "country" in table and "agreement" in table and "0.812" in table and '["late"]' in table
    assert json.loads(render(records, "json")) == records
    assert [json.loads(line) for line in render(records, "jsonl").splitlines()] == records
    rows = list(csv.DictReader(io.StringIO(render(records, "csv"))))
    assert rows == [{"country": "USA", "agreement": "0.8123", "votes": "120"},
                    {"country": "RUS", "agreement": "-0.25", "votes": "98"}]  # columns of the first record
    rows = list(csv.DictReader(io.StringIO(render(records, "csv", columns=["country", "note"]))))
    assert rows[1] == {"country": "RUS", "note": '["late"]'}


def test_flatten():
    assert flatten(STRIKE)["source_country"] == "PAK"
    assert flatten(APPEAL)["target_code"] is None
    assert flatten({"a": {"b": 1}, "source": "x"}) == {"a": '{"b": 1}', "source": "x"}


def test_every_format_counts_records():
    for fmt in FORMATS:
        assert write_records([STRIKE, APPEAL], fmt, io.StringIO()) == 2

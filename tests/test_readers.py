from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comity.language import guess_language, looks_english, may_be_english
from comity.readers import ReadProblem, normalise_date, read_documents, sniff_format

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def read(paths, **options):
    problems: list[ReadProblem] = []
    documents = list(read_documents([str(path) for path in paths], on_problem=problems.append, **options))
    return documents, problems


def only_problem(problems) -> str:
    assert len(problems) == 1, [str(problem) for problem in problems]
    return str(problems[0])


# -- formats --------------------------------------------------------------------------------------------


def test_plain_text_kept_as_is_with_newlines_normalised():
    [doc], problems = read([FIXTURES / "note.txt"], default_date="2025-02-01")
    assert problems == []
    assert doc.id == str(FIXTURES / "note.txt") == doc.origin
    assert doc.text.startswith("The talks were held behind closed doors")
    assert "\r" not in doc.text and doc.text.count("\n") == 2
    assert doc.title is None and doc.date == "2025-02-01" and doc.lang == "en"


def test_bom_stripped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfThe minister said the talks would continue next week.")
    [doc], _ = read([path])
    assert doc.text.startswith("The minister")


def test_html_main_text_title_date_and_canonical_url():
    [doc], problems = read([FIXTURES / "article.html"], default_date="2000-01-01")
    assert problems == []
    assert doc.title == "Neighbours agree to reopen border crossing"
    assert doc.url == "https://news.example.org/2025/03/12/border-crossing-reopens"
    assert doc.date == "2025-03-12"
    assert "agreed on Wednesday to reopen their main border" in doc.text
    assert "tracking" not in doc.text and "Sport" not in doc.text and "Copyright" not in doc.text
    assert doc.lang == "en"


def test_short_html_page_falls_back_to_visible_text(tmp_path):
    path = tmp_path / "short.htm"
    path.write_text("<html><body><p>Ministers met on Monday.</p><script>var a;</script></body></html>")
    [doc], problems = read([path])
    assert problems == []
    assert doc.text == "Ministers met on Monday."


def test_jsonl_fields_aliases_and_ids():
    docs, problems = read([FIXTURES / "corpus.jsonl"], default_date="2025-01-01")
    assert problems == []
    assert [doc.id for doc in docs] == ["wire-1", "wire-2", "wire-3", f"{FIXTURES / 'corpus.jsonl'}#4"]
    assert [doc.date for doc in docs] == ["2025-05-07", "2025-05-09", "2025-05-11", "2025-01-01"]
    assert docs[0].title == "Talks to resume" and docs[0].url == "https://wire.example.net/1"
    assert docs[1].text.startswith("Officials said the army")  # "body"
    assert docs[2].text.startswith("The opposition leader")  # "content"
    assert docs[2].lang == "en"  # "en-GB" from the record


def test_json_array_file(tmp_path):
    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"id": "a", "text": "The envoy met the president."},
                                {"id": "b", "text": "The talks ended without an agreement."}], indent=2))
    docs, problems = read([path])
    assert problems == [] and [doc.id for doc in docs] == ["a", "b"]
    path.write_text(json.dumps([{"id": "a", "text": "The envoy met the president."}, {"id": "b"}, 7]))
    docs, problems = read([path])
    assert [doc.id for doc in docs] == ["a"]
    assert [str(problem) for problem in problems] == [
        f"{path}: record 2: record has no text (looked for fields text, body, content, ...)",
        f"{path}: record 3: expected a JSON object, got int"]


def test_csv_quoted_multiline_and_default_date():
    docs, problems = read([FIXTURES / "corpus.csv"], default_date="2025-01-01")
    assert problems == []
    assert [doc.id for doc in docs] == ["c-1", "c-2", "c-3"]
    assert docs[1].text == ('The embassy issued a statement that said, in part, "we call for calm".\n'
                            "It added that consular services would continue.")
    assert [doc.date for doc in docs] == ["2025-05-07", "2025-05-07", "2025-01-01"]
    assert docs[0].title == "First"


def test_tsv_with_alternate_column_names():
    [doc], problems = read([FIXTURES / "corpus.tsv"])
    assert problems == []
    assert doc.id == "t-1" and doc.title == "Aid arrives" and doc.date == "2025-04-14"
    assert doc.text.startswith("Relief agencies")


def test_csv_without_id_column_uses_path_and_line(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('text\n"first, with a comma"\n"second\nspans two lines"\nthird\n')
    docs, _ = read([path])
    assert [doc.id for doc in docs] == [f"{path}#2", f"{path}#3", f"{path}#5"]


def test_rss_feed_entries():
    docs, problems = read([FIXTURES / "feed.rss"], default_date="2025-01-01")
    assert problems == []
    assert [doc.id for doc in docs] == ["wire-1001", "https://wire.example.net/world/1002",
                                        "https://wire.example.net/world/1003"]
    first, second, third = docs
    assert first.text == "The foreign minister arrived on Wednesday for two days of talks on trade and energy."
    assert first.url == "https://wire.example.net/world/1001" and first.date == "2025-05-07"
    assert first.title == "Foreign minister visits the capital for trade talks"
    assert second.text.splitlines() == [
        "The regional council urged both sides to show restraint after clashes near the river.",
        "It offered to host talks."]
    assert second.date == "2025-05-08"  # the feed's own (local) date
    assert third.text == "Headline only: markets steady" and third.date == "2025-01-01"


def test_atom_feed_content():
    [doc], problems = read([FIXTURES / "feed.atom"])
    assert problems == []
    assert doc.id == "urn:example:ministry:statement-17"
    assert doc.url == "https://ministry.example.gov/statements/17"
    assert doc.date == "2025-05-10" and doc.title == "Statement on the ceasefire"
    assert doc.text.startswith("The ministry welcomed the ceasefire")


def test_feed_detected_by_content(tmp_path):
    path = tmp_path / "download"
    path.write_bytes((FIXTURES / "feed.atom").read_bytes())
    [doc], _ = read([path])
    assert doc.id == "urn:example:ministry:statement-17"


def test_input_format_overrides_detection(tmp_path):
    path = tmp_path / "records.txt"
    path.write_text('{"id": "x1", "text": "The court ruled against the government."}\n')
    [as_text], _ = read([path], input_format="text")
    [as_jsonl], _ = read([path], input_format="jsonl")
    assert as_text.id == str(path) and as_text.text.startswith("{")
    assert as_jsonl.id == "x1" and as_jsonl.text == "The court ruled against the government."


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt") as out:
        out.write('{"id": "g1", "text": "Troops withdrew from the valley."}\n')
    [doc], problems = read([path])
    assert problems == [] and doc.id == "g1"


def test_stdin_text_and_jsonl():
    [doc], _ = read(["-"], stdin=io.BytesIO(b"The president visited the flooded region.\n"))
    assert doc.id == "-" and doc.text == "The president visited the flooded region.\n"
    docs, problems = read(["-"], input_format="jsonl",
                          stdin=io.BytesIO(b'{"id": "s1", "text": "One."}\nnot json\n{"id": "s2", "text": "Two."}\n'))
    assert [doc.id for doc in docs] == ["s1", "s2"]
    assert only_problem(problems).startswith("-:2: malformed JSON")


def test_feed_url_unreachable_is_a_problem_not_a_crash():
    docs, problems = read(["http://127.0.0.1:9/feed.xml"])
    assert docs == []
    assert only_problem(problems).startswith("http://127.0.0.1:9/feed.xml: cannot fetch: ")


def test_feed_url_read_like_a_file(monkeypatch):
    import urllib.request

    class Response(io.BytesIO):
        def __enter__(self):
            return self

        def __exit__(self, *exc_info):
            self.close()

    requested = []

    def fake_urlopen(request, timeout):
        requested.append((request.full_url, timeout))
        return Response((FIXTURES / "feed.rss").read_bytes())

    monkeypatch.setattr(urllib.request, "urlopen", fake_urlopen)
    docs, problems = read(["https://wire.example.net/world.rss"])
    assert problems == [] and requested == [("https://wire.example.net/world.rss", 30)]
    assert [doc.id for doc in docs][0] == "wire-1001"
    assert all(doc.origin == "https://wire.example.net/world.rss" for doc in docs)


def test_folder_walk_sorted_recursive_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text("The second text is here.")
    (tmp_path / "a.txt").write_text("The first text is here.")
    (tmp_path / "c.txt").write_text("The third text is here.")
    (tmp_path / ".hidden.txt").write_text("A hidden file is skipped.")
    (tmp_path / ".git" / "config.txt").write_text("A hidden folder is skipped.")
    docs, _ = read([tmp_path])
    assert [Path(doc.id).name for doc in docs] == ["a.txt", "c.txt", "two.txt"]
    docs, _ = read([tmp_path], recursive=False)
    assert [Path(doc.id).name for doc in docs] == ["a.txt", "c.txt"]


def test_many_files_stream_lazily(tmp_path):
    for number in range(300):
        (tmp_path / f"doc{number:04d}.txt").write_text(f"Report number {number} was filed by the agency.")
    stream = read_documents([str(tmp_path)])
    first = next(stream)
    assert first.id.endswith("doc0000.txt")
    assert sum(1 for _ in stream) == 299


def test_unknown_input_format_rejected():
    with pytest.raises(ValueError, match="auto, text, html, jsonl, csv, feed"):
        list(read_documents(["x"], input_format="pdf"))


# -- bad input: a problem naming file (and line), and the batch goes on ---------------------------------


def test_missing_path(tmp_path):
    docs, problems = read([tmp_path / "nope.txt", FIXTURES / "note.txt"])
    assert len(docs) == 1
    assert only_problem(problems) == f"{tmp_path / 'nope.txt'}: no such file or folder"


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.jsonl").write_text("\n\n")
    docs, problems = read([tmp_path / "empty.txt", tmp_path / "blank.jsonl"])
    assert docs == []
    assert [str(problem) for problem in problems] == [
        f"{tmp_path / 'empty.txt'}: empty file", f"{tmp_path / 'blank.jsonl'}: empty file"]


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    docs, problems = read([path])
    assert docs == [] and "binary file" in only_problem(problems)


def test_not_utf8_names_line_and_fix_then_encoding_option(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("First line is fine.\nThe minister visited M\xfcnchen and Z\xfcrich.\n".encode("latin-1"))
    docs, problems = read([path])
    assert docs == []
    message = only_problem(problems)
    assert message.startswith(f"{path}:2: not UTF-8")
    assert "--encoding" in message
    [doc], problems = read([path], encoding="latin-1")
    assert problems == [] and "München" in doc.text


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("The delegation arrived on Friday.".encode("utf-16"))
    [doc], problems = read([path])
    assert problems == [] and doc.text == "The delegation arrived on Friday."


def test_malformed_jsonl_line_reported_rest_kept(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "1", "text": "The army withdrew."}\n'
                    '{"id": "2", "text": "unterminated\n'
                    '["not", "an", "object"]\n'
                    '{"id": "4", "title": "no text here"}\n'
                    '{"id": "5", "text": "The talks resumed."}\n')
    docs, problems = read([path])
    assert [doc.id for doc in docs] == ["1", "5"]
    messages = [str(problem) for problem in problems]
    assert messages[0].startswith(f"{path}:2: malformed JSON")
    assert messages[1] == f"{path}:3: expected a JSON object, got list"
    assert messages[2].startswith(f"{path}:4: record has no text")
    assert len(messages) == 3


def test_jsonl_line_not_utf8(tmp_path):
    path = tmp_path / "enc.jsonl"
    path.write_bytes(b'{"id": "1", "text": "caf\xe9"}\n{"id": "2", "text": "The vote passed."}\n')
    docs, problems = read([path])
    assert [doc.id for doc in docs] == ["2"]
    assert only_problem(problems).startswith(f"{path}:1: not UTF-8")


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("id,headline\n1,Something happened\n")
    docs, problems = read([path])
    assert docs == []
    message = only_problem(problems)
    assert message.startswith(f"{path}:1: no text column in the header (has: id, headline")


def test_csv_row_with_wrong_field_count_and_empty_text(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('id,text\n1,"The ministers met."\n2\n3,\n4,"The vote was delayed."\n')
    docs, problems = read([path])
    assert [doc.id for doc in docs] == ["1", "4"]
    assert [str(problem) for problem in problems] == [
        f"{path}:3: row has 1 fields, the header has 2", f"{path}:4: row has no text"]


def test_html_without_text():
    docs, problems = read([FIXTURES / "broken.html"])
    assert docs == []
    assert only_problem(problems) == f"{FIXTURES / 'broken.html'}: no extractable text in HTML"


def test_malformed_feed():
    docs, problems = read([FIXTURES / "broken.rss"])
    assert docs == []
    messages = [str(problem) for problem in problems]
    assert messages[-1].startswith(f"{FIXTURES / 'broken.rss'}: malformed feed")


def test_too_large_text_file(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("The talks went on. " * 200)
    docs, problems = read([path, FIXTURES / "note.txt"], max_bytes=1000)
    assert len(docs) == 1
    message = only_problem(problems)
    assert message.startswith(f"{path}: file too large (")
    assert "split it or raise --max-bytes" in message


def test_large_jsonl_streams_with_per_record_limit(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w") as out:
        for number in range(2000):
            out.write(json.dumps({"id": str(number), "text": f"Statement {number} was issued by the office."}) + "\n")
        out.write(json.dumps({"id": "huge", "text": "x " * 5000}) + "\n")
    docs, problems = read([path], max_bytes=2000)  # the file is far over the limit, its records are not
    assert len(docs) == 2000
    assert only_problem(problems).startswith(f"{path}:2001: record too large")


def test_problem_string_format():
    assert str(ReadProblem("a.jsonl", 3, "bad")) == "a.jsonl:3: bad"
    assert str(ReadProblem("a.txt", None, "empty file")) == "a.txt: empty file"


# fragments of every supported format, so that random files get past the first checks of each parser
FRAGMENTS = [b"<rss>", b"<item>", b"</item>", b"<title>", b"<html>", b"<p>", b"{", b"}", b'"text":', b'"id":',
             b"\n", b"\r", b"\t", b",", b'"', b"[", b"]", b"text", b"The army withdrew.", b"\xe9", b"\x00",
             b"\xef\xbb\xbf", b"\xff\xfe"]
SUFFIXES = [".txt", ".html", ".jsonl", ".csv", ".tsv", ".rss", ".json", ".gz", ""]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=600), st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(b"".join)),
       suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_raise(tmp_path, data, suffix):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    docs, problems = read([path])
    assert docs or problems
    for problem in problems:
        assert problem.path == str(path) and problem.message
        assert not problem.message.startswith("cannot read ("), str(problem)  # an unforeseen exception
    for doc in docs:
        assert doc.text.strip() and doc.origin == str(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(
    st.text(max_size=40),
    st.fixed_dictionaries({"id": st.text(max_size=5), "text": st.text(max_size=30)}).map(json.dumps),
), max_size=8))
def test_random_jsonl_lines_each_become_a_document_or_a_problem(tmp_path, lines):
    path = tmp_path / "fuzz.jsonl"
    path.write_text("\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines), encoding="utf-8")
    docs, problems = read([path])
    non_blank = sum(1 for line in path.read_bytes().split(b"\n") if line.strip())
    if non_blank:
        assert len(docs) + len(problems) >= 1
        assert len(docs) <= non_blank


# -- dates -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    ("2025-05-07", "2025-05-07"),
    ("2025-05-07T10:00:00Z", "2025-05-07"),
    ("2025-05-07 23:59", "2025-05-07"),
    ("May 7, 2025", "2025-05-07"),
    ("7 May 2025", "2025-05-07"),
    ("Sept. 30, 2024", "2024-09-30"),
    ("Wed, 07 May 2025 10:00:00 GMT", "2025-05-07"),
    ("Thu, 08 May 2025 02:00:00 +0530", "2025-05-08"),
    ("20250507", "2025-05-07"),
    (1746612000, "2025-05-07"),
    ("2025-02-30", None),
    ("yesterday", None),
    ("", None),
    (None, None),
])
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


def test_sniff_format():
    assert sniff_format(b"<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert sniff_format(b'<?xml version="1.0"?><rss version="2.0">') == "feed"
    assert sniff_format(b'{"text": "a"}\n{"text": "b"}') == "jsonl"
    assert sniff_format(b"{not json at all") == "text"
    assert sniff_format(b"Plain words.") == "text"


# -- language ----------------------------------------------------------------------------------------------

ENGLISH = [
    "India launched missile strikes on nine sites in Pakistan on Wednesday.",
    "Russia urged India and Pakistan to show restraint.",
    "The Chinese foreign ministry spokesperson expressed regret over the military action.",
    "The Secretary-General called for maximum restraint from both countries.",
    "Pakistan's army said it shot down five Indian fighter jets.",
    "Turkey's President Recep Tayyip Erdoğan voiced solidarity with Pakistan.",
    "Iran offered to mediate between the two nuclear-armed neighbours.",
    "The ceasefire held overnight, officials said.",
    "Protesters burned flags outside the embassy in Dhaka.",
]
NOT_ENGLISH = [
    "L'Inde a lancé des frappes de missiles contre neuf sites au Pakistan mercredi.",  # French
    "La Russie a appelé les deux pays à faire preuve de retenue.",
    "Der Außenminister forderte beide Seiten zur Zurückhaltung auf.",  # German
    "Indien hat in der Nacht Ziele in Pakistan angegriffen, teilte die Armee mit.",
    "El gobierno pidió calma a ambos países tras los ataques.",  # Spanish
    "China expresó su preocupación por la escalada entre los dos vecinos.",
    "Россия призвала Индию и Пакистан проявить сдержанность.",  # Russian
    "中国外交部发言人对印度的军事行动表示遗憾。",  # Chinese
]


@pytest.mark.parametrize("sentence", ENGLISH)
def test_english_news_sentences_look_english(sentence):
    assert looks_english(sentence)


@pytest.mark.parametrize("sentence", NOT_ENGLISH)
def test_other_languages_do_not(sentence):
    assert not looks_english(sentence)
    assert guess_language(sentence) == "non-en"


def test_too_little_text_is_undetermined():
    assert guess_language("Markets steady") == "und"
    assert guess_language("") == "und"
    assert may_be_english("und") and may_be_english(None) and may_be_english("en")
    assert not may_be_english("non-en") and not may_be_english("fr")


def test_readers_tag_but_keep_non_english(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"id": "fr", "text": NOT_ENGLISH[0]}) + "\n"
                    + json.dumps({"id": "en", "text": ENGLISH[0]}) + "\n", encoding="utf-8")
    docs, problems = read([path])
    assert problems == [] and [(doc.id, doc.lang) for doc in docs] == [("fr", "non-en"), ("en", "en")]


def test_english_gold_sentences_mostly_english(shared_dir):
    import csv

    with open(shared_dir / "gold" / "cameo_quad" / "train.tsv", encoding="utf-8") as handle:
        sentences = [row[0] for row in csv.reader(handle, delimiter="\t") if row]
    flagged = [sentence for sentence in sentences if guess_language(sentence) == "non-en"]
    assert len(sentences) > 1000
    assert len(flagged) / len(sentences) < 0.01, flagged[:5]


def test_shared_corpus_reads_as_english(shared_dir):
    docs, problems = read([shared_dir / "corpus" / "crises" / "texts", shared_dir / "corpus" / "seed"])
    texts = [doc for doc in docs if doc.origin.endswith(".txt")]
    assert len(texts) >= 10
    assert all(doc.lang == "en" for doc in texts), [doc.id for doc in texts if doc.lang != "en"]


def test_csv_encoding_error_mid_file_names_the_line(tmp_path):
    path = tmp_path / "late.csv"
    rows = "".join(f'{n},"Statement {n} was issued."\n' for n in range(1, 3000))
    path.write_bytes(b"\n" + b"id,text\n" + rows.encode() + b'3000,"caf\xe9"\n' + b'3001,"after"\n')
    docs, problems = read([path])
    assert len(docs) == 2999 and docs[0].id == "1" and docs[0].id == "1"
    assert only_problem(problems).startswith(f"{path}:3002: not UTF-8")


def test_csv_line_numbers_count_blank_lines_before_header(tmp_path):
    path = tmp_path / "blank_first.csv"
    path.write_text("\n\nheadline,body\nA,The border reopened.\n")
    [doc], problems = read([path])
    assert problems == [] and doc.id == f"{path}#4" and doc.title == "A"


def test_huge_single_jsonl_line_skipped_without_loading(tmp_path):
    path = tmp_path / "one_big_line.jsonl"
    with path.open("w") as out:
        out.write('{"id": "big", "text": "' + "word " * 300_000 + '"}\n')
        out.write('{"id": "small", "text": "The envoy left."}\n')
    docs, problems = read([path], max_bytes=10_000)
    assert [doc.id for doc in docs] == ["small"]
    assert only_problem(problems).startswith(f"{path}:1: record too large")


def test_symlink_loop_is_walked_once(tmp_path):
    (tmp_path / "a.txt").write_text("The minister resigned on Tuesday.")
    (tmp_path / "loop").symlink_to(tmp_path)
    docs, problems = read([tmp_path])
    assert [Path(doc.id).name for doc in docs] == ["a.txt"] and problems == []


def test_csv_header_only(tmp_path):
    path = tmp_path / "header.csv"
    path.write_text("id,text\n\n")
    docs, problems = read([path])
    assert docs == [] and only_problem(problems) == f"{path}: no rows after the header"

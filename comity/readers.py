"""Read documents from files, folders, feeds and stdin into `Document` records.

`read_documents(paths)` is a generator: folders are walked lazily in sorted order and JSONL/CSV corpora
are read one line at a time, so a folder of thousands of files or a corpus of millions of records
streams with bounded memory.

Formats (detected from the file name, or from the content when the name says nothing; `input_format`
overrides detection):

========  ==================================  ===================================================
format    files                               one Document per
========  ==================================  ===================================================
text      .txt .text .md, unknown text files  file (id = path, title None, text as is)
html      .html .htm .xhtml                   file (trafilatura: main text, title, date, canonical url)
jsonl     .jsonl .ndjson .json (.gz too)      line: {"id", "text", "date", "title", "url"} (+ aliases)
csv       .csv .tsv (.gz too)                 row of a table whose header names a text column
feed      .xml .rss .atom                     entry of an RSS/Atom feed (feedparser)
========  ==================================  ===================================================

"-" reads stdin (text, or the format named by `input_format`). An http(s) URL is fetched (30 s timeout)
and read like a file: a feed gives its entries, a page (format auto or html) one document.

Bad input never stops the run: each problem is passed to `on_problem` as a `ReadProblem` naming the
file (and line) and the reader goes on with the next line or file.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import gzip
import html
import io
import itertools
import json
import logging
import os
import re
import sys
import time
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from comity import __version__
from comity.language import guess_language
from comity.records import Document

log = logging.getLogger(__name__)

FORMATS = ("auto", "text", "html", "jsonl", "csv", "feed")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}

# Field names accepted in JSONL records and CSV headers (matched case-insensitively, first wins).
TEXT_FIELDS = ("text", "body", "content", "article", "full_text", "fulltext", "maintext", "story", "document")
ID_FIELDS = ("id", "doc_id", "docid", "doc", "docno", "document_id", "article_id", "_id", "uuid", "guid")
DATE_FIELDS = ("date", "published", "published_at", "publish_date", "pubdate", "date_publish",
               "publication_date", "datetime", "timestamp", "created_at", "time")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "source_url", "sourceurl", "href")
LANG_FIELDS = ("lang", "language")

SNIFF_BYTES = 4096
FETCH_TIMEOUT_S = 30
USER_AGENT = f"comity/{__version__} (event coder; feed reader)"


@dataclass(frozen=True)
class ReadProblem:
    """Something wrong with one input (or one line of it); the run goes on."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


def log_problem(problem: ReadProblem) -> None:
    """Default `on_problem`: a warning on the `comity.readers` logger."""
    log.warning("%s", problem)


class _Skip(Exception):
    """Raised inside a reader to report a problem that ends the current file."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


# ---------------------------------------------------------------------------------------------------
# entry point


def read_documents(
    paths: Iterable[str],
    input_format: str = "auto",
    default_date: str | None = None,
    on_problem: Callable[[ReadProblem], None] = log_problem,
    recursive: bool = True,
    encoding: str = "utf-8",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Document]:
    """Yield a Document for every readable document under `paths` (files, folders, URLs or "-").

    `default_date` (ISO) is used when a document carries no date. `encoding` is the text encoding of
    the inputs (UTF-8 by default; a BOM is always stripped). `max_bytes` caps a single document
    (a whole .txt/.html/feed file, or one JSONL/CSV record). `stdin` replaces sys.stdin for "-".
    """
    if input_format not in FORMATS:
        raise ValueError(f"unknown input format {input_format!r}; choose one of {', '.join(FORMATS)}")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r}") from None
    reader = _Reader(input_format, normalise_date(default_date), on_problem, encoding, max_bytes, stdin)
    for path in paths:
        yield from reader.read_path(str(path), recursive)


def iter_files(path: Path, recursive: bool = True, _seen: set | None = None) -> Iterator[Path]:
    """Files under a folder, sorted by name at each level, skipping hidden files and folders (and
    folders already visited through a symbolic link)."""
    seen = _seen if _seen is not None else set()
    try:
        info = path.stat()
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(path), key=lambda entry: entry.name)
    except OSError:
        return
    subdirs = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            subdirs.append(entry)
        elif entry.is_file():
            yield Path(entry.path)
    if recursive:
        for entry in subdirs:
            yield from iter_files(Path(entry.path), recursive, seen)


class _Reader:
    def __init__(self, input_format, default_date, on_problem, encoding, max_bytes, stdin):
        self.input_format = input_format
        self.default_date = default_date
        self.on_problem = on_problem
        self.encoding = encoding
        self.max_bytes = max_bytes
        self.stdin = stdin

    def problem(self, path: str, line: int | None, message: str) -> None:
        self.on_problem(ReadProblem(path, line, message))

    def read_path(self, path: str, recursive: bool) -> Iterator[Document]:
        if path == "-":
            yield from self.guard(path, self.read_stdin)
        elif re.match(r"https?://", path, re.IGNORECASE):
            yield from self.guard(path, self.read_url, path)
        else:
            target = Path(path)
            if target.is_dir():
                for file in iter_files(target, recursive):
                    yield from self.guard(str(file), self.read_file, file)
            elif target.is_file():
                yield from self.guard(path, self.read_file, target)
            elif target.exists():
                self.problem(path, None, "not a regular file")
            else:
                self.problem(path, None, "no such file or folder")

    def guard(self, path: str, read: Callable[..., Iterator[Document]], *args) -> Iterator[Document]:
        """Run one file's reader; problems that end the file become ReadProblems."""
        try:
            yield from read(*args)
        except _Skip as skip:
            self.problem(path, skip.line, skip.message)
        except OSError as exc:  # unreadable file, broken .gz
            self.problem(path, None, f"cannot read: {exc.strerror or exc}")
        except Exception as exc:  # a parser library choking on odd input must not end the batch
            log.debug("reading %s failed", path, exc_info=True)
            self.problem(path, None, f"cannot read ({type(exc).__name__}: {exc})")

    # -- sources -------------------------------------------------------------------------------------

    def read_file(self, path: Path) -> Iterator[Document]:
        name = str(path)
        fmt = self.input_format
        compressed = path.suffix.lower() == ".gz"
        inner_suffix = Path(path.stem).suffix.lower() if compressed else path.suffix.lower()
        if fmt == "auto":
            fmt = EXTENSIONS.get(inner_suffix, "auto")
        if fmt == "jsonl" and inner_suffix == ".json":
            with _open_binary(path, compressed) as stream:
                data = _read_limited(stream, self.max_bytes)
            yield from self.parse_json(data, name)
            return
        if fmt in ("jsonl", "csv"):
            with _open_binary(path, compressed) as stream:
                if fmt == "jsonl":
                    yield from self.parse_jsonl(stream, name)
                else:
                    yield from self.parse_csv(stream, name, delimiter="\t" if inner_suffix == ".tsv" else None)
            return
        if not compressed:
            size = path.stat().st_size
            if size > self.max_bytes:
                raise _Skip(_too_large(size, self.max_bytes))
        with _open_binary(path, compressed) as stream:
            data = _read_limited(stream, self.max_bytes)
        yield from self.parse_bytes(data, name, fmt)

    def read_stdin(self) -> Iterator[Document]:
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        if self.input_format == "jsonl":
            yield from self.parse_jsonl(stream, "-")
        elif self.input_format == "csv":
            yield from self.parse_csv(stream, "-", delimiter=None)
        else:
            yield from self.parse_bytes(_read_limited(stream, self.max_bytes), "-", self.input_format)

    def read_url(self, url: str) -> Iterator[Document]:
        """Fetch a feed (or, with format auto, any page) over HTTP(S) and read it like a file."""
        import urllib.error
        import urllib.request

        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
                data = _read_limited(response, self.max_bytes)
        except urllib.error.HTTPError as exc:
            raise _Skip(f"cannot fetch: HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            raise _Skip(f"cannot fetch: {exc.reason}") from None
        except TimeoutError:
            raise _Skip(f"cannot fetch: no answer in {FETCH_TIMEOUT_S} s") from None
        fmt = self.input_format
        for document in self.parse_bytes(data, url, "feed" if fmt == "auto" and _looks_like_feed(data) else fmt):
            if document.id == url and document.url is None:
                document = replace(document, url=url)
            yield document

    # -- whole-document formats ----------------------------------------------------------------------

    def parse_bytes(self, data: bytes, name: str, fmt: str) -> Iterator[Document]:
        if not data.strip():
            raise _Skip("empty file")
        if b"\x00" in data and not _is_utf16(data):
            raise _Skip("binary file (contains NUL bytes), not a text document")
        if fmt == "auto":
            fmt = sniff_format(data)
        if fmt == "feed":
            yield from self.parse_feed(data, name)
            return
        text = self.decode(data, name, html_charset=fmt == "html")
        if fmt == "jsonl":
            yield from self.parse_jsonl(io.BytesIO(data), name)
        elif fmt == "csv":
            yield from self.parse_csv(io.BytesIO(data), name, delimiter=None)
        elif fmt == "html":
            yield self.parse_html(text, name)
        else:
            text = normalise_text(text)
            if not text.strip():
                raise _Skip("empty file")
            yield Document(id=name, text=text, date=self.default_date, lang=guess_language(text), origin=name)

    def decode(self, data: bytes, name: str, html_charset: bool = False) -> str:
        """Decode with the chosen encoding (UTF-8 BOM stripped, UTF-16 BOM honoured); for HTML that is
        not UTF-8, the charset its <meta> declares is tried before giving up."""
        encoding = "utf-8-sig" if _is_utf8(self.encoding) else self.encoding
        if _is_utf16(data) and encoding == "utf-8-sig":
            encoding = "utf-16"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            declared = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:SNIFF_BYTES], re.IGNORECASE)
            if html_charset and declared:
                try:
                    return data.decode(declared.group(1).decode("ascii"))
                except (LookupError, UnicodeDecodeError):
                    pass
            line = data[: exc.start].count(b"\n") + 1
            raise _Skip(_decode_message(self.encoding, exc), line) from None

    def parse_html(self, text: str, name: str) -> Document:
        import trafilatura

        try:
            extracted = trafilatura.bare_extraction(
                text, with_metadata=True, include_comments=False, include_tables=False,
                date_extraction_params={"original_date": True, "extensive_search": False},
            )
        except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
            raise _Skip(f"malformed HTML: {exc}") from None
        body = extracted.text if extracted is not None else None
        if not body or not body.strip():
            body = html_to_text(text)  # pages too short for trafilatura's boilerplate model
        body = normalise_text(body or "")
        if not body.strip():
            raise _Skip("no extractable text in HTML")
        date = normalise_date(extracted.date) if extracted is not None else None
        return Document(
            id=name,
            text=body,
            date=date or self.default_date,
            title=(extracted.title if extracted is not None else None) or None,
            url=(extracted.url if extracted is not None else None) or None,
            lang=guess_language(body),
            origin=name,
        )

    def parse_feed(self, data: bytes, name: str) -> Iterator[Document]:
        import feedparser

        parsed = feedparser.parse(data)
        yield from self.feed_documents(parsed, name)

    def feed_documents(self, parsed, name: str) -> Iterator[Document]:
        entries = parsed.get("entries") or []
        if not entries:
            if parsed.get("bozo"):
                reason = parsed.get("bozo_exception")
                line = getattr(reason, "getLineNumber", lambda: None)()
                raise _Skip(f"malformed feed: {reason}", line)
            raise _Skip("feed has no entries")
        yielded = 0
        for number, entry in enumerate(entries, 1):
            link = entry.get("link") or None
            title = _clean_inline(entry.get("title") or "") or None
            text = _entry_text(entry) or title or ""
            if not text.strip():
                self.problem(name, None, f"feed entry {number} has no text")
                continue
            # the date as the feed wrote it (local date); feedparser's parsed times are converted to UTC
            date = normalise_date(entry.get("published") or entry.get("updated") or entry.get("created"))
            for key in ("published_parsed", "updated_parsed", "created_parsed"):
                if date is None and entry.get(key):
                    date = normalise_date(entry[key])
            yielded += 1
            yield Document(
                id=entry.get("id") or link or f"{name}#{number}",
                text=text,
                date=date or self.default_date,
                title=title,
                url=link,
                lang=guess_language(text),
                origin=name,
            )
        if not yielded and parsed.get("bozo"):
            raise _Skip(f"malformed feed: {parsed.get('bozo_exception')}")

    # -- record formats (streamed) -------------------------------------------------------------------

    def parse_jsonl(self, stream: BinaryIO, name: str) -> Iterator[Document]:
        empty = True
        for number, raw in _binary_lines(stream, self.max_bytes):
            if raw is None:
                empty = False
                self.problem(name, number, _too_large(self.max_bytes + 1, self.max_bytes, "record"))
                continue
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            empty = False
            try:
                line = raw.decode(self.encoding)
            except UnicodeDecodeError as exc:
                self.problem(name, number, _decode_message(self.encoding, exc))
                continue
            if "\x00" in line:
                self.problem(name, number, "binary data (NUL bytes) in the line")
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                self.problem(name, number, f"malformed JSON: {exc.msg} (column {exc.colno})")
                continue
            document = self.record_document(value, name, number)
            if document is not None:
                yield document
        if empty:
            raise _Skip("empty file")

    def parse_json(self, data: bytes, name: str) -> Iterator[Document]:
        """A .json file: one array of records or one record (any layout), else JSON lines."""
        if not data.strip():
            raise _Skip("empty file")
        try:
            value = json.loads(self.decode(data, name))
        except ValueError:
            yield from self.parse_jsonl(io.BytesIO(data), name)
            return
        if value == []:
            raise _Skip("no records (an empty JSON array)")
        for index, record in enumerate(value if isinstance(value, list) else [value], 1):
            document = self.record_document(record, name, None, index)
            if document is not None:
                yield document

    def record_document(self, record, name: str, line: int | None, index: int | None = None) -> Document | None:
        """A Document from one JSON record (at `line` of a JSONL file, or number `index` of an array)."""
        where = f"{name}#{line if line is not None else index}"
        prefix = "" if line is not None else f"record {index}: "
        if not isinstance(record, dict):
            self.problem(name, line, f"{prefix}expected a JSON object, got {type(record).__name__}")
            return None
        fields = {str(key).lower(): value for key, value in record.items()}
        text = _first(fields, TEXT_FIELDS)
        if not isinstance(text, str) or not text.strip():
            self.problem(name, line, f"{prefix}record has no text (looked for fields {', '.join(TEXT_FIELDS[:3])}, ...)")
            return None
        return self.make_record(fields, normalise_text(text), name, where)

    def make_record(self, fields: dict, text: str, name: str, where: str) -> Document:
        doc_id = _first(fields, ID_FIELDS)
        lang = _first(fields, LANG_FIELDS)
        title = _first(fields, TITLE_FIELDS)
        url = _first(fields, URL_FIELDS)
        return Document(
            id=str(doc_id) if doc_id not in (None, "") else where,
            text=text,
            date=normalise_date(_first(fields, DATE_FIELDS)) or self.default_date,
            title=str(title) if title else None,
            url=str(url) if url else None,
            lang=_normalise_lang(lang) if isinstance(lang, str) and lang.strip() else guess_language(text),
            origin=name,
        )

    def parse_csv(self, stream: BinaryIO, name: str, delimiter: str | None) -> Iterator[Document]:
        lines = self.csv_lines(stream, name)
        leading = []  # blank lines before the header, kept so that line numbers stay right
        header_line = next(lines, None)
        while header_line is not None and not header_line.strip():
            leading.append(header_line)
            header_line = next(lines, None)
        if header_line is None:
            raise _Skip("empty file")
        if delimiter is None:
            delimiter = max(",\t;|", key=header_line.count)
        reader = csv.reader(itertools.chain(leading, [header_line], lines), delimiter=delimiter)
        old_limit = csv.field_size_limit()
        csv.field_size_limit(max(self.max_bytes, old_limit))
        try:
            header: list[str] = []
            while not header:  # blank lines before the header
                try:
                    header = next(reader)
                except csv.Error as exc:
                    raise _Skip(f"malformed CSV header: {exc}", reader.line_num) from None
            columns = [column.strip().lower() for column in header]
            if not any(field in columns for field in TEXT_FIELDS):
                raise _Skip(
                    f"no text column in the header (has: {', '.join(columns)}; expected one of "
                    f"{', '.join(TEXT_FIELDS[:3])}, ...)", reader.line_num)
            previous_end = reader.line_num
            rows_seen = 0
            while True:
                start = previous_end + 1
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    raise _Skip(f"malformed CSV: {exc}", reader.line_num) from None
                previous_end = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                rows_seen += 1
                if len(row) != len(columns):
                    self.problem(name, start, f"row has {len(row)} fields, the header has {len(columns)}")
                    continue
                fields = {}
                for column, value in zip(columns, row):
                    fields.setdefault(column, value)
                text = _first(fields, TEXT_FIELDS)
                if not text or not text.strip():
                    self.problem(name, start, "row has no text")
                    continue
                yield self.make_record(fields, normalise_text(text), name, f"{name}#{start}")
            if not rows_seen:
                raise _Skip("no rows after the header")
        finally:
            csv.field_size_limit(old_limit)

    def csv_lines(self, stream: BinaryIO, name: str) -> Iterator[str]:
        """Decoded lines for the csv module. A line that cannot be
        decoded, holds NUL bytes or is over the size limit ends the file (it names the line): a
        table in the wrong encoding is wrong throughout, and a quoted field cannot be resumed."""
        for number, raw in _binary_lines(stream, self.max_bytes):
            if raw is None:
                raise _Skip(_too_large(self.max_bytes + 1, self.max_bytes, "line"), number)
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if b"\x00" in raw:
                raise _Skip("binary data (NUL bytes), not a text table", number)
            try:
                line = raw.decode(self.encoding)
            except UnicodeDecodeError as exc:
                raise _Skip(_decode_message(self.encoding, exc), number) from None
            if "\r" in line.rstrip("\r\n"):  # old Mac line ends ("\r" alone): one csv line each
                yield from _BARE_CR.split(line)
            else:
                yield line


# ---------------------------------------------------------------------------------------------------
# helpers


def sniff_format(data: bytes) -> str:
    """Guess text/html/jsonl/feed from the first bytes of a document with no telling file name."""
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        if b"<html" in head and b"<rss" not in head and b"<feed" not in head:
            return "html"
        return "feed"
    if head.startswith(b"<!doctype html") or head.startswith(b"<html") or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        first_line = head.split(b"\n", 1)[0]
        try:
            value = json.loads(first_line)
        except ValueError:
            return "text"
        if isinstance(value, dict) and any(key.lower() in TEXT_FIELDS for key in value):
            return "jsonl"
    return "text"


def _looks_like_feed(data: bytes) -> bool:
    head = data[:SNIFF_BYTES].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def normalise_text(text: str) -> str:
    """Strip a BOM and turn \\r\\n and \\r into \\n; the text is otherwise kept as it is."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")], 1)
    for name in names
}
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:\d{4,6})?\s*$")  # GDELT style 20250507[HHMMSS]
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def normalise_date(value) -> str | None:
    """An ISO "YYYY-MM-DD" from the usual shapes of a date, or None when it cannot be read.

    Accepts ISO dates and timestamps ("2025-05-07", "2025-05-07T10:00:00Z": the date as written),
    "May 7, 2025", "7 May 2025", RFC 822 ("Wed, 07 May 2025 10:00:00 GMT"), "20250507",
    datetime/date objects, time.struct_time and Unix timestamps in seconds.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if 0 < value < 1e11:  # seconds since 1970 (up to year 5138)
            return dt.datetime.fromtimestamp(value, dt.timezone.utc).date().isoformat()
        if 1e11 <= value < 1e14:  # milliseconds
            return dt.datetime.fromtimestamp(value / 1000, dt.timezone.utc).date().isoformat()
        return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if match := _ISO.match(text):
        return _valid(*map(int, match.groups()))
    if match := _COMPACT.match(text):
        return _valid(*map(int, match.groups()))
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    if match := _MONTH_DAY_YEAR.search(text):
        month = _MONTHS.get(match.group(1).lower())
        if month:
            return _valid(int(match.group(3)), month, int(match.group(2)))
    if match := _DAY_MONTH_YEAR.search(text):
        month = _MONTHS.get(match.group(2).lower())
        if month:
            return _valid(int(match.group(3)), month, int(match.group(1)))
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


class _TextCollector(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
              "blockquote", "pre", "table", "ul", "ol", "header", "footer"}
    SKIP = {"script", "style", "noscript", "template", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment (feed summaries, short pages): tags dropped, blocks on lines."""
    if "<" not in markup:
        return html.unescape(markup).strip()
    collector = _TextCollector()
    try:
        collector.feed(markup)
        collector.close()
    except Exception:  # HTMLParser is lenient; this is a last guard against odd markup
        pass
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _entry_text(entry) -> str:
    contents = [item.get("value", "") for item in entry.get("content") or [] if item.get("value")]
    markup = max(contents, key=len) if contents else entry.get("summary") or entry.get("description") or ""
    return normalise_text(html_to_text(markup))


def _clean_inline(text: str) -> str:
    return re.sub(r"\s+", " ", html_to_text(text)).strip()


def _first(fields: dict, names: tuple[str, ...]):
    for name in names:
        value = fields.get(name)
        if value not in (None, ""):
            return value
    return None


def _normalise_lang(lang: str) -> str:
    return re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]


def _is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name == "utf-8"


def _is_utf16(data: bytes) -> bool:
    return data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _decode_message(encoding: str, exc: UnicodeDecodeError) -> str:
    byte = exc.object[exc.start: exc.start + 1].hex() if exc.object else "?"
    if _is_utf8(encoding):
        return f"not UTF-8 (byte 0x{byte}); re-encode it as UTF-8 or pass --encoding (e.g. --encoding latin-1)"
    return f"cannot decode as {encoding} (byte 0x{byte}); pass the right --encoding"


def _too_large(size: int, limit: int, what: str = "file") -> str:
    mb = 1024 * 1024
    return f"{what} too large ({size / mb:.1f} MB > {limit / mb:.1f} MB limit), split it or raise --max-bytes"


def _read_limited(stream: BinaryIO, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _Skip(f"file too large (more than the {limit / 1024 / 1024:.1f} MB limit), "
                    "split it or raise --max-bytes")
    return data


def _open_binary(path: Path, compressed: bool) -> BinaryIO:
    return gzip.open(path, "rb") if compressed else open(path, "rb")


_BARE_CR = re.compile(r"(?<=\r)(?!\n)(?=.)", re.DOTALL)


def _binary_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None instead of bytes for a line longer than `limit`, which
    is skipped without being held in memory."""
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line, a chunk at a time
                raw = stream.readline(1 << 20)
            yield number, None
        else:
            yield number, raw

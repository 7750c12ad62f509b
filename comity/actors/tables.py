"""Loaders for the actor tables in comity/data/actors/ (one small reader per file format).

Every table is TSV with '#' comments; a phrase list is '|'-separated; a phrase written "=US" must
match with exactly that case (otherwise proper names need a capital first letter, role words match
in any case). A malformed line raises TableError naming the file and line.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .text import phrase_key, phrase_raw

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"
SECTOR_NONE = "-"


class TableError(ValueError):
    """A malformed line in an actor table."""


@dataclass(frozen=True)
class Term:
    """One dated holding: an office term, or a group's status over a period."""

    person: str | None  # office holder's name; None for an organisation's own dated row
    code: str
    sector: str | None
    role: str
    start: str  # ISO date, inclusive; "" = open
    end: str  # ISO date, exclusive (the day the successor takes over); "" = still in office
    source: str  # file:line


@dataclass(frozen=True)
class Entry:
    """One phrase of a table and what it resolves to."""

    raw: tuple[str, ...]  # tokens as written in the table
    key: tuple[str, ...]  # normal forms (see text.py)
    guard: str  # "exact" | "cap" | "any"
    kind: str  # country, demonym, metonym, institution, igo, group, person, role, block
    code: str | None
    sector: str | None
    how: str
    source: str
    terms: tuple[Term, ...] = ()  # dated resolutions (office holders, groups that changed status)
    role_kind: str = ""  # for roles: inst | person | posted | generic | mod


@dataclass(frozen=True)
class CodeInfo:
    """The canonical actor behind a code."""

    code: str
    country: str | None
    sector: str | None
    name: str


def rows(path: Path, ncols: int, min_cols: int | None = None):
    """(line number, fields) for each data line; pads optional trailing columns with ''."""
    min_cols = ncols if min_cols is None else min_cols
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = [f.strip() for f in line.split("\t")]
            if not min_cols <= len(fields) <= ncols:
                raise TableError(f"{path}:{lineno}: expected {min_cols}-{ncols} tab-separated columns, got {len(fields)}")
            yield lineno, fields + [""] * (ncols - len(fields))


def phrases(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def make_entry(phrase: str, default_guard: str, where: str, **fields) -> Entry:
    guard = default_guard
    if phrase.startswith("="):
        phrase, guard = phrase[1:], "exact"
    key = phrase_key(phrase)
    if not key:
        raise TableError(f"{where}: phrase {phrase!r} has no words")
    return Entry(raw=phrase_raw(phrase), key=key, guard=guard, source=where, **fields)


def iso(value: str, *, end: bool, where: str) -> str:
    """'2015' / '2015-08' / '2015-08-10' -> a full ISO date; open ends stay ''."""
    if value in ("", "-", "null"):
        return ""
    parts = value.split("-")
    if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4):
        raise TableError(f"{where}: bad date {value!r} (want YYYY, YYYY-MM or YYYY-MM-DD)")
    try:
        date.fromisoformat("-".join(parts + ["01"] * (3 - len(parts))))
    except ValueError:
        raise TableError(f"{where}: bad date {value!r} (not a calendar date)") from None
    if len(parts) == 3:
        return value
    if end:  # a partial end date means "during that year/month": end after it
        return f"{parts[0]}-12-31" if len(parts) == 1 else f"{value}-31"
    return f"{parts[0]}-01-01" if len(parts) == 1 else f"{value}-01"


def sector(cell: str) -> str | None:
    return None if cell in ("", SECTOR_NONE) else cell


# ---- one reader per table -------------------------------------------------------------------

def read_countries(path: Path):
    """countries.tsv: code, name, aliases, demonyms, note -> (CodeInfo list, Entry list)."""
    infos, entries = [], []
    for lineno, (code, name, aliases, demonyms, _note) in rows(path, 5, 2):
        where = f"{path.name}:{lineno}"
        infos.append(CodeInfo(code, code, "GOV", name))
        for phrase in [name, *phrases(aliases)]:
            entries.append(make_entry(phrase, "cap", where, kind="country", code=code, sector="GOV",
                                      how=f"country name {phrase.lstrip('=')!r}"))
        for phrase in phrases(demonyms):
            for form in demonym_forms(phrase):
                entries.append(make_entry(form, "cap", where, kind="demonym", code=code, sector=None,
                                          how=f"demonym {form!r}"))
    return infos, entries


def demonym_forms(word: str) -> list[str]:
    """'Pakistani' -> ['Pakistani', 'Pakistanis']; words like 'Chinese', 'British' have no plural."""
    if word.startswith("=") or word.endswith(("ese", "ish", "ch", "ss", "sy", "o", "Lao", "Thai", "i-Kiribati")):
        return [word]
    return [word, word + "s"]


def read_organisations(path: Path, kind: str):
    """igos.tsv / groups.tsv: code, country, sector, name, aliases, start, end, note.

    A code may have several rows with dates (a group that became a government); the first row of a
    code gives its canonical actor.
    """
    infos: dict[str, CodeInfo] = {}
    by_phrase: dict[str, list] = {}
    for lineno, (code, country, sec, name, aliases, start, end, note) in rows(path, 8, 5):
        where = f"{path.name}:{lineno}"
        infos.setdefault(code, CodeInfo(code, sector(country), sector(sec), name))
        term = Term(None, code, sector(sec), note or name, iso(start, end=False, where=where),
                    iso(end, end=True, where=where), where) if (start or end) else None
        for phrase in [name, *phrases(aliases)]:
            by_phrase.setdefault(phrase, []).append((code, sector(sec), term, where, note))
    entries = []
    for phrase, uses in by_phrase.items():
        code, sec, _term, where, note = uses[0]
        terms = tuple(u[2] for u in uses if u[2])
        how = f"{kind} {phrase.lstrip('=')!r}" + (f" ({note})" if note and not terms else "")
        entries.append(make_entry(phrase, "cap", where, kind=kind, code=code, sector=sec, how=how, terms=terms))
    return list(infos.values()), entries


def read_phrase_table(path: Path, kind: str):
    """metonyms.tsv / institutions.tsv: phrases, code, sector, note."""
    entries = []
    for lineno, (cell, code, sec, note) in rows(path, 4, 3):
        where = f"{path.name}:{lineno}"
        for phrase in phrases(cell):
            how = f"{kind} {phrase.lstrip('=')!r}" + (f": {note}" if note else "")
            entries.append(make_entry(phrase, "cap", where, kind=kind, code=code, sector=sector(sec), how=how))
    return entries


def read_blocks(path: Path):
    """not_actors.tsv: phrases that contain an actor name but name no actor ("Washington Post")."""
    entries = []
    for lineno, (cell, note) in rows(path, 2, 1):
        where = f"{path.name}:{lineno}"
        for phrase in phrases(cell):
            entries.append(make_entry(phrase, "any", where, kind="block", code=None, sector=None,
                                      how=f"not an actor: {note}"))
    return entries


ROLE_KINDS = {"inst", "person", "posted", "generic", "mod"}


def read_roles(path: Path):
    """roles.tsv: phrases, sector, kind (inst | person | posted | generic | mod). Plurals are derived."""
    entries = []
    for lineno, (cell, sec, role_kind) in rows(path, 3):
        where = f"{path.name}:{lineno}"
        if role_kind not in ROLE_KINDS:
            raise TableError(f"{where}: role kind {role_kind!r} is not one of {sorted(ROLE_KINDS)}")
        for phrase in phrases(cell):
            for form in role_forms(phrase, role_kind):
                entries.append(make_entry(form, "any", where, kind="role", code=None, sector=sector(sec),
                                          how=f"role {form!r}", role_kind=role_kind))
    return entries


def role_forms(phrase: str, role_kind: str) -> list[str]:
    """A role phrase and its regular plural ('minister' -> 'ministers', 'ministry' -> 'ministries')."""
    if role_kind == "mod" or phrase.endswith("s") or phrase.isupper():
        return [phrase]
    if phrase.endswith("man"):
        return [phrase, phrase[:-3] + "men"]
    if phrase.endswith("y") and phrase[-2:-1] not in "aeiou":
        return [phrase, phrase[:-1] + "ies"]
    if phrase.endswith(("ch", "sh", "x")):
        return [phrase, phrase + "es"]
    return [phrase, phrase + "s"]


def read_office_holders(path: Path):
    """office_holders.tsv: name, aliases, code, sector, role, start, end (one row per term).

    Aliases may be given on any row of a person; every alias resolves over all the terms of all the
    people who carry it, by the document date.
    """
    terms_by_person: dict[str, list[Term]] = {}
    aliases_by_person: dict[str, list[str]] = {}
    first_line: dict[str, str] = {}
    for lineno, (name, aliases, code, sec, role, start, end) in rows(path, 7, 6):
        where = f"{path.name}:{lineno}"
        if not name or not code:
            raise TableError(f"{where}: name and code are required")
        term = Term(name, code, sector(sec), role, iso(start, end=False, where=where), iso(end, end=True, where=where), where)
        terms_by_person.setdefault(name, []).append(term)
        first_line.setdefault(name, where)
        names = aliases_by_person.setdefault(name, [name])
        names.extend(a for a in phrases(aliases) if a not in names)
    people_by_alias: dict[str, list[str]] = {}
    for person, names in aliases_by_person.items():
        for alias in names:
            people_by_alias.setdefault(alias, []).append(person)
    entries = []
    for alias, people in people_by_alias.items():
        terms = tuple(t for p in people for t in terms_by_person[p])
        entries.append(make_entry(alias, "cap", first_line[people[0]], kind="person", code=terms[0].code,
                                  sector=terms[0].sector, how=f"office holder {alias.lstrip('=')!r}", terms=terms))
    return entries


WORD_LISTS = ("former", "stance_prefix", "place_suffix", "name_stop", "weapon")


def read_word_lists(path: Path) -> dict[str, frozenset[str]]:
    """function_words.tsv: list name, space-separated words."""
    lists: dict[str, frozenset[str]] = {}
    for lineno, (name, words) in rows(path, 2):
        if name not in WORD_LISTS:
            raise TableError(f"{path.name}:{lineno}: unknown word list {name!r} (expected one of {', '.join(WORD_LISTS)})")
        lists[name] = frozenset(words.split())
    missing = [n for n in WORD_LISTS if n not in lists]
    if missing:
        raise TableError(f"{path.name}: missing word lists {', '.join(missing)}")
    return lists

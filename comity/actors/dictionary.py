"""ActorDictionary: finds the political actors named in a text and resolves them to Actor records.

Matching runs in two steps over one tokenisation of the text:
1. anchors: the longest table phrase starting at each token (countries, demonyms, capitals and seats
   of power, institutions, IGOs, armed groups, office holders; "not an actor" phrases swallow their
   words), case guards applied;
2. titles: an anchor grows over the role words around it ("Russian Foreign Ministry spokesperson
   Maria Zakharova", "Prime Minister Nawaz Sharif", "US ambassador to India", "the Foreign Minister
   of Pakistan"), which also decide its sector (army -> MIL, police -> COP, ministry -> GOV ...).
Office holders resolve by the document date (see office_holders.tsv for the convention).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, NamedTuple

from ..records import Actor, ActorMention
from . import tables
from .tables import CodeInfo, Entry, TableError
from .terms import document_day, pick_term, term_span
from .text import WORD_RE, Token, fold, fold_word, phrase_key, tokenize

# Among entries sharing a phrase, the first kind listed wins (exact-case entries before all).
KIND_PRIORITY = ("block", "person", "institution", "igo", "group", "metonym", "country", "demonym")
PERSONLIKE_ROLES = ("person", "posted", "generic")
FOREIGN_SECTORS = frozenset({"GOV", "MIL", "SPY", None})  # bodies that may act abroad
MAX_NAME_WORDS = 4
ROLE_MEMO_SIZE = 50_000
TABLES = ("countries.tsv", "igos.tsv", "groups.tsv", "metonyms.tsv", "institutions.tsv", "office_holders.tsv",
          "roles.tsv", "not_actors.tsv", "function_words.tsv")
ELITE = "ELI"  # PLOVER sector for people out of office
# a title in the text that puts an office holder outside government ("opposition leader Benazir
# Bhutto", read with no date): the text's word wins over the table's term
OUTSIDE_GOVERNMENT_TITLES = frozenset({"OPP", "REB"})


class Match(NamedTuple):
    """A mention plus where in the token list it lies and which table line produced it."""

    tok_start: int
    tok_end: int
    mention: ActorMention
    source: str
    demonym: bool = False  # a nationality word, alone or with roles
    is_title: bool = False  # demonym/country plus role words, no person


class ActorDictionary:
    """Phrase tables indexed for fast longest-match lookup. Build with load() or default_dictionary()."""

    def __init__(self, entries: Iterable[Entry], codes: Iterable[CodeInfo], words: dict[str, frozenset[str]]):
        self._words = words
        self._codes: dict[str, CodeInfo] = {}
        for info in codes:
            self._codes.setdefault(info.code, info)
        ordered = sorted(entries, key=lambda e: (e.guard != "exact", KIND_PRIORITY.index(e.kind) if e.kind in KIND_PRIORITY else 99))
        self._index: dict[tuple[str, ...], list[Entry]] = {}
        self._roles: dict[tuple[str, ...], list[Entry]] = {}
        self._role_sector_memo: dict[str, str | None] = {}  # role_sector runs on most words the coder reads
        self._actor_memo: dict[tuple[str, str | None], Actor] = {}  # (code, sector) -> Actor, made once
        for entry in ordered:
            self._check_codes(entry)
            (self._roles if entry.kind == "role" else self._index).setdefault(entry.key, []).append(entry)
        # One-word role nouns that can stand as a generic actor ("police", "rebels", "minister").
        self._role_words = frozenset(k[0] for k, es in self._roles.items()
                                     if len(k) == 1 and any(e.sector and e.role_kind in ("inst", "person")
                                                            for e in es))
        self._lengths = _lengths_by_first(self._index)
        self._role_lengths = _lengths_by_first(self._roles)
        self._pairs = _first_pairs(self._index)
        self._role_pairs = _first_pairs(self._roles)
        self._multiword_role_heads = frozenset(k[-1] for k in self._roles if len(k) > 1)
        anchors = [e for es in self._index.values() for e in es if e.kind != "block"]
        # Every word of a phrase must occur for it to match, so one telling word per phrase suffices;
        # it must occur as written (exact phrases), capitalised (proper names) or in any case.
        telling: dict[str, set[str]] = {"exact": set(), "cap": set(), "any": set()}
        for e in anchors:
            how, word = _telling_word(e)
            telling[how].add(word)
        self._exact_words = frozenset(telling["exact"])
        self._cap_words = frozenset(telling["cap"])
        self._any_words = frozenset(telling["any"])

    @classmethod
    def load(cls, directory: Path | str = tables.DATA_DIR) -> "ActorDictionary":
        """Read every table in a directory laid out like comity/data/actors/."""
        d = Path(directory)
        for name in TABLES:
            if not (d / name).is_file():
                raise TableError(f"{d / name}: actor table missing")
        country_infos, entries = tables.read_countries(d / "countries.tsv")
        igo_infos, igo_entries = tables.read_organisations(d / "igos.tsv", "igo")
        group_infos, group_entries = tables.read_organisations(d / "groups.tsv", "group")
        entries += igo_entries + group_entries
        entries += tables.read_phrase_table(d / "metonyms.tsv", "metonym")
        entries += tables.read_phrase_table(d / "institutions.tsv", "institution")
        entries += tables.read_office_holders(d / "office_holders.tsv")
        entries += tables.read_roles(d / "roles.tsv")
        entries += tables.read_blocks(d / "not_actors.tsv")
        return cls(entries, country_infos + igo_infos + group_infos, tables.read_word_lists(d / "function_words.tsv"))

    def _check_codes(self, entry: Entry) -> None:
        for code in [entry.code, *(t.code for t in entry.terms)]:
            if code is not None and code not in self._codes:
                raise TableError(f"{entry.source}: unknown actor code {code!r}")

    # ---- public interface --------------------------------------------------------------------

    def actor(self, code: str) -> Actor:
        """The canonical actor for a code: "IND" -> Actor("IND", "IND", "GOV", "India"). KeyError if unknown."""
        info = self._codes[code]
        return Actor(info.code, info.country, info.sector, info.name)

    def name(self, code: str) -> str:
        return self._codes[code].name

    def codes(self) -> list[str]:
        return sorted(self._codes)

    def role_sector(self, word: str) -> str | None:
        """Sector a role noun implies: "army" -> "MIL", "spokesperson" -> "GOV"; None if not a role."""
        try:
            return self._role_sector_memo[word]
        except KeyError:
            pass
        key = phrase_key(word)
        while key and key[0] in ("the", "its", "their", "his", "her", "a", "an"):
            key = key[1:]
        entries = self._roles.get(key)
        sector = entries[0].sector if entries else None
        if len(self._role_sector_memo) >= ROLE_MEMO_SIZE:
            self._role_sector_memo.clear()
        self._role_sector_memo[word] = sector
        return sector

    def takes_body_sector(self, word: str) -> bool:
        """A person word that takes the sector of the body it belongs to ("leaders" of a party,
        "spokesperson" of the army: roles.tsv kind `generic`)."""
        entries = self._roles.get(phrase_key(word))
        return bool(entries) and entries[0].role_kind == "generic"

    def multiword_role_heads(self) -> frozenset[str]:
        """Last words of the multi-word role phrases ("group" of "human rights group", "leaders" of
        "opposition leaders"): only after these is a multi-word role look-up worth making."""
        return self._multiword_role_heads

    def word_list(self, name: str) -> frozenset[str]:
        """A function_words.tsv list ("former", "weapon", ...); empty when the tables have none."""
        return self._words.get(name, frozenset())

    def may_contain_actor(self, text: str) -> bool:
        """Cheap prefilter: False only when find() is sure to return nothing."""
        words = WORD_RE.findall(text)
        if not self._exact_words.isdisjoint(words):
            return True
        if not self._cap_words.isdisjoint([fold_word(w) for w in words if w[0].isupper()]):
            return True
        return bool(self._any_words) and not self._any_words.isdisjoint(WORD_RE.findall(fold(text)))

    def may_contain_role(self, text: str) -> bool:
        """Cheap check: does the text hold a role noun that can name a generic actor on its own
        ("Police arrested protesters", "Rebels seized the town")?"""
        return not self._role_words.isdisjoint(WORD_RE.findall(fold(text)))

    def find(self, text: str, date: str | None = None) -> list[ActorMention]:
        """Actor mentions in text: sorted, non-overlapping, longest match wins, char offsets into text."""
        return [m.mention for m in self._matches(text, date)]

    def explain(self, phrase: str, date: str | None = None) -> list[dict]:
        """Each mention in phrase with its actor, how it resolved and the table line behind it."""
        out = []
        for m in self._matches(phrase, date):
            a = m.mention.actor
            out.append({"text": m.mention.text, "code": a.code, "country": a.country, "sector": a.sector,
                        "name": a.name, "how": m.mention.how, "source": m.source,
                        "start": m.mention.start, "end": m.mention.end})
        return out

    # ---- matching ----------------------------------------------------------------------------

    def _matches(self, text: str, date: str | None) -> list[Match]:
        toks = tokenize(text)
        keys = [t.key for t in toks]
        anchors = self._anchors(toks, keys)
        by_start = {a[0]: a for a in anchors}
        day = document_day(date)
        out: list[Match] = []
        done = 0  # tokens before this index belong to earlier mentions
        for start, end, entry in anchors:
            if start < done:
                continue
            match = self._compose(text, toks, keys, start, end, entry, by_start, done, day)
            if match is not None:
                out.append(match)
                done = match.tok_end
        return self._share_roles(text, out)

    def _share_roles(self, text: str, matches: list[Match]) -> list[Match]:
        """'Hungarian and Romanian officials': a bare demonym coordinated with a titled one of the
        same kind takes its sector."""
        for i in range(len(matches) - 2, -1, -1):
            a, b = matches[i], matches[i + 1]
            if a.mention.actor.sector is None and b.mention.actor.sector is not None and b.is_title:
                gap = text[a.mention.end:b.mention.start].strip()
                if gap in (",", "and", "or", "&", ", and") and a.demonym:
                    actor = Actor(a.mention.actor.code, a.mention.actor.country, b.mention.actor.sector, a.mention.actor.name)
                    mention = ActorMention(a.mention.start, a.mention.end, a.mention.text, actor,
                                           f"{a.mention.how}; shares the role of {b.mention.text!r}")
                    matches[i] = Match(a.tok_start, a.tok_end, mention, a.source, a.demonym, True)
        return matches

    def _anchors(self, toks: list[Token], keys: list[str]) -> list[tuple[int, int, Entry]]:
        found, free = [], 0  # tokens before `free` belong to the last phrase found
        lengths = self._lengths
        for i in [i for i, key in enumerate(keys) if key in lengths]:  # most words start no phrase
            if i < free:
                continue
            hit = self._longest(self._index, lengths, self._pairs, toks, keys, i)
            if hit is None:
                continue
            if hit[2].kind != "block":
                found.append(hit)
            free = hit[1]
        return found

    @staticmethod
    def _longest(index, lengths, pairs, toks, keys, i):
        """(i, end, entry) for the longest phrase of `index` at token i whose guard holds, or None."""
        paired = tuple(keys[i:i + 2]) in pairs  # else only a one-word phrase can start here
        for length in lengths.get(keys[i], ()):
            if i + length > len(keys) or length > 1 and not paired:
                continue
            for entry in index.get(tuple(keys[i:i + length]), ()):
                if _guard_ok(entry, toks, i):
                    return i, i + length, entry
        return None

    def _roles_at(self, toks, keys, i, stop: int | None = None, text: str | None = None):
        """Consecutive role phrases starting at token i (trailing modifiers dropped).

        With text given, the chain also stops where the words are not joined (see _joined)."""
        roles, n = [], len(keys) if stop is None else stop
        if i >= n or keys[i] not in self._role_lengths:  # most words start no role phrase
            return roles
        while i < n:
            if text is not None and roles and not _joined(text, toks, i):
                break
            hit = self._longest(self._roles, self._role_lengths, self._role_pairs, toks, keys, i)
            if hit is None or hit[1] > n or text is not None and not all(_joined(text, toks, k) for k in range(i + 1, hit[1])):
                break
            roles.append(hit)
            i = hit[1]
        while roles and roles[-1][2].role_kind == "mod":
            roles.pop()
        return roles

    def _roles_before(self, text, toks, keys, i, floor: int, apposition: bool = False):
        """Role phrases ending right before token i (joined to it), no earlier than token floor."""
        if i == 0 or not _joined(text, toks, i, apposition):
            return []
        for first in range(max(floor, i - 8), i):
            roles = self._roles_at(toks, keys, first, stop=i, text=text)
            if roles and roles[-1][1] == i:
                return roles
        return []

    def _compose(self, text, toks, keys, start, end, entry, by_start, done, day) -> Match | None:
        if start > done and keys[start - 1] in self._words["stance_prefix"] and text[toks[start].start - 1] == "-":
            return None
        if end < len(keys) and keys[end] in self._words["place_suffix"] and text[toks[end].start - 1] == "-":
            return None
        if entry.kind == "person":
            return self._compose_person(text, toks, keys, start, end, entry, done, day)
        n = len(keys)
        roles = self._roles_at(toks, keys, end, text=text) if end < n and _joined(text, toks, end) else []
        first, last = start, (roles[-1][1] if roles else end)
        notes = []
        # "the Foreign Minister of Pakistan"; "rebels in Syria" (only domestic sectors take "in":
        # "the embassy in Islamabad" is not Pakistan's)
        if entry.kind in ("country", "igo") and not roles:
            of_at = start - 2 if start >= 2 and keys[start - 1] == "the" else start - 1
            if of_at > done and keys[of_at] in ("of", "in"):
                left = self._roles_before(text, toks, keys, of_at, done)
                if left and (keys[of_at] == "of" or all(r[2].sector not in FOREIGN_SECTORS and r[2].role_kind != "posted" for r in left)):
                    roles, first = left, left[0][0]
        # "US ambassador to India"
        if roles and roles[-1][2].role_kind == "posted" and last + 1 < n and keys[last] == "to" and _joined(text, toks, last) and _joined(text, toks, last + 1):
            posted = by_start.get(last + 1)
            if posted and posted[2].kind in ("country", "metonym", "igo"):
                notes.append(f"posted to {posted[2].code}")
                last = posted[1]
        person = None
        possessive = len(toks[end - 1].raw) < toks[end - 1].end - toks[end - 1].start
        # a person whose alias starts with a title word the roles took ("General Asim Munir")
        inside = None
        if last > end:  # only roles or a posting take a mention past its anchor
            inside = next((p for p in range(end, last) if p in by_start and by_start[p][2].kind == "person"), None)
        if inside is not None:
            roles = [r for r in roles if r[1] <= inside]
            name_end = last = inside
        else:
            name_end = self._name_words(text, toks, keys, last, by_start) if roles else last
        nxt = by_start.get(name_end)
        if nxt and nxt[2].kind == "person" and name_end > last and \
                not _may_be_given_name(toks[last].raw, nxt[2]):
            name_end, nxt = nxt[1], None  # "businessman Pedro Collor" is not President Fernando Collor
        if nxt and nxt[2].kind == "person" and (
                roles and _joined(text, toks, nxt[0], apposition=True)
                or _joined(text, toks, nxt[0]) and (possessive or self._same_actor(entry, nxt[2]))):
            person, last = nxt, nxt[1]
        elif roles and roles[-1][2].role_kind in PERSONLIKE_ROLES and name_end > last:
            notes.append(f"name {text[toks[last].start:toks[name_end - 1].end]!r} not in the tables")
            last = name_end
        former = first > done and keys[first - 1] in self._words["former"] and (
            person is not None or any(r[2].role_kind in PERSONLIKE_ROLES for r in roles))
        if former:
            first -= 1
        role_text = " + ".join(f"role {text[toks[a].start:toks[b - 1].end]!r}" for a, b, _e in roles) if roles else ""
        if person is not None:
            actor, how = self._resolve_person(person[2], day, former, [r[2] for r in roles])
            how = f"{how}; titled {text[toks[first].start:toks[person[0] - 1].end]!r}"
            source = person[2].source
        else:
            term, status = pick_term(entry.terms, day) if entry.terms else (None, "")
            code = term.code if term else entry.code
            base_sector = term.sector if term else entry.sector
            sector = ELITE if former else _title_sector(entry, base_sector, [r[2] for r in roles])
            actor = self._actor(code, sector)
            how = " + ".join(filter(None, (entry.how, role_text)))
            if term is not None:
                how += f"; dated row {term_span(term)} applies ({term.role})"
            if former:
                how += "; 'former': out of office, sector ELI"
            source = entry.source
        if notes:
            how += "; " + "; ".join(notes)
        mention = ActorMention(toks[first].start, toks[last - 1].end, text[toks[first].start:toks[last - 1].end], actor, how)
        return Match(first, last, mention, source, demonym=entry.kind == "demonym",
                     is_title=entry.kind == "demonym" and bool(roles) and person is None)

    def _compose_person(self, text, toks, keys, start, end, entry, done, day) -> Match:
        first = start
        title: list = []
        # "Prime Minister Modi"; "Foreign Minister Sergey Lavrov" (a first name the table lacks)
        for k in range(start, max(done, start - 2) - 1, -1):
            if k < start and not (toks[k].raw[:1].isupper() and keys[k] not in self._words["name_stop"]):
                break
            left = self._roles_before(text, toks, keys, k, done, apposition=k == start)
            if left:
                first, title = left[0][0], [r[2] for r in left]
                break
        # "Modi government", "Trump administration"
        right = self._roles_at(toks, keys, end, text=text) if end < len(keys) and _joined(text, toks, end) else []
        right = right[:1] if right and right[0][2].role_kind == "inst" else []
        last = right[-1][1] if right else end
        former = first > done and keys[first - 1] in self._words["former"]
        if former:
            first -= 1
        actor, how = self._resolve_person(entry, day, former, title)
        if first < start:
            how += f"; titled {text[toks[first].start:toks[start - 1].end]!r}"
        mention = ActorMention(toks[first].start, toks[last - 1].end, text[toks[first].start:toks[last - 1].end], actor, how)
        return Match(first, last, mention, entry.source)

    def _same_actor(self, anchor: Entry, person: Entry) -> bool:
        """'UN Secretary-General' + 'António Guterres', "Pakistan's" + 'Shehbaz Sharif': one actor."""
        codes = {anchor.code, *(t.code for t in anchor.terms)}
        return any(t.code in codes or self._codes[t.code].country in codes for t in person.terms)

    def _name_words(self, text, toks, keys, i, by_start) -> int:
        """End of the capitalised name words after a title (stops at a known anchor)."""
        j = i
        while j < len(toks) and j - i < MAX_NAME_WORDS and j not in by_start:
            tok = toks[j]
            gap = text[toks[j - 1].end:tok.start]
            initial = len(toks[j - 1].raw) == 1 and gap.strip() == "."
            if not (tok.raw[:1].isupper() and keys[j] not in self._words["name_stop"] and (_joined(text, toks, j) or initial)):
                break
            j += 1
        return j

    def _resolve_person(self, entry: Entry, day: str | None, former: bool, title=()) -> tuple[Actor, str]:
        term, status = pick_term(entry.terms, day)
        in_office = status in ("in office", "latest term (no date given)")
        sector = term.sector if in_office and not former else ELITE
        how = f"office holder {term.person} ({term.role} {term_span(term)}): {status}"
        if former and in_office:
            how += "; called 'former': sector ELI"
        elif not in_office:
            how += ", sector ELI"
        outside = next((r.sector for r in reversed(title) if r.sector in OUTSIDE_GOVERNMENT_TITLES), None)
        if outside and not former and sector != outside:
            sector = outside
            how += f"; the title says {outside}"
        return self._actor(term.code, sector), how

    def _actor(self, code: str, sector: str | None) -> Actor:
        actor = self._actor_memo.get((code, sector))
        if actor is None:
            info = self._codes[code]
            actor = self._actor_memo[code, sector] = Actor(info.code, info.country, sector, info.name)
        return actor


COMMON_WORDS = frozenset("the of and a an al el e i to for in on de la".split())


def _telling_word(entry: Entry) -> tuple[str, str]:
    """(how, word) the prefilter looks for: the first word of a capitalised token of a proper name
    (not "The"), the first token of an exact phrase, else the first uncommon word in any case."""
    if entry.guard == "exact":
        return "exact", WORD_RE.match(entry.raw[0]).group()
    if entry.guard == "cap":
        capitalised = [fold(WORD_RE.match(raw).group()) for raw in entry.raw if raw[:1].isupper()]
        if capitalised:
            return "cap", next((w for w in capitalised if w not in COMMON_WORDS), capitalised[0])
    words = [w for t in entry.key for w in WORD_RE.findall(t)]
    return "any", next((w for w in words if w not in COMMON_WORDS), words[0])


def _lengths_by_first(index: dict[tuple[str, ...], list[Entry]]) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for key in index:
        lengths.setdefault(key[0], set()).add(len(key))
    return {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}


def _first_pairs(index: dict[tuple[str, ...], list[Entry]]) -> frozenset[tuple[str, str]]:
    """The first two words of every phrase of two or more words."""
    return frozenset(key[:2] for key in index if len(key) > 1)


def _may_be_given_name(word: str, person: Entry) -> bool:
    """Whether a name word before a surname the tables know may be that person's given name: it
    starts like the first name of one of the person's terms (spellings vary: Sergey, Sergei)."""
    initials = {t.person.split()[0][:1].lower() for t in person.terms if t.person and len(t.person.split()) > 1}
    return not initials or word[:1].lower() in initials


def _joined(text: str, toks: list[Token], k: int, apposition: bool = False) -> bool:
    """Whether token k continues the phrase of token k-1: only spaces, a hyphen or a dash between
    them on one line ("Secretary-General", "Egypt – Prime Minister X"); with apposition also a
    comma ("Russia's foreign minister, Sergei Lavrov")."""
    gap = text[toks[k - 1].end:toks[k].start]
    if not gap:
        return True
    if "\n" in gap:
        return False
    rest = gap.strip(" \t\u00a0-–—")
    return rest == "" or apposition and rest == ","


def _guard_ok(entry: Entry, toks: list[Token], i: int) -> bool:
    if entry.guard == "any":
        return True
    if entry.guard == "exact":
        return all(toks[i + k].raw.replace("’", "'") == raw for k, raw in enumerate(entry.raw))
    # "cap": every capitalised word of the table phrase is capitalised in the text
    for k, raw in enumerate(entry.raw):
        if raw[:1].isupper() and not toks[i + k].raw[:1].isupper():
            return False
    return True


def _title_sector(entry: Entry, base: str | None, roles: list[Entry]) -> str | None:
    """Sector of an anchor with role words: IGOs and groups keep theirs; else the last specific role."""
    if entry.kind in ("igo", "group") or not roles:
        return base
    specific = [r.sector for r in roles if r.role_kind in ("inst", "person", "posted") and r.sector]
    if specific:
        return specific[-1]
    if entry.kind in ("metonym", "institution") and base:
        return base
    generic = [r.sector for r in roles if r.role_kind == "generic" and r.sector]
    return generic[0] if generic else base

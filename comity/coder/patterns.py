"""Loader for the verb/noun dictionary in comity/data/verbs/.

Turns patterns.yaml + wordsets.yaml + grammar.yaml + irregular.tsv into a `Lexicon`: precompiled
lookups keyed by the lower-case surface form of a token, so the coder needs no lemmatizer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from comity.coder.ontology import PLOVER_EVENTS, is_code

DATA = ("data", "verbs")
RULE_KEYS = {"code", "prep", "words", "conf", "governor", "plover", "received", "subject"}
ENTRY_KEYS = {"verb", "noun", "code", "rules", "conf", "prep", "words", "governor", "plover", "received"}
DEFAULT_CONF = 0.9


class PatternError(ValueError):
    """A malformed entry in one of the dictionary files (message names file and entry)."""


@dataclass(frozen=True)
class Rule:
    """One way a trigger word codes: constraints, then the CAMEO code it yields."""

    code: str  # "" for an explicit non-event ("fight the epidemic")
    preps: frozenset[str] = frozenset()  # a particle/preposition child that must be present
    words: re.Pattern | None = None  # must match the text the trigger governs
    governors: frozenset[str] = frozenset()  # for nouns: lemma of the governing verb
    conf: float = DEFAULT_CONF
    source: str = ""  # "patterns.yaml entry 12" for explanations
    # PLOVER (event, mode) for a PLOVER 2.0 mode CAMEO has no code of its own ("COERCE cyber": a
    # hack, coded CAMEO 170); None: the CAMEO code's own PLOVER event
    plover: tuple[str, str | None] | None = None
    # the verb's subject receives and its "from" object gives ("Ukraine received jets from Denmark")
    received: bool = False
    subject: re.Pattern | None = None  # must match the verb's subject phrase ("French troops left Chad")


@dataclass(frozen=True)
class Trigger:
    """All the rules for one lemma used as one part of speech ("verb" or "noun")."""

    lemma: str
    kind: str
    rules: tuple[Rule, ...]
    before: tuple[str, ...] = ()  # preceding tokens of a multi-token trigger ("cease", "-")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Trigger, ...]]  # surface form → triggers (several for "cease-fire" etc.)
    nouns: dict[str, tuple[Trigger, ...]]
    lemma_of: dict[str, str]  # surface form → verb lemma, for the grammar words
    grammar: dict[str, frozenset[str]]
    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # multi-word grammar entries
    wordsets: dict[str, re.Pattern] = field(default_factory=dict)
    recode: dict[str, dict[str, str]] = field(default_factory=dict)  # recode.yaml tables

    def noun_has_root(self, word: str, roots) -> bool:
        """Whether the word is a noun trigger with a rule coding one of the CAMEO roots ("demands":
        10)."""
        return any(r.code[:2] in roots for t in self.nouns.get(word, ()) for r in t.rules)

    def is_(self, token_lower: str, group: str) -> bool:
        """Whether a token (by its lower-case form) belongs to a grammar word group."""
        return self.lemma_of.get(token_lower, token_lower) in self.grammar[group]


def _read_text(name: str) -> str:
    return resources.files("comity").joinpath(*DATA, name).read_text(encoding="utf-8")


# ------------------------------------------------------------------ inflection
VOWELS = set("aeiou")


def verb_forms(lemma: str, irregular: dict[str, list[str]]) -> set[str]:
    """Surface forms of a verb lemma: regular -s/-ed/-ing forms plus listed irregular ones.

    Over-generation is harmless (a made-up form never occurs in text), so both the doubled and
    the plain consonant variants are produced.
    """
    forms = {lemma}
    forms.update(irregular.get(lemma, ()))
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        stem = lemma[:-1]
        forms.update({lemma + "s", lemma + "d", stem + "ing"})
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in VOWELS:
        stem = lemma[:-1]
        forms.update({stem + "ies", stem + "ied", lemma + "ing"})
    else:
        s = "es" if lemma.endswith(("s", "x", "z", "ch", "sh", "o")) else "s"
        forms.update({lemma + s, lemma + "ed", lemma + "ing"})
        if len(lemma) >= 3 and lemma[-1] not in VOWELS | {"w", "x", "y"} and lemma[-2] in VOWELS \
                and (lemma[-3] not in VOWELS or lemma[-4:-2] == "qu"):  # "quit", "acquit": qu is a consonant
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
        if lemma.endswith("ee"):
            forms.update({lemma + "d"})
    if lemma.endswith("ize"):  # British spelling too
        forms |= verb_forms(lemma[:-3] + "ise", irregular)
    return forms


def noun_forms(word: str) -> set[str]:
    if word.endswith(("s", "x", "ch", "sh")):
        return {word, word + "es"} if not word.endswith("s") else {word}
    if word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        return {word, word[:-1] + "ies"}
    return {word, word + "s"}


def split_tokens(word: str) -> list[str]:
    """How spaCy's tokenizer splits a hyphenated dictionary word ("cease-fire" → cease, -, fire)."""
    return [p for p in re.split(r"(-)", word) if p]


# ------------------------------------------------------------------ wordsets
def compile_stems(stems: list[str]) -> re.Pattern:
    """One pattern for a wordset: each stem matches at a word start; "x$" is a whole word; "^x" must
    come within the first five words (a verb's object: "halted attacks", "approved the government's
    new security plan", not "halted aid to Serbia in line with efforts to end the fighting")."""
    parts = []
    for stem in stems:
        whole = stem.endswith("$")
        near_start = stem.startswith("^")
        body = re.escape(stem.strip("^$")).replace(r"\ ", r"\s+")
        part = rf"\b{body}" + (r"\b" if whole else "")
        parts.append(rf"^\W*(?:[\w'-]+\W+){{0,4}}{part}" if near_start else part)
    return re.compile("|".join(parts))


def load_wordsets(text: str, name: str = "wordsets.yaml") -> dict[str, list[str]]:
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise PatternError(f"{name}: expected a mapping of wordset name → list of stems")
    out = {}
    for key, stems in data.items():
        if not isinstance(stems, list) or not all(isinstance(s, str) for s in stems):
            raise PatternError(f"{name}: wordset {key!r} must be a list of strings")
        out[str(key)] = [s.lower() for s in stems]
    return out


def _words(spec: str, wordsets: dict[str, list[str]], where: str) -> re.Pattern:
    stems: list[str] = []
    for part in str(spec).split("|"):
        part = part.strip()
        if not part.startswith(("@", "^@")):
            stems.append(part.lower())
            continue
        anchor = "^" if part.startswith("^") else ""  # "^@troop_units": every stem of the set near the object
        name = part[len(anchor) + 1:]
        if name not in wordsets:
            raise PatternError(f"{where}: unknown wordset {part!r}")
        stems.extend(anchor + stem.lstrip("^") if anchor else stem for stem in wordsets[name])
    return compile_stems(stems)


def _as_set(value, where: str = "") -> frozenset[str]:
    if value is None:
        return frozenset()
    values = [value] if isinstance(value, (str, bool)) else list(value)
    if any(isinstance(v, bool) for v in values):  # YAML reads bare on/off/yes/no as booleans
        raise PatternError(f"{where}: quote words like \"on\" or \"no\" (YAML reads them as true/false)")
    return frozenset(str(v).lower() for v in values)


def _rule(spec: dict, entry: dict, wordsets, where: str) -> Rule:
    unknown = set(spec) - RULE_KEYS
    if unknown:
        raise PatternError(f"{where}: unknown key(s) {sorted(unknown)}")
    if "code" in spec and spec["code"] is None:  # an explicit non-event use of the word
        code = ""
    else:
        code = str(spec.get("code", "")).strip()
    if code == "" and "code" in spec and spec["code"] is None:
        pass
    elif not code or not is_code(code):
        raise PatternError(f"{where}: {code!r} is not a CAMEO code in comity/data/cameo/cameo_codes.tsv")
    words = spec.get("words", entry.get("words"))
    conf = float(spec.get("conf", entry.get("conf", DEFAULT_CONF)))
    if not 0 < conf <= 1:
        raise PatternError(f"{where}: conf must be in (0, 1], got {conf}")
    return Rule(
        code=code,
        preps=_as_set(spec.get("prep", entry.get("prep")), where),
        words=_words(words, wordsets, where) if words else None,
        governors=_as_set(spec.get("governor", entry.get("governor")), where),
        conf=conf,
        source=where,
        plover=_plover(spec.get("plover", entry.get("plover")), where),
        received=bool(spec.get("received", entry.get("received", False))),
        subject=_words(spec["subject"], wordsets, where) if spec.get("subject") else None,
    )


def _plover(value, where: str) -> tuple[str, str | None] | None:
    """'COERCE cyber' -> ("COERCE", "cyber"): a PLOVER event and an optional mode."""
    if value is None:
        return None
    parts = str(value).split()
    if not parts or len(parts) > 2 or parts[0] not in PLOVER_EVENTS:
        raise PatternError(f"{where}: plover must be a PLOVER event and an optional mode, got {value!r}")
    return parts[0], parts[1] if len(parts) > 1 else None


def parse_patterns(text: str, wordsets: dict[str, list[str]], name: str = "patterns.yaml"):
    """[(kind, lemma, rules)] from the text of patterns.yaml, validating every entry."""
    try:
        entries = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        raise PatternError(f"{name}: not valid YAML: {exc}") from exc
    if not isinstance(entries, list):
        raise PatternError(f"{name}: expected a list of entries")
    out = []
    for n, entry in enumerate(entries, start=1):
        where = f"{name} entry {n}"
        if not isinstance(entry, dict):
            raise PatternError(f"{where}: expected a mapping, got {entry!r}")
        unknown = set(entry) - ENTRY_KEYS
        if unknown:
            raise PatternError(f"{where}: unknown key(s) {sorted(unknown)}")
        kinds = [k for k in ("verb", "noun") if k in entry]
        if len(kinds) != 1:
            raise PatternError(f"{where}: needs exactly one of 'verb' or 'noun'")
        kind = kinds[0]
        lemmas = entry[kind] if isinstance(entry[kind], list) else [entry[kind]]
        where = f"{name} entry {n} ({kind} {lemmas[0]})"
        if "rules" in entry:
            if not isinstance(entry["rules"], list) or not entry["rules"]:
                raise PatternError(f"{where}: 'rules' must be a non-empty list")
            rules = tuple(_rule(r, {}, wordsets, where) for r in entry["rules"])
        elif "code" in entry and entry["code"] is not None:
            rules = (_rule({k: entry[k] for k in RULE_KEYS if k in entry}, {}, wordsets, where),)
        else:
            raise PatternError(f"{where}: needs 'code' or 'rules'")
        for lemma in lemmas:
            out.append((kind, str(lemma).lower(), rules))
    return out


def parse_irregular(text: str, name: str = "irregular.tsv") -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise PatternError(f"{name} line {lineno}: expected 'lemma<TAB>form,form'")
        out[parts[0].strip()] = [f.strip() for f in parts[1].split(",") if f.strip()]
    return out


def parse_recode(text: str, name: str = "recode.yaml") -> tuple[dict[str, dict[str, str]], dict[str, frozenset[str]]]:
    """(code tables, word lists) from recode.yaml; every code must be a CAMEO code."""
    data = yaml.safe_load(text) or {}
    tables: dict[str, dict[str, str]] = {}
    words: dict[str, frozenset[str]] = {}
    for key, value in data.items():
        if isinstance(value, list):
            words[key] = frozenset(str(v).lower() for v in value)
            continue
        if not isinstance(value, dict):
            raise PatternError(f"{name}: {key!r} must be a mapping of CAMEO code → CAMEO code")
        for a, b in value.items():
            if not (is_code(str(a)) and is_code(str(b))):
                raise PatternError(f"{name}: {key}: {a!r} → {b!r} is not a pair of CAMEO codes")
        tables[key] = {str(a): str(b) for a, b in value.items()}
    return tables, words


def build_lexicon(patterns_text: str, wordsets_text: str, grammar_text: str, irregular_text: str,
                  recode_text: str = "") -> Lexicon:
    wordsets = load_wordsets(wordsets_text)
    irregular = parse_irregular(irregular_text)
    grammar_raw = yaml.safe_load(grammar_text) or {}
    grammar = {k: frozenset(str(w).lower() for w in v) for k, v in grammar_raw.items()}
    recode_tables, recode_words = parse_recode(recode_text)
    grammar.update(recode_words)
    merged: dict[tuple[str, str], list[Rule]] = {}
    for kind, lemma, rules in parse_patterns(patterns_text, wordsets):
        merged.setdefault((kind, lemma), []).extend(rules)
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    lemma_of: dict[str, str] = {}
    for (kind, lemma), rules in merged.items():
        pieces = split_tokens(lemma)
        head, before = pieces[-1], tuple(pieces[:-1])
        trigger = Trigger(lemma=lemma, kind=kind, rules=tuple(rules), before=before)
        if kind == "verb":
            # a multi-token verb inflects its last token ("test-fired", "test-firing")
            forms = verb_forms(head, irregular)
            for form in forms:
                verbs.setdefault(form, []).append(trigger)
                if not before:  # "launched" stays "launch" whatever "test-launch" says
                    lemma_of.setdefault(form, lemma)
        else:
            for form in noun_forms(head):
                nouns.setdefault(form, []).append(trigger)
    governor_lemmas = {g for rules in merged.values() for r in rules for g in r.governors}
    grammar_lemmas = set().union(*grammar.values()) | set(irregular) | governor_lemmas
    for lemma in sorted(grammar_lemmas):
        if " " in lemma or not lemma.isalpha():
            continue
        for form in verb_forms(lemma, irregular):
            lemma_of.setdefault(form, lemma)
    for lemma, forms in irregular.items():
        for form in forms:
            lemma_of[form] = lemma
    # a multi-token trigger is tried before the one-word trigger it ends with ("test-fired", "fired")
    return Lexicon(
        verbs={k: tuple(sorted(v, key=lambda t: -len(t.before))) for k, v in verbs.items()},
        nouns={k: tuple(sorted(v, key=lambda t: -len(t.before))) for k, v in nouns.items()},
        lemma_of=lemma_of,
        grammar=grammar,
        phrases={k: tuple(w for w in v if " " in w) for k, v in grammar.items()},
        wordsets={k: compile_stems(v) for k, v in wordsets.items()},
        recode=recode_tables,
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged dictionary (comity/data/verbs/), loaded once."""
    return build_lexicon(_read_text("patterns.yaml"), _read_text("wordsets.yaml"),
                         _read_text("grammar.yaml"), _read_text("irregular.tsv"), _read_text("recode.yaml"))

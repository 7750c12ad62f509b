"""Small helpers over a spaCy dependency parse (tok2vec + parser only: no tags, no lemmas)."""
from __future__ import annotations

VERBAL_CHILD_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "neg", "xcomp", "ccomp",
                               "agent", "prt", "dative", "csubj", "acomp"})
NOMINAL_CHILD_DEPS = frozenset({"det", "poss", "amod", "compound", "nummod", "predet"})
VERBAL_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "pcomp", "csubj", "parataxis"})
NOUN_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})  # where a parsed noun stands
CLAUSE_CHILD_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg"})  # a verb's own dependents


def is_verbal(tok, depth: int = 0) -> bool:
    """Whether a token is used as a verb, judged from its dependency label and children."""
    deps = {c.dep_ for c in tok.children}
    if deps & VERBAL_CHILD_DEPS:
        return True
    if deps & NOMINAL_CHILD_DEPS:
        return False
    if tok.dep_ in VERBAL_DEPS:
        return True
    if tok.dep_ == "conj" and depth < 4:
        return is_verbal(tok.head, depth + 1)
    return False


def noun_use(tok) -> bool:
    """A word in a noun's slot with a determiner, possessor or modifier before it and no subject or
    auxiliary of its own: a noun, even where the parser hangs a clause on it ("demands to release
    prisoners")."""
    if tok.dep_ not in NOUN_SLOTS:
        return False
    deps = [(ch.dep_, ch.i < tok.i) for ch in tok.children]
    return any(before and dep in NOMINAL_CHILD_DEPS for dep, before in deps) and \
        not any(dep in CLAUSE_CHILD_DEPS for dep, _ in deps)


def misparsed_verb(tok) -> bool:
    """'Russia has improved ties' parsed with 'improved' as an adjective of a ROOT 'ties'."""
    return tok.dep_ == "amod" and tok.i < tok.head.i and any(
        c.dep_ in ("nsubj", "aux") and c.i < tok.i for c in (*tok.children, *tok.head.children))


def clause_subject(verb) -> list:
    """The subject of a clause's verb (active or passive), as a list of at most one token."""
    return [ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")][:1]


def phrase_head(tok):
    """Climb from a modifier noun to the head of its noun phrase ("mediator role" → role)."""
    while tok.dep_ in ("compound", "amod") and tok.head is not tok:
        tok = tok.head
    return tok


def infinitive_advcl(tok) -> bool:
    """'hesitant to extend': an infinitive the parser attached as advcl, in effect an xcomp."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def text_from(text: str, start_char: int, last_token) -> str:
    """Lower-case `text` (the sentence's doc.text, read once: building it walks every token)
    from a character offset to the end of `last_token`."""
    return text[start_char: last_token.idx + len(last_token)].lower()


def conditional_clause(clause, markers: frozenset[str]) -> bool:
    """An adverbial clause opened by a conditional marker ("if Pakistan attacked", "unless ...")."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in markers for m in clause.children)

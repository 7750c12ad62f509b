"""Negation and modality of a coded trigger, and CAMEO's recoding of acts not (yet) done.

Reads the trigger's auxiliaries, adverbs and governing verbs (grammar.yaml word lists):
"did not condemn" / "refused to back" → negated; "appeared to" → hedged; "will" → future;
"plans to" → intent; "would ... if", a trigger inside an if-clause or one that governs an if-clause
("may halt mediation if ...") → conditional; "prepared to resume shelling" → preparation of force;
"lifting the sanctions is out of the question" → negated.
"""
from __future__ import annotations

from dataclasses import replace

from comity.coder.candidate import Candidate, recode
from comity.coder.patterns import Lexicon
from comity.coder.tree import NOUN_SLOTS, conditional_clause, infinitive_advcl, phrase_head

MAX_CLIMB = 6
COPULAS = frozenset({"is", "was", "are", "were", "be", "remains", "remain", "remained", "seems", "seemed"})


def in_reported_clause(tok, lex: Lexicon) -> bool:
    """Inside 'X said (that) ...': 'would' there is the future of the reported words."""
    for _ in range(MAX_CLIMB):
        if tok.dep_ == "ccomp" and lex.is_(tok.head.lower_, "communication_verbs"):
            return True
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def _governing_chain(c: Candidate, tok, partitives: frozenset[str] = frozenset()) -> list:
    """The trigger and the verbs whose auxiliaries and adverbs scope over it."""
    chain = [tok]
    cur = tok
    if c.trigger.kind == "noun":
        head = phrase_head(tok)
        if c.own_source:  # "India's strike": the governing verb's modality is not the strike's
            return [tok, head]
        cur = head.head if head.dep_ != "pobj" else head.head.head
        chain.append(cur)
        while cur.lower_ in partitives and cur.dep_ in NOUN_SLOTS and cur.head is not cur and len(chain) < MAX_CLIMB:
            head = phrase_head(cur)  # "vowed to unleash a new wave of bombings": the verb of the wave
            cur = head.head if head.dep_ != "pobj" else head.head.head
            chain.append(cur)
    while (cur.dep_ in ("xcomp", "acomp", "oprd") or infinitive_advcl(cur)) and cur.head is not cur \
            and len(chain) < MAX_CLIMB:
        cur = cur.head
        chain.append(cur)
    return chain


def in_condition(tok, markers: frozenset[str]) -> bool:
    """Inside "if Pakistan attacked ...": not an assertion."""
    for _ in range(MAX_CLIMB):
        if conditional_clause(tok, markers):
            return True
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def _governs_condition(chain, markers: frozenset[str]) -> bool:
    """'may halt mediation if cooperation founders': an if-clause hangs off the trigger or the verbs
    that govern it ("even if" concedes, it sets no condition)."""
    for t in chain:
        for ch in t.children:
            if ch.dep_ != "advcl":
                continue
            marks = [m for m in ch.children if m.dep_ == "mark" and m.lower_ in markers]
            if marks and not any(a.lower_ == "even" and a.i < marks[0].i for a in ch.children):
                return True
    return False


def _preparing(chain, lex: Lexicon) -> bool:
    """'The army prepared to resume shelling': a verb of preparation governs the act ("is
    prepared to", the adjective, is willingness and stays intent)."""
    words = lex.grammar.get("preparation_words", frozenset())
    for t in chain[1:]:
        if lex.lemma_of.get(t.lower_, t.lower_) in words and not (t.lower_ == "prepared" and (
                t.dep_ in ("acomp", "amod") or
                any(ch.dep_ in ("aux", "auxpass") and lex.lemma_of.get(ch.lower_) == "be" for ch in t.children))):
            return True
    return False


def _ruled_out(tok, phrases: frozenset[str]) -> bool:
    """'lifting the sanctions is out of the question': the act is the subject of a copula whose
    complement rules it out (grammar.yaml ruled_out_phrases)."""
    head = tok.head
    if tok.dep_ not in ("csubj", "nsubj") or head.i == tok.i or head.lower_ not in COPULAS or not phrases:
        return False
    complement = next((ch for ch in head.children if ch.i > head.i and ch.dep_ in ("prep", "attr", "acomp")), None)
    if complement is None:
        return False
    rest = " ".join(t.lower_ for t in head.doc[head.i + 1: complement.right_edge.i + 1])
    return any(rest.startswith(p) or f" {p}" in rest for p in phrases)


def negation_and_modality(c: Candidate, doc, lex: Lexicon) -> None:
    """Set c.negated and c.modality from the words around the trigger."""
    g = lex.grammar
    tok = doc[c.token_i]
    if _ruled_out(tok if c.trigger.kind == "verb" else phrase_head(tok), g.get("ruled_out_phrases", frozenset())):
        c.negated = True
    if c.trigger.kind == "noun":
        head = phrase_head(tok)
        if any(ch.dep_ == "det" and ch.lower_ in ("no", "neither") for ch in head.children):
            c.negated = True
    words: list[str] = []
    chain = _governing_chain(c, tok, g.get("partitive_nouns", frozenset()))
    for t in chain:
        if t.dep_ == "pcomp" and t.head.lower_ == "without":  # "acted without consulting Kabul"
            c.negated = True
        for ch in t.children:
            if ch.dep_ == "neg" or (ch.dep_ == "advmod" and ch.lower_ == "never"):
                c.negated = True
            elif ch.dep_ in ("aux", "advmod", "auxpass"):
                words.append(ch.lower_)
        if t is not tok:
            lemma = lex.lemma_of.get(t.lower_, t.lower_)
            words.append(lemma)
            if lemma in g["negating_governors"]:  # "hesitant to extend support"
                c.negated = True
    lemmas = set(words)
    conditional = in_condition(tok, g["conditional_markers"]) or (
        bool(lemmas & g["conditional_words"])
        and any(t.dep_ == "mark" and t.lower_ in g["conditional_markers"] for t in doc)) or \
        _governs_condition(chain, g["conditional_markers"])
    if conditional:
        c.modality = "conditional"
    elif lemmas & g["hedge_words"]:
        c.modality = "hedged"
    elif lemmas & g["intent_words"]:
        c.modality = "intent"
    elif lemmas & g["future_words"]:
        c.modality = "future"
    elif lemmas & g["conditional_words"]:
        c.modality = "future" if (c.reported or in_reported_clause(tok, lex)) else "hedged"
    if c.rule.code[:2] in ("02", "10") and c.modality in ("future", "conditional") and c.reported:
        c.modality = None  # "should"/"must" inside a request is the request itself
    if c.modality == "intent" and not c.negated and _preparing(chain, lex):
        # readying troops to attack is a show of force (CAMEO 15), not a verbal threat
        code = recode(lex.recode.get("preparation", {}), c.rule.code)
        if code:
            c.asserted_code = c.rule.code
            c.rule = replace(c.rule, code=code)


def recode_unasserted(c: Candidate, lex: Lexicon) -> None:
    """A promised or planned act is CAMEO 03 (intent to cooperate) or 13 (threaten)."""
    if c.negated or c.modality not in ("future", "intent", "conditional") or c.asserted_code:
        return
    if c.reported and c.rule.code[:2] in ("02", "10"):
        return
    code = recode(lex.recode.get("intent", {}), c.rule.code) or recode(lex.recode.get("threat", {}), c.rule.code)
    if code:
        c.asserted_code = c.rule.code
        c.rule = replace(c.rule, code=code)

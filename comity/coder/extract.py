"""Triggers in one parsed sentence: which dictionary words code an event, and which give way.

Works on a spaCy Doc made by tok2vec + parser only (no tagger or lemmatizer): triggers are found by
looking the lower-case token up in the generated inflection table (comity.coder.patterns), and
verb vs noun use is read off the dependency labels. A trigger that only fills another trigger's
clause ("urged X to stop attacks") gives way to it; "X said Y should/must ..." becomes a request
by X. Arguments come from comity.coder.arguments, modality from comity.coder.modality.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.attrs import DEP, LOWER

from comity.coder.arguments import ArgumentFinder, role_words_of
from comity.coder.candidate import Candidate, Party, recode
from comity.coder.coref import DocumentMemory
from comity.coder.modality import in_condition, negation_and_modality, recode_unasserted
from comity.coder.patterns import Lexicon, Rule, Trigger
from comity.coder.tree import (NOUN_SLOTS, clause_subject, conditional_clause, infinitive_advcl, is_verbal, misparsed_verb, noun_use,
                               phrase_head, text_from)
from comity.records import ActorMention

GOVERNING_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})  # their clauses hold the content
DESCRIBING_FACTOR = 0.8  # confidence of a verb in a clause that modifies a noun (acl, relcl)
REQUEST_ROOTS = ("02", "03", "10", "12", "13")
# ... and, past a verb that is no trigger, the roots whose clause holds no event of its own (not 13:
# "threatened to launch an offensive" is the offensive's threat, and the noun carries the target)
CLAUSE_FILLING_ROOTS = ("02", "03", "10", "12")  # "urged a ceasefire": the noun is the request's content
CONFLICT_ACT_ROOTS = ("14", "15", "16", "17", "18", "19", "20")  # promised, they are threats (CAMEO 13)
PARTICLES = frozenset({"down", "up", "out", "off", "back", "away", "in", "over"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
ALLEGATION_CODE = "112"  # "X said Y committed war crimes": X accuses Y (CAMEO 112, PLOVER ACCUSE)


def participle_adjunct(verb) -> bool:
    """An -ing or purpose clause hung on a verb with no subject of its own ("marched, demanding his
    release", "marched through Belgrade to demand his resignation")."""
    return infinitive_advcl(verb) or (verb.dep_ == "advcl" and verb.lower_.endswith("ing") and
                                      not any(ch.dep_ in ("nsubj", "nsubjpass", "mark") for ch in verb.children))


# releases and returns (CAMEO 084): an arrest or seizure described on what is given back is undone by them
RETURN_CODES = ("084",)


# mentions whose words are an organisation's name: a trigger word in them ("Amnesty International",
# "Islamic Resistance Movement") names the organisation, it is no act
NAMED_ORGANISATION_HOWS = ("igo ", "group ")


def in_organisation_name(tok, mentions) -> bool:
    return any(m.start <= tok.idx < m.end and m.how.startswith(NAMED_ORGANISATION_HOWS) for m in mentions)


class SentenceExtractor:
    """Applies a Lexicon to one parsed sentence with its actor mentions."""

    def __init__(self, lexicon: Lexicon, actors):
        self.lex = lexicon
        self.actors = actors  # the actor dictionary (see ArgumentFinder)
        self.role_words = role_words_of(actors)  # fixed per dictionary: worked out once
        self._ids: tuple[object, frozenset[int], int] | None = None  # (vocab, trigger word ids, ccomp id)

    def extract(self, doc, mentions: list[ActorMention], memory: DocumentMemory,
                text: str | None = None) -> list[Candidate]:
        """Candidates with sources (and targets where found) for one parsed sentence; `text` is
        the sentence's text when the caller has it (the same as doc.text, which costs a join)."""
        args = ArgumentFinder(self.lex, self.actors, doc, mentions, memory, text, self.role_words)
        # One array read instead of a Token object per word: only trigger words become Tokens.
        lowers, deps = zip(*doc.to_array([LOWER, DEP]).tolist()) if len(doc) else ((), ())
        known, ccomp = self._string_ids(doc.vocab)
        cands = self._triggers(doc, lowers, known, args.text)
        if cands and mentions:
            cands = [c for c in cands if not in_organisation_name(doc[c.token_i], mentions)]
        by_token = {c.token_i: c for c in cands}
        for c in cands:
            self._suppress(c, by_token, args)
        live = [c for c in cands if not c.dropped]
        for c in live:
            args.arguments(c)
            self._crowd_violence(c, doc, args)
            negation_and_modality(c, doc, self.lex)
            verb = doc[c.token_i]
            if c.trigger.kind == "verb" and (verb.dep_ in ("acl", "relcl", "amod") or participle_adjunct(verb)):
                # "forces backed by Russia", "a coalition fighting rebels": the verb describes a noun;
                # "marched through Belgrade, demanding ...": it describes the main verb's act. The
                # sentence's main event is elsewhere
                c.rule = replace(c.rule, conf=c.rule.conf * DESCRIBING_FACTOR)
        ccomps = [i for i, d in enumerate(deps) if d == ccomp]
        if ccomps:
            live += self._reported_requests(doc, live, ccomps, args)
        for c in live:
            recode_unasserted(c, self.lex)
            if c.rule.code[:2] == "13" and not c.targets:
                # "said it would retaliate if India attacked", "would resume attacks if Israel did not
                # lift the blockade": a threat made by its condition (a noun's: its verb's condition)
                verb = doc[c.token_i] if c.trigger.kind == "verb" else phrase_head(doc[c.token_i]).head
                c.targets = args.domestic(args.condition_subjects(verb), c.sources)
        return [c for c in live if c.sources]

    def _crowd_violence(self, c: Candidate, doc, args: ArgumentFinder) -> None:
        """Protesters who storm or attack are rioting (recode.yaml: riot, protest_crowds): the
        trigger's subject is a crowd word, or every source's words end in one."""
        crowds = self.lex.grammar.get("protest_crowds")
        code = recode(self.lex.recode.get("riot", {}), c.rule.code) if c.sources and crowds else None
        if code is None:
            return
        subject = next((t for t in doc[c.token_i].children if t.dep_ == "nsubj"), None)
        if (subject is not None and subject.lower_ in crowds) or all(
                p.referent.text.lower().rsplit(" ", 1)[-1] in crowds for p in c.sources):
            c.rule = replace(c.rule, code=code)
            args.protest_target(c)

    def _string_ids(self, vocab) -> tuple[frozenset[int], int]:
        """The vocab's ids for every trigger form and for the 'ccomp' label (computed once)."""
        if self._ids is None or self._ids[0] is not vocab:
            strings = vocab.strings
            known = frozenset(strings.add(w) for w in (*self.lex.verbs, *self.lex.nouns))
            self._ids = (vocab, known, strings.add("ccomp"))
        return self._ids[1], self._ids[2]

    def _triggers(self, doc, lowers, known, text: str) -> list[Candidate]:
        verbs, nouns = self.lex.verbs, self.lex.nouns
        out = []
        for i, h in enumerate(lowers):
            if h not in known:
                continue
            tok = doc[i]
            low = tok.lower_
            vs = verbs.get(low)
            ns = nouns.get(low)
            if vs is None and ns is None:
                continue
            if tok.dep_ in ("amod", "compound") and ns is None and not misparsed_verb(tok):
                continue  # "the condemned man", "strike force": modifiers, not events
            if ns is not None and tok.dep_ == "compound" and self.lex.is_(tok.head.lower_, "unit_nouns"):
                continue  # "riot police", "assault rifles", "strike force": a kind of unit or weapon
            if tok.dep_ == "acl" and self.lex.is_(low, "stative_participles"):
                continue  # "militiamen armed with machetes": what they carry, no act
            if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "anti":
                continue  # "anti-kidnapping police", "anti-terror law": what they are against, no act
            if noun_use(tok):  # "met the kidnappers' demands to release ...": not a verb
                options = ns
            else:
                options = vs if (vs and (ns is None or is_verbal(tok))) else ns
            if not options:
                continue
            for trig in options:
                start = tok.i - len(trig.before)
                if trig.before and (start < 0 or tuple(t.lower_ for t in doc[start:tok.i]) != trig.before):
                    continue
                hit = self._match_rule(tok, trig, text)
                if hit is not None:
                    rule, fallback = hit
                    if rule.code:  # "" marks a listed non-event use of the word
                        out.append(Candidate(tok.i, start, trig, rule, fallback))
                    break
        return out

    def _match_rule(self, tok, trig: Trigger, text: str):
        preps = None
        context = None
        last = len(trig.rules) - 1
        for n, rule in enumerate(trig.rules):
            if rule.preps:
                if preps is None:
                    preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "agent", "dative", "mark")
                             or (c.dep_ == "advmod" and c.lower_ in PARTICLES)}  # "stepped down" parsed as an adverb
                    if trig.kind == "noun" and tok.dep_ == "dobj" and self.lex.is_(tok.head.lower_, "light_verbs"):
                        # "voiced strong support on Monday for Moldova": the noun's preposition parsed
                        # onto the light verb, after the noun
                        preps |= {c.lower_ for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i}
                if not preps & rule.preps:
                    continue
            if rule.governors:
                head = phrase_head(tok).head
                if head.dep_ == "prep":  # "remained on alert"
                    head = head.head
                if self.lex.lemma_of.get(head.lower_, head.lower_) not in rule.governors:
                    continue
            if rule.words is not None:
                if context is None:
                    context = self._context(tok, trig.kind, text)
                if not rule.words.search(context):
                    continue
            if rule.subject is not None:
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None) or \
                    next((c for c in tok.children if c.dep_ == "nsubjpass"), None)  # "peacekeepers were told to leave"
                if subj is not None and tok.dep_ == "relcl" and subj.lower_ in RELATIVE_PRONOUNS:
                    subj = tok.head  # "the fire that killed 11 patients": the fire
                if subj is None and tok.dep_ == "xcomp":  # "ordered Iraqi troops to pull out": the controller
                    subj = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
                elif subj is None and tok.dep_ == "acl" and not any(ch.dep_ == "aux" for ch in tok.children):
                    subj = tok.head  # "civilians sheltering in a church": the noun (not "a decision to leave")
                if subj is None or not rule.subject.search(text_from(text, subj.left_edge.idx, subj.right_edge)):
                    continue
            unconstrained = not (rule.preps or rule.governors or rule.words is not None or rule.subject is not None)
            return rule, unconstrained and n == last
        return None

    def _context(self, tok, kind: str, text: str) -> str:
        """Lower-case text the trigger governs (verbs: to its right; nouns: the whole phrase)."""
        if kind == "verb":
            last = tok.head.right_edge if misparsed_verb(tok) else tok.right_edge
            right = text_from(text, tok.idx + len(tok), last)
            passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if passive is not None:  # "the vessels were released": the object stands before the verb
                right += " " + text_from(text, passive.left_edge.idx, passive.right_edge)
            return right
        return text_from(text, tok.left_edge.idx, tok.right_edge)

    def _suppress(self, c: Candidate, by_token: dict[int, Candidate], args: ArgumentFinder) -> None:
        """Drop a trigger that only fills another trigger's clause ("urged X to stop attacks")."""
        tok = args.doc[c.token_i]
        if c.trigger.kind == "verb":
            clause = tok
        else:  # the verb the noun's phrase hangs on ("taking part in protests": taking)
            phrase = phrase_head(tok)
            clause = phrase.head.head if phrase.dep_ == "pobj" else phrase.head
        if clause.dep_ in ("acl", "relcl") and self.lex.is_(clause.head.lower_, "hypothetical_people"):
            c.dropped = True  # "anyone taking part in protests", "whoever attacks Kenya": no one did
            return
        if c.trigger.kind == "verb" and tok.dep_ in ("acl", "relcl") and tok.head.dep_ in ("dobj", "nsubjpass"):
            undoing = by_token.get(tok.head.head.i)
            if undoing is not None and not undoing.dropped and undoing.rule.code.startswith(RETURN_CODES):
                # "released 40 students detained at the rally", "returned a trawler it had impounded":
                # the act undone is background to the release
                c.dropped = True
                return
        if c.trigger.kind == "verb":
            cur, hops = tok, 0
            while (cur.dep_ in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "pobj", "prep", "dobj", "acomp")
                   or (cur.dep_ == "acl" and hops == 0)) and hops < 6 and cur.head is not cur:
                if cur.dep_ == "conj" and hops == 0:
                    break  # coordinated verbs are events of their own
                if cur.dep_ == "acl" or (cur.dep_ == "xcomp" and noun_use(cur.head)):
                    # a clause on a noun: the content of an appeal, offer or accusation ("rejected
                    # demands to release prisoners", "denied the allegation that it sheltered
                    # militants"), or a description of an event noun ("talks brokered by
                    # Washington"), which is an act of its own
                    if self.lex.noun_has_root(cur.head.lower_, GOVERNING_ROOTS) or \
                            self.lex.is_(cur.head.lower_, "effort_nouns"):  # "Western efforts to end the fighting"
                        c.dropped = True
                        return
                    if cur.head.i in by_token:
                        break
                edge = cur.dep_  # how the clause climbed from hangs on the next verb up
                if conditional_clause(cur, self.lex.grammar["conditional_markers"]):
                    # "would respond if NATO deployed missiles": the condition's act is no event, and
                    # the act it conditions stays
                    c.dropped = True
                    return
                if (edge == "pcomp" and self.lex.is_(cur.head.lower_, "separate_act_words")) or (
                        edge == "advcl" and any(ch.dep_ in ("mark", "aux") and self.lex.is_(ch.lower_, "separate_act_words")
                                                for ch in cur.children)):
                    break  # "called for calm after criticizing the EU": an act of its own, not the appeal's content
                cur, hops = cur.head, hops + 1
                outer = by_token.get(cur.i)
                if outer is None or outer.dropped:
                    continue
                if self.lex.is_(cur.lower_, "negating_governors") and not (
                        edge == "xcomp" and any(ch.dep_ == "dobj" for ch in cur.children)):
                    # (but "refused food to demand better conditions": a refusal with its own object,
                    # and the clause its purpose)
                    outer.dropped = True
                    c.negated = True
                    return
                if edge == "ccomp" and outer.rule.words is not None and outer.rule.code[:2] not in ("02", "10") and \
                        self.lex.is_(cur.lower_, "communication_verbs"):
                    # "announced that he will extend the curfew": the announcement matched the
                    # clause's words, but the clause's own act is the event
                    outer.dropped = True
                    return
                if edge == "ccomp" and c.rule.code[:2] in CONFLICT_ACT_ROOTS and \
                        self.lex.is_(cur.lower_, "warning_verbs") and any(
                            ch.dep_ == "aux" and (self.lex.is_(ch.lower_, "future_words")
                                                  or self.lex.is_(ch.lower_, "conditional_words"))
                            for ch in tok.children):
                    # "warned it would shoot down any aircraft": the warned act, recoded as a threat
                    outer.dropped = True
                    return
                if hops == 1 and tok.dep_ == "xcomp" and self.lex.is_(cur.lower_, "clause_intent_verbs"):
                    # "would seek to outlaw the parties": seeking to act is intending to, not an appeal
                    outer.dropped = True
                    return
                if outer.rule.code[:2] == "03" and c.rule.code[:2] in CONFLICT_ACT_ROOTS and \
                        self.lex.is_(cur.lower_, "intent_words"):
                    # "vowed to target ships": a promised attack is a threat (the act, recoded by
                    # its intent modality), not a promise to cooperate
                    outer.dropped = True
                    return
                if hops == 1 and edge == "xcomp" and self.lex.is_(cur.lower_, "command_verbs") and \
                        args.own_forces_commanded(cur):
                    # "Saddam ordered Iraqi troops to pull out of Kuwait": the forces' act is the event
                    outer.dropped = True
                    return
                if outer.rule.code[:2] in GOVERNING_ROOTS or \
                        self.lex.is_(cur.lower_, "clause_governors"):  # "allowed WFP to deliver food"
                    c.dropped = True
                    return
            # a light verb matched only by its catch-all rule gives way to its noun object
            if c.fallback and c.trigger.lemma in self.lex.grammar.get("light_verbs", ()):
                for child in tok.children:
                    obj = child
                    if child.dep_ == "prep":
                        obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                        if obj is None:
                            continue
                    elif child.dep_ not in ("dobj", "attr", "oprd"):
                        continue
                    inner = by_token.get(obj.i) or next(
                        (by_token[g.i] for g in obj.children if g.dep_ == "compound" and g.i in by_token), None)
                    if inner is not None and inner.trigger.kind == "noun":
                        c.dropped = True
                        return
        else:
            if in_condition(tok, self.lex.grammar["conditional_markers"]) or any(
                    ch.dep_ == "det" and self.lex.is_(ch.lower_, "hypothetical_determiners") for ch in tok.children):
                # "if the United States joined Israeli strikes", "to any Kenyan incursion": no act took place
                c.dropped = True
                return
            head = phrase_head(tok)
            gov = head.head
            if head.dep_ in ("dobj", "xcomp", "attr") or (head.dep_ == "pobj" and gov.dep_ == "prep"):
                verb = gov if head.dep_ != "pobj" else gov.head
                partitives = self.lex.grammar.get("partitive_nouns", frozenset())
                # "unleash a new wave of bombings": the verb of the wave (a noun by where it stands: the
                # coder's parse has no part-of-speech tags, and "set" is also a verb)
                for _ in range(2):
                    if verb.lower_ not in partitives or verb.dep_ not in NOUN_SLOTS or verb.head is verb:
                        break
                    part = phrase_head(verb)
                    verb = part.head.head if part.dep_ == "pobj" else part.head
                outer = by_token.get(verb.i)
                light = outer is not None and outer.fallback and \
                    outer.trigger.lemma in self.lex.grammar.get("light_verbs", ())
                if outer is not None and not light and outer.rule.code[:2] in REQUEST_ROOTS \
                        and not args.own_source_tokens(tok):
                    if head.dep_ == "dobj" and self.lex.is_(verb.lower_, "command_verbs") and \
                            not any(ch.dep_ in ("xcomp", "dative") for ch in verb.children):
                        outer.dropped = True  # "ordered a general mobilisation": the state's own act
                    else:
                        c.dropped = True
                elif outer is not None and not light and head.dep_ == "dobj" and outer.rule.code[:2] in ("08", "16") \
                        and not args.own_source_tokens(tok):
                    c.dropped = True  # "would halt attacks on shipping", "halted economic aid": what is given up or cut
                elif head.dep_ == "pobj" and self.lex.is_(gov.lower_, "topic_preps") and not args.own_source_tokens(tok):
                    # "took Ecuador to court over the raid", "clashed over the killing": the topic
                    c.dropped = True
                elif outer is None and verb.dep_ in ("acl", "relcl", "xcomp") and not args.own_source_tokens(tok):
                    # "rejected an invitation to attend a meeting", "urged Kabul to attend the talks":
                    # the noun fills the clause of a governing appeal, offer, demand or rejection
                    owner = verb.head
                    if verb.dep_ != "xcomp":  # the clause describes a noun: take the verb governing it
                        noun_head = phrase_head(owner)
                        owner = noun_head.head.head if noun_head.dep_ == "pobj" else noun_head.head
                    governing = by_token.get(owner.i)
                    if governing is not None and governing.rule.code[:2] == "03" and \
                            c.rule.code[:2] in CONFLICT_ACT_ROOTS and self.lex.is_(owner.lower_, "intent_words"):
                        # "vowed to launch attacks on Israel": a promised attack is a threat (the noun,
                        # recoded by its intent modality), not a promise to cooperate
                        governing.dropped = True
                    elif governing is not None and governing.rule.code[:2] in CLAUSE_FILLING_ROOTS:
                        c.dropped = True

    def _reported_requests(self, doc, live: list[Candidate], ccomps: list[int],
                           args: ArgumentFinder) -> list[Candidate]:
        """'X said Y should/must <act>': a request by X to Y (02 APPEAL, or 10 DEMAND for 'must').

        A coded act inside the clause is recoded (recode.yaml: appeal/demand) with the speaker as
        source and the clause's actors as targets; a clause with no coded act gets the appeal
        rules of 'urge' (or the demand rules of 'demand') applied to its words.
        """
        out = []
        g = self.lex.grammar
        for i in ccomps:
            tok = doc[i]
            if not self.lex.is_(tok.head.lower_, "communication_verbs"):
                continue
            modal = next((c.lower_ for c in tok.children if c.dep_ == "aux" and c.lower_ in g["request_modals"]), None)
            allegation = modal is None and self._alleges_atrocity(tok, args.text)
            if modal is None and not allegation:
                continue
            speaker_subj, _ = args.subject(tok.head)
            if speaker_subj is None:
                continue
            speakers = args.parties(speaker_subj, allow_coref=True, of_phrase=True)
            if not speakers:
                continue
            if allegation:
                out += self._allegation(tok, speakers, live, args)
                continue
            kind = "demand" if modal in g.get("demand_modals", ()) else "appeal"
            inside = [c for c in live if tok.left_edge.i <= c.token_i <= tok.right_edge.i and c.sources]
            told = self._pronoun_for_addressee(tok, speakers, args)
            if inside:
                for c in inside:
                    if told and {p.referent.actor.code for p in c.sources} <= {p.referent.actor.code for p in speakers}:
                        c.sources = told  # "Israel told the PA that it must disarm Hamas": the PA must
                    self._as_request(c, speakers, kind)
                continue
            trig = (self.lex.verbs.get("demand") if kind == "demand" else None) or self.lex.verbs.get("urge")
            if not trig:
                continue
            context = text_from(args.text, tok.left_edge.idx, tok.right_edge)
            # the demand/urge rules tied to a preposition or governing word describe the verb's own
            # use ("called for", "protesters demanded"); a reported "X said Y must ..." has neither
            rule = next((r for r in trig[0].rules if not (r.preps or r.governors)
                         and (r.words is None or r.words.search(context))), None)
            if rule is None:
                continue
            c = Candidate(tok.i, tok.i, trig[0], rule, rule.words is None)
            c.sources = speakers
            c.targets = told or self._others(args, clause_subject(tok), speakers)
            if not c.targets:  # "told Iran it must resume cooperation": the one told
                c.targets = self._others(args, [ch for ch in tok.head.children if ch.dep_ in ("dobj", "dative")],
                                         speakers)
            if not c.targets:
                continue
            c.reported = True
            c.negated = any(ch.dep_ == "neg" for ch in tok.children)
            out.append(c)
        return out

    def _pronoun_for_addressee(self, clause, speakers: list[Party], args: ArgumentFinder) -> list[Party]:
        """'X told Y (that) it/he/they must ...': the clause's pronoun subject is the one told, Y
        (its actors other than the speakers'); [] when the clause has no pronoun subject or the
        verb of saying names no one told."""
        subject = clause_subject(clause)
        if not subject or not (self.lex.is_(subject[0].lower_, "singular_pronouns") or
                               self.lex.is_(subject[0].lower_, "plural_pronouns")):
            return []
        return self._others(args, [ch for ch in clause.head.children if ch.dep_ in ("dobj", "dative")], speakers)

    @staticmethod
    def _others(args: ArgumentFinder, heads, speakers: list[Party]) -> list[Party]:
        """The actors the noun phrases at `heads` name, other than the speakers' own."""
        src = {p.referent.actor.code for p in speakers}
        return [p for h in heads for p in args.parties(h, allow_coref=True, of_phrase=True)
                if p.referent.actor.code not in src]

    def _alleges_atrocity(self, clause, text: str) -> bool:
        """A reported clause saying someone committed atrocities ("Y committed war crimes",
        "Y carried out genocide"): grammar.yaml allegation_verbs with an @war_crimes object."""
        if not self.lex.is_(clause.lower_, "allegation_verbs"):
            return False
        crimes = self.lex.wordsets.get("war_crimes")
        return crimes is not None and crimes.search(text_from(text, clause.idx, clause.right_edge)) is not None

    def _allegation(self, clause, speakers: list[Party], live: list[Candidate], args: ArgumentFinder) -> list[Candidate]:
        """'X said Y committed war crimes': X accuses Y (112); an act coded inside the clause
        ("carried out genocide") is what is alleged, not an event of its own."""
        accused = self._others(args, clause_subject(clause), speakers)
        if not accused:
            return []
        for c in live:
            if clause.left_edge.i <= c.token_i <= clause.right_edge.i:
                c.sources = []  # dropped by extract: the allegation stands for it
        rule = Rule(code=ALLEGATION_CODE, conf=0.8, source="reported allegation (extract.py)")
        c = Candidate(clause.i, clause.i, Trigger(clause.lower_, "verb", (rule,)), rule, False)
        c.sources, c.targets, c.reported = list(speakers), accused, True
        return [c]

    def _as_request(self, c: Candidate, speakers: list[Party], kind: str) -> None:
        """Turn 'Y <act>' inside "X said Y must ..." into X asking Y to act."""
        src = {p.referent.actor.code for p in speakers}
        targets = [p for p in c.sources if p.referent.actor.code not in src]
        if not targets:
            return  # "we must strengthen ties": the speaker's own intent, coded as it stands
        code = recode(self.lex.recode.get(kind, {}), c.rule.code) or ("100" if kind == "demand" else "020")
        c.rule = replace(c.rule, code=code)
        c.sources, c.targets = list(speakers), targets
        c.reported = True
        c.modality = None  # "should"/"must" inside a request is the request itself

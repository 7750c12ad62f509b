"""EventCoder: documents in, who-did-what-to-whom Event records out.

Flow per document: split sentences (no parsing) → find actors with the actor dictionary and drop
sentences that can hold no event → parse the survivors in batches (tok2vec + parser only) →
extract triggers and arguments (comity.coder.extract) → Event records with ontology facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from comity.coder.coref import DocumentMemory, Referent
from comity.coder.arguments import ArgumentFinder, same_actor
from comity.coder.candidate import Candidate, Party, recode
from comity.coder.extract import SentenceExtractor
from comity.coder.modality import negation_and_modality
from comity.coder.ontology import cameo_info, cameo_table
from comity.coder.patterns import Lexicon, Rule, Trigger, default_lexicon
from comity.coder.sentences import split_sentences
from comity.records import ActorMention, Document, Event, actor_dict

WORD_RE = re.compile(r"\w+")

# Components the coder does not need: it matches verbs by surface form, not by lemma or tag.
PARSE_DISABLE = ("tagger", "attribute_ruler", "lemmatizer", "ner")
HEDGED_FACTOR = 0.6
COREF_FACTOR = 0.8
REPORTED_FACTOR = 0.9
CLASSIFIER_FACTOR = 0.6


@dataclass
class SentenceRecord:
    index: int
    start: int
    end: int
    text: str
    has_actor: bool


@dataclass
class CodedDocument:
    document: Document
    sentences: list[SentenceRecord]
    events: list[Event]
    skipped_sentences: int  # sentences never parsed (no actor, nothing to refer back to)


@dataclass
class _Pending:
    """A document between pre-filtering and extraction."""

    document: Document
    sentences: list[SentenceRecord]
    mentions: dict[int, list[ActorMention]] = field(default_factory=dict)  # sentence index → mentions
    parse: list[int] = field(default_factory=list)  # sentence indexes to parse, in order


class EventCoder:
    """Codes documents into Events; see the module docstring for the stages.

    nlp: a spaCy Language with a parser (default comity.nlp.load()); actors: an actor dictionary
    with find/may_contain_actor/role_sector (default comity.actors.default_dictionary());
    classifier: optional object with .predict(sentence) -> (cameo_root, probability), used when a
    sentence has actors but no pattern matched. negation: "reject" (default: a refused cooperative
    act becomes CAMEO 12, as GDELT/ICEWS and the CAMEO manual code it, with the act's own code kept in
    extra["negated_code"]; other negated acts keep their code with negated=True) or "flag" (every
    negated act keeps its code, negated=True).
    generic_sentences: also parse sentences that name no actor but hold a role noun and a trigger
    word ("Police arrested dozens of protesters"); False restores the named-actor-only pre-filter.
    """

    def __init__(self, nlp=None, actors=None, classifier=None, lexicon: Lexicon | None = None,
                 classifier_threshold: float = 0.8, negation: str = "reject", generic_sentences: bool = True):
        if negation not in ("flag", "reject"):
            raise ValueError(f"negation must be 'flag' or 'reject', not {negation!r}")
        if nlp is None:
            from comity.nlp import load

            nlp = load()
        if actors is None:
            from comity.actors import default_dictionary

            actors = default_dictionary()
        self.nlp = nlp
        self.actors = actors
        self.classifier = classifier
        self.classifier_threshold = classifier_threshold
        self.negation = negation  # "reject": a refused cooperative act is coded CAMEO 12 (GDELT style)
        # parse sentences that name no actor but hold a role noun and a trigger ("Police arrested ...")
        self.generic_sentences = generic_sentences
        self.lexicon = lexicon or default_lexicon()
        self.extractor = SentenceExtractor(self.lexicon, actors.role_sector)
        self._disable = [name for name in PARSE_DISABLE if name in nlp.pipe_names]
        self._trigger_words = frozenset(self.lexicon.verbs) | frozenset(self.lexicon.nouns)
        g = self.lexicon.grammar
        self._pronouns = g.get("singular_pronouns", frozenset()) | g.get("plural_pronouns", frozenset())

    # ------------------------------------------------------------------ public API
    def code_text(self, text: str, date: str | None = None, doc_id: str = "text") -> list[Event]:
        return self.code_document(Document(id=doc_id, text=text, date=date))

    def code_document(self, doc: Document) -> list[Event]:
        return next(iter(self.code_documents([doc]))).events

    def code_documents(self, docs: Iterable[Document], batch_size: int = 256) -> Iterator[CodedDocument]:
        """Code documents in order; sentences of several documents share one parsing batch."""
        group: list[_Pending] = []
        pending_sentences = 0
        for doc in docs:
            item = self._prefilter(doc)
            group.append(item)
            pending_sentences += len(item.parse)
            if pending_sentences >= batch_size:
                yield from self._finish(group, batch_size)
                group, pending_sentences = [], 0
        if group:
            yield from self._finish(group, batch_size)

    # ------------------------------------------------------------------ stages
    def _prefilter(self, doc: Document) -> _Pending:
        item = _Pending(doc, [])
        seen_actor = False
        for index, span in enumerate(split_sentences(doc.text or "")):
            mentions: list[ActorMention] = []
            if self.actors.may_contain_actor(span.text):
                mentions = self.actors.find(span.text, doc.date)
            item.sentences.append(SentenceRecord(index, span.start, span.end, span.text, bool(mentions)))
            if mentions or (seen_actor and self._refers_back(span.text)) or self._names_role(span.text):
                item.mentions[index] = mentions
                item.parse.append(index)
            seen_actor = seen_actor or bool(mentions)
        return item

    def _names_role(self, text: str) -> bool:
        """A sentence with no named actor may still have a generic one ("Police arrested ...");
        it is worth parsing only when it also holds a trigger word."""
        check = getattr(self.actors, "may_contain_role", None)
        if not (self.generic_sentences and check and check(text)):
            return False
        return not self._trigger_words.isdisjoint(WORD_RE.findall(text.lower()))

    def _refers_back(self, text: str) -> bool:
        """Whether a sentence without actors may name one by pronoun ("She said ..."), role noun
        ("The ministry said ...") or pair phrase ("the two countries") near its start."""
        words = [w.strip(",.;:\"'“”‘’()") for w in text.lower().split()[:8]]
        if any(w in self._pronouns for w in words):
            return True
        if any(self.actors.role_sector(w) for w in words[:4] if w):
            return True
        low = text.lower()
        return any(p in low for p in self.lexicon.phrases.get("pair_phrases", ()))

    def _finish(self, group: list[_Pending], batch_size: int) -> Iterator[CodedDocument]:
        texts = [item.sentences[i].text for item in group for i in item.parse]
        parsed = iter(self.nlp.pipe(texts, batch_size=batch_size, disable=self._disable))
        for item in group:
            memory = DocumentMemory()
            events: list[Event] = []
            for index in item.parse:
                sdoc = next(parsed)
                record = item.sentences[index]
                mentions = item.mentions[index]
                events += self._code_sentence(item.document, record, sdoc, mentions, memory)
            skipped = len(item.sentences) - len(item.parse)
            yield CodedDocument(item.document, item.sentences, events, skipped)

    def _code_sentence(self, document: Document, record: SentenceRecord, sdoc, mentions, memory) -> list[Event]:
        cands = self.extractor.extract(sdoc, mentions, memory)
        if not cands and mentions and self.classifier is not None:
            cands = self._classify(sdoc, record, mentions, memory)
        events: list[Event] = []
        for m in mentions:  # after coding: a role noun refers to an earlier sentence's actor
            memory.remember(m.actor, m.text, m.how)
        for c in cands:
            events += self._events(document, record, sdoc, c)
            memory.remember_sources([p.referent for p in c.sources])
            memory.remember_pair([p.referent for p in c.sources if p.via not in ("coref", "generic")],
                                 [p.referent for p in c.targets if p.via not in ("coref", "generic")])
        return events

    def _classify(self, sdoc, record, mentions, memory) -> list[Candidate]:
        """The classifier hook: actors but no dictionary trigger; a confident root becomes an event."""
        root, prob = self.classifier.predict(record.text)
        root = str(root).zfill(2)
        if prob < self.classifier_threshold or root not in cameo_table():
            return []
        head = next((t for t in sdoc if t.dep_ == "ROOT"), None)
        if head is None:
            return []
        rule = Rule(code=root, conf=float(prob) * CLASSIFIER_FACTOR, source="classifier")
        c = Candidate(head.i, head.i, Trigger(head.lower_, "verb", (rule,)), rule, False)
        ArgumentFinder(self.lexicon, self.actors.role_sector, sdoc, mentions, memory).arguments(c)
        negation_and_modality(c, sdoc, self.lexicon)
        return [c] if c.sources else []

    def _events(self, document: Document, record: SentenceRecord, sdoc, c: Candidate) -> list[Event]:
        code, negated, negated_code = c.rule.code, c.negated, None
        if negated and self.negation == "reject":
            rejected = recode(self.lexicon.recode.get("reject", {}), code)
            if rejected:
                code, negated, negated_code = rejected, False, code
        info = cameo_info(code)
        first, last = sdoc[c.start_i], sdoc[c.token_i]
        char_start = record.start + first.idx
        char_end = record.start + last.idx + len(last.text)
        conf = c.rule.conf
        if c.modality == "hedged":
            conf *= HEDGED_FACTOR
        if any(p.via == "coref" for p in c.sources):
            conf *= COREF_FACTOR
        if c.reported:
            conf *= REPORTED_FACTOR
        group = f"{document.id}:{record.index}:{c.token_i}"
        extra = {"pattern": c.rule.source, "cameo_name": info["name"], "reported_speech": c.reported,
                 "source_via": sorted({p.via for p in c.sources})}
        if c.asserted_code:
            extra["asserted_code"] = c.asserted_code
        if negated_code:
            extra["negated_code"] = negated_code
        targets: list[Party | None] = list(c.targets) or [None]
        out = []
        for src in c.sources:
            for tgt in targets:
                if tgt is not None and same_actor(tgt, src):
                    continue
                t_conf = conf * (COREF_FACTOR if tgt is not None and tgt.via == "coref" else 1.0)
                out.append(Event(
                    doc_id=document.id, sentence_index=record.index, sentence=record.text,
                    source=_party_dict(src.referent), target=_party_dict(tgt.referent) if tgt else None,
                    plover_event=info["plover_event"] or "", plover_mode=info["plover_mode"],
                    cameo_code=info["code"], cameo_root=info["root"], quad_class=info["quad_class"],
                    goldstein=info["goldstein"], negated=negated, modality=c.modality,
                    confidence=round(max(0.0, min(1.0, t_conf)), 3), date=document.date,
                    trigger=document.text[char_start:char_end], char_start=char_start, char_end=char_end,
                    sentence_start=record.start, event_group=group, extra=dict(extra),
                ))
        return out


def _party_dict(ref: Referent) -> dict:
    return actor_dict(ref.actor, ref.text)

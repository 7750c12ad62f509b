"""EventCoder: documents in, who-did-what-to-whom Event records out.

Flow per document: split sentences (no parsing) → find actors with the actor dictionary and drop
sentences that can hold no event → parse the survivors in batches (tok2vec + parser only; each
document's survivors joined, see comity.coder.parsing) →
extract triggers and arguments (comity.coder.extract) → Event records with ontology facts.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from functools import partial
from typing import Iterable, Iterator

from comity.coder.coref import DocumentMemory, Referent
from comity.coder.arguments import UNIDENTIFIED_VIA, ArgumentFinder, same_actor
from comity.coder.candidate import Candidate, Party, recode
from comity.coder.extract import SentenceExtractor
from comity.coder.modality import negation_and_modality
from comity.coder.ontology import cameo_info, cameo_table
from comity.coder.overlap import overlapped
from comity.coder.parsing import parse_passages
from comity.coder.patterns import Lexicon, Rule, Trigger, default_lexicon
from comity.coder.sentences import split_sentences
from comity.parallel import available_workers
from comity.records import ActorMention, Document, Event, actor_dict

WORD_RE = re.compile(r"\w+")

# Components the coder does not need: it matches verbs by surface form, not by lemma or tag.
PARSE_DISABLE = ("tagger", "attribute_ruler", "lemmatizer", "ner")
HEDGED_FACTOR = 0.6
COREF_FACTOR = 0.8
REPORTED_FACTOR = 0.9
CLASSIFIER_FACTOR = 0.6  # confidence of an event whose code comes from the learned classifier
# Classifier thresholds (benchmarks/RESULTS.md has the measurements). OVERRIDE: 0.8, the value that
# nested cross-validation on the quad gold set chose in 4 of 5 outer folds (0.9 in the fifth). FILL:
# nested CV chose 0.4, but gold sentences always hold an event and news sentences often do not; at
# 0.4-0.7 analytic sentences of real articles (where a country's attention lay) got events, so the
# shipped value is 0.8 (quad macro-F1 0.870 at 0.8 against 0.887 at 0.6, 5-fold CV).
FILL_THRESHOLD = 0.8
OVERRIDE_THRESHOLD = 0.8
# prefilter: sentence splitting and actor lookup; parse: spaCy tok2vec+parser; classifier: the learned
# classifier's batched predictions; extract: triggers, arguments and Event records
STAGES = ("prefilter", "parse", "classifier", "extract")
GROUP_SENTENCES = 512  # kept sentences per parsing group (code_documents' batch_size)


def quad5_of_root(root: str) -> str:
    """The 5-way class of a CAMEO root (0 statement/appeal 01-02, 1 verbal coop 03-05, 2 material
    coop 06-08, 3 verbal conflict 09-13 and 16, 4 material conflict 14-15 and 17-20)."""
    r = int(root[:2])
    return "0" if r <= 2 else "1" if r <= 5 else "2" if r <= 8 else "3" if r <= 13 or r == 16 else "4"


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
    with find/may_contain_actor/role_sector, and optionally multiword_role_heads/word_list (the
    shipped tables' lists stand in when it lacks them) (default comity.actors.default_dictionary());
    classifier: "default" (the learned classifier shipped in comity/data/models/, loaded lazily on
    the first sentence that needs it), None (rules only), or an object with
    .predict_span(parsed_sentence) -> (cameo_root, probability) (or, failing that,
    .predict(sentence_text) -> same). It is used two ways (see _code_sentence):
    fill: a sentence with actors but no pattern gets the classifier's root code when its probability
    is >= fill_threshold (actors from the argument finder, else the first actor named as source);
    override: where patterns fired and the classifier puts the sentence in another quad class with
    probability >= override_threshold, the events take the classifier's root code (actors kept, the
    pattern's code in extra["pattern_code"], confidence lowered).
    negation: "reject" (default: a refused cooperative act becomes CAMEO 12, as GDELT/ICEWS and the
    CAMEO manual code it, with the act's own code kept in extra["negated_code"]; other negated acts
    keep their code with negated=True) or "flag" (every negated act keeps its code, negated=True).
    generic_sentences: also parse sentences that name no actor but hold a role noun and a trigger
    word ("Police arrested dozens of protesters"); False restores the named-actor-only pre-filter.
    overlap: parse the next group of sentences in a background thread while the current group is
    extracted (comity.coder.overlap; same events). Default: on when the machine has two or more
    CPUs; off in the worker processes of comity.parallel, which keep every CPU busy already.
    """

    def __init__(self, nlp=None, actors=None, classifier="default", lexicon: Lexicon | None = None,
                 fill_threshold: float = FILL_THRESHOLD, override_threshold: float = OVERRIDE_THRESHOLD,
                 negation: str = "reject", generic_sentences: bool = True, overlap: bool | None = None):
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
        self._classifier = classifier  # "default" until first needed, then the loaded model
        self.fill_threshold = fill_threshold
        self.override_threshold = override_threshold
        self.negation = negation  # "reject": a refused cooperative act is coded CAMEO 12 (GDELT style)
        # parse sentences that name no actor but hold a role noun and a trigger ("Police arrested ...")
        self.generic_sentences = generic_sentences
        self.overlap = (available_workers() > 1) if overlap is None else overlap
        self.lexicon = lexicon or default_lexicon()
        self.extractor = SentenceExtractor(self.lexicon, actors)
        self._disable = [name for name in PARSE_DISABLE if name in nlp.pipe_names]
        self._trigger_words = frozenset(self.lexicon.verbs) | frozenset(self.lexicon.nouns)
        g = self.lexicon.grammar
        self._pronouns = g.get("singular_pronouns", frozenset()) | g.get("plural_pronouns", frozenset())
        # Seconds spent per stage since creation (or since the caller reset it): `comity bench`
        # reports them. Timed per document or per parsing batch, so the clock costs nothing.
        self.stage_seconds = dict.fromkeys(STAGES, 0.0)

    # ------------------------------------------------------------------ public API
    def code_text(self, text: str, date: str | None = None, doc_id: str = "text") -> list[Event]:
        return self.code_document(Document(id=doc_id, text=text, date=date))

    def code_document(self, doc: Document) -> list[Event]:
        return next(iter(self.code_documents([doc]))).events

    def code_documents(self, docs: Iterable[Document], batch_size: int = GROUP_SENTENCES) -> Iterator[CodedDocument]:
        """Code documents in order; sentences of several documents share one parsing batch."""
        groups = self._groups(docs, batch_size)
        parse = partial(self._parse_group, batch_size=batch_size)
        pairs = overlapped(groups, parse) if self.overlap else ((g, parse(g)) for g in groups)
        for group, parsed in pairs:
            yield from self._finish(group, parsed)

    def _groups(self, docs: Iterable[Document], batch_size: int) -> Iterator[list[_Pending]]:
        """Pre-filtered documents in groups of about batch_size sentences to parse."""
        group: list[_Pending] = []
        pending_sentences = 0
        clock = time.perf_counter
        for doc in docs:
            started = clock()
            item = self._prefilter(doc)
            self.stage_seconds["prefilter"] += clock() - started
            group.append(item)
            pending_sentences += len(item.parse)
            if pending_sentences >= batch_size:
                yield group
                group, pending_sentences = [], 0
        if group:
            yield group

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

    def _parse_group(self, group: list[_Pending], batch_size: int) -> list:
        """The kept sentences of a group as parsed Docs, in order (run in the overlap thread when
        overlapping: its time is then parse time beside the other stages, not added to them)."""
        started = time.perf_counter()
        passages = [[item.sentences[i].text for i in item.parse] for item in group]
        # one batch for the whole group: a group overshoots batch_size by a few sentences, and a
        # tiny second batch would cost nearly as much as a full one
        parsed = [doc for docs in parse_passages(self.nlp, passages, self._disable,
                                                 max(batch_size, sum(map(len, passages))))
                  for doc in docs]
        self.stage_seconds["parse"] += time.perf_counter() - started
        return parsed

    def _finish(self, group: list[_Pending], parsed: list) -> Iterator[CodedDocument]:
        clock, stages = time.perf_counter, self.stage_seconds
        started = clock()
        predictions = self._predict_named(group, parsed)
        stages["classifier"] += clock() - started
        at = 0
        for item in group:
            started = clock()
            memory = DocumentMemory()
            events: list[Event] = []
            for index in item.parse:
                sdoc = parsed[at]
                record = item.sentences[index]
                mentions = item.mentions[index]
                events += self._code_sentence(item.document, record, sdoc, mentions, memory,
                                              predictions.get(at))
                at += 1
            skipped = len(item.sentences) - len(item.parse)
            stages["extract"] += clock() - started
            yield CodedDocument(item.document, item.sentences, events, skipped)

    @property
    def classifier(self):
        """The learned classifier in use (None: rules only); "default" is loaded on first use."""
        if isinstance(self._classifier, str):
            if self._classifier != "default":
                raise ValueError(f"classifier must be 'default', None or a classifier object, not {self._classifier!r}")
            from comity.learn import default_classifier

            self._classifier = default_classifier()
        return self._classifier

    def _predict_named(self, group: list[_Pending], parsed: list) -> dict[int, tuple[str | None, float]]:
        """Classifier predictions, in one batch, for the parsed sentences that name an actor (each
        of them will ask for one; see _code_sentence), by position in `parsed`. Empty unless the
        classifier has a batch method, predict_spans(parsed_sentences) -> [(cameo_root, probability)]."""
        if self._classifier is None:
            return {}
        flags = [bool(item.mentions[index]) for item in group for index in item.parse]
        positions = [at for at, named in enumerate(flags) if named]
        if not positions:
            return {}
        predict_spans = getattr(self.classifier, "predict_spans", None)
        if predict_spans is None:
            return {}
        results = predict_spans([parsed[at] for at in positions])
        return {at: self._checked_root(root, prob) for at, (root, prob) in zip(positions, results)}

    def _code_sentence(self, document: Document, record: SentenceRecord, sdoc, mentions, memory,
                       prediction: tuple[str | None, float] | None = None) -> list[Event]:
        cands = self.extractor.extract(sdoc, mentions, memory, record.text)
        if (cands or mentions) and self._classifier is not None:
            root, prob = prediction if prediction is not None else self._predict(sdoc, record.text)
            if not cands:
                cands = self._fill(root, prob, sdoc, mentions, memory, record.text)
            else:
                self._override(cands, root, prob)
        events: list[Event] = []
        for m in mentions:  # after coding: a role noun refers to an earlier sentence's actor
            memory.remember(m.actor, m.text, m.how)
        for c in cands:
            events += self._events(document, record, sdoc, c)
            # an unidentified attacker is no one a later "they" or "the two sides" can mean
            named = [p for p in c.sources if p.via != UNIDENTIFIED_VIA]
            memory.remember_sources([p.referent for p in named])
            memory.remember_pair([p.referent for p in named if p.via not in ("coref", "generic")],
                                 [p.referent for p in c.targets if p.via not in ("coref", "generic")])
        return events

    def _predict(self, sdoc, text: str) -> tuple[str | None, float]:
        """(CAMEO root "01".."20", probability) from the classifier; (None, 0) for an unknown root."""
        model = self.classifier
        predict_span = getattr(model, "predict_span", None)
        root, prob = predict_span(sdoc) if predict_span is not None else model.predict(text)
        return self._checked_root(root, prob)

    @staticmethod
    def _checked_root(root, prob) -> tuple[str | None, float]:
        root = str(root).zfill(2)[:2]
        return (root, float(prob)) if root in cameo_table() else (None, 0.0)

    @staticmethod
    def _root_code(root: str) -> str:
        """The "not specified below" code of a CAMEO root ("02" → "020"), else the root itself."""
        return root + "0" if root + "0" in cameo_table() else root

    def _fill(self, root, prob, sdoc, mentions, memory, text: str) -> list[Candidate]:
        """Actors but no dictionary trigger: a confident classifier root becomes an event at the
        sentence's root token; the source is the argument finder's, else the first actor named."""
        if root is None or prob < self.fill_threshold:
            return []
        head = next((t for t in sdoc if t.dep_ == "ROOT"), None)
        if head is None:
            return []
        rule = Rule(code=self._root_code(root), conf=prob * CLASSIFIER_FACTOR, source="classifier")
        c = Candidate(head.i, head.i, Trigger(head.lower_, "verb", (rule,)), rule, False)
        ArgumentFinder(self.lexicon, self.actors, sdoc, mentions, memory, text,
                       self.extractor.role_words).arguments(c)
        if not c.sources:
            first = mentions[0]
            c.sources = [Party(Referent(first.actor, first.text, False), "mention")]
            c.targets = [t for t in c.targets if not same_actor(t, c.sources[0])]
        negation_and_modality(c, sdoc, self.lexicon)
        return [c]

    def _override(self, cands: list[Candidate], root, prob) -> None:
        """Patterns fired but the classifier, sure enough, puts the sentence in another quad class
        than every one of them: the candidates take the classifier's root code (their actors stay).
        When some pattern already agrees with the classifier, the sentence keeps all its events
        ("X condemned Y's attack on Z" holds a verbal conflict and a material one)."""
        if root is None or prob < self.override_threshold:
            return
        quad = quad5_of_root(root)
        live = [c for c in cands if c.rule.code]
        if not live or any(quad5_of_root(self._final_code(c)) == quad for c in live):
            return
        for c in live:
            rule = Rule(code=self._root_code(root), conf=min(c.rule.conf, prob) * CLASSIFIER_FACTOR,
                        source=f"classifier over {c.rule.source}".strip())
            c.overridden_code = self._final_code(c)  # a note for _events, not a Candidate field
            c.rule, c.asserted_code = rule, None
            if self.negation == "reject":  # the classifier's root already is the sentence's reading
                c.negated = False

    def _final_code(self, c: Candidate) -> str:
        """The code a candidate will be given (a refused cooperative act becomes 12 under "reject")."""
        if c.negated and self.negation == "reject":
            return recode(self.lexicon.recode.get("reject", {}), c.rule.code) or c.rule.code
        return c.rule.code

    def _events(self, document: Document, record: SentenceRecord, sdoc, c: Candidate) -> list[Event]:
        code, negated, negated_code = c.rule.code, c.negated, None
        if negated and self.negation == "reject":
            rejected = recode(self.lexicon.recode.get("reject", {}), code)
            if rejected:
                code, negated, negated_code = rejected, False, code
        info = cameo_info(code)
        plover_event, plover_mode = info["plover_event"] or "", info["plover_mode"]
        if c.rule.plover and code == c.rule.code:  # a PLOVER mode with no CAMEO code of its own
            plover_event, plover_mode = c.rule.plover
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
        if getattr(c, "overridden_code", None):
            extra["pattern_code"] = c.overridden_code
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
                    plover_event=plover_event, plover_mode=plover_mode,
                    cameo_code=info["code"], cameo_root=info["root"], quad_class=info["quad_class"],
                    goldstein=info["goldstein"], negated=negated, modality=c.modality,
                    confidence=round(max(0.0, min(1.0, t_conf)), 3), date=document.date,
                    trigger=document.text[char_start:char_end], char_start=char_start, char_end=char_end,
                    sentence_start=record.start, event_group=group, extra=dict(extra),
                ))
        return out


def _party_dict(ref: Referent) -> dict:
    return actor_dict(ref.actor, ref.text)

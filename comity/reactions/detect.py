"""Finding reaction actions in one document: cue matches tied to their speakers, with dates and weights.

The document is read line by line: short lines naming an actor are headings ("United Nations",
"- Iran -", "CHINA:") whose actor speaks for the lines below; bullet lines ("•  Angola – The ...")
and label lines ("Saudi Arabia: The kingdom ...", "NATO – The alliance ...") speak for their item; a
quote with no speaker in its sentence belongs to the speaker who closes it ("'...,' he said" in a later
sentence), the previous sentence's speaker, or the heading.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from comity.reactions.cues import CueBook, CueMatch
from comity.reactions.dating import date_sentence
from comity.reactions.model import Crisis, Evidence
from comity.reactions.speakers import (Speaker, SpeakerRules, attribution, cue_speaker, governing_verb, is_hedged,
                                      is_negated, sentence_subject, slot_is_main_subject)

QUOTES = "\"“”'‘’"
DOUBLE_QUOTES = "\"“”"
# "MANILA, Philippines –", "PARIS, France --", "NEW DELHI:": the place of filing, not a speaker.
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .'-]+?)?\s*(?:[–—]|-{1,2}|:)\s")
BULLET = re.compile(r"^\s*(?:[•·*▪◦]|-(?=\s))\s*")
ITEM_SPLIT = re.compile(r"\s[–—-]\s")
NEGATION = re.compile(r"(?<![\w-])(?:not|never|no)(?![\w-])|n['’]t\b", re.IGNORECASE)
LABEL = re.compile(r"^\s*([^:]{2,60}?):\s+\S")  # "Saudi Arabia: The kingdom condemned ..."
NAME_DASH = re.compile(r"^\s*([^–—:]{2,60}?)\s+[–—]\s+\S")  # "NATO – Secretary General ..." (list without bullets)
HEADING_NAME_DEPS = {"compound", "poss", "amod", "conj", "cc", "det", "punct", "case", "nmod", "appos"}
STATE_SECTORS = {None, "", "GOV", "MIL", "LEG", "JUD", "SPY", "COP", "DIP", "ELI", "PTY", "IGO"}


@dataclass
class PartyResolver:
    """Which mentions stand for a crisis party: the party's own code, its state organs, and a
    non-state group only when the crisis's trigger names it as the attacker (e.g. Hamas, 7 Oct 2023)."""

    parties: tuple[str, ...]
    attacker_groups: dict[str, str] = field(default_factory=dict)  # group code -> party

    def party_of(self, mention) -> str | None:
        actor = mention.actor
        if actor.code in self.parties:
            return actor.code
        if actor.code in self.attacker_groups:
            return self.attacker_groups[actor.code]
        if actor.country in self.parties and actor.sector in STATE_SECTORS:
            return actor.country
        return None


@dataclass
class _LineInfo:
    item: Speaker | None  # the speaker of a bullet item
    quotes: list[int]  # positions of double quotation marks in the line
    offset: int  # where the sentence starts in the line
    later: list  # attributions of the next sentences in the line
    quote_paragraph: bool  # the line opens with a quotation

    def inside_quote(self, pos: int) -> bool:
        return sum(1 for q in self.quotes if q < self.offset + pos) % 2 == 1


@dataclass
class _Context:
    heading: Speaker | None = None
    previous: Speaker | None = None


def _is_heading(line: str, has_mentions: bool) -> bool:
    text = line.strip().strip("-–—:* ").strip()
    words = text.split()
    if not words or len(words) > 8:
        return False
    if text[-1:] in ".!?\"”'’" or any(q in text for q in "\"“”"):
        return False
    return has_mentions or line.strip().endswith(":") or len(words) <= 5


def _is_headline(pdoc) -> bool:
    """A heading with a verb of its own ("China urges restraint"), as opposed to a name ("- Iran -")."""
    return any(t.pos_ == "VERB" and t.dep_ == "ROOT" for t in pdoc)


def heading_speakers(pdoc, mentions) -> list:
    """Who a heading names as speaker: all its actors when it has no verb ("United Nations",
    "- Iran -"); the subject's actors when it is a headline ("China calls for restraint"); nobody
    when the subject is no actor ("World reacts to Hamas attack on Israel")."""
    verbs = [t for t in pdoc if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj")]
    if not verbs:  # a name heading: the actors the root names ("Israel's Ambassador to India" -> ISR)
        names = []
        for root in (t for t in pdoc if t.dep_ == "ROOT"):
            stack = [root]
            while stack:
                tok = stack.pop()
                names.append(tok)
                stack += [c for c in tok.children if c.dep_ in HEADING_NAME_DEPS
                          or (c.dep_ == "prep" and c.lower_ in ("of", "for", "in"))
                          or (c.dep_ == "pobj" and tok.dep_ == "prep")]
        spans = [(t.idx, t.idx + len(t)) for t in names]
        return [m for m in mentions if any(a <= m.start < b or m.start <= a < m.end for a, b in spans)]
    found = []
    for verb in verbs:
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            span = (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge))
            found += [m for m in mentions if span[0] <= m.start < span[1]]
    return found


def _starts_quote(text: str) -> bool:
    return text.lstrip()[:1] in QUOTES or text.lstrip().startswith(("…", "..."))


def _opens_unclosed_quote(text: str) -> bool:
    count = sum(text.count(q) for q in "\"“”")
    return _starts_quote(text) and count % 2 == 1


class DocumentReader:
    """Detects reactions in documents for one crisis; holds the parser, dictionary and rules."""

    def __init__(self, crisis: Crisis, actors, cues: CueBook, nlp, rules: SpeakerRules, resolver: PartyResolver,
                 attacker: str | None):
        self.crisis, self.actors, self.cues, self.nlp, self.rules = crisis, actors, cues, nlp, rules
        self.resolver, self.attacker = resolver, attacker

    def read(self, doc) -> list[Evidence]:
        lines = []  # (raw line, text without bullet, offset of that text in the document)
        for m in re.finditer(r"[^\n]+", doc.text):
            if m.group(0).strip():
                bullet = BULLET.match(m.group(0))
                cut = bullet.end() if bullet else 0
                lines.append((m.group(0), m.group(0)[cut:], m.start() + cut))
        mentions_by_line = [self._find(text, doc.date) for _, text, _ in lines]
        # Parse only the lines that can matter: headings, lines with a cue, lines before a quotation.
        wanted = [
            _is_heading(text, bool(ms)) or self._has_cue(text, ms)
            or (i + 1 < len(lines) and _starts_quote(lines[i + 1][1]))
            for i, ((_, text, _), ms) in enumerate(zip(lines, mentions_by_line))
        ]
        parsed = iter(self.nlp.pipe(text for (_, text, _), want in zip(lines, wanted) if want))
        ctx = _Context()
        out: list[Evidence] = []
        for (raw, text, offset), line_mentions, want in zip(lines, mentions_by_line, wanted):
            if not want:
                if line_mentions:
                    ctx.previous = None  # someone else may be speaking here
                continue
            pdoc = next(parsed)
            if _is_heading(text, bool(line_mentions)):
                speakers = heading_speakers(pdoc, line_mentions)
                ctx.heading = Speaker(tuple(speakers), text.strip(), "heading") if speakers else None
                ctx.previous = None
                if not _is_headline(pdoc):
                    continue  # a name heading ("United Nations"); a headline ("Russia welcomes talks") is read too
            item = self._list_item(raw, text, line_mentions)
            dateline = None if item or BULLET.match(raw) else DATELINE.match(text)  # "• NATO – ..." is an item
            skip_to = dateline.end() if dateline else 0
            quotes = [i for i, ch in enumerate(text) if ch in DOUBLE_QUOTES]
            sents = list(pdoc.sents)
            found = []
            for sent in sents:
                mentions = [m for m in self._find(sent.text, doc.date) if m.start + sent.start_char >= skip_to]
                found.append((mentions, attribution(sent, mentions, [], self.rules)))
            for k, sent in enumerate(sents):
                line_info = _LineInfo(item, quotes, sent.start_char, [a for _, a in found[k + 1: k + 4]],
                                      _starts_quote(text) and k == 0)
                out.extend(self._sentence(doc, sent, offset + sent.start_char, found[k][0], found[k][1],
                                          line_info, ctx))
        return out

    def _party_words(self, mentions) -> dict[str, list[str]]:
        words: dict[str, list[str]] = {}
        for m in mentions:
            party = self.resolver.party_of(m)
            if party:
                words.setdefault(party, []).append(m.text)
        return words

    def _has_cue(self, text: str, mentions) -> bool:
        return bool(self.cues.match(text, self._party_words(mentions), self.crisis.trigger, bool(self.attacker)))

    def _find(self, text: str, date: str | None):
        return list(self.actors.find(text, date))

    def _list_item(self, raw: str, text: str, mentions) -> Speaker | None:
        """The actor a list item speaks for: "•  Angola – The ..." or an unbulleted label line."""
        if not BULLET.match(raw):
            return _label_item(text, mentions)
        m = ITEM_SPLIT.search(text)
        if not m:
            return None
        head = [x for x in mentions if x.end <= m.start()]
        return Speaker(tuple(head), text[: m.start()].strip(), "list_item") if head else None

    def _sentence(self, doc, sent, char_start, mentions, own_attr, info: "_LineInfo", ctx):
        text = sent.text
        party_words = self._party_words(mentions)
        matches = sorted(self.cues.match(text, party_words, self.crisis.trigger, bool(self.attacker)),
                         key=lambda m: m.start)
        speaker_for_sentence = own_attr
        pairs: list[tuple[CueMatch, Speaker]] = []
        for match in matches:
            if self._cancelled(sent, match):
                continue
            exclude = [(match.party_start, match.party_end)] if match.party_start is not None else []
            speaker = None
            if info.inside_quote(match.start):  # a quote belongs to whoever it is attributed to
                speaker = own_attr or next((a for a in info.later if a is not None), None)
            status = "found"
            if speaker is None:
                speaker, status = cue_speaker(sent, match.start, mentions, exclude, self.rules,
                                              is_party=lambda m: self.resolver.party_of(m) is not None,
                                              cue_end=match.end)
            if speaker is None and own_attr is not None and status != "noun":
                speaker = own_attr
            if speaker is None and (status != "noun" or _starts_quote(text) or info.item
                                    or info.inside_quote(match.start)):
                speaker = self._context_speaker(text, info, ctx)
            if speaker is None:
                continue
            speaker = _without_slot(speaker, exclude)
            if speaker is None:
                continue
            pairs.append((match, speaker))
            if speaker.how in ("sentence", "quote_attribution", "list_item"):
                speaker_for_sentence = speaker
        if speaker_for_sentence is None and (_starts_quote(text) or info.item):
            speaker_for_sentence = self._context_speaker(text, info, ctx)
        if speaker_for_sentence is None:  # "Britain joined the deployment. The prime minister said ..."
            speaker_for_sentence = sentence_subject(sent, mentions)
        if speaker_for_sentence is not None:
            ctx.previous = speaker_for_sentence
        return self._evidence(doc, sent, char_start, pairs, mentions, own_attr)

    def _cancelled(self, sent, match: CueMatch) -> bool:
        """Whether the parse takes the cue back: negated ("did not condemn"; a cue spelling out its own
        negation, "would not stand", "declined to take sides", is not), a condemnation that describes
        the perpetrator ("claimed the cowardly attack"), or a sided cue whose party is the speaker."""
        if match.kind != "neutral-position" and not NEGATION.search(match.text) \
                and is_negated(sent, match.start, self.rules):
            return True
        if match.kind in ("condemns-attack", "condolences"):
            verb = governing_verb(sent, match.start)
            if verb is not None and verb.lemma_.lower() in self.rules.perpetrator_verbs \
                    and verb.dep_ in ("relcl", "acl", "ROOT"):  # not "accused X of launching an illegal attack"
                return True
        return match.kind in ("backs", "criticises") and match.party_start is not None and \
            slot_is_main_subject(sent, match.party_start, match.party_end, match.end, self.rules)

    def _context_speaker(self, text, info: "_LineInfo", ctx) -> Speaker | None:
        if info.item is not None:
            return info.item
        if _opens_unclosed_quote(text) or (_starts_quote(text) and not text.rstrip().endswith(tuple(QUOTES))):
            for attr in info.later:
                if attr is not None:
                    return attr
        if ctx.previous is not None and (_starts_quote(text) or not info.quote_paragraph):
            return Speaker(ctx.previous.mentions, ctx.previous.words, "previous_sentence")
        if ctx.heading is not None:
            return ctx.heading
        return None

    def _evidence(self, doc, sent, char_start, pairs, mentions, own_attr) -> list[Evidence]:
        text = sent.text
        dated = date_sentence(text, doc.date, self.crisis.start, self.rules)
        readout = bool(self.rules.readout.search(text)) and any(self.resolver.party_of(m) for m in mentions)
        # "China backed Pakistan, Pakistan's foreign office said": known only through a party's account
        party_account = own_attr is not None and all(self.resolver.party_of(m) for m in own_attr.mentions)
        by_speaker: dict[str, list[tuple[str, CueMatch, Speaker]]] = {}
        for match, speaker in pairs:
            for code in speaker.codes:
                code = self.resolver.attacker_groups.get(code, code)  # Hamas speaks for PSE here
                by_speaker.setdefault(code, []).append((match.action, match, speaker))
        out = []
        for code, items in by_speaker.items():
            actions = self._resolve_actions(items, text)
            # one speaker, one rank in a sentence: the fullest naming wins ("Prime Minister X" and "X")
            weight = max(self.rules.rank(speaker.words)[1] for _, _, speaker in items)
            for action, match, speaker in actions:
                if action == f"criticises-{code}":
                    continue  # "President Putin, bring your troops back to Russia": the addressee
                hedged = is_hedged(sent, match.start, self.rules)
                confidence = weight * self.rules.context_weight.get(speaker.how, 0.8)
                if hedged:
                    confidence *= self.rules.hedge_weight
                via_party = readout or (party_account and speaker is not own_attr
                                        and code not in self.crisis.parties)
                if via_party:
                    confidence *= self.rules.readout_weight
                out.append(Evidence(
                    actor=code, action=action, doc_id=doc.id, sentence=text.strip(), char_start=char_start,
                    date=dated.date, title=doc.title, url=doc.url, confidence=round(confidence, 3),
                    speaker=speaker.words, hedged=hedged, via_party_readout=via_party,
                    historical=dated.historical, cue=match.text,
                ))
        return out

    def _resolve_actions(self, items, text):
        """Turn solidarity into backs-/condolences and add criticism of a party that carried out the
        condemned attack; one entry per action."""
        criticised = {a.split("-", 1)[1] for a, _, _ in items if a.startswith("criticises-")}
        resolved = []
        for action, match, speaker in items:
            if match.kind == "solidarity":
                others = criticised - {match.party}
                # Standing with the victim of a non-state attack is sympathy; standing with a party in a
                # war or dispute ("stood firmly with Guyana"), or against a party that attacked, is backing.
                sympathy = self.cues.names_an_attack(self.crisis.trigger) and self.attacker is None
                if others or not sympathy:
                    resolved.append((f"backs-{match.party}", match, speaker))
                else:
                    resolved.append(("condolences", match, speaker))
                    if re.search(self.cues.trigger_regex(self.crisis.trigger), text, re.IGNORECASE):
                        resolved.append(("condemns-attack", match, speaker))
                continue
            resolved.append((action, match, speaker))
            if match.kind == "condemns-attack":
                attacker = self._attacker_named(text, match) or self.attacker
                if attacker:
                    resolved.append((f"criticises-{attacker}", match, speaker))
        unique, seen = [], set()
        for entry in resolved:
            if entry[0] not in seen:
                seen.add(entry[0])
                unique.append(entry)
        return unique

    def _attacker_named(self, text: str, match: CueMatch) -> str | None:
        """A party named as the perpetrator right after the condemned attack ("attacks by Hamas")."""
        after = text[match.end: match.end + 90]
        for m in self.actors.find(after, None):
            party = self.resolver.party_of(m)
            lead = after[: m.start]
            if party and re.search(r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$", lead) \
                    and not re.search(r"\b(?:on|against|in|of|at|into|upon)\s+$", lead) \
                    and not after[m.end: m.end + 1] == "-":
                return party
        before = text[max(0, match.start - 40): match.end]
        for m in self.actors.find(before, None):
            party = self.resolver.party_of(m)
            if party and re.match(r"['’]s?\s", before[m.end: m.end + 3]):
                return party
        return None


def _label_item(text: str, mentions) -> Speaker | None:
    """The speaker of a label line, "Saudi Arabia: The kingdom ..." or "NATO – The alliance ...": the
    label must name actors and nothing else; an all-caps place is a dateline ("KHARTOUM –",
    "MANILA, Philippines –"), an all-caps IGO is a speaker ("NATO –")."""
    label = LABEL.match(text) or NAME_DASH.match(text)
    if not label:
        return None
    end = label.end(1)
    head = [x for x in mentions if x.start < end]
    rest = text[:end]
    for x in sorted(head, key=lambda x: -x.start):
        rest = rest[: x.start] + rest[min(x.end, end):]
    if not head or not re.fullmatch(r"[\s,&–-]*(?:and[\s,&–-]*)?", rest):
        return None
    if label.group(1).split(",")[0].isupper() and not any(x.actor.sector == "IGO" for x in head):
        return None
    return Speaker(tuple(head), text[:end].strip(), "list_item")


def _without_slot(speaker: Speaker, exclude) -> Speaker | None:
    if not exclude or speaker.how not in ("sentence", "quote_attribution"):
        return speaker
    kept = tuple(m for m in speaker.mentions if not any(s <= m.start < e for s, e in exclude))
    if not kept:
        return None
    return Speaker(kept, speaker.words, speaker.how)

"""Scoring reactions against a crisis corpus laid out like shared/corpus/crises:

    texts/NN-name.txt                   first line is the source ("SOURCE: URL", or a title)
    truth_exhaustive.jsonl              {"crisis", "parties", "actor", "action", "file", "evidence"}
    truth_exhaustive_borderline.jsonl   pairs that earn neither credit nor penalty
    stance.json                         {crisis: {actor: {"stance", "also_defensible": [...]}}}
    crises.json (optional)              {crisis: {"parties": [...], "start": "YYYY-MM-DD", "end": ...,
                                        "trigger": "..."}}: each crisis's definition
    truth.md (optional)                 "## b: Pulwama attack (14 Feb 2019) ...; parties IND, PAK; ..."
                                        headings give trigger and start date where crises.json is absent

Scoring rules:
  * actions: precision and recall of distinct (crisis, actor, action) pairs over third parties.
    Pairs whose actor is a party of the crisis are left out on both sides (the truth lists reactions
    of third parties only); borderline pairs are dropped from the predictions before scoring.
  * stance: over the actors listed in stance.json for the crisis. A prediction is right when it equals
    the listed stance or one in also_defensible. An actor the analysis did not report has the
    predicted stance null, which is right exactly when null is acceptable. Actors reported but not
    listed are not scored.
  * leave_crisis_out=True scores each crisis with the cues written after reading that crisis's texts
    removed (entries tagged `seen: [id]` in cues.yaml): the held-out figure.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from comity.reactions.analyse import analyse
from comity.reactions.cues import CueBook, load_cues
from comity.reactions.model import Crisis
from comity.records import Document

_HEADING = re.compile(r"^##\s+(?P<id>[\w-]+):\s*(?P<rest>.+)$")
_PAREN_DATE = re.compile(r"\((\d{1,2} \w{3,9} \d{4})\)")
_ISO = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_LONG = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                   r"\s+(\d{1,2}),\s+(\d{4})\b")


class CorpusError(ValueError):
    pass


@dataclass
class CrisisScore:
    crisis: str
    parties: list[str]
    stance_correct: int = 0
    stance_total: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[tuple[str, str]] = field(default_factory=list)
    false_negatives: list[tuple[str, str]] = field(default_factory=list)
    wrong_stances: list[dict] = field(default_factory=list)
    true_positives: list[tuple[str, str]] = field(default_factory=list)

    @property
    def stance_accuracy(self) -> float:
        return self.stance_correct / self.stance_total if self.stance_total else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def to_dict(self) -> dict:
        return {
            "crisis": self.crisis, "parties": self.parties,
            "stance_accuracy": round(self.stance_accuracy, 3), "stance_correct": self.stance_correct,
            "stance_total": self.stance_total, "precision": round(self.precision, 3),
            "recall": round(self.recall, 3), "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "false_positives": [list(p) for p in self.false_positives],
            "false_negatives": [list(p) for p in self.false_negatives],
            "wrong_stances": self.wrong_stances,
        }


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    if not path.exists():
        return rows
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path}:{n}: not JSON ({exc.msg})") from None
    return rows


def corpus_document(path: Path) -> Document:
    """A corpus text: first line is the source (URL after 'SOURCE:' or a title); the date is the first
    ISO or 'Month D, YYYY' date in its first lines, when there is one."""
    text = path.read_text(encoding="utf-8")
    first, _, body = text.partition("\n")
    url = first.split(":", 1)[1].strip() if first.upper().startswith("SOURCE:") else None
    title = None if url else first.strip()
    head = "\n".join(body.splitlines()[:12])
    date = None
    if m := _ISO.search(head):
        date = m.group(1)
    elif m := _LONG.search(head):
        date = datetime.strptime(" ".join(m.groups()), "%B %d %Y").date().isoformat()
    return Document(id=path.name, text=body if url else text, date=date, title=title, url=url, origin=str(path))


def crisis_headings(path: Path) -> dict[str, dict]:
    """{id: {"trigger", "start"}} from truth.md headings, when the file exists."""
    out: dict[str, dict] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _HEADING.match(line)
        if not m:
            continue
        rest = m.group("rest")
        trigger = rest.split("(", 1)[0].split(";", 1)[0].strip()
        start = None
        if d := _PAREN_DATE.search(rest):
            start = datetime.strptime(d.group(1), "%d %b %Y").date().isoformat()
        out[m.group("id")] = {"trigger": trigger, "start": start}
    return out


def crisis_definitions(path: Path) -> dict[str, dict]:
    """{id: {"parties", "start", "end", "trigger"}} from a corpus's crises.json, when the file exists."""
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{path}:{exc.lineno}: not JSON ({exc.msg})") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise CorpusError(f"{path}: expected {{crisis: {{parties, start, trigger}}}}")
    keys = ("parties", "start", "end", "trigger")
    return {cid: {k: spec[k] for k in keys if spec.get(k)} for cid, spec in data.items()}


def evaluate(corpus_dir: str | Path, *, leave_crisis_out: bool = False, cues: CueBook | None = None,
             actors=None, nlp=None, crises: list[str] | None = None, coder=None) -> dict:
    corpus = Path(corpus_dir)
    truth = _read_jsonl(corpus / "truth_exhaustive.jsonl")
    if not truth:
        raise CorpusError(f"{corpus}: no truth_exhaustive.jsonl rows")
    borderline = _read_jsonl(corpus / "truth_exhaustive_borderline.jsonl")
    stance_path = corpus / "stance.json"
    stances = json.loads(stance_path.read_text(encoding="utf-8")) if stance_path.exists() else {}
    headings = crisis_headings(corpus / "truth.md")
    headings.update(crisis_definitions(corpus / "crises.json"))
    book = cues or load_cues()

    parties: dict[str, list[str]] = {}
    files: dict[str, set[str]] = defaultdict(set)
    gold: dict[str, set] = defaultdict(set)
    for row in truth:
        parties[row["crisis"]] = row["parties"]
        files[row["crisis"]].add(row["file"])
        gold[row["crisis"]].add((row["actor"], row["action"]))
    skip: dict[str, set] = defaultdict(set)
    for row in borderline:
        skip[row["crisis"]].add((row["actor"], row["action"]))
        files[row["crisis"]].add(row["file"])

    scores = []
    for cid in sorted(parties):
        if crises and cid not in crises:
            continue
        info = headings.get(cid, {})
        try:
            crisis = Crisis(cid, tuple(info.get("parties") or parties[cid]), start=info.get("start"),
                            end=info.get("end"), trigger=info.get("trigger"))
        except ValueError as exc:
            raise CorpusError(f"{corpus}: {exc}") from None
        docs = []
        for name in sorted(files[cid]):
            path = corpus / "texts" / name
            if not path.exists():
                raise CorpusError(f"{path}: listed in the truth files but missing")
            docs.append(corpus_document(path))
        crisis_cues = book.without_seen(cid) if leave_crisis_out else book
        report = analyse(docs, crisis, cues=crisis_cues, actors=actors, nlp=nlp, coder=coder)
        scores.append(_score(cid, crisis, report, gold[cid], skip[cid], stances.get(cid, {})))
    return _summary(scores, leave_crisis_out)


def _score(cid, crisis, report, gold, skip, stance_truth) -> CrisisScore:
    score = CrisisScore(cid, list(crisis.parties))
    predicted = {(a.actor, act) for a in report.actors if not a.party for act in a.actions}
    gold = {p for p in gold if p[0] not in crisis.parties}
    predicted -= {p for p in skip if p not in gold}
    score.true_positives = sorted(predicted & gold)
    score.tp = len(score.true_positives)
    score.false_positives = sorted(predicted - gold)
    score.false_negatives = sorted(gold - predicted)
    score.fp, score.fn = len(score.false_positives), len(score.false_negatives)
    for actor, spec in stance_truth.items():
        found = report.actor(actor)
        got = found.stance if found else None
        ok = got == spec.get("stance") or got in (spec.get("also_defensible") or [])
        score.stance_total += 1
        score.stance_correct += ok
        if not ok:
            score.wrong_stances.append({"actor": actor, "predicted": got, "expected": spec.get("stance"),
                                        "also_defensible": spec.get("also_defensible") or []})
    return score


def _summary(scores: list[CrisisScore], leave_crisis_out: bool) -> dict:
    tp, fp, fn = (sum(getattr(s, k) for s in scores) for k in ("tp", "fp", "fn"))
    sc, st = sum(s.stance_correct for s in scores), sum(s.stance_total for s in scores)
    per_action: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    for s in scores:
        for kind, pairs in (("tp", s.true_positives), ("fp", s.false_positives), ("fn", s.false_negatives)):
            for _, action in pairs:
                generic = re.sub(r"^(backs|criticises)-.*$", r"\1-<party>", action)
                per_action[generic][kind] += 1
    actions = {
        action: dict(c, precision=round(c["tp"] / (c["tp"] + c["fp"]), 3) if c["tp"] + c["fp"] else None,
                     recall=round(c["tp"] / (c["tp"] + c["fn"]), 3) if c["tp"] + c["fn"] else None)
        for action, c in sorted(per_action.items())
    }
    return {
        "leave_crisis_out": leave_crisis_out,
        "crises": [s.to_dict() for s in scores],
        "actions": actions,
        "overall": {
            "stance_accuracy": round(sc / st, 3) if st else 0.0, "stance_correct": sc, "stance_total": st,
            "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
            "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0, "tp": tp, "fp": fp, "fn": fn,
        },
    }

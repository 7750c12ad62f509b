"""`comity bench`: end-to-end coding speed against spaCy's own speed on the same texts, and memory.

For each workload the same texts (documents of a few sentences) are run through: the event coder end
to end as shipped (rules + learned classifier; the rules alone for reference), spaCy's full
en_core_web_sm pipeline (nlp.pipe), spaCy with tok2vec+parser only, the same on the texts cut into
sentences (one Doc per sentence), and the same driven as the coder drives it (sentences tokenized
alone, a text's sentences joined and parsed together: comity.coder.parsing). The coder's time is also split by stage
(EventCoder.stage_seconds: pre-filter, parse, classifier, extraction). Each run
is warmed up on a few texts first. Peak memory is the process's peak resident set size
(resource.getrusage), so it covers everything loaded so far. Workloads: "actors" (every sentence names
an actor) and "news" (a realistic mix where most sentences name none), generated from
comity/data/evaluate/bench_templates.yaml, or the lines of a file.
"""
from __future__ import annotations

import json
import os
import random
import resource
import statistics
import tempfile
import time
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

PARSE_ONLY_DISABLE = ("tagger", "attribute_ruler", "lemmatizer", "ner", "senter")
WARMUP = 20


@lru_cache(maxsize=1)
def templates() -> dict:
    text = resources.files("comity.data").joinpath("evaluate/bench_templates.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _join(*parts: str) -> str:
    return " ".join(parts).replace(" ,", ",")


def actor_sentences(n: int, seed: int = 7) -> list[str]:
    t, rng = templates(), random.Random(seed)
    out = []
    while len(out) < n:
        actor, target = rng.choice(t["actors"]), rng.choice(t["targets"])
        if actor == target:
            continue
        sentence = _join(actor, rng.choice(t["verbs"]), target, rng.choice(t["actor_tails"]))
        out.append(sentence[0].upper() + sentence[1:])
    return out


def filler_sentences(n: int, seed: int = 11) -> list[str]:
    t, rng = templates(), random.Random(seed)
    return [_join(rng.choice(t["subjects"]), rng.choice(t["subject_predicates"]), rng.choice(t["filler_tails"]))
            for _ in range(n)]


def news_sentences(n: int, seed: int = 5) -> list[str]:
    t, rng = templates(), random.Random(seed)
    n_actor = round(n * float(t["news_actor_share"]))
    mixed = actor_sentences(n_actor, seed + 1) + filler_sentences(n - n_actor, seed + 2)
    rng.shuffle(mixed)
    return mixed


def file_sentences(path: str | Path, n: int) -> list[str]:
    lines = [line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines:
        raise ValueError(f"{path}: no sentences (one per line expected)")
    return lines[:n]


def as_documents(sentences: list[str], per_document: int | None = None) -> list[str]:
    size = per_document or int(templates()["sentences_per_document"])
    return [" ".join(sentences[i:i + size]) for i in range(0, len(sentences), size)]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux reports KiB


def _timed(run, texts: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the whole process with every thread counted, page faults) of
    one run."""
    run(texts[:WARMUP])
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    start, cpu = time.perf_counter(), time.process_time()
    run(texts)
    wall, used = time.perf_counter() - start, time.process_time() - cpu
    return wall, used, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults


def _spacy_runner(nlp):
    def run(texts):
        for _ in nlp.pipe(texts, batch_size=64):
            pass
    return run


def _coder_runner(coder, counter: dict):
    from comity.records import Document

    def run(texts):
        docs = (Document(id=f"b{i}", text=t) for i, t in enumerate(texts))
        counter["events"] = 0
        stages = getattr(coder, "stage_seconds", None)
        if stages is not None:
            for key in stages:
                stages[key] = 0.0
        for item in coder.code_documents(docs):
            counter["events"] += len(item.events) if hasattr(item, "events") else 1
        if stages is not None:
            counter.setdefault("runs", []).append((len(texts), dict(stages)))
    return run


def _cut_sentences(texts: list[str]) -> dict[str, list[str]]:
    """Each text's sentences, as the coder's pre-filter cuts them (done before the clock starts)."""
    from comity.coder.sentences import split_sentences

    return {text: [span.text for span in split_sentences(text)] for text in texts}


def _sentence_runner(nlp, texts: list[str]):
    """spaCy on the same texts cut into sentences first, one Doc per sentence (the coder's pre-filter
    needs the sentences before parsing)."""
    cut = _cut_sentences(texts)

    def run(batch):
        sentences = [sentence for text in batch for sentence in cut[text]]
        for _ in nlp.pipe(sentences, batch_size=256):
            pass
    return run


def _passage_runner(nlp, texts: list[str]):
    """spaCy as the coder drives it: each text's sentences tokenized alone, joined, parsed and
    copied back by comity.coder.parsing, in the coder's parsing groups. The gap to the
    tok2vec+parser row is what that way of parsing costs by itself."""
    from comity.coder.coder import GROUP_SENTENCES
    from comity.coder.parsing import parse_passages

    cut = _cut_sentences(texts)

    def run(batch):
        group: list[list[str]] = []
        sentences = 0
        for text in batch:
            group.append(cut[text])
            sentences += len(cut[text])
            if sentences >= GROUP_SENTENCES:
                parse_passages(nlp, group, batch_size=sentences)
                group, sentences = [], 0
        if group:
            parse_passages(nlp, group, batch_size=GROUP_SENTENCES)
    return run


def _stage_microseconds(runs: list[tuple[int, dict]], n: int) -> dict:
    """Microseconds a sentence per coder stage, from the full run (not the warm-up) with the least
    total time."""
    full = [stages for n_texts, stages in runs if n_texts == max(r[0] for r in runs)]
    if not full:
        return {}
    best = min(full, key=lambda r: sum(r.values()))
    return {key: round(seconds / n * 1e6, 1) for key, seconds in best.items()}


def benchmark(name: str, sentences: list[str], per_document: int | None = None, repeats: int = 3,
              workers: int = 1) -> dict:
    """Time the coder and spaCy on the same texts; sentences/second for each and the ratios.

    The runs are interleaved `repeats` times and each keeps its fastest time, so a burst of load from
    other processes on the machine hurts every run alike rather than one of them."""
    from comity import nlp as nlp_module

    texts = as_documents(sentences, per_document)
    n = len(sentences)
    result: dict = {"workload": name, "sentences": n, "texts": len(texts), "cpus": os.cpu_count(),
                    "repeats": repeats}
    parse = nlp_module.load(disable=PARSE_ONLY_DISABLE)
    runners = {"spacy_full_sps": _spacy_runner(nlp_module.load(disable=())),
               "spacy_parse_sps": _spacy_runner(parse),
               "spacy_parse_sentences_sps": _sentence_runner(parse, texts),
               "spacy_parse_passages_sps": _passage_runner(parse, texts)}
    counters: dict[str, dict] = {}
    try:
        from comity.coder import EventCoder
    except ImportError:
        result["note"] = "the event coder (comity.coder) is not installed"
    else:
        counters["coder_sps"] = {}  # the coder as shipped: rules + the learned classifier (if its file loads)
        runners["coder_sps"] = _coder_runner(EventCoder(classifier=_shipped_classifier()), counters["coder_sps"])
        # the same coder parsing in line, on one thread (the shipped coder overlaps its parse with
        # the other stages where there are two CPUs: its CPU time, not its wall time, is then the cost)
        counters["coder_inline_sps"] = {}
        runners["coder_inline_sps"] = _coder_runner(EventCoder(classifier=_shipped_classifier(), overlap=False),
                                                    counters["coder_inline_sps"])
        counters["coder_rules_sps"] = {}  # for reference: the rules alone
        runners["coder_rules_sps"] = _coder_runner(EventCoder(classifier=None), counters["coder_rules_sps"])
    from comity.pipeline import settle_heap

    # as `comity code` does once its coder is loaded
    result["allocator"] = settle_heap() or "glibc defaults (or not glibc)"
    pool = None
    if workers > 1 and "coder_sps" in runners:
        from comity.parallel import ParallelCoder

        pool = ParallelCoder(workers)
        pool.warm_up()  # the workers' model loading is start-up, not coding
        counters["coder_parallel_sps"] = {}
        runners["coder_parallel_sps"] = _coder_runner(pool, counters["coder_parallel_sps"])
        result["workers"] = workers
    times: dict[str, list[float]] = {key: [] for key in runners}
    cpu: dict[str, list[float]] = {key: [] for key in runners}
    faults: dict[str, list[int]] = {key: [] for key in runners}
    try:
        for _ in range(max(1, repeats)):
            for key, run in runners.items():
                wall, used, faulted = _timed(run, texts)
                times[key].append(wall)
                cpu[key].append(used)
                faults[key].append(faulted)
    finally:
        if pool is not None:
            pool.close()
    for key, seconds in times.items():
        result[key] = round(n / min(seconds), 1)
        # CPU of this process in its least-CPU round (worker processes are not counted: see the parallel row)
        result[key.replace("_sps", "_cpu_us")] = round(min(cpu[key]) / n * 1e6, 1)
        result[key.replace("_sps", "_page_faults")] = min(faults[key])  # minor faults, fewest of the rounds
    result["spacy_parse_pipes"] = list(parse.pipe_names)
    if "coder_sps" in result:
        result["events"] = counters["coder_sps"].get("events", 0)
        # stages of the in-line coder, whose stages add up to its time (overlapped, the parse runs beside them)
        result["coder_stage_us_per_sentence"] = _stage_microseconds(counters["coder_inline_sps"].get("runs", []), n)
        result["coder_vs_parse"] = round(result["coder_sps"] / result["spacy_parse_sps"], 3)
        result["coder_vs_full"] = round(result["coder_sps"] / result["spacy_full_sps"], 3)
        result["coder_vs_parse_paired"] = _paired_ratio(times["spacy_parse_sps"], times["coder_sps"])
        result["coder_inline_vs_parse"] = round(result["coder_inline_sps"] / result["spacy_parse_sps"], 3)
        result["coder_inline_vs_parse_paired"] = _paired_ratio(times["spacy_parse_sps"], times["coder_inline_sps"])
        # spaCy's parse CPU time ÷ the coder's: the ratio when each has one CPU to itself
        result["coder_vs_parse_cpu"] = round(result["spacy_parse_cpu_us"] / result["coder_cpu_us"], 3)
        result["coder_inline_vs_parse_cpu"] = round(result["spacy_parse_cpu_us"] / result["coder_inline_cpu_us"], 3)
    if "coder_parallel_sps" in result:
        result["coder_parallel_vs_parse"] = round(result["coder_parallel_sps"] / result["spacy_parse_sps"], 3)
    if "coder_rules_sps" in result:
        result["coder_rules_events"] = counters["coder_rules_sps"].get("events", 0)
        result["coder_rules_vs_parse"] = round(result["coder_rules_sps"] / result["spacy_parse_sps"], 3)
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return result


def _paired_ratio(baseline: list[float], timed: list[float]) -> float:
    """Median over the interleaved rounds of baseline time / timed time (= timed rate / baseline rate):
    each round's two runs met the same load, so this moves less between runs than the ratio of the
    best times when the machine is shared."""
    return round(statistics.median(b / t for b, t in zip(baseline, timed)), 3)


def _shipped_classifier():
    try:
        from comity.learn import default_classifier

        return default_classifier()
    except Exception:  # no model file: the run without it is still meaningful
        return None


def run_benchmarks(sentences_file: str | Path | None, n: int, workload: str = "both", repeats: int = 3,
                   workers: int = 1) -> list[dict]:
    if n < 1:
        raise ValueError("-n must be at least 1")
    if workers < 1:
        raise ValueError("--workers must be at least 1")
    if sentences_file:
        return [benchmark(f"file:{Path(sentences_file).name}", file_sentences(sentences_file, n), repeats=repeats,
                          workers=workers)]
    if workload not in ("actors", "news", "both"):
        raise ValueError(f"unknown workload {workload!r}; use actors, news or both")
    results = []
    if workload in ("actors", "both"):
        results.append(benchmark("actors", actor_sentences(n), repeats=repeats, workers=workers))
    if workload in ("news", "both"):
        results.append(benchmark("news", news_sentences(n), repeats=repeats, workers=workers))
    return results


def ingest_memory(n_sentences: int, per_document: int = 20, db_path: str | None = None, workers: int = 1) -> dict:
    """Ingest `n_sentences` generated news-mix sentences (JSONL, `per_document` a document) into a
    fresh store through the ingest pipeline (coding in `workers` processes); report time and peak
    RSS (of this process, and with workers the largest of theirs: each holds its own model)."""
    from comity.pipeline import coder_session, ingest_paths
    from comity.store import Store

    sentences = news_sentences(n_sentences)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for i in range(0, len(sentences), per_document):
                record = {"id": f"bench-{i // per_document}", "date": "2025-05-10",
                          "text": " ".join(sentences[i:i + per_document])}
                fh.write(json.dumps(record) + "\n")
        del sentences
        store = Store(db_path or str(Path(tmp) / "bench.duckdb"))
        start = time.perf_counter()
        try:
            with coder_session(workers=workers) as coder:
                report = ingest_paths([str(corpus)], store, coder=coder)
        finally:
            store.close()
        seconds = time.perf_counter() - start
    result = {"workload": "ingest", "sentences": n_sentences, "workers": workers, "documents": report.documents_new,
              "events": report.events, "seconds": round(seconds, 1),
              "sentences_per_second": round(n_sentences / seconds, 1), "peak_rss_mb": round(peak_rss_mb(), 1)}
    if workers > 1:  # the workers have ended: their peak is the children's
        result["peak_worker_rss_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0, 1)
    return result


def print_results(console, results: list[dict]) -> None:
    from rich.table import Table

    for r in results:
        if r["workload"] == "ingest":
            workers = f", each of {r['workers']} workers {r['peak_worker_rss_mb']} MB" if "peak_worker_rss_mb" in r else ""
            console.print(f"ingest {r['sentences']} sentences ({r['documents']} documents, {r['events']} events): "
                          f"{r['seconds']} s, {r['sentences_per_second']} sentences/s, peak RSS "
                          f"{r['peak_rss_mb']} MB{workers}", highlight=False)
            continue
        table = Table(title=f"workload: {r['workload']} · {r['sentences']} sentences in {r['texts']} texts · "
                            f"{r['cpus']} CPUs · best of {r['repeats']}", title_justify="left")
        table.add_column("run")
        table.add_column("sentences/s", justify="right")
        table.add_column("coder ÷ this", justify="right")
        table.add_column("CPU µs/sentence", justify="right")
        coder = r.get("coder_sps")
        parallel = f"comity code --workers {r.get('workers')} (processes in parallel)"
        for label, key in (("comity code (end to end, with the classifier; parse overlapped)", "coder_sps"),
                           ("comity code, parse in line (one thread)", "coder_inline_sps"),
                           (parallel, "coder_parallel_sps"),
                           ("comity code, rules only", "coder_rules_sps"),
                           ("spaCy full pipeline", "spacy_full_sps"),
                           ("spaCy tok2vec+parser", "spacy_parse_sps"),
                           ("spaCy tok2vec+parser, one Doc per sentence", "spacy_parse_sentences_sps"),
                           ("spaCy tok2vec+parser, sentences joined as the coder parses",
                            "spacy_parse_passages_sps")):
            value = r.get(key)
            if value is None and key == "coder_parallel_sps":
                continue  # not asked for (--workers 1)
            ratio = f"{coder / value:.2f}" if coder and value else "–"
            cpu_us = r.get(key.replace("_sps", "_cpu_us"))
            shown_cpu = "–" if cpu_us is None or key == "coder_parallel_sps" else f"{cpu_us:.0f}"
            table.add_row(label, f"{value:.0f}" if value else "–", ratio, shown_cpu)
        console.print(table)
        if r.get("note"):
            console.print(f"note: {r['note']}")
        if r.get("coder_vs_parse_paired") is not None:
            console.print(f"comity code ÷ spaCy tok2vec+parser, median of the {r['repeats']} interleaved rounds: "
                          f"{r['coder_vs_parse_paired']:.2f} (parse in line: {r['coder_inline_vs_parse_paired']:.2f}); "
                          f"by CPU time: {r['coder_vs_parse_cpu']:.2f} (in line: {r['coder_inline_vs_parse_cpu']:.2f})",
                          highlight=False)
        console.print(f"events coded: {r.get('events', '–')} · peak RSS {r['peak_rss_mb']} MB", highlight=False)
        if "coder_page_faults" in r:
            console.print(f"page faults in a run (fewest of the rounds): comity code {r['coder_page_faults']}, "
                          f"spaCy tok2vec+parser {r['spacy_parse_page_faults']} · allocator: {r['allocator']}",
                          highlight=False)
        stages = r.get("coder_stage_us_per_sentence")
        if stages:
            console.print("coder time per sentence, parse in line (µs): " + " · ".join(f"{k} {v}" for k, v in stages.items()),
                          highlight=False)

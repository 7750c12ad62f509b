"""What a change to the coder does to real text: events gained and lost against a git revision.

Codes the given inputs twice, with the working tree and with BASE (checked out into a temporary git
worktree), each in its own Python process, and prints the events only one side has, sentence by
sentence. Use it before committing rule or dictionary changes, on news you did not tune on.

Usage:
  python scripts/diff_events.py ../shared/corpus/crises/texts comity/demo/demo-news.jsonl
  python scripts/diff_events.py --base HEAD~3 --date 2025-05-10 article.txt --json
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Run inside each tree: code the inputs, one JSON line per event (key fields only).
CODE_SNIPPET = r"""
import json, sys
tree, date, paths = sys.argv[1], sys.argv[2] or None, sys.argv[3:]
sys.path.insert(0, tree)
import comity
assert comity.__file__.startswith(tree), comity.__file__
from comity.pipeline import code_paths
for coded in code_paths(paths, default_date=date):
    for e in coded.events:
        print(json.dumps({"doc": e.doc_id, "sentence_index": e.sentence_index, "sentence": e.sentence,
                          "code": e.cameo_code, "source": e.source["code"],
                          "target": (e.target or {}).get("code")}))
"""


def code_with(tree: Path, paths: list[str], date: str | None) -> list[dict]:
    done = subprocess.run([sys.executable, "-c", CODE_SNIPPET, str(tree), date or "", *paths],
                          capture_output=True, text=True, cwd=tempfile.gettempdir())
    if done.returncode != 0:
        raise SystemExit(f"coding with {tree} failed:\n{done.stderr[-2000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def _key(event: dict) -> tuple:
    return event["doc"], event["sentence_index"], event["code"], event["source"], event["target"]


def diff(base: list[dict], new: list[dict]) -> dict:
    """Events only in base ("lost") and only in new ("gained"), grouped by (document, sentence)."""
    base_keys, new_keys = {_key(e) for e in base}, {_key(e) for e in new}
    sentences = {(e["doc"], e["sentence_index"]): e["sentence"] for e in base + new}
    grouped: dict = defaultdict(lambda: {"lost": [], "gained": []})
    for side, only in (("lost", base_keys - new_keys), ("gained", new_keys - base_keys)):
        for doc, index, code, source, target in sorted(only, key=str):
            grouped[(doc, index)][side].append({"code": code, "source": source, "target": target})
    return {"base_events": len(base), "new_events": len(new),
            "lost": len(base_keys - new_keys), "gained": len(new_keys - base_keys),
            "sentences": [{"doc": doc, "sentence_index": index, "sentence": sentences[(doc, index)], **changes}
                          for (doc, index), changes in sorted(grouped.items(), key=str)]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help="files or folders to code")
    parser.add_argument("--base", default="HEAD", help="git revision to compare with (default HEAD)")
    parser.add_argument("--date", help="date for documents that carry none (YYYY-MM-DD)")
    parser.add_argument("--json", action="store_true", help="print the difference as JSON")
    args = parser.parse_args(argv)
    paths = [str(Path(p).resolve()) for p in args.paths]
    with tempfile.TemporaryDirectory() as tmp:
        base_tree = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base_tree), args.base],
                       check=True, capture_output=True)
        try:
            result = diff(code_with(base_tree, paths, args.date), code_with(ROOT, paths, args.date))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base_tree)],
                           capture_output=True)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{args.base}: {result['base_events']} events; working tree: {result['new_events']}; "
          f"lost {result['lost']}, gained {result['gained']}")
    for s in result["sentences"]:
        print(f"\n{s['doc']} #{s['sentence_index']}: {s['sentence'][:160]}")
        for side, mark in (("lost", "-"), ("gained", "+")):
            for e in s[side]:
                print(f"  {mark} {e['code']} {e['source']} -> {e['target'] or '–'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

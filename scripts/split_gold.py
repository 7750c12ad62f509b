"""Split the shared gold sets into fixed DEV and TEST subsets, in their own formats.

A record is TEST when int(sha1(sentence.strip()), 16) % 5 == 0, else DEV, so the split
depends only on the sentence text: it is the same on every machine and for every run.

Handles:
  * the PLOVER GSR JSON array (gold/plover_gsr/PLOVER_GSR_CAMEO.txt): records with a
    "text" are split; records without one (the DOCUMENT header) go to both halves;
  * the CAMEO quad TSV (gold/cameo_quad/train.tsv): sentence<TAB>label lines;
  * the NGEC synthetic-story CSV (gold/ngec_synthetic/*.csv): split by the story text, with the rule
    `comity eval stories --split` uses (comity/evaluate/stories.py), into dev.csv and test.csv.

Usage:
  python scripts/split_gold.py ../shared --out gold-split
  python scripts/split_gold.py ../shared/gold/plover_gsr/PLOVER_GSR_CAMEO.txt \\
      ../shared/gold/cameo_quad/train.tsv --out gold-split

Writes <out>/plover_gsr/{dev,test}.json, <out>/cameo_quad/{dev,test}.tsv and
<out>/ngec_synthetic/{dev,test}.csv and prints the counts.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from comity.evaluate.split import split_of

GSR_RELATIVE = Path("gold/plover_gsr/PLOVER_GSR_CAMEO.txt")
QUAD_RELATIVE = Path("gold/cameo_quad/train.tsv")
STORIES_FOLDER = Path("gold/ngec_synthetic")


def is_test(sentence: str) -> bool:
    """True when the sentence belongs to the TEST subset (one in five, by text hash)."""
    return split_of(sentence) == "test"


def split_gsr(path: Path, out: Path) -> dict[str, int]:
    """Split a GSR JSON array; records without text (DOCUMENT) are kept in both halves."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SystemExit(f"{path}: cannot read GSR JSON: {error}")
    if not isinstance(records, list):
        raise SystemExit(f"{path}: expected a JSON array of records")
    halves: dict[str, list] = {"dev": [], "test": []}
    for record in records:
        text = record.get("text") if isinstance(record, dict) else None
        if not text:
            halves["dev"].append(record)
            halves["test"].append(record)
            continue
        halves["test" if is_test(text) else "dev"].append(record)
    folder = out / "plover_gsr"
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, items in halves.items():
        (folder / f"{name}.json").write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
        counts[name] = sum(1 for r in items if isinstance(r, dict) and r.get("text"))
    return counts


def split_quad(path: Path, out: Path) -> dict[str, int]:
    """Split a sentence<TAB>label TSV line by line; malformed lines are reported and skipped."""
    halves: dict[str, list[str]] = {"dev": [], "test": []}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise SystemExit(f"{path}: cannot read quad TSV: {error}")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        sentence, tab, _label = line.rpartition("\t")
        if not tab:
            print(f"{path}:{number}: no tab, skipped", file=sys.stderr)
            continue
        halves["test" if is_test(sentence) else "dev"].append(line)
    folder = out / "cameo_quad"
    folder.mkdir(parents=True, exist_ok=True)
    for name, items in halves.items():
        (folder / f"{name}.tsv").write_text("".join(item + "\n" for item in items), encoding="utf-8")
    return {name: len(items) for name, items in halves.items()}


def split_stories(path: Path, out: Path) -> dict[str, int]:
    """Split a story CSV by its text column; both halves keep the header and every column."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if "text" not in (reader.fieldnames or ()):
                raise SystemExit(f"{path}:1: no 'text' column")
            fields, rows = list(reader.fieldnames), list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise SystemExit(f"{path}: cannot read story CSV: {error}")
    folder = out / "ngec_synthetic"
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name in ("dev", "test"):
        half = [row for row in rows if split_of(row.get("text") or "") == name]
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields)
            writer.writeheader()
            writer.writerows(half)
        counts[name] = len(half)
    return counts


def gold_files(arguments: list[Path]) -> list[Path]:
    """Expand a shared directory into its two gold files; keep file arguments as they are."""
    files: list[Path] = []
    for argument in arguments:
        if argument.is_dir():
            for relative in (GSR_RELATIVE, QUAD_RELATIVE):
                if (argument / relative).is_file():
                    files.append(argument / relative)
                elif (argument / relative.name).is_file():
                    files.append(argument / relative.name)
            files += sorted((argument / STORIES_FOLDER).glob("*.csv"))
        elif argument.is_file():
            files.append(argument)
        else:
            raise SystemExit(f"{argument}: no such file or directory")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path, help="the shared dir, or gold files")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    options = parser.parse_args(argv)
    files = gold_files(options.paths)
    if not files:
        raise SystemExit("no gold files found in " + ", ".join(map(str, options.paths)))
    for path in files:
        if path.suffix == ".csv":
            counts = split_stories(path, options.out)
            print(f"{path}: stories dev={counts['dev']} test={counts['test']} -> {options.out / 'ngec_synthetic'}")
        elif path.suffix == ".tsv":
            counts = split_quad(path, options.out)
            print(f"{path}: quad dev={counts['dev']} test={counts['test']} -> {options.out / 'cameo_quad'}")
        else:
            counts = split_gsr(path, options.out)
            print(f"{path}: gsr dev={counts['dev']} test={counts['test']} -> {options.out / 'plover_gsr'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Fill the PLOVER event of a gold file whose records were labelled with CAMEO codes.

Usage: python scripts/plover_from_cameo.py benchmarks/gold/written_events_t.json

Each record's "cameo" code is looked up in comity's CAMEO table (comity/data/cameo/cameo_codes.tsv);
a code newer than the table (176, cyber attack) takes its parent's event. Records whose code has no
PLOVER event (CAMEO 01, public statements) are dropped. The file is rewritten in place.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from comity.coder.ontology import UnknownCameoCode, cameo_info


def plover_event(code: str) -> str | None:
    while code:
        try:
            return cameo_info(code)["plover_event"] or None
        except UnknownCameoCode:
            code = code[:-1]
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path)
    args = ap.parse_args(argv)
    records = json.loads(args.path.read_text(encoding="utf-8"))
    kept, dropped = [], Counter()
    for number, record in enumerate(records):
        if "cameo" not in record:
            print(f"{args.path} record {number}: no \"cameo\" field; left as it is", file=sys.stderr)
            kept.append(record)
            continue
        event = plover_event(str(record["cameo"]))
        if event is None:
            dropped[str(record["cameo"])[:2]] += 1
            continue
        kept.append({**record, "event": event})
    args.path.write_text(json.dumps(kept, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(records)} records, {len(kept)} kept; dropped (no PLOVER event) by CAMEO root: {dict(dropped)}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

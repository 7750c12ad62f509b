"""Train the learned event classifier and write comity/data/models/event_classifier.npz.

Usage (paths to the reference data are arguments; nothing from them is copied into the repo, the
model file stores only feature weights and hashes of the training sentences):

    python scripts/train_event_classifier.py \
        --quad ../shared/gold/cameo_quad/train.tsv \
        --gsr ../shared/gold/plover_gsr/PLOVER_GSR_CAMEO.txt \
        --synthetic ../shared/gold/ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv \
        --out comity/data/models/event_classifier.npz

Held-out accuracy of this recipe comes from `comity eval quad PATH --cv 5` and
`comity eval gsr PATH --cv 5`, which retrain it inside each fold.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from comity.learn import EventClassifier, FeatureConfig
from comity.learn import training


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quad", action="append", default=[], help="quad TSV (sentence<TAB>0-4)")
    ap.add_argument("--gsr", action="append", default=[], help="PLOVER GSR JSON")
    ap.add_argument("--synthetic", action="append", default=[], help="NGEC synthetic stories CSV")
    ap.add_argument("--synthetic-weight", type=float, default=0.3)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--l2", type=float, default=1e-5)
    ap.add_argument("--epochs", type=int, default=250)
    ap.add_argument("--actors", action="store_true", help="add actor-dictionary features (off: they did not help in CV)")
    ap.add_argument("--out", default="comity/data/models/event_classifier.npz")
    args = ap.parse_args(argv)
    examples = []
    for path in args.quad:
        examples += training.quad_examples(path)
    for path in args.gsr:
        examples += training.gsr_examples(path)
    for path in args.synthetic:
        examples += training.synthetic_examples(path, weight=args.synthetic_weight)
    if not examples:
        ap.error("give at least one of --quad, --gsr, --synthetic")
    start = time.perf_counter()
    config = FeatureConfig(use_actors=args.actors)
    model = EventClassifier.fit(examples, config=config, min_count=args.min_count, l2=args.l2, epochs=args.epochs)
    model.meta["sources"] = [Path(p).name for p in args.quad + args.gsr + args.synthetic]
    model.save(args.out)
    size = Path(args.out).stat().st_size
    print(f"{len(examples)} examples, {len(model.vocab)} features, heads "
          f"{ {k: len(h.classes) for k, h in model.heads.items()} }, {time.perf_counter() - start:.1f} s, "
          f"wrote {args.out} ({size / 1e6:.2f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

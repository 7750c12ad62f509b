#!/bin/sh
# Reproduce the accuracy figures in benchmarks/RESULTS.md. Usage: sh benchmarks/run_accuracy.sh [SHARED_DIR]
# Writes benchmarks/results/*.json. Held-out figures come from 5-fold cross-validation (seed 13).
set -e
G="${1:-../shared}/gold"
QUAD="$G/cameo_quad/train.tsv"
GSR="$G/plover_gsr/PLOVER_GSR_CAMEO.txt"
OUT=benchmarks/results
comity eval quad "$QUAD" --engine classifier --cv 5 --extra-gsr "$GSR" --json > $OUT/quad_classifier_cv5.json
comity eval quad "$QUAD" --engine coder --cv 5 --extra-gsr "$GSR" --json > $OUT/quad_coder_classifier_cv5.json
comity eval quad "$QUAD" --engine rules --json > $OUT/quad_rules.json
comity eval gsr "$GSR" --engine classifier --cv 5 --extra-quad "$QUAD" --json > $OUT/gsr_classifier_cv5.json
comity eval gsr "$GSR" --engine coder --cv 5 --extra-quad "$QUAD" --json > $OUT/gsr_coder_classifier_cv5.json
comity eval gsr "$GSR" --engine rules --json > $OUT/gsr_rules.json
SYN="$(ls "$G"/ngec_synthetic/*.csv | head -1)"
comity eval gsr "$GSR" --engine classifier --cv 5 --extra-quad "$QUAD" --extra-synthetic "$SYN" --json > $OUT/gsr_classifier_synthetic_cv5.json
comity eval gsr "$GSR" --engine coder --cv 5 --extra-quad "$QUAD" --extra-synthetic "$SYN" --json > $OUT/gsr_coder_classifier_synthetic_cv5.json

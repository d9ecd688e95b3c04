#!/usr/bin/env bash
# The measured methods table of the README: every program x mapping (x frame activation for the
# frame programs), white-box and black-box, and the three baselines, on the built-in model and
# sample-data/digits. Usage: docs/methods/sweep.sh OUT_DIR [SEED...]   (default seed 0)
# Needs the jar: mvn -B -q package -DskipTests. Prints the compare table at the end and writes
# OUT_DIR/table.csv. About 25 minutes on 2 idle cores for one seed. ONLY=REGEX runs only the runs
# whose names match (e.g. ONLY=wb-pad for the frame rows); finished runs are never redone.
# python3 docs/methods/table.py OUT_DIR prints the README's markdown tables.
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:?usage: sweep.sh OUT_DIR [SEED...]}
shift
SEEDS=${*:-0}
JAR=${JAR:-target/reprogram-workbench.jar}
DATA=sample-data/digits
COMMON="--target $DATA --epochs 20 --schedule cosine --device cpu"
mkdir -p "$OUT"
run() { # NAME ARGS...
  local name=$1; shift
  [[ -n "${ONLY:-}" && ! "$name" =~ $ONLY ]] && return 0
  [ -f "$OUT/$name/result.json" ] && return 0
  rm -rf "${OUT:?}/$name"
  java -jar $JAR "$@" --out "$OUT/$name" > "$OUT/$name.log" 2>&1 || echo "failed: $name (see $OUT/$name.log)"
}
for seed in $SEEDS; do
  for m in random flm ilm linear blm blm+ bar; do
    for f in tanh sigmoid; do
      run "s$seed-wb-pad-$f-$m" train $COMMON --seed "$seed" --program pad --inner-size 10 --frame $f --mapping $m --lr 0.05
      run "s$seed-wb-scale-$f-$m" train $COMMON --seed "$seed" --program scale --inner-size 10 --init-scale 1.5 --frame $f --mapping $m --lr 0.05
    done
    run "s$seed-wb-full-$m" train $COMMON --seed "$seed" --program full --mapping $m --lr 0.05
    run "s$seed-wb-smm-$m" train $COMMON --seed "$seed" --program smm --mapping $m --lr 0.01
  done
  for m in ilm linear blm; do
    for f in tanh sigmoid; do
      run "s$seed-bb-pad-$f-$m" train $COMMON --seed "$seed" --trainer blackbox --program pad --inner-size 10 --frame $f --mapping $m --lr 0.05
    done
  done
  # BAR's released settings: q = 1, beta = 0.1, focal loss, multi-label mapping (m = 1 with a 10-class source)
  run "s$seed-bb-pad-tanh-bar-bar" train $COMMON --seed "$seed" --trainer blackbox --program pad --inner-size 10 --frame tanh --mapping bar --queries 1 --smoothing 0.1 --loss focal --lr 0.01
  for k in linear-probe finetune scratch; do
    # the linear probe trains to convergence (its default); --epochs would cap its L-BFGS iterations
    run "s$seed-baseline-$k" baseline --kind $k --source builtin --target $DATA $([ $k = linear-probe ] || echo --epochs 20) --seed "$seed" --device cpu
  done
done
java -jar $JAR compare "$OUT"/s*/ --csv "$OUT/table.csv"

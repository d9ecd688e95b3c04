#!/usr/bin/env bash
# Measures what a vision-language source costs against the classifier on the same target, in one
# run of this script (the machines are noisy: compare rows of the same run only). Each row trains on
# sample-data/digits with the demo's settings (pad, inner 10, 20 epochs, lr 0.05 cosine, batch 64,
# seed 0, 1 thread) and prints its wall time, training images per second, peak RSS and test accuracy:
#   A. the built-in classifier (builtin:fmnist-cnn) with ilm: the teaching demo;
#   B. builtin:fmnist-clip with text (10 prompts: one template x the ten clothing words);
#   C. builtin:fmnist-clip with text-ilm over ILM-VP's 81 templates (810 prompts, a matching each epoch);
# plus the time to load the model and embed the prompts (the first epoch line's time stamp).
# Usage: docs/vlm/bench-vlm.sh [OUT_DIR]   (needs the built jar: mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=$PWD/target/reprogram-workbench.jar
OUT=${1:-/tmp/vlm-bench}
rm -rf "$OUT" && mkdir -p "$OUT"
NAMES="t-shirt,trouser,pullover,dress,coat,sandal,shirt,sneaker,bag,ankle boot"
COMMON=(--target sample-data/digits --program pad --inner-size 10 --epochs 20 --lr 0.05 --schedule cosine
        --batch-size 64 --seed 0 --threads 1)
row() {
    local name=$1; shift
    local start; start=$(date +%s.%N)
    java -jar "$JAR" train "${COMMON[@]}" "$@" --out "$OUT/$name" > "$OUT/$name.log" 2>&1
    local end; end=$(date +%s.%N)
    python3 - "$OUT/$name" "$start" "$end" "$name" <<'PY'
import json, sys
run, start, end, name = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
r = json.load(open(run + "/result.json"))
z = r.get("zeroShot")
print(f"{name:28s} process {end - start:6.1f} s  training {r['wallSeconds']:6.1f} s  {r['imagesPerSecond']:7.0f} img/s"
      f"  peak RSS {r['peakRssMegabytes']:4.0f} MB  test {r['testAccuracy']:.3f}"
      + (f"  zero-shot {z['testAccuracy']:.3f} ({z['prompts']} texts)" if z else ""))
PY
}
row "A fmnist-cnn ilm" --source builtin --mapping ilm
row "B fmnist-clip text" --source builtin:fmnist-clip --mapping text --class-names "$NAMES"
row "C fmnist-clip text-ilm 81" --source builtin:fmnist-clip --mapping text-ilm --templates ilm-vp-81 --class-names "$NAMES"

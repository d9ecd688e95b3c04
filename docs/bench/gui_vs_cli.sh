#!/usr/bin/env bash
# Live-view cost: the same teaching-demo run trained by the headless CLI (`demo`) and by the
# workbench window (`--demo`, under Xvfb), alternating CLI/GUI so that machine noise hits both
# alike. Prints the engine's wall seconds of each run (result.json "wallSeconds": training and
# evaluation, no start-up) and the GUI/CLI ratio per pair, then the median ratio.
#
#   docs/bench/gui_vs_cli.sh [JAR]        (default target/reprogram-workbench.jar)
#
# Settings (environment): PAIRS=3, EPOCHS=(preset), SIZE=1600x1000 (window and screen),
# OUT=/tmp/gui-vs-cli-..., JAVA_EXTRA=... (e.g. -Dreprogram.liveMillis=500 for the GUI).
# Needs Xvfb and xdotool (apt-get install xvfb xdotool).
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
JAR="${1:-$REPO/target/reprogram-workbench.jar}"
PAIRS="${PAIRS:-3}"
SIZE="${SIZE:-1600x1000}"
OUT="${OUT:-/tmp/gui-vs-cli-$(date +%s)}"
EPOCH_ARG=()
[ -n "${EPOCHS:-}" ] && EPOCH_ARG=(--epochs "$EPOCHS")
mkdir -p "$OUT"
DISPLAY_NO=":$((90 + RANDOM % 9))"
Xvfb "$DISPLAY_NO" -screen 0 "${SIZE}x24" >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null' EXIT
sleep 1

wall() { jq -r '.wallSeconds' "$1"; }

gui_run() { # $1 = runs folder; prints the result.json path
    local dir="$1" pid res=""
    DISPLAY="$DISPLAY_NO" java ${JAVA_EXTRA:-} -jar "$JAR" --runs-dir "$dir" --demo >"$dir.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 40); do # size the window as a user would
        local win
        win=$(DISPLAY="$DISPLAY_NO" xdotool search --name "Reprogram" 2>/dev/null | head -1)
        if [ -n "$win" ]; then
            DISPLAY="$DISPLAY_NO" xdotool windowmove "$win" 0 0 windowsize "$win" "${SIZE%x*}" "${SIZE#*x}"
            break
        fi
        sleep 0.5
    done
    for _ in $(seq 1 1200); do
        res=$(find "$dir" -name result.json 2>/dev/null | head -1)
        [ -n "$res" ] && break
        sleep 0.5
    done
    sleep 1
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    echo "$res"
}

printf '%-5s %10s %10s %7s\n' pair cli_s gui_s ratio
ratios=()
for i in $(seq 1 "$PAIRS"); do
    java ${JAVA_EXTRA:-} -jar "$JAR" demo "${EPOCH_ARG[@]}" --out "$OUT/cli-$i" >"$OUT/cli-$i.log" 2>&1
    c=$(wall "$OUT/cli-$i/result.json")
    res=$(gui_run "$OUT/gui-$i")
    if [ -z "$res" ]; then echo "GUI run $i produced no result.json (see $OUT/gui-$i.log)"; exit 1; fi
    g=$(wall "$res")
    r=$(echo "$g / $c" | bc -l)
    ratios+=("$r")
    printf '%-5s %10.1f %10.1f %7.2f\n' "$i" "$c" "$g" "$r"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
printf 'median GUI/CLI wall-time ratio: %.2f (runs in %s)\n' "$median" "$OUT"

#!/usr/bin/env bash
# A signal to the window must end its run like the CLI's: "interrupted", resumable, no JVM crash.
# Runs N workbench windows (`--demo`, under Xvfb, each with its own temporary runs folder), sends
# each SIGTERM at a random moment of its run, then checks:
#   - the JVM exited by itself (within TERM_WAIT seconds) and wrote no hs_err_pid*.log;
#   - every run folder it made is "interrupted" (result.json status) and has no RUNNING file left;
#   - a run with a checkpoint (at least one finished epoch) is accepted by `resume`, which then
#     trains it to the end (exit 0, status "completed"). A run signalled before its first epoch
#     ended has nothing to resume from: counted as "before epoch 1", not as a failure; nor is a
#     run that completed before the signal came (counted apart: choose MAX_S inside the run).
# A window signalled before it made a run folder (still loading) only has to exit cleanly.
#
#   docs/bench/sigterm_window_loop.sh [JAR]     (default target/reprogram-workbench.jar)
#
# Settings (environment): N=30 windows; MIN_S=0 and MAX_S=25: the signal comes uniformly between
# them, in seconds after the window has made its run folder (the model is loaded, training starts;
# the demo then trains for about 20 s on an idle 2-core machine, far longer on a loaded one, so the
# moment is counted from there and not from the start); FOLDER_WAIT=300 (s to wait for the folder,
# then the signal comes anyway, during the loading);
# TERM_WAIT=90 (s before a window that ignores the signal is killed and counted as a hang);
# RESUME=1 (0: do not run resume); RESUME_EXTRA= (empty: resume trains all the planned epochs; a
# number K: config.json's epochs is first lowered to the finished epochs + K, to keep the check short); OUT=/tmp/sigterm-window-... (kept, logs per window).
# Needs Xvfb (apt-get install xvfb) and jq. Exit status 0 when every window passed.
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
JAR="${1:-$REPO/target/reprogram-workbench.jar}"
N="${N:-30}"
MIN_S="${MIN_S:-0}"
MAX_S="${MAX_S:-25}"
FOLDER_WAIT="${FOLDER_WAIT:-300}"
TERM_WAIT="${TERM_WAIT:-90}"
RESUME="${RESUME:-1}"
OUT="${OUT:-/tmp/sigterm-window-$(date +%s)}"
mkdir -p "$OUT"
# one X server for the whole loop, on a display number it picks itself (xvfb-run -a per window
# raced with other X servers started at the same moment: "Unable to load glass GTK library")
exec 3>"$OUT/display"
Xvfb -displayfd 3 -screen 0 1600x1000x24 >"$OUT/xvfb.log" 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null' EXIT
for _ in $(seq 1 50); do [ -s "$OUT/display" ] && break; sleep 0.2; done
export DISPLAY=":$(head -1 "$OUT/display")"

crashes=0 hangs=0 bad_exit=0 not_interrupted=0 stale_running=0 refused=0 resumed=0 before_epoch=0 no_folder=0 finished=0 passed=0
printf '%-4s %6s %5s %-12s %-10s %s\n' run term_s exit folder status resume
for i in $(seq 1 "$N"); do
    w="$OUT/w$i"
    mkdir -p "$w/runs"
    delay=$(awk -v a="$MIN_S" -v b="$MAX_S" -v s="$RANDOM$i" 'BEGIN { srand(s); printf "%.1f", a + rand() * (b - a) }')
    # the JVM writes hs_err_pid*.log into its working folder: run it in the window's own folder
    (cd "$w" && exec java -jar "$JAR" --runs-dir "$w/runs" --demo) \
        >"$w/window.log" 2>&1 &
    xpid=$!
    for _ in $(seq 1 $((FOLDER_WAIT * 5))); do
        [ -n "$(find "$w/runs" -mindepth 1 -maxdepth 1 -type d ! -name '.*' 2>/dev/null)" ] && break
        kill -0 "$xpid" 2>/dev/null || break
        sleep 0.2
    done
    sleep "$delay"
    jpid=$xpid # the subshell exec'd java
    kill -TERM "$jpid" 2>/dev/null
    ok=1 ex=-
    for _ in $(seq 1 $((TERM_WAIT * 2))); do
        [ -n "$jpid" ] && kill -0 "$jpid" 2>/dev/null || break
        sleep 0.5
    done
    if [ -n "$jpid" ] && kill -0 "$jpid" 2>/dev/null; then
        hangs=$((hangs + 1)); ok=0; ex=hang
        kill -KILL "$jpid" 2>/dev/null
    fi
    wait "$xpid" 2>/dev/null
    code=$?
    [ "$ex" = hang ] || ex=$code
    if ls "$w"/hs_err_pid*.log >/dev/null 2>&1; then
        crashes=$((crashes + 1)); ok=0; ex=CRASH
    fi
    run=$(find "$w/runs" -mindepth 1 -maxdepth 1 -type d ! -name '.*' | head -1)
    folder=- status=- res=-
    if [ -z "$run" ]; then
        no_folder=$((no_folder + 1)); folder=none
    else
        folder=$(basename "$run" | cut -c1-12)
        status=$(jq -r '.status' "$run/result.json" 2>/dev/null || echo none)
        if [ "$status" = completed ]; then finished=$((finished + 1)); res="finished before the signal"
        elif [ "$status" != interrupted ]; then not_interrupted=$((not_interrupted + 1)); ok=0; fi
        if [ -e "$run/RUNNING" ]; then stale_running=$((stale_running + 1)); ok=0; status="$status+RUNNING"; fi
        if [ "$status" = completed ]; then
            :
        elif [ ! -e "$run/checkpoint.bin" ]; then
            before_epoch=$((before_epoch + 1)); res="before epoch 1"
        elif [ "$RESUME" = 1 ]; then
            if [ -n "${RESUME_EXTRA:-}" ]; then
                done_epochs=$(( $(wc -l <"$run/metrics.csv") - 1 )) # header + one row per finished epoch
                jq --argjson e "$(( ${done_epochs:-0} + RESUME_EXTRA ))" '.epochs = $e' "$run/config.json" \
                    >"$run/config.json.new" && mv "$run/config.json.new" "$run/config.json"
            fi
            if java -jar "$JAR" resume "$run" >"$w/resume.log" 2>&1 \
                    && [ "$(jq -r '.status' "$run/result.json")" = completed ]; then
                resumed=$((resumed + 1)); res=completed
            else
                refused=$((refused + 1)); ok=0; res="FAILED ($(grep -m1 'error:' "$w/resume.log"))"
            fi
        fi
    fi
    [ "$ok" = 1 ] && passed=$((passed + 1))
    printf '%-4s %6s %5s %-12s %-10s %s\n' "$i" "$delay" "${ex:-?}" "$folder" "$status" "$res"
done
echo "windows $N: passed $passed; JVM crashes (hs_err) $crashes; hangs $hangs; run folder not 'interrupted'" \
    "$not_interrupted; stale RUNNING $stale_running; resume refused/failed $refused; resumed to completion" \
    "$resumed; signalled before epoch 1 $before_epoch; before a run folder existed $no_folder; run had" \
    "finished before the signal $finished (logs in $OUT)"
[ "$passed" = "$N" ]

#!/usr/bin/env bash
# Checks the desktop app the way a user gets it (Linux). Builds it with `mvn -Pinstaller package`
# (skip with --no-build), then:
#  - app image: copied to a clean temporary folder, made read-only, run with an empty environment
#    (PATH without any JDK, a fresh home folder; as user "nobody" when run as root, so the
#    read-only install folder really is read-only): the launcher opens the JDK packages of the pom's
#    spark.opens, --version, models, a one-epoch train, predict
#    with the trained run and demo on the bundled sample data, a bad-input error, a two-trial study
#    on Apache Spark (local mode inside the app's JVM: study run, its runs and report, study status;
#    prints the time from launch to the first trial back); the install folder must be unchanged, the
#    PyTorch natives must land in the fresh home's DJL cache and Spark must clear its temporary files;
#  - .deb: control fields, content listing (dpkg-deb -c), desktop entry (desktop-file-validate,
#    Exec and Icon present in the package), maintainer scripts, and the launcher of the unpacked
#    package (dpkg-deb -x, read-only) runs --version;
#  - with --gui (needs Xvfb and xwininfo): the launcher without arguments opens the workbench window.
# Prints the sizes at the end. Needs: a JDK 17 with jpackage and jmods, Maven, dpkg-deb, fakeroot,
# desktop-file-validate (.ci/install-tools installs them on Debian/Ubuntu).
# Usage: installer/check.sh [--no-build] [--gui] [--keep]   (MVN_ARGS="-o" for an offline build)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1 GUI=0 KEEP=0
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        --gui) GUI=1 ;;
        --keep) KEEP=1 ;;
        *) echo "usage: installer/check.sh [--no-build] [--gui] [--keep]" >&2; exit 2 ;;
    esac
done

fail() { echo "installer check FAILED: $*" >&2; exit 1; }
ok() { echo "ok - $*"; }
need() { command -v "$1" >/dev/null || fail "$1 not found ($2). Fix: run .ci/install-tools or install it"; }

need dpkg-deb "Debian package tools"
need desktop-file-validate "package desktop-file-utils"
need fakeroot "package fakeroot, used by jpackage for the .deb"
STARTED=$(date +%s)
if [ "$BUILD" = 1 ]; then
    # shellcheck disable=SC2086
    mvn -B -q -Pinstaller package -DskipTests ${MVN_ARGS:-}
    ok "mvn -Pinstaller package ($(( $(date +%s) - STARTED )) s)"
fi

IMAGE=target/installer/image/ReprogramWorkbench
DEB=$(ls target/installer/package/reprogram-workbench_*_amd64.deb 2>/dev/null | head -1 || true)
[ -x "$IMAGE/bin/ReprogramWorkbench" ] || fail "no app image at $IMAGE (run without --no-build)"
[ -n "$DEB" ] || fail "no .deb under target/installer/package (run without --no-build)"
VERSION=$(sed -n 's/^version=//p' target/classes/org/reprogram/workbench/version.properties)
DJL=$(sed -n "s:.*<djl.version>\([0-9][^<]*\)</djl.version>.*:\1:p" pom.xml | head -1)
PYTORCH=$(sed -n "s:.*<pytorch.version>\([0-9][^<]*\)</pytorch.version>.*:\1:p" pom.xml | head -1)
PKG_VERSION=${VERSION%%-*}

T=$(mktemp -d)
chmod 755 "$T"
cleanup() {
    [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null || true
    if [ "$KEEP" = 1 ]; then echo "kept $T"; else chmod -R u+w "$T" 2>/dev/null || true; rm -rf "$T"; fi
}
trap cleanup EXIT
mkdir -p "$T/home" "$T/work" "$T/emptybin" "$T/tmp"
# Spark deletes its temporary folders with `rm -rf` and, where rm is not on the PATH, falls back to
# Java with a warning and a stack trace per folder; every desktop session's PATH has rm.
ln -s "$(command -v rm)" "$T/emptybin/rm"
AS=()
if [ "$(id -u)" = 0 ]; then
    command -v setpriv >/dev/null || fail "running as root needs setpriv (util-linux) to drop to user nobody"
    chown nobody "$T/home" "$T/work" "$T/tmp"
    AS=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
fi

# in_env COMMAND ARGS...: clean environment, no JDK on PATH, fresh home (Java takes user.home
# from the password database, not $HOME, hence -Duser.home), a temporary folder of the check's own
# (java.io.tmpdir, where Spark and the study's unpacked inputs go), in the clean work folder.
in_env() {
    (cd "$T/work" && exec "${AS[@]}" env -i HOME="$T/home" PATH="$T/emptybin" LANG=C.UTF-8 \
        JAVA_TOOL_OPTIONS="-Duser.home=$T/home -Djava.io.tmpdir=$T/tmp" "$@")
}
# run_app LAUNCHER ARGS...: runs the launcher in_env.
# Leaves exit code, stdout and stderr in RC, "$T/out", "$T/err".
run_app() {
    set +e
    in_env "$@" >"$T/out" 2>"$T/err"
    RC=$?
    set -e
}
show() { echo "--- stdout"; cat "$T/out"; echo "--- stderr"; cat "$T/err"; }
# first line of stderr after the JVM's note about JAVA_TOOL_OPTIONS
first_error() { grep -v '^Picked up JAVA_TOOL_OPTIONS' "$T/err" | head -1; }

# ---- the app image, installed read-only in a clean folder -------------------------------------
cp -a "$IMAGE" "$T/app"
chmod -R a-w "$T/app"
APP="$T/app/bin/ReprogramWorkbench"
snapshot() { (cd "$1" && find . -printf '%p %s %T@ %m\n' | sort); }
snapshot "$T/app" >"$T/app-before.txt"
if (env -i PATH="$T/emptybin" sh -c 'command -v java' >/dev/null 2>&1); then fail "the empty PATH still finds java"; fi

TEST_JARS=$(ls "$IMAGE/lib/app/lib" | grep -Ei 'junit|testfx|monocle|archunit|opentest4j|hamcrest|apiguardian' || true)
[ -z "$TEST_JARS" ] || fail "test jars in the app image: $TEST_JARS"
MODULES=$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$IMAGE/lib/runtime/release")
for m in jdk.compiler jdk.jshell jdk.jlink jdk.localedata jdk.jdwp.agent; do
    case " $MODULES " in *" $m "*) fail "runtime holds $m, which the app does not need" ;; esac
done
ok "no test jars; runtime has $(wc -w <<<"$MODULES") modules: $MODULES"
# The JDK packages Spark reflects into (pom.xml property spark.opens; `java -jar` opens them from the
# jar manifest) must reach the launcher's JVM options: a local-mode study runs without them with
# Spark's default serializer, so the study step below cannot tell.
CFG="$IMAGE/lib/app/ReprogramWorkbench.cfg"
OPENS=$(sed -n 's:.*<spark.opens>\([^<]*\)</spark.opens>.*:\1:p' pom.xml)
[ -n "$OPENS" ] || fail "no <spark.opens> property in pom.xml"
for pkg in $OPENS; do
    grep -qx "java-options=--add-opens=$pkg=ALL-UNNAMED" "$CFG" || fail "the launcher does not open $pkg (no --add-opens line in $CFG)"
done
ok "the launcher's JVM options open the $(wc -w <<<"$OPENS") packages of spark.opens"

START=$(date +%s)
run_app "$APP" --version
[ "$RC" = 0 ] || { show; fail "--version exit code $RC"; }
grep -qx "Reprogram Workbench $VERSION" "$T/out" || { show; fail "--version does not print 'Reprogram Workbench $VERSION'"; }
grep -qx "DJL $DJL" "$T/out" || { show; fail "--version does not print 'DJL $DJL'"; }
grep -qx "PyTorch $PYTORCH" "$T/out" || { show; fail "--version does not print 'PyTorch $PYTORCH'"; }
grep -Eq '^device: (cpu|gpu)' "$T/out" || { show; fail "--version names no device"; }
grep -qx "Java .* ($T/app/lib/runtime)" "$T/out" || { show; fail "--version: not the bundled Java runtime"; }
NATIVES=$(sed -n 's/^PyTorch natives: //p' "$T/out")
case "$NATIVES" in
    "$T/home/.djl.ai/"*) ;;
    *) show; fail "PyTorch natives at '$NATIVES', not in the fresh home's DJL cache $T/home/.djl.ai" ;;
esac
ls "$NATIVES"/libtorch_cpu.so >/dev/null || fail "no libtorch_cpu.so in $NATIVES"
ok "--version ($(( $(date +%s) - START )) s, natives extracted to the per-user cache): $(tr '\n' '|' <"$T/out")"

run_app "$APP" models
[ "$RC" = 0 ] && grep -q '^builtin:' "$T/out" || { show; fail "models"; }
ok "models lists $(grep -c '^builtin:' "$T/out") built-in model(s)"

START=$(date +%s)
run_app "$APP" train --target sample-data/digits --epochs 1 --out "$T/work/run-train"
[ "$RC" = 0 ] || { show; fail "one-epoch train on the bundled sample data: exit code $RC"; }
grep -q 'epoch   1/1' "$T/out" || { show; fail "train printed no epoch line"; }
[ -s "$T/work/run-train/result.json" ] || fail "train wrote no result.json"
[ "$(wc -l <"$T/work/run-train/metrics.csv")" = 2 ] || fail "metrics.csv should hold a header and 1 epoch"
ok "train --target sample-data/digits --epochs 1 ($(( $(date +%s) - START )) s): $(grep 'epoch   1/1' "$T/out")"

run_app "$APP" predict "$T/work/run-train" sample-data/digits/test/7
[ "$RC" = 0 ] && grep -q '^predicted [1-9][0-9]* of [1-9][0-9]* images' "$T/out" && grep -q '^accuracy ' "$T/out" \
    || { show; fail "predict with the trained run on the bundled sample images"; }
ok "predict RUN sample-data/digits/test/7: $(grep '^accuracy ' "$T/out")"

# The shipped vision-language model: its tokenizer's native library (in the tokenizers jar) must load
# from the per-user cache, and the run records its zero-shot figure.
START=$(date +%s)
run_app "$APP" train --source builtin:fmnist-clip --mapping text --target sample-data/digits --epochs 1 \
    --class-names "t-shirt,trouser,pullover,dress,coat,sandal,shirt,sneaker,bag,ankle boot" --out "$T/work/run-vlm"
[ "$RC" = 0 ] && grep -q '"zeroShot"' "$T/work/run-vlm/result.json" \
    || { show; fail "one-epoch train of the shipped vision-language model (builtin:fmnist-clip, --mapping text)"; }
ok "train --source builtin:fmnist-clip --mapping text --epochs 1 ($(( $(date +%s) - START )) s): $(grep 'epoch   1/1' "$T/out")"

run_app "$APP" demo --epochs 1 --out "$T/work/run-demo"
[ "$RC" = 0 ] && [ -s "$T/work/run-demo/result.json" ] || { show; fail "demo --epochs 1"; }
ok "demo --epochs 1"

run_app "$APP" train --target no-such-folder --out "$T/work/run-bad"
[ "$RC" = 2 ] && first_error | grep -q '^error: .*no-such-folder' || { show; fail "bad --target: want exit 2 and one error line"; }
ok "bad input: exit 2, $(first_error)"

# A study: two trials (mapping flm, ilm; one seed) as Spark tasks in local mode inside the app's JVM,
# which needs the JDK modules and --add-opens options the build gives the launcher. The spec names
# the bundled sample data as the train step does (found under the app folder). Each stdout line is
# stamped with the time it arrived, for the time from launch to the first trial back.
SPEC="$T/home/study.yaml"
cat >"$SPEC" <<'YAML'
name: installer-check
method: grid
base:
  source: builtin
  data.target: sample-data/digits
  data.shots: 5
  optimization.epochs: 1
parameters:
  mapping: {values: [flm, ilm]}
seeds: [0]
YAML
chmod a+r "$SPEC"
now_ms() { local us=${EPOCHREALTIME//[.,]/}; echo $(( us / 1000 )); }
START=$(now_ms)
set +e
in_env "$APP" study run "$SPEC" --out "$T/home/study" 2>"$T/err" \
    | while IFS= read -r line; do printf '%s %s\n' "$(now_ms)" "$line"; done >"$T/out.stamped"
RC=${PIPESTATUS[0]}
END=$(now_ms)
set -e
cut -d' ' -f2- "$T/out.stamped" >"$T/out"
[ "$RC" = 0 ] || { show; fail "study run (2 trials on Spark, local mode): exit code $RC"; }
FIRST=$(grep -m1 -E '^[0-9]+ \[ *[0-9.]+ s\] trial ' "$T/out.stamped" | cut -d' ' -f1)
[ -n "$FIRST" ] || { show; fail "study run printed no '[ ... s] trial ...' line"; }
! grep -qE '^\s+at |Exception' "$T/err" || { show; fail "study run printed a stack trace or an exception"; }
RUNS=$(find "$T/home/study/runs" -mindepth 1 -maxdepth 1 -type d | wc -l)
[ "$RUNS" = 2 ] || { ls -la "$T/home/study/runs"; fail "study runs/ holds $RUNS run folders, want 2"; }
for run in "$T/home/study/runs"/*/; do
    grep -Eq '"status": *"completed"' "$run/result.json" || { cat "$run/result.json"; fail "trial $run is not completed"; }
done
[ -s "$T/home/study/report/report.md" ] || { show; fail "study run wrote no report/report.md"; }
TOTAL=$(( END - START ))
FIRST_MS=$(( FIRST - START ))
ok "study run (2 trials, Spark $(grep -m1 -o 'local\[[0-9]*\][^)]*)' "$T/out")): first trial back $(( FIRST_MS / 1000 )).$(( FIRST_MS % 1000 / 100 )) s after launch, done in $(( TOTAL / 1000 )).$(( TOTAL % 1000 / 100 )) s; 2 runs completed, report/report.md"
LEFT=$(find "$T/tmp" -mindepth 1 -maxdepth 1 -printf '%f\n' | sort)
! grep -Eq '^(spark|blockmgr)-' <<<"$LEFT" || fail "Spark left its temporary folders in java.io.tmpdir: $(tr '\n' ' ' <<<"$LEFT")"
ok "Spark cleared its temporary files${LEFT:+ (left in java.io.tmpdir: $(paste -sd" " <<<"$LEFT"))}"

run_app "$APP" study status "$T/home/study"
[ "$RC" = 0 ] && grep -q '^2 trials: 2 completed' "$T/out" || { show; fail "study status"; }
ok "study status: $(grep '^2 trials' "$T/out")"

if [ "$GUI" = 1 ]; then
    need Xvfb "package xvfb"
    need xwininfo "package x11-utils"
    Xvfb :77 -screen 0 1600x1000x24 >/dev/null 2>&1 &
    XVFB_PID=$!
    (cd "$T/work" && exec "${AS[@]}" env -i HOME="$T/home" PATH="$T/emptybin" DISPLAY=:77 \
        JAVA_TOOL_OPTIONS="-Duser.home=$T/home -Djava.io.tmpdir=$T/tmp" "$APP" >"$T/gui.out" 2>&1) &
    GUI_PID=$!
    for _ in $(seq 1 90); do
        DISPLAY=:77 xwininfo -root -tree 2>/dev/null | grep -q '"Reprogram Workbench"' && break
        kill -0 "$GUI_PID" 2>/dev/null || { cat "$T/gui.out"; fail "the launcher without arguments exited"; }
        sleep 1
    done
    DISPLAY=:77 xwininfo -root -tree | grep -q '"Reprogram Workbench"' || { cat "$T/gui.out"; fail "no workbench window"; }
    kill "$GUI_PID" 2>/dev/null || true
    wait "$GUI_PID" 2>/dev/null || true
    ok "no arguments: the 'Reprogram Workbench' window opened"
fi

snapshot "$T/app" >"$T/app-after.txt"
diff "$T/app-before.txt" "$T/app-after.txt" >/dev/null || { diff "$T/app-before.txt" "$T/app-after.txt" | head; fail "the launcher wrote into its install folder"; }
ok "install folder unchanged (read-only; natives, caches and the study's files went to the user's home and temporary folders)"

# ---- the .deb ---------------------------------------------------------------------------------
dpkg-deb -I "$DEB" >"$T/info"
for field in "Package: reprogram-workbench" "Version: $PKG_VERSION" "Architecture: amd64"; do
    grep -q "^ $field" "$T/info" || { cat "$T/info"; fail ".deb control lacks '$field'"; }
done
grep -q "^ Depends:.*libgtk-3-0" "$T/info" || fail ".deb does not depend on GTK 3 (JavaFX needs it)"
dpkg-deb -c "$DEB" | awk '{print $NF}' >"$T/deb-files"
OPT=./opt/reprogram-workbench
for f in $OPT/bin/ReprogramWorkbench $OPT/lib/runtime/lib/server/libjvm.so $OPT/lib/app/reprogram-workbench.jar \
        $OPT/lib/app/lib/pytorch-native-cpu-$PYTORCH-linux-x86_64.jar $OPT/lib/app/assets/models/fmnist-cnn/weights.params \
        $OPT/lib/app/sample-data/digits/train/0/ $OPT/lib/reprogram-workbench-ReprogramWorkbench.desktop \
        $OPT/lib/ReprogramWorkbench.png; do
    grep -qx "$f" "$T/deb-files" || fail ".deb lacks $f (dpkg-deb -c)"
done
ok ".deb $(basename "$DEB"): control fields and content ($(wc -l <"$T/deb-files") entries)"

mkdir "$T/root"
dpkg-deb -x "$DEB" "$T/root"
dpkg-deb -e "$DEB" "$T/control"
DESKTOP="$T/root/opt/reprogram-workbench/lib/reprogram-workbench-ReprogramWorkbench.desktop"
desktop-file-validate "$DESKTOP" || fail "desktop entry does not validate"
EXEC=$(sed -n 's/^Exec=//p' "$DESKTOP")
ICON=$(sed -n 's/^Icon=//p' "$DESKTOP")
[ -x "$T/root$EXEC" ] || fail "desktop entry Exec=$EXEC is not in the package"
[ -f "$T/root$ICON" ] || fail "desktop entry Icon=$ICON is not in the package"
grep -q "^Name=Reprogram Workbench$" "$DESKTOP" || fail "desktop entry name"
grep -q "xdg-desktop-menu install /opt/reprogram-workbench/lib/reprogram-workbench-ReprogramWorkbench.desktop" \
    "$T/control/postinst" || fail "postinst does not register the menu entry"
grep -q "ln -sf $EXEC /usr/bin/reprogram-workbench" "$T/control/postinst" || fail "postinst does not link the command"
ok "desktop entry validates (Exec=$EXEC, Icon=$ICON); postinst registers it and links /usr/bin/reprogram-workbench"

chmod -R a-w "$T/root"
run_app "$T/root$EXEC" --version
[ "$RC" = 0 ] && grep -qx "Reprogram Workbench $VERSION" "$T/out" || { show; fail "unpacked .deb launcher --version"; }
ok "the unpacked .deb's launcher runs (read-only): $(head -1 "$T/out")"

# ---- sizes ------------------------------------------------------------------------------------
mb() { du -sm "$1" | cut -f1; }
echo "sizes: app image $(mb "$IMAGE") MB (Java runtime $(mb "$IMAGE/lib/runtime") MB, app jars $(mb "$IMAGE/lib/app/lib") MB"\
", PyTorch natives jar $(mb "$IMAGE/lib/app/lib/pytorch-native-cpu-$PYTORCH-linux-x86_64.jar") MB);"\
" .deb $(( $(stat -c %s "$DEB") / 1048576 )) MB; per-user natives cache $(mb "$T/home/.djl.ai") MB"
echo "installer check passed in $(( $(date +%s) - STARTED )) s"

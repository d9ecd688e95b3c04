#!/usr/bin/env bash
# Installs the .deb into a clean minimal Debian (a debootstrap chroot: no JDK, no desktop) the way
# a user would, and uses it as an ordinary user. Not run by CI: it needs root, debootstrap and the
# network (Debian mirror), about 1.3 GB of disk and 5-10 minutes. installer/check.sh does the
# chroot-free checks that CI runs.
#   dpkg -i reprogram-workbench_*.deb   (fails on the missing libraries, as it should on a bare system)
#   apt-get -f install                  (pulls them: GTK, GL, ...; configures the package)
#   as user "teacher": reprogram-workbench --version, a one-epoch train on the bundled sample digits
#   apt-get remove                      (menu entry and /usr/bin link go away)
# Usage: sudo installer/check-deb-install.sh [CHROOT_DIR]   (default /tmp/reprogram-deb-chroot;
# an existing bootstrapped folder is reused, the package is purged first)
set -euo pipefail
cd "$(dirname "$0")/.."
R=${1:-/tmp/reprogram-deb-chroot}
DEB=$(ls target/installer/package/reprogram-workbench_*_amd64.deb 2>/dev/null | head -1 || true)
fail() { echo "deb install check FAILED: $*" >&2; exit 1; }
ok() { echo "ok - $*"; }
[ "$(id -u)" = 0 ] || fail "needs root (chroot, dpkg)"
[ -n "$DEB" ] || fail "no .deb: run mvn -Pinstaller package first"
command -v debootstrap >/dev/null || fail "debootstrap not found. Fix: apt-get install debootstrap"

if [ ! -x "$R/usr/bin/dpkg" ]; then
    debootstrap --variant=minbase bookworm "$R" http://deb.debian.org/debian >/dev/null
    ok "debootstrap bookworm minbase in $R"
fi
cp /etc/resolv.conf "$R/etc/resolv.conf"
mountpoint -q "$R/proc" || mount -t proc proc "$R/proc"
trap 'umount "$R/proc" 2>/dev/null || true' EXIT
in_root() { chroot "$R" "$@"; }
# a reused chroot: back to the bare system (the package and the libraries it pulled)
in_root dpkg --purge reprogram-workbench >/dev/null 2>&1 || true
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get autoremove --purge -y -qq' >/dev/null 2>&1 || true
in_root sh -c 'command -v java' && fail "the chroot has a java"
cp "$DEB" "$R/tmp/"
if in_root dpkg -i "/tmp/$(basename "$DEB")" >"$R/tmp/dpkg-i.log" 2>&1; then
    ok "dpkg -i (all dependencies were already there)"
else
    grep -q "dependency problems" "$R/tmp/dpkg-i.log" || { cat "$R/tmp/dpkg-i.log"; fail "dpkg -i failed for another reason than missing dependencies"; }
    ok "dpkg -i stops at the missing libraries: $(grep -c 'is not installed' "$R/tmp/dpkg-i.log") not installed"
fi
in_root sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq' >"$R/tmp/apt.log" 2>&1 \
    || { tail -20 "$R/tmp/apt.log"; fail "apt-get -f install"; }
in_root dpkg -s reprogram-workbench | grep -q "^Status: install ok installed" || fail "package not configured"
[ "$(readlink "$R/usr/bin/reprogram-workbench")" = /opt/reprogram-workbench/bin/ReprogramWorkbench ] || fail "no /usr/bin link"
ENTRY=$R/usr/share/applications/reprogram-workbench-ReprogramWorkbench.desktop
[ -f "$ENTRY" ] || fail "no menu entry in /usr/share/applications"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$ENTRY" || fail "menu entry does not validate"; fi
ok "apt-get -f install: configured; /usr/bin/reprogram-workbench and the menu entry are in place"

in_root id teacher >/dev/null 2>&1 || in_root useradd -m teacher
in_root rm -rf /home/teacher/.djl.ai /home/teacher/.openjfx /home/teacher/run1
as_teacher() { chroot --userspec=teacher:teacher "$R" env -i HOME=/home/teacher PATH=/usr/bin:/bin sh -c "cd /home/teacher && $*"; }
as_teacher reprogram-workbench --version | tee "$R/tmp/version.txt"
grep -q "^PyTorch natives: /home/teacher/.djl.ai/pytorch/" "$R/tmp/version.txt" || fail "natives not in the user's ~/.djl.ai"
grep -q "^Java .*(/opt/reprogram-workbench/lib/runtime)" "$R/tmp/version.txt" || fail "not the bundled Java runtime"
as_teacher reprogram-workbench train --target sample-data/digits --epochs 1 --out /home/teacher/run1 | tail -2
[ -s "$R/home/teacher/run1/result.json" ] || fail "train wrote no result"
[ -z "$(find "$R/opt/reprogram-workbench" -uid "$(in_root id -u teacher)")" ] || fail "the user wrote into /opt"
ok "as user teacher: --version and a one-epoch train; natives in /home/teacher/.djl.ai ($(du -sm "$R/home/teacher/.djl.ai" | cut -f1) MB)"

in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq reprogram-workbench' >/dev/null
[ ! -e "$R/usr/bin/reprogram-workbench" ] && [ ! -e "$ENTRY" ] && [ ! -e "$R/opt/reprogram-workbench/bin" ] \
    || fail "apt-get remove left the link, the menu entry or the launcher"
ok "apt-get remove: launcher, /usr/bin link and menu entry gone"
echo "deb install check passed"

#!/usr/bin/env bash
# Prints the Java modules the app and its runtime jars use, for installer.modules in
# installer/build.xml: first the list jdeps computes for jlink, then which jars use each module
# (beyond java.base). Needs target/reprogram-workbench.jar and target/lib (mvn -B package -DskipTests).
# Takes a few minutes: jdeps reads some 130 jars twice. It cannot see modules that code loads by
# name (jdk.security.auth for Hadoop's login, see build.xml): the study step of installer/check.sh
# runs Spark in the app image and fails on those.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/reprogram-workbench.jar ] && [ -d target/lib ] \
    || { echo "error: no target/reprogram-workbench.jar or target/lib. Fix: mvn -B package -DskipTests" >&2; exit 2; }
# (jdeps warns of the split package org.apache.commons.logging: commons-logging and jcl-over-slf4j
# both bring it; that warning is dropped here)
MODULES=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
    target/reprogram-workbench.jar target/lib/*.jar 2> >(grep -v '^Warning: split package: org.apache.commons.logging' >&2))
echo "modules: $MODULES"
jdeps --multi-release 17 --ignore-missing-deps -s target/reprogram-workbench.jar target/lib/*.jar \
    | awk '$2 == "->" && $3 ~ /^(java|jdk)\./ && $3 != "java.base" { users[$3] = users[$3] " " $1 }
           END { for (m in users) print m ":" users[m] }' | sort

#!/usr/bin/env bash
# Builds a self-contained application image (bundled Java runtime, natives, model, sample data)
# with the JDK's jpackage: installer/out/ReprogramWorkbench/bin/ReprogramWorkbench
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
rm -rf installer/out installer/input
mkdir -p installer/input
cp target/reprogram-workbench.jar installer/input/
cp -r target/lib installer/input/lib
cp -r assets sample-data installer/input/
jpackage --type app-image --name ReprogramWorkbench --input installer/input \
  --main-jar reprogram-workbench.jar --main-class org.reprogram.workbench.Main \
  --java-options "-Dai.djl.offline=true -Dreprogram.home=\$APPDIR" --dest installer/out
echo "built installer/out/ReprogramWorkbench"

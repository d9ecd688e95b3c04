#!/usr/bin/env python3
"""Markdown tables for the README from the run folders of docs/methods/sweep.sh.
Usage: python3 docs/methods/table.py OUT_DIR   (cells: final test accuracy / at best validation epoch)"""
import glob
import json
import os
import sys

out = sys.argv[1]
runs = {}
for d in sorted(glob.glob(os.path.join(out, "s*"))):
    f = os.path.join(d, "result.json")
    if os.path.isdir(d) and os.path.exists(f):
        runs[os.path.basename(d)] = json.load(open(f))

mappings = ["random", "flm", "ilm", "linear", "blm", "blm+", "bar"]
rows = [("pad", "tanh"), ("pad", "sigmoid"), ("scale", "tanh"), ("scale", "sigmoid"), ("full", None), ("smm", None)]
seeds = sorted({k.split("-")[0] for k in runs})


def cell(names):
    rs = [runs[n] for n in names if n in runs and runs[n]["status"] == "completed"]
    if not rs:
        return "-"
    fin = sum(r["testAccuracy"] for r in rs) / len(rs)
    best = sum(r["testAccuracyAtBestVal"] for r in rs) / len(rs)
    return "%.3f / %.3f" % (fin, best)


def wall(names):
    rs = [runs[n]["wallSeconds"] for n in names if n in runs]
    return "%.0f" % (sum(rs) / len(rs)) if rs else "-"


print("White-box, 20 epochs, seeds " + ",".join(s[1:] for s in seeds) + " (mean): final / at best-validation epoch\n")
print("| program | frame | trainable | " + " | ".join(mappings) + " | wall s (ilm) |")
print("|---|---|---|" + "---|" * len(mappings) + "---|")
for prog, frame in rows:
    stem = "wb-%s-%s" % (prog, frame) if frame else "wb-%s" % prog
    trainable = next((runs[n]["trainableParameters"] for n in runs if n.endswith(stem + "-ilm")), "-")
    cells = [cell(["%s-%s-%s" % (s, stem, m) for s in seeds]) for m in mappings]
    print("| %s | %s | %s | %s | %s |" % (prog, frame or "-", trainable, " | ".join(cells),
                                        wall(["%s-%s-ilm" % (s, stem) for s in seeds])))
print("\nBlack-box (zeroth-order), pad inner 10, 20 epochs, seed 0\n")
print("| frame | mapping | settings | test acc (final / best-val) | queries | wall s |")
print("|---|---|---|---|---|---|")
for n, r in runs.items():
    if "-bb-" in n:
        parts = n.split("-")
        settings = "q=1, beta=0.1, focal (BAR's code)" if n.endswith("bar-bar") else "q=10, beta=0.05, ce"
        print("| %s | %s | %s | %.3f / %.3f | %d | %.0f |" % (parts[3], r["mapping"], settings, r["testAccuracy"],
              r["testAccuracyAtBestVal"], r["queries"], r["wallSeconds"]))
print("\nBaselines, 20 epochs, same splits and seeds (mean over the seeds that ran)\n")
print("| baseline | seeds | test acc (final / best-val) | trainable | wall s | peak RSS MB |")
print("|---|---|---|---|---|---|")
for kind in ["linear-probe", "finetune", "scratch"]:
    rs = [r for n, r in runs.items() if n.endswith("-baseline-" + kind) and r["status"] == "completed"]
    if rs:
        mean = lambda key: sum(r[key] for r in rs) / len(rs)
        print("| %s | %d | %.3f / %.3f | %d | %.0f | %.0f |" % (kind, len(rs), mean("testAccuracy"),
              mean("testAccuracyAtBestVal"), rs[0]["trainableParameters"], mean("wallSeconds"), mean("peakRssMegabytes")))

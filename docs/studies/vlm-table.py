#!/usr/bin/env python3
"""Pastes the vision-language study's results into the README: the leaderboard `study report` wrote
(STUDY_DIR/report/report.md, section "Leaderboard") and, from every run's result.json, the zero-shot
accuracy of each mapping's prompts (the same for every seed and program: no program, the test split).
They replace what stands between <!-- vlm-table:start --> and <!-- vlm-table:end --> in README.md.
Usage: python3 docs/studies/vlm-table.py STUDY_DIR [README.md]"""
import json
import pathlib
import re
import sys

study = pathlib.Path(sys.argv[1])
readme = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "README.md")
report = (study / "report" / "report.md").read_text()
section = report.split("## Leaderboard", 1)[1].split("\n## ", 1)[0]
table = "\n".join(l for l in section.strip().splitlines() if l.startswith("|"))
summary = report.split("## Outcome", 1)[1].split("\n\n")[1].strip()

zero_shot = {}
for result_file in sorted((study / "runs").glob("*/result.json")):
    result = json.loads(result_file.read_text())
    z = result.get("zeroShot")
    if z is None:
        continue
    mapping = result.get("mapping")
    zero_shot.setdefault(mapping, set()).add(round(z["testAccuracy"], 4))
rows = ["| prompts of | zero-shot test accuracy (no program, no training) |", "|---|---|"]
for mapping, values in sorted(zero_shot.items()):
    if len(values) != 1:
        sys.exit(f"error: runs of mapping {mapping} disagree on their zero-shot figure: {sorted(values)}")
    rows.append(f"| {mapping} | {values.pop():.3f} |")
block = "<!-- vlm-table:start -->\n" + summary + "\n\n" + table + "\n\n" + "\n".join(rows) + "\n<!-- vlm-table:end -->"
text = readme.read_text()
new, n = re.subn(r"<!-- vlm-table:start -->.*?<!-- vlm-table:end -->", lambda m: block, text, flags=re.S)
if n != 1:
    sys.exit(f"error: {readme}: needs exactly one <!-- vlm-table:start --> ... <!-- vlm-table:end --> block (found {n})")
readme.write_text(new)
print(f"{readme}: results of {study} pasted")

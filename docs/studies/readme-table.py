#!/usr/bin/env python3
"""Pastes a study's leaderboard into the README: the table `study report` wrote into
STUDY_DIR/report/report.md (section "Leaderboard") replaces what stands between
<!-- study-table:start --> and <!-- study-table:end --> in README.md, and the accuracy figure is
copied to docs/studies/. Usage: python3 docs/studies/readme-table.py STUDY_DIR [README.md]"""
import pathlib
import re
import shutil
import sys

study = pathlib.Path(sys.argv[1])
readme = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "README.md")
report = (study / "report" / "report.md").read_text()
section = report.split("## Leaderboard", 1)[1].split("\n## ", 1)[0]
table = "\n".join(l for l in section.strip().splitlines() if l.startswith("|"))
summary = report.split("## Outcome", 1)[1].split("\n\n")[1].strip()
block = f"<!-- study-table:start -->\n{summary}\n\n{table}\n<!-- study-table:end -->"
text = readme.read_text()
new, n = re.subn(r"<!-- study-table:start -->.*?<!-- study-table:end -->", lambda m: block, text, flags=re.S)
if n != 1:
    sys.exit(f"error: {readme}: needs exactly one <!-- study-table:start --> ... <!-- study-table:end --> block (found {n})")
readme.write_text(new)
shutil.copy(study / "report" / "accuracy.png", readme.parent / "docs" / "studies" / "beat-the-alternatives-accuracy.png")
print(f"{readme}: leaderboard of {study} pasted ({table.count(chr(10)) - 1} configurations)")

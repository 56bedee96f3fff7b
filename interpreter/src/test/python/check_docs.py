#!/usr/bin/env python3
"""Runs every example of docs/language.md that shows its output: each fenced block with `#=>`
lines is run as a script (without those lines), and what it prints must be exactly the `#=>`
lines. Run from the repository root, after building (./toy builds on first use):

    python3 interpreter/src/test/python/check_docs.py
"""

import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..")
DOC = os.path.join(ROOT, "docs", "language.md")

failed = 0
with open(DOC, encoding="utf-8") as f:
    blocks = re.findall(r"```\n(.*?)```", f.read(), re.S)
with tempfile.TemporaryDirectory() as tmp:
    script = os.path.join(tmp, "example.toy")
    for block in blocks:
        if "#=>" not in block:
            continue
        lines = block.splitlines()
        with open(script, "w", encoding="utf-8") as out:
            out.write("\n".join(l for l in lines if not l.startswith("#=>")) + "\n")
        want = [l[4:] if l.startswith("#=> ") else l[3:] for l in lines if l.startswith("#=>")]
        run = subprocess.run([os.path.join(ROOT, "toy"), script], capture_output=True, text=True)
        if run.stdout.splitlines() != want or run.returncode != 0:
            failed += 1
            print("example differs:\n" + block + "printed:\n" + run.stdout + run.stderr)
print(f"{len([b for b in blocks if '#=>' in b])} examples, {failed} differ")
sys.exit(1 if failed else 0)

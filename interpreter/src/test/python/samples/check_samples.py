#!/usr/bin/env python3
"""Checks that each samples/language/NAME.toy that has a Python equivalent here (NAME.py) prints
what that Python program prints under CPython: runs NAME.py and compares its output with
samples/language/NAME.out. Run from the repository root:

    python3 interpreter/src/test/python/samples/check_samples.py
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "..", "..", "..", "..", "samples", "language")

failed = 0
for name in sorted(os.listdir(HERE)):
    if not name.endswith(".py") or name in ("toyprint.py", "check_samples.py"):
        continue
    expected_file = os.path.join(SAMPLES, name[:-3] + ".out")
    stdin_file = os.path.join(SAMPLES, name[:-3] + ".in")
    stdin = open(stdin_file, "rb").read() if os.path.exists(stdin_file) else b""
    result = subprocess.run([sys.executable, os.path.join(HERE, name)], input=stdin, capture_output=True)
    with open(expected_file, "rb") as f:
        expected = f.read()
    if result.stdout != expected:
        failed += 1
        print(f"{name}: differs from {os.path.normpath(expected_file)}")
        for i, (a, b) in enumerate(zip(result.stdout.decode().splitlines(), expected.decode().splitlines())):
            if a != b:
                print(f"  line {i + 1}:\n    python: {a}\n    toy:    {b}")
                break
    else:
        print(f"{name}: same")
sys.exit(1 if failed else 0)

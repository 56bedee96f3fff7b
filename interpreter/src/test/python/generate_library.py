#!/usr/bin/env python3
"""Generates interpreter/src/test/resources/library.txt: random Toy expressions over slices with
steps, format specs, f-strings, comprehensions and sorted/min/max with keys, each with the text
Toy must print for it, worked out with CPython. ExpressionsAgainstPythonTest runs them through
Toy, as it runs expressions.txt (made by generate_expressions.py; both print values with
samples/toyprint.py's `show`).

Re-run from the repository root after changing it (the seed is fixed, so the output is stable
for a given Python version; it was made with CPython 3.11):

    python3 interpreter/src/test/python/generate_library.py

Every case is built twice from the same random choices: as Toy source and as the Python source
that LANGUAGE.md says is equivalent (`fn(x) { return e }` for `lambda x: e`, `true` for `True`,
lists for tuples); Python's value, or `Kind: message` for its error, is the expected output.
Toy's own notation differs from Python's in one place that shows here: `repr` and `!r` quote a
str with double quotes (`"ab"`), so for a str the expected text of `!r` is worked out by `show`.
"""

import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "samples"))
from toyprint import show  # noqa: E402  (how Toy prints a value)

SEED = 20261129
PER_KIND = 260

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "library.txt")


class Case:
    def __init__(self, toy, python, env=None):
        self.toy, self.python, self.env = toy, python, env or {}


def toy_literal(v):
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "nil"
    if isinstance(v, str):
        return "'" + v + "'"
    if isinstance(v, list):
        return "[" + ", ".join(toy_literal(x) for x in v) + "]"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def py_literal(v):
    return repr(v)


def outcome(python, env):
    try:
        value = eval(python, {"__builtins__": __builtins__}, dict(env))
    except (ValueError, TypeError, IndexError, KeyError, ZeroDivisionError, OverflowError) as e:
        return f"{type(e).__name__}: {e}"
    return show(value)


# ---------------------------------------------------------------- slices with steps

def random_sequence(rnd):
    kind = rnd.choice(["list", "str", "range"])
    n = rnd.randint(0, 9)
    if kind == "list":
        v = [rnd.randint(-9, 99) for _ in range(n)]
        return toy_literal(v), py_literal(v)
    if kind == "str":
        v = "".join(rnd.choice("abcdéxyz") for _ in range(n))
        return toy_literal(v), py_literal(v)
    a, b, c = rnd.randint(-5, 5), rnd.randint(-10, 20), rnd.choice([1, 2, 3, -1, -2, -3])
    return f"range({a}, {b}, {c})", f"range({a}, {b}, {c})"


def slices(rnd):
    toy_seq, py_seq = random_sequence(rnd)
    parts = []
    for role in ("lo", "hi", "step"):
        if rnd.random() < 0.3:
            parts.append("")
        elif role == "step":
            parts.append(str(rnd.choice([1, 2, 3, -1, -2, -3, 4, -5, 0, 10, -10])))
        else:
            parts.append(str(rnd.randint(-12, 12)))
    if parts[2] == "":
        parts[2] = str(rnd.choice([-1, 2]))
    text = f"[{parts[0]}:{parts[1]}:{parts[2]}]"
    return Case(toy_seq + text, py_seq + text)


# ---------------------------------------------------------------- format specs

def random_spec(rnd, kind):
    spec = ""
    if rnd.random() < 0.4:
        fill = rnd.choice(["", "", "*", "0", "-", "x"])
        spec += fill + rnd.choice("<>^=")
    if rnd.random() < 0.3:
        spec += rnd.choice("+- ")
    if rnd.random() < 0.1:
        spec += "z"
    if rnd.random() < 0.15:
        spec += "#"
    if rnd.random() < 0.15:
        spec += "0"
    if rnd.random() < 0.6:
        spec += str(rnd.randint(1, 16))
    if rnd.random() < 0.25:
        spec += rnd.choice(",_")
    if rnd.random() < 0.5:
        spec += "." + str(rnd.randint(0, 8))
    if rnd.random() < 0.8:
        types = {"int": "dbxXo" + "eEfFgG%" + "s", "float": "eEfFgG%" + "d", "str": "s" + "d"}[kind]
        spec += rnd.choice(types)
    return spec


def random_number(rnd, kind):
    if kind == "int":
        return rnd.choice([0, 1, -1, 7, 42, -1234, 1234567, 10 ** rnd.randint(0, 15), -(2 ** 40), 255])
    return rnd.choice([0.0, -0.0, 1.5, -2.25, 3.14159, 1234567.891, 1e-5, 2.5e-3, 1e16, 123456789.0,
                       0.125, 99.995, -0.0001, 2.675, 1e300, float("inf"), float("nan"),
                       round(rnd.uniform(-1e6, 1e6), rnd.randint(0, 6))])


def toy_number(v):
    if isinstance(v, float):
        if v != v:
            return "float('nan')"
        if v in (float("inf"), float("-inf")):
            return ("-" if v < 0 else "") + "float('inf')"
        if v == 0 and str(v).startswith("-"):
            return "-0.0"
    return repr(v)


def formats(rnd):
    kind = rnd.choice(["int", "float", "float", "str"])
    if kind == "str":
        v = "".join(rnd.choice("abcdéxy") for _ in range(rnd.randint(0, 6)))
        toy_v, py_v = toy_literal(v), py_literal(v)
    else:
        v = random_number(rnd, kind)
        toy_v = toy_number(v)
        py_v = toy_v.replace("float('nan')", "float('nan')")
    spec = random_spec(rnd, kind)
    return Case(f"format({toy_v}, '{spec}')", f"format({py_v}, '{spec}')")


# ---------------------------------------------------------------- f-strings

def fstrings(rnd):
    toy_parts, py_parts = [], []
    for _ in range(rnd.randint(1, 3)):
        if rnd.random() < 0.4:
            word = rnd.choice(["n=", " and ", "{{x}}", "total: ", "|", "", " % "])
            toy_parts.append(word)
            py_parts.append(word)
            continue
        kind = rnd.choice(["int", "float", "str", "expr"])
        if kind == "expr":
            a, b = rnd.randint(-20, 20), rnd.randint(1, 9)
            op = rnd.choice(["+", "-", "*", "//", "%"])
            toy_e = py_e = f"{a} {op} {b}"
            kind = "int"
        elif kind == "str":
            v = "".join(rnd.choice("abcxy") for _ in range(rnd.randint(0, 4)))
            toy_e, py_e = toy_literal(v), py_literal(v)
        else:
            v = random_number(rnd, kind)
            if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
                v = 2.5
            toy_e = py_e = repr(v)
        r = rnd.random()
        if r < 0.5:
            spec = random_spec(rnd, kind)
            toy_parts.append("{" + toy_e + ":" + spec + "}")
            py_parts.append("{" + py_e + ":" + spec + "}")
        elif r < 0.6 and kind != "str":
            toy_parts.append("{" + toy_e + "!r}")
            py_parts.append("{" + py_e + "!r}")
        else:
            toy_parts.append("{" + toy_e + "}")
            py_parts.append("{" + py_e + "}")
    return Case('f"' + "".join(toy_parts) + '"', 'f"' + "".join(py_parts) + '"')


# ---------------------------------------------------------------- comprehensions

EXPRESSIONS = [("x", "x"), ("x * 2", "x * 2"), ("x % 3", "x % 3"), ("[x, x]", "[x, x]"), ("-x", "-x"),
               ("x // 2 + 1", "x // 2 + 1"), ("str(x)", "str(x)"), ("x * x - 1", "x * x - 1")]
CONDITIONS = [("x > 2", "x > 2"), ("x % 2 == 0", "x % 2 == 0"), ("x != 3", "x != 3"),
              ("not x", "not x"), ("x < 0 or x > 5", "x < 0 or x > 5")]


def comprehensions(rnd):
    xs = [rnd.randint(-5, 9) for _ in range(rnd.randint(0, 7))]
    toy_src, py_src = toy_literal(xs), py_literal(xs)
    if rnd.random() < 0.3:
        toy_src = py_src = f"range({rnd.randint(-3, 3)}, {rnd.randint(0, 9)})"
    e_toy, e_py = rnd.choice(EXPRESSIONS)
    form = rnd.randrange(5)
    cond_toy = cond_py = ""
    if rnd.random() < 0.5:
        c_toy, c_py = rnd.choice(CONDITIONS)
        cond_toy, cond_py = " if " + c_toy, " if " + c_py
    if form == 0:
        return Case(f"[{e_toy} for x in {toy_src}{cond_toy}]", f"[{e_py} for x in {py_src}{cond_py}]")
    if form == 1:
        ys = [rnd.randint(0, 4) for _ in range(rnd.randint(0, 3))]
        return Case(f"[[x, y] for x in {toy_src}{cond_toy} for y in {toy_literal(ys)} if y <= x]",
                    f"[[x, y] for x in {py_src}{cond_py} for y in {py_literal(ys)} if y <= x]")
    if form == 2:
        return Case(f"{{x: {e_toy} for x in {toy_src}{cond_toy}}}", f"{{x: {e_py} for x in {py_src}{cond_py}}}")
    if form == 3:
        pairs = [[rnd.choice("abcd"), rnd.randint(0, 9)] for _ in range(rnd.randint(0, 5))]
        return Case(f"[k + str(v) for k, v in {toy_literal(pairs)} if v > 2]",
                    f"[k + str(v) for k, v in {py_literal(pairs)} if v > 2]")
    m = {rnd.choice("abcdef"): rnd.randint(-3, 9) for _ in range(rnd.randint(0, 5))}
    toy_m = "{" + ", ".join(f"'{k}': {v}" for k, v in m.items()) + "}"
    return Case(f"{{v: k for k, v in {toy_m}.items(){' if v >= 0' if cond_toy else ''}}}",
                f"{{v: k for k, v in {py_literal(m)}.items(){' if v >= 0' if cond_py else ''}}}")


# ---------------------------------------------------------------- sorted, min, max with keys

KEYS = [("len", "len"), ("abs", "abs"), ("fn(x) { return -x }", "lambda x: -x"),
        ("fn(x) { return x % 3 }", "lambda x: x % 3"), ("str", "str"),
        ("fn(p) { return p[1] }", "lambda p: p[1]"), ("fn(s) { return s[-1:] }", "lambda s: s[-1:]")]


def sorting(rnd):
    shape = rnd.choice(["ints", "strs", "pairs", "floats", "mixed"])
    n = rnd.randint(0, 7)
    if shape == "ints":
        xs = [rnd.randint(-9, 9) for _ in range(n)]
    elif shape == "floats":
        xs = [rnd.choice([0.5, -1.25, 3.0, 2.5, -0.0, 1e10]) for _ in range(n)]
    elif shape == "strs":
        xs = ["".join(rnd.choice("abcab") for _ in range(rnd.randint(0, 3))) for _ in range(n)]
    elif shape == "pairs":
        xs = [[rnd.choice("abc"), rnd.randint(0, 3)] for _ in range(n)]
    else:
        xs = [rnd.choice([1, "a", 2.5, "b", 3]) for _ in range(n)]
    key_toy, key_py = rnd.choice(KEYS + [(None, None)] * 2)
    if key_py == "lambda x: x % 3" and shape not in ("ints", "floats"):
        key_toy, key_py = "abs", "abs"   # on a str, Python's % formats (not in Toy)
    which = rnd.choice(["sorted", "sorted", "sorted", "min", "max"])
    args_toy, args_py = [toy_literal(xs)], [py_literal(xs)]
    if key_toy:
        args_toy.append("key=" + key_toy)
        args_py.append("key=" + key_py)
    if which == "sorted" and rnd.random() < 0.4:
        args_toy.append("reverse=true")
        args_py.append("reverse=True")
    return Case(f"{which}({', '.join(args_toy)})", f"{which}({', '.join(args_py)})")


KINDS = [slices, formats, fstrings, comprehensions, sorting]


def main():
    rnd = random.Random(SEED)
    cases, seen = [], set()
    for kind in KINDS:
        made = 0
        while made < PER_KIND:
            case = kind(rnd)
            if case.toy in seen:
                continue
            value = outcome(case.python, case.env)
            if "\t" in value or "\n" in value or len(value) > 300:
                continue
            seen.add(case.toy)
            cases.append((case.toy, value))
            made += 1
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by interpreter/src/test/python/generate_library.py (seed %d, Python %s);"
                " do not edit.\n" % (SEED, sys.version.split()[0]))
        for text, value in cases:
            f.write(f"{text}\t{value}\n")
    print(f"wrote {len(cases)} cases to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()

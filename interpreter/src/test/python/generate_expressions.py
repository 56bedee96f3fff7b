#!/usr/bin/env python3
"""Generates interpreter/src/test/resources/expressions.txt: random Toy expressions over ints,
floats and (sparingly) bools, nil, strs and lists, each with the text Toy must print for it,
worked out with CPython. ExpressionsAgainstPythonTest runs them all through Toy.

Re-run from the repository root after changing it (the seed is fixed, so the output is stable
for a given Python version; it was made with CPython 3.11):

    python3 interpreter/src/test/python/generate_expressions.py

Each line of the output is `EXPRESSION<TAB>EXPECTED`, where EXPECTED is what `print` shows for
the value (true/false/nil, floats as repr, strs bare at the top and double-quoted inside lists)
or, for an error, `Kind: message` as `str(e)` gives it.

Python is the oracle, with the deliberate differences of LANGUAGE.md applied by the evaluator
below rather than by Python:
  * ints are signed 64-bit: any int result (also an intermediate one) outside that range is
    `OverflowError: integer overflow`;
  * a bool is not a number: arithmetic or ordering on a bool is a TypeError, and a bool equals
    only a bool (`true == 1` is false);
  * `str + x` is `unsupported operand type(s) for +: 'str' and 'int'` (CPython says "can only
    concatenate"), and type names are Toy's (`nil`, not `NoneType`).
Expressions are evaluated from a tree (left to right, short-circuiting `and`/`or`) and rendered
with only the parentheses Toy's precedence needs (plus a few spare ones); for expressions
without bools and nil, the rendered text is also checked with Python's own eval, so the renderer
and the evaluator agree with Python's parser. Skipped: complex results, float `**` overflow
(CPython raises `OverflowError: (34, 'Numerical result out of range')`, an errno message with
no Toy equivalent), `%` on a str (CPython formats), repeating a str by a bool or a huge count,
and list repetition (not in LANGUAGE.md).
"""

import math
import os
import random
import struct
import sys

# How Toy prints a value: the one printer the samples' Python equivalents use too.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "samples"))
from toyprint import show  # noqa: E402

SEED = 20240611
COUNT = 1500
I64_MIN, I64_MAX = -2 ** 63, 2 ** 63 - 1

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "expressions.txt")


class Skip(Exception):
    """The expression has no Toy counterpart worth checking."""


class ToyFault(Exception):
    def __init__(self, kind, message):
        super().__init__(kind, message)
        self.kind = kind
        self.message = message


# ---------------------------------------------------------------- values and their printing

def tname(v):
    if v is None:
        return "nil"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float"
    if isinstance(v, str):
        return "str"
    if isinstance(v, list):
        return "list"
    raise AssertionError(v)


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_int(v):
    if isinstance(v, int) and not isinstance(v, bool) and not I64_MIN <= v <= I64_MAX:
        raise ToyFault("OverflowError", "integer overflow")
    return v


def fix_message(msg):
    msg = msg.replace("'NoneType'", "'nil'")
    if msg.startswith("can only concatenate"):
        raise AssertionError("handled before Python sees it: " + msg)
    return msg


# ---------------------------------------------------------------- Toy's semantics, via Python

ARITH = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "//": lambda a, b: a // b,
    "%": lambda a, b: a % b,
    "**": lambda a, b: a ** b,
}
COMPARE = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def unsupported(op, a, b):
    shown = "** or pow()" if op == "**" else op
    return ToyFault("TypeError", f"unsupported operand type(s) for {shown}: '{tname(a)}' and '{tname(b)}'")


def python_op(fn, a, b):
    try:
        return fn(a, b)
    except ZeroDivisionError as e:
        raise ToyFault("ZeroDivisionError", str(e))
    except TypeError as e:
        raise ToyFault("TypeError", fix_message(str(e)))
    except OverflowError:
        # Only float ** overflows here: "(34, 'Numerical result out of range')" or
        # "complex exponentiation"; Toy's message for it is its own.
        raise Skip("float ** overflow")


def arith(op, a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        if op == "*" and (isinstance(a, (str, list)) or isinstance(b, (str, list))):
            raise Skip("sequence * bool")
        raise unsupported(op, a, b)
    if op == "+" and isinstance(a, (str, list)) and type(a) is not type(b):
        raise unsupported(op, a, b)
    if op == "%" and isinstance(a, str):
        raise Skip("str % formats in Python")
    if op == "*" and (isinstance(a, list) or isinstance(b, list)):
        raise Skip("list repetition")
    if op == "*" and (isinstance(a, str) or isinstance(b, str)):
        count = b if isinstance(a, str) else a
        if isinstance(count, int) and abs(count) > 50:
            raise Skip("long repetition")
    if op == "**" and isinstance(a, int) and isinstance(b, int) and abs(a) > 1 and b > 200:
        # Far beyond 64 bits; Python would grind through the digits.
        raise ToyFault("OverflowError", "integer overflow")
    result = python_op(ARITH[op], a, b)
    if isinstance(result, complex):
        raise Skip("complex")
    return check_int(result)


def equal(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    return a == b   # lists hold no bools, so Python's == is Toy's there


def compare(op, a, b):
    if op == "==":
        return equal(a, b)
    if op == "!=":
        return not equal(a, b)
    if isinstance(a, bool) or isinstance(b, bool):
        raise ToyFault("TypeError", f"'{op}' not supported between instances of '{tname(a)}' and '{tname(b)}'")
    return python_op(COMPARE[op], a, b)


# ---------------------------------------------------------------- expression trees

# Precedence levels, loosest first, as in LANGUAGE.md §3.
OR, AND, NOT, CMP, ADD, MUL, NEG, POW, ATOM = range(9)
LEVEL = {"or": OR, "and": AND, "==": CMP, "!=": CMP, "<": CMP, "<=": CMP, ">": CMP, ">=": CMP,
         "+": ADD, "-": ADD, "*": MUL, "/": MUL, "//": MUL, "%": MUL, "**": POW}


class Leaf:
    def __init__(self, text, value):
        self.text, self.value, self.level = text, value, ATOM

    def eval(self):
        return self.value

    def render(self, rnd):
        return self.text

    def plain(self):
        return not isinstance(self.value, bool) and self.value is not None

    def may_be_bool(self):
        return isinstance(self.value, bool)


class Unary:
    def __init__(self, op, operand):
        self.op, self.operand = op, operand
        self.level = NEG if op == "-" else NOT

    def eval(self):
        v = self.operand.eval()
        if self.op == "not":
            return not v
        if not is_num(v):
            raise ToyFault("TypeError", f"bad operand type for unary -: '{tname(v)}'")
        return check_int(-v)

    def render(self, rnd):
        inner = wrap(self.operand, self.operand.level < self.level, rnd)
        if self.op == "not":
            return "not " + inner
        return "- " + inner if inner.startswith("-") else "-" + inner

    def plain(self):
        return self.operand.plain() and (self.op == "not" or not self.operand.may_be_bool())

    def may_be_bool(self):
        return self.op == "not"


class Binary:
    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right
        self.level = LEVEL[op]

    def eval(self):
        a = self.left.eval()
        if self.op == "and":
            return self.right.eval() if a else a
        if self.op == "or":
            return a if a else self.right.eval()
        b = self.right.eval()
        if self.level == CMP:
            return compare(self.op, a, b)
        return arith(self.op, a, b)

    def render(self, rnd):
        p = self.level
        if p == POW:       # right-associative; the exponent may be a unary minus
            left_paren = self.left.level <= POW
            right_paren = self.right.level < NEG
        elif p == CMP:     # comparisons do not chain
            left_paren = self.left.level <= CMP
            right_paren = self.right.level <= CMP
        else:
            left_paren = self.left.level < p
            right_paren = self.right.level <= p
        return (wrap(self.left, left_paren, rnd) + " " + self.op + " "
                + wrap(self.right, right_paren, rnd))

    def plain(self):
        if not (self.left.plain() and self.right.plain()):
            return False
        return self.op in ("and", "or") or not (self.left.may_be_bool() or self.right.may_be_bool())

    def may_be_bool(self):
        if self.op in ("and", "or"):
            return self.left.may_be_bool() or self.right.may_be_bool()
        return self.level == CMP


def wrap(node, needed, rnd):
    text = node.render(rnd)
    if needed or (node.level != ATOM and rnd.random() < 0.08):
        return "(" + text + ")"
    return text


# ---------------------------------------------------------------- random generation

SMALL_INTS = [0, 1, 2, 3, 4, 5, 7, 10, 13, 100, 255, 1000, 12345, 65536]
BIG_INTS = [2 ** 31, 2 ** 32 + 1, 3037000499, 3037000500, 2 ** 53, 2 ** 53 + 1, 2 ** 62,
            2 ** 62 + 1, 2 ** 63 - 1, 2 ** 63 - 2, 4611686018427387903, 1000000007,
            999999999999, 9007199254740993, 1234567890123456789]
FLOATS = [0.1, 0.2, 0.5, 1.5, 2.0, 2.5, 3.0, 0.3, 1e300, 1e-300, 3.14159, 0.0, 1e16, 123.456,
          2.5e-3, 1e308, 5e-324, 1e22, 0.7, 9.999999999999999e22, 1e-7, 4.35, 100.0, 1e15]


def int_leaf(v):
    if v == I64_MIN:
        return Leaf("(-9223372036854775807 - 1)", v)
    if v < 0:
        return Leaf(f"({v})", v)
    return Leaf(str(v), v)


def float_leaf(v):
    if math.copysign(1.0, v) < 0:
        return Leaf(f"({v!r})", v)
    return Leaf(repr(v), v)


def random_leaf(rnd):
    r = rnd.random()
    if r < 0.36:
        return int_leaf(rnd.choice(SMALL_INTS) if rnd.random() < 0.8 else rnd.randint(-50, 50))
    if r < 0.53:
        v = rnd.choice(BIG_INTS + [I64_MIN, -(2 ** 63 - 1), -(2 ** 62)])
        return int_leaf(v)
    if r < 0.86:
        if rnd.random() < 0.1:   # any finite double, to exercise repr
            v = struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0]
            return float_leaf(v if math.isfinite(v) else 0.25)
        if rnd.random() < 0.7:
            return float_leaf(rnd.choice(FLOATS))
        return float_leaf(round(rnd.uniform(-1000, 1000), rnd.choice([1, 2, 3, 6])))
    if r < 0.92:
        return rnd.choice([Leaf('float("inf")', math.inf), Leaf('float("nan")', math.nan),
                           float_leaf(-0.0)])
    if r < 0.93:
        return rnd.choice([Leaf("true", True), Leaf("false", False)])
    if r < 0.945:
        return rnd.choice([Leaf('"ab"', "ab"), Leaf('""', ""), Leaf('"b"', "b"), Leaf('"abc"', "abc")])
    if r < 0.955:
        return rnd.choice([Leaf("[1, 2]", [1, 2]), Leaf("[]", []), Leaf("[0.5]", [0.5]),
                           Leaf('[1, "a"]', [1, "a"]), Leaf("[1, 2.5]", [1, 2.5])])
    if r < 0.96:
        return Leaf("nil", None)
    return int_leaf(rnd.choice(SMALL_INTS))


ARITH_OPS = ["+", "-", "*", "/", "//", "%", "**"]
CMP_OPS = ["==", "!=", "<", "<=", ">", ">="]


def arith_tree(rnd, depth):
    """Mostly arithmetic; now and then a comparison or `not` inside, to meet a bool operand."""
    if depth <= 0 or rnd.random() < 0.2:
        return random_leaf(rnd)
    r = rnd.random()
    if r < 0.02:
        return logic_tree(rnd, depth - 1)
    if r < 0.85:
        op = rnd.choice(ARITH_OPS)
        left = arith_tree(rnd, depth - 1)
        if op == "**":   # keep exponents small, so results are mostly in range
            right = rnd.choice([int_leaf(rnd.randint(-3, 64)), float_leaf(rnd.choice([0.5, 2.0, -1.5, 3.0])),
                                arith_tree(rnd, depth - 2)])
        else:
            right = arith_tree(rnd, depth - 1)
        return Binary(op, left, right)
    return Unary("-", arith_tree(rnd, depth - 1))


def logic_tree(rnd, depth):
    r = rnd.random()
    if depth <= 1 or r < 0.6:
        return Binary(rnd.choice(CMP_OPS), arith_tree(rnd, depth - 1), arith_tree(rnd, depth - 1))
    if r < 0.9:
        pick = lambda: logic_tree(rnd, depth - 1) if rnd.random() < 0.6 else arith_tree(rnd, depth - 1)
        return Binary(rnd.choice(["and", "or"]), pick(), pick())
    return Unary("not", logic_tree(rnd, depth - 1) if rnd.random() < 0.5 else arith_tree(rnd, depth - 1))


def random_tree(rnd, depth):
    return arith_tree(rnd, depth) if rnd.random() < 0.65 else logic_tree(rnd, depth)


# Hand-picked edge cases, checked like the random ones.
EDGE_CASES = [
    "9223372036854775807 + 1", "(-9223372036854775807 - 1) - 1", "-(-9223372036854775807 - 1)",
    "(-9223372036854775807 - 1) * -1", "(-9223372036854775807 - 1) // -1", "(-9223372036854775807 - 1) % -1",
    "(-9223372036854775807 - 1) // 1", "(-9223372036854775807 - 1) / -1", "9223372036854775807 * 2",
    "3037000499 * 3037000499", "3037000500 * 3037000500", "-3037000500 * 3037000500",
    "4611686018427387904 * 2", "-4611686018427387904 * 2", "4611686018427387904 + 4611686018427387904",
    "2 ** 62", "2 ** 63", "(-2) ** 63", "(-2) ** 64", "-2 ** 63", "3 ** 39", "3 ** 40", "7 ** 22",
    "7 ** 23", "1 ** 9223372036854775807", "(-1) ** 9223372036854775807", "0 ** 9223372036854775807",
    "2 ** 64", "10 ** 18", "10 ** 19", "2 ** -1", "2 ** -63", "(-2) ** -3", "0 ** 0", "0 ** -1",
    "0.0 ** -1", "0.0 ** 0", "10 ** -400", "4 ** 0.5", "2 ** 0.5", "(-8) ** 2.0", "1.0 ** 1e300",
    "9223372036854775807 / 3", "9223372036854775807 / 1", "9007199254740993 / 1",
    "9007199254740993 / 2", "(2 ** 62 + 1) / 3", "1234567890123456789 / 10", "1 / 3", "2 / 3",
    "-7 / 2", "6 / 3", "0 / 5", "-0.0 / 5", "1 / 0", "1.0 / 0", "1 / 0.0", "0.0 / 0.0",
    "7 // 2", "-7 // 2", "7 // -2", "-7 // -2", "7 % 3", "-7 % 3", "7 % -3", "-7 % -3",
    "7 // 0", "7 % 0", "7.0 // 0", "7.0 % 0", "7 // 0.0", "0 % 0.0",
    "7.5 // 2", "-7.5 // 2", "7.5 % -2", "-7.5 % 2", "5.0 % 0.1", "-1.0 % 1.0", "1.0 % -1.0",
    "-0.0 // 1", "0.0 // -1", "1e300 // 1e-300", "1 // 0.3", "0.7 // 0.1", "0.7 % 0.1",
    'float("inf") // 1', 'float("inf") % 1', '5.0 % float("inf")', '-5.0 % float("inf")',
    '5 // float("inf")', '-5 // float("inf")', 'float("inf") - float("inf")', 'float("inf") * 0',
    'float("nan") == float("nan")', 'float("nan") != float("nan")', 'float("nan") < 1',
    'float("inf") > 9223372036854775807', '-float("inf") < (-9223372036854775807 - 1)',
    "1e308 * 10", "-1e308 * 10", "1e308 + 1e308", "5e-324 / 2", "0.1 + 0.2", "0.1 * 3",
    "1 == 1.0", "1 != 1.0", "0 == -0.0", "true == 1", "false == 0", "true != 1", "true == true",
    "nil == nil", "nil == false", "nil != 0", "[1, 2] == [1.0, 2.0]", '"a" == "a"', '"1" == 1',
    "9007199254740993 == 9007199254740992.0", "9007199254740993 > 9007199254740992.0",
    "9007199254740993 <= 9007199254740992.0", "9223372036854775807 == 9223372036854775808.0",
    "9223372036854775807 < 9223372036854775808.0", "(-9223372036854775807 - 1) == -9223372036854775808.0",
    "9223372036854775807 + 0.0", "9223372036854775807 - 1.0", "2 ** 53 + 1.0", "(2 ** 53 + 1) * 1.0",
    "true + 1", "1 - false", "-true", "true * 2", "true < false", "1 <= true", "true ** 2",
    "true and 5", "false or 0.0", "not 0", "not 0.0", "not -0.0", "not nil", "not \"\"", "not []",
    '"a" + 1', '1 + "a"', '"a" - "b"', '"ab" * 3', '3 * "ab"', '"ab" * 0', '"ab" * -1',
    '"a" * "b"', '"a" * 1.5', '"a" < 1', '"a" < "b"', '"abc" < "abd"', '"" < "a"', '"a" ** 2',
    '"a" // 1', "[1, 2] + [3]", "[] + []", "[1] - [1]", "[1, 2] < [1, 3]", "[1, 2] < [1, 2, 0]",
    '[1, 2] < [1, "a"]', '[1, "a"] < [1, "b"]', "[1] < 1", "nil + 1", "1 - nil", "-nil",
    "nil < 1", "1 / nil", "[1] + 1",
    "-2 ** 2", "(-2) ** 2", "2 ** 3 ** 2", "(2 ** 3) ** 2", "2 ** -1 ** 2", "- -3", "-3 ** 2 * 2",
    "10 - 3 - 2", "100 / 10 / 5", "2 * 3 % 4", "7 // 2 * 2", "64 // 4 // 2", "2 + 3 * 4 ** 2",
    "not 1 == 2", "not true and false", "true or false and false", "1 or 1 / 0", "0 and 1 / 0",
    "nil or 0 or \"\" or 5", "1 and 2 and 3", "0 or nil", "(1 < 2) == true",
    "1 + 2 == 3 and 2 * 3 > 5", "1 < 2 and 2 < 3 or 1 / 0",
    # int / int is correctly rounded (not float(a) / float(b)); Python's float % and //; pow's
    # special cases (1 ** nan is 1.0); repr of hard-to-print floats.
    "5258986265376043509 / 870", "7053584670082022960 / 67", "874709080445262125 / 502",
    "4000578844658139789 / 625", "9223372036854775807 / 9223372036854775806", "1e300 % 7",
    "-1e300 % 7", "9223372036854775807 % 0.1", "1e20 // 3", "(-9223372036854775807 - 1) % 3",
    "(-9223372036854775807 - 1) // 3", "(-9223372036854775807 - 1) // -3",
    "-9223372036854775807 // 2", "9223372036854775807 % -2", "(-9223372036854775807 - 1) ** 1",
    "(-9223372036854775807 - 1) ** 0", "2.0 ** -1074", "(-2.0) ** 3", "(-0.0) ** 3",
    "(-0.0) ** 0.5", "(-0.0) ** -1", 'float("inf") ** -1', '1 ** float("nan")',
    '1.0 ** float("inf")', '(-1.0) ** float("inf")', '(-1) ** float("-inf")', '0.5 ** float("inf")',
    '2 ** float("-inf")', 'float("nan") ** 0', "0 ** 0.0", "(-2) ** -1075",
    'float("nan") < 9223372036854775807', '9223372036854775807 == float("nan")', "0.1 + 0.7",
    "2e+23", "2.82879384806159e+17", "8.41e+21", "1.1e-322", "4.9406564584124654e-324",
    "1.7976931348623157e+308", "0.30000000000000004 * 3", "1 / 3 * 3", "2 ** 0.5 * 2 ** 0.5",
    "9007199254740993 * 1.0", "-9223372036854775807 + -1.0", 'float("inf") // float("inf")',
    '1 % float("-inf")', '-1 % float("-inf")', "0.0 % -5", "-0.0 % 5", 'float("nan") // 1',
    "7 // -0.0",
]


def parse_edge(text):
    """Builds the tree of an edge case with Python's parser, so it is evaluated Toy's way."""
    import ast
    py = text.replace("true", "True").replace("false", "False").replace("nil", "None")
    ops = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
           ast.Mod: "%", ast.Pow: "**", ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=",
           ast.Gt: ">", ast.GtE: ">="}

    def build(n):
        if isinstance(n, ast.Expression):
            return build(n.body)
        if isinstance(n, ast.BinOp):
            return Binary(ops[type(n.op)], build(n.left), build(n.right))
        if isinstance(n, ast.UnaryOp):
            return Unary("-" if isinstance(n.op, ast.USub) else "not", build(n.operand))
        if isinstance(n, ast.Compare):
            assert len(n.ops) == 1, text
            return Binary(ops[type(n.ops[0])], build(n.left), build(n.comparators[0]))
        if isinstance(n, ast.BoolOp):
            op = "and" if isinstance(n.op, ast.And) else "or"
            node = build(n.values[0])
            for v in n.values[1:]:
                node = Binary(op, node, build(v))
            return node
        return Leaf("", eval(compile(ast.Expression(n), "<edge>", "eval")))

    return build(ast.parse(py, mode="eval"))


def expected(tree):
    try:
        return show(tree.eval())
    except ToyFault as e:
        return f"{e.kind}: {e.message}"


def python_agrees(text, tree):
    """Where Toy's rules and Python's agree (no nil, and bools only where Python would not treat
    them as numbers), Python's own eval of the text must give the same value."""
    if not tree.plain():
        return
    try:
        mine = tree.eval()
    except ToyFault:
        return
    theirs = eval(text, {"float": float})
    if show(mine) != show(theirs):
        raise AssertionError(f"renderer and Python disagree on {text}: {show(mine)} vs {show(theirs)}")


def main():
    rnd = random.Random(SEED)
    cases, seen = [], set()
    for text in EDGE_CASES:
        try:
            cases.append((text, expected(parse_edge(text))))
        except Skip:
            continue
        seen.add(text)
    while len(cases) < COUNT:
        tree = random_tree(rnd, rnd.choice([1, 2, 2, 3, 3, 4]))
        if isinstance(tree, Leaf):
            continue
        text = tree.render(rnd)
        if text in seen or len(text) > 160:
            continue
        try:
            value = expected(tree)
            python_agrees(text, tree)
        except Skip:
            continue
        if "\t" in value or "\n" in value or len(value) > 300:
            continue
        seen.add(text)
        cases.append((text, value))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by interpreter/src/test/python/generate_expressions.py (seed %d, Python %s);"
                " do not edit.\n" % (SEED, sys.version.split()[0]))
        for text, value in cases:
            f.write(f"{text}\t{value}\n")
    print(f"wrote {len(cases)} cases to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()

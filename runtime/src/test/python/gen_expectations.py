#!/usr/bin/env python3
"""Writes the expectations that FloatFormatTest and ArithTest read, with CPython 3.11 as the oracle.

Run it from the repository root whenever it changes (the seed is fixed, so the output only changes
when this script does), and commit what it writes:

    python3 runtime/src/test/python/gen_expectations.py

float_repr.txt: "<IEEE bits as 16 hex digits> <repr(float)>" per line.
arith.txt: "<op>\t<a>\t<b>\t<expected>" per line. Operands and results are ints in decimal, floats as
"f" + 16 hex digits of their bits (or "nan"), true/false, or "!Kind: message" for an error. Toy's rules that
differ from Python's are applied here: an int result outside 64 bits is OverflowError, and a
complex result (negative base, fractional exponent) is ValueError.
"""
import math
import random
import struct
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "toy" / "runtime"
rng = random.Random(20240611)


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def float_cases():
    xs = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 2.2250738585072014e-308,
          2.225073858507201e-308, 1.7976931348623157e308, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3,
          1.0, -1.0, 1.5, 100.0, 1e15, 1e16, 1e17, 123456789012345678.0, 9007199254740993.0,
          0.0001, 0.00001, 0.00012345, 1e-5, 1.5e-5, 1e22, 1e23, 2e23, 1.5e300, 2.82879384806159e17,
          4.35e-5, 5e-5, 9.999999999999999e22, 1e21, 1.0000000000000002, 0.9999999999999999]
    xs += [2.0 ** e for e in range(-1074, 1024, 7)]
    xs += [10.0 ** e for e in range(-30, 31)]
    # Random bit patterns: every exponent is equally likely, so every magnitude gets covered.
    xs += [from_bits(rng.getrandbits(64)) for _ in range(2000)]
    # Decimals with few digits, where the shortest repr is much shorter than 17 digits.
    for _ in range(500):
        digits = rng.randint(1, 17)
        mantissa = rng.randint(1, 10 ** digits - 1)
        xs.append(float(f"{mantissa}e{rng.randint(-330, 310)}") * rng.choice([1, -1]))
    return xs


def f(x):
    # A NaN's sign and payload cannot be seen in Toy (it prints "nan"), so any NaN will do.
    return "nan" if math.isnan(x) else "f%016x" % bits(x)


def encode(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v) if -2 ** 63 <= v < 2 ** 63 else "!OverflowError: integer overflow"
    if isinstance(v, float):
        return f(v)
    if isinstance(v, complex):
        return "!ValueError: math domain error"
    raise TypeError(v)


OPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "//": lambda a, b: a // b,
    "%": lambda a, b: a % b,
    "**": lambda a, b: a ** b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
}


def evaluate(op, a, b):
    # Python would build a huge int here; in 64 bits it is an overflow (|a| >= 2, b > 64).
    if op == "**" and isinstance(a, int) and isinstance(b, int) and abs(a) >= 2 and b > 64:
        return "!OverflowError: integer overflow"
    try:
        return encode(OPS[op](a, b))
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        return "!%s: %s" % (type(e).__name__, e)


def operand_pools():
    ints = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 100, -100, 12345, 2 ** 31 - 1, -2 ** 31, 2 ** 32, 2 ** 53,
            2 ** 53 + 1, -(2 ** 53 + 1), 2 ** 62, 2 ** 63 - 1, -2 ** 63, -2 ** 63 + 1, 3037000499, 3037000500,
            10 ** 18, -(10 ** 18), 4611686018427387904, 123456789123456789]
    ints += [rng.randint(-2 ** rng.randint(1, 63), 2 ** rng.randint(1, 63)) for _ in range(40)]
    floats = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, 2.0, -2.5, 3.0, 0.1, 1e-300, 5e-324, 1e300,
              1.7976931348623157e308, math.inf, -math.inf, math.nan, 2.0 ** 53, 2.0 ** 63, -2.0 ** 63,
              9.5, -7.25, 1e16, 123.456, -0.75, 4.0, 1e-10]
    floats += [rng.uniform(-1, 1) * 10.0 ** rng.randint(-20, 20) for _ in range(40)]
    return ints, floats


def arith_cases():
    ints, floats = operand_pools()
    lines = []

    def add(op, a, b):
        lines.append("\t".join([op, encode(a), encode(b), evaluate(op, a, b)]))

    for op in OPS:
        for _ in range(120):
            kind = rng.randrange(4)
            a = rng.choice(ints if kind in (0, 1) else floats)
            b = rng.choice(ints if kind in (0, 2) else floats)
            if op == "**" and kind == 0:
                b = rng.choice([0, 1, 2, 3, 5, 10, 31, 62, 63, 64, 65, -1, -2, -3, 2 ** 62])
            add(op, a, b)
    # Every combination of special floats with the division operators and pow.
    specials = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, math.inf, -math.inf, math.nan, 0, 1, -1, 3, -3]
    for op in ("/", "//", "%", "**"):
        for a in specials:
            for b in specials:
                add(op, a, b)
    for a in ints + floats:
        lines.append("\t".join(["neg", encode(a), "-", encode(-a)]))
    return lines


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("run this with CPython 3.11, the reference Toy follows")
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "float_repr.txt", "w") as out:
        for x in float_cases():
            out.write("%016x %s\n" % (bits(x), repr(x)))
    with open(OUT / "arith.txt", "w") as out:
        out.write("\n".join(arith_cases()) + "\n")


if __name__ == "__main__":
    main()

package toy.runtime;

/**
 * Toy's arithmetic operators on boxed values, with Python's rules and messages, plus the int
 * helpers the VM calls on unboxed longs. An int result outside 64 bits raises OverflowError
 * ({@code integer overflow}); it never wraps. bool is not a number here.
 */
public final class Arith {
    /** Strings and lists longer than this cannot be built (the JVM's limit on an array's length). */
    private static final long MAX_LENGTH = Integer.MAX_VALUE - 8;

    private Arith() {
    }

    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return addInt(x, y);
        }
        if (isNumber(a) && isNumber(b)) {
            return toDouble(a) + toDouble(b);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.concat(y);
        }
        if (a instanceof ToyList x && b instanceof ToyList y) {
            return x.concat(y);
        }
        throw unsupported("+", a, b);
    }

    public static Object sub(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return subInt(x, y);
        }
        if (isNumber(a) && isNumber(b)) {
            return toDouble(a) - toDouble(b);
        }
        throw unsupported("-", a, b);
    }

    public static Object mul(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return mulInt(x, y);
        }
        if (isNumber(a) && isNumber(b)) {
            return toDouble(a) * toDouble(b);
        }
        if (isSequence(a)) {
            return repeat(a, b);
        }
        if (isSequence(b)) {
            return repeat(b, a);
        }
        throw unsupported("*", a, b);
    }

    /** {@code /}: always a float. */
    public static Object truediv(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return truedivInt(x, y);
        }
        if (isNumber(a) && isNumber(b)) {
            double y = toDouble(b);
            if (y == 0) {
                throw ToyError.zeroDivision("float division by zero");
            }
            return toDouble(a) / y;
        }
        throw unsupported("/", a, b);
    }

    public static Object floordiv(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return floordivInt(x, y);
        }
        if (isNumber(a) && isNumber(b)) {
            return FloatMath.floorDiv(toDouble(a), toDouble(b));
        }
        throw unsupported("//", a, b);
    }

    public static Object mod(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return modInt(x, y);
        }
        if (isNumber(a) && isNumber(b)) {
            return FloatMath.mod(toDouble(a), toDouble(b));
        }
        throw unsupported("%", a, b);
    }

    public static Object pow(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return powInt(x, y);
        }
        if (isNumber(a) && isNumber(b)) {
            return FloatMath.pow(toDouble(a), toDouble(b));
        }
        throw unsupported("** or pow()", a, b);
    }

    public static Object neg(Object a) {
        if (a instanceof Long x) {
            return negInt(x);
        }
        if (a instanceof Double x) {
            return -x;
        }
        throw ToyError.typeError("bad operand type for unary -: '" + Values.typeName(a) + "'");
    }

    public static long addInt(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw overflow();
        }
        return r;
    }

    public static long subInt(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            throw overflow();
        }
        return r;
    }

    public static long mulInt(long a, long b) {
        long r = a * b;
        if (Math.multiplyHigh(a, b) != (r >> 63)) {
            throw overflow();
        }
        return r;
    }

    public static long floordivInt(long a, long b) {
        if (b == 0) {
            throw ToyError.zeroDivision("integer division or modulo by zero");
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw overflow();
        }
        return Math.floorDiv(a, b);
    }

    /** CPython 3.11 says "integer modulo by zero" here, unlike for {@code //}. */
    public static long modInt(long a, long b) {
        if (b == 0) {
            throw ToyError.zeroDivision("integer modulo by zero");
        }
        return Math.floorMod(a, b);
    }

    public static double truedivInt(long a, long b) {
        if (b == 0) {
            throw ToyError.zeroDivision("division by zero");
        }
        return FloatMath.divide(a, b);
    }

    /** An int for an exponent of 0 or more, else a float (as Python). */
    public static Object powInt(long base, long exponent) {
        if (exponent < 0) {
            return FloatMath.pow(base, exponent);
        }
        long result = 1;
        // Squaring by bits. A square only overflows when the final result would too, because
        // it is only taken when a higher bit still needs it; and no square is exactly 2**63.
        while (true) {
            if ((exponent & 1) != 0) {
                result = mulInt(result, base);
            }
            exponent >>= 1;
            if (exponent == 0) {
                return result;
            }
            base = mulInt(base, base);
        }
    }

    public static long negInt(long a) {
        if (a == Long.MIN_VALUE) {
            throw overflow();
        }
        return -a;
    }

    static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double;
    }

    private static double toDouble(Object number) {
        return number instanceof Long n ? (double) n : (Double) number;
    }

    private static boolean isSequence(Object v) {
        return v instanceof String || v instanceof ToyList;
    }

    /** {@code sequence * count}; a count of 0 or less gives an empty sequence. */
    private static Object repeat(Object sequence, Object count) {
        if (!(count instanceof Long n)) {
            throw ToyError.typeError("can't multiply sequence by non-int of type '" + Values.typeName(count) + "'");
        }
        if (sequence instanceof ToyList list) {
            return list.repeat(n);
        }
        String s = (String) sequence;
        if (n <= 0 || s.isEmpty()) {
            return "";
        }
        if (n > MAX_LENGTH / s.length()) {
            throw ToyError.overflowError("repeated string is too long");
        }
        return s.repeat((int) (long) n);
    }

    static ToyError overflow() {
        return ToyError.overflowError("integer overflow");
    }

    private static ToyError unsupported(String op, Object a, Object b) {
        return ToyError.typeError("unsupported operand type(s) for " + op + ": '" + Values.typeName(a) + "' and '"
                + Values.typeName(b) + "'");
    }
}

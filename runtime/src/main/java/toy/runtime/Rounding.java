package toy.runtime;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** round(x) and round(x, n): Python's, half to even on the exact binary value of a float. */
final class Rounding {
    /** CPython's bounds on n beyond which rounding a double changes nothing, or leaves only a zero. */
    private static final int MAX_FLOAT_DIGITS = 323;
    private static final int MIN_FLOAT_DIGITS = -308;
    /** Every long is below 10**19 in magnitude, so rounding to 10**20 or coarser gives 0. */
    private static final int MIN_INT_DIGITS = -19;

    private Rounding() {
    }

    /** round(x): an int. */
    static long round(Object x) {
        if (x instanceof Long n) {
            return n;
        }
        if (x instanceof Double d) {
            return Conversions.truncate(Math.rint(d));
        }
        throw notRoundable(x);
    }

    /** round(x, n): a float for a float x, an int for an int x; n may be nil, which means round(x). */
    static Object round(Object x, Object digits) {
        if (digits == Nil.NIL) {
            return round(x);
        }
        long n = Conversions.index(digits);
        if (x instanceof Long i) {
            return roundInt(i, n);
        }
        if (x instanceof Double d) {
            return roundFloat(d, n);
        }
        throw notRoundable(x);
    }

    private static long roundInt(long x, long n) {
        if (n >= 0) {
            return x;
        }
        if (n < MIN_INT_DIGITS) {
            return 0;
        }
        BigDecimal rounded = BigDecimal.valueOf(x).setScale((int) n, RoundingMode.HALF_EVEN);
        try {
            return rounded.toBigIntegerExact().longValueExact();
        } catch (ArithmeticException e) {
            throw Arith.overflow();
        }
    }

    private static double roundFloat(double x, long n) {
        if (!Double.isFinite(x) || n > MAX_FLOAT_DIGITS) {
            return x;
        }
        if (n < MIN_FLOAT_DIGITS) {
            return 0.0 * x;
        }
        double rounded = new BigDecimal(x).setScale((int) n, RoundingMode.HALF_EVEN).doubleValue();
        if (Double.isInfinite(rounded)) {
            throw ToyError.overflowError("rounded value too large to represent");
        }
        // BigDecimal has no negative zero: round(-0.4, 0) is -0.0.
        return rounded == 0 ? Math.copySign(0.0, x) : rounded;
    }

    private static ToyError notRoundable(Object x) {
        return ToyError.typeError("type " + Values.typeName(x) + " doesn't define __round__ method");
    }
}

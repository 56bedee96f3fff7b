package toy.runtime;

import java.math.BigInteger;

/** Float arithmetic ported from CPython's floatobject.c, and int / int rounded correctly. */
final class FloatMath {
    /** Ints up to this magnitude are exact as doubles. */
    private static final long EXACT_LIMIT = 1L << 53;

    private FloatMath() {
    }

    /** int / int, correctly rounded like CPython's long_true_divide (b is not zero). */
    static double divide(long a, long b) {
        if (-EXACT_LIMIT <= a && a <= EXACT_LIMIT && -EXACT_LIMIT <= b && b <= EXACT_LIMIT) {
            return (double) a / (double) b; // both exact as doubles, so one rounding
        }
        BigInteger n = BigInteger.valueOf(a).abs();
        BigInteger d = BigInteger.valueOf(b).abs();
        // Scale so the integer quotient has at least 55 bits; a remainder then only matters as a
        // "sticky" lowest bit, which BigInteger.doubleValue's correct rounding takes into account.
        int shift = Math.max(0, 55 + d.bitLength() - n.bitLength());
        BigInteger[] qr = n.shiftLeft(shift).divideAndRemainder(d);
        BigInteger q = qr[1].signum() == 0 ? qr[0] : qr[0].setBit(0);
        double magnitude = Math.scalb(q.doubleValue(), -shift);
        return (a < 0) != (b < 0) ? -magnitude : magnitude;
    }

    /** CPython's float_floor_div with _float_div_mod. */
    static double floorDiv(double vx, double wx) {
        if (wx == 0) {
            throw ToyError.zeroDivision("float floor division by zero");
        }
        double mod = vx % wx; // Java's % on doubles is C's fmod
        double div = (vx - mod) / wx;
        if (mod != 0 && (wx < 0) != (mod < 0)) {
            div -= 1.0;
        }
        if (div != 0) {
            // snap the quotient to the nearest integral value
            double floorDiv = Math.floor(div);
            if (div - floorDiv > 0.5) {
                floorDiv += 1.0;
            }
            return floorDiv;
        }
        return Math.copySign(0.0, vx / wx);
    }

    /** CPython's float_rem: the result takes the divisor's sign. */
    static double mod(double vx, double wx) {
        if (wx == 0) {
            throw ToyError.zeroDivision("float modulo");
        }
        double mod = vx % wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        return mod;
    }

    /** CPython's float_pow; where Python would make a complex number Toy raises ValueError. */
    static double pow(double iv, double iw) {
        if (iw == 0) {
            return 1.0;
        }
        if (Double.isNaN(iv)) {
            return iv;
        }
        if (Double.isNaN(iw)) {
            return iv == 1.0 ? 1.0 : iw;
        }
        if (Double.isInfinite(iw)) {
            iv = Math.abs(iv);
            if (iv == 1.0) {
                return 1.0;
            }
            return (iw > 0.0) == (iv > 1.0) ? Math.abs(iw) : 0.0;
        }
        if (Double.isInfinite(iv)) {
            boolean odd = isOddInteger(iw);
            if (iw > 0.0) {
                return odd ? iv : Math.abs(iv);
            }
            return odd ? Math.copySign(0.0, iv) : 0.0;
        }
        if (iv == 0.0) {
            if (iw < 0.0) {
                throw ToyError.zeroDivision("0.0 cannot be raised to a negative power");
            }
            return isOddInteger(iw) ? iv : 0.0;
        }
        boolean negate = false;
        if (iv < 0.0) {
            if (iw != Math.floor(iw)) {
                throw ToyError.valueError("math domain error");
            }
            iv = -iv;
            negate = isOddInteger(iw);
        }
        if (iv == 1.0) {
            return negate ? -1.0 : 1.0;
        }
        double ix = Math.pow(iv, iw);
        if (Double.isInfinite(ix)) {
            throw ToyError.overflowError("(34, 'Numerical result out of range')");
        }
        return negate ? -ix : ix;
    }

    /** CPython's DOUBLE_IS_ODD_INTEGER: x is finite here. */
    private static boolean isOddInteger(double x) {
        return Math.abs(x % 2.0) == 1.0;
    }
}

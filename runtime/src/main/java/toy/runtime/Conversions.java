package toy.runtime;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** int(), float() and integer arguments, with Python's rules and messages. */
public final class Conversions {
    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern INT = Pattern.compile("[+-]?" + DIGITS);
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private Conversions() {
    }

    /** An argument that must be an int, such as a range bound, a list index or {@code notify(n)}'s n. */
    public static long index(Object v) {
        if (v instanceof Long n) {
            return n;
        }
        throw ToyError.typeError("'" + Values.typeName(v) + "' object cannot be interpreted as an integer");
    }

    /** An int argument narrowed to a Java int; beyond it, to the nearest end (out of any list's range). */
    static int saturatedIndex(Object v) {
        return saturate(index(v));
    }

    static int saturate(long n) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    static long toInt(Object v) {
        if (v instanceof Long n) {
            return n;
        }
        if (v instanceof Double d) {
            return truncate(d);
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            return parseInt(s);
        }
        throw ToyError.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                + Values.typeName(v) + "'");
    }

    static double toFloat(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long n) {
            return n;
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (v instanceof String s) {
            return parseFloat(s);
        }
        throw ToyError.typeError("float() argument must be a string or a real number, not '" + Values.typeName(v) + "'");
    }

    /** Toward zero, as int(x) does. */
    static long truncate(double d) {
        if (Double.isInfinite(d)) {
            throw ToyError.overflowError("cannot convert float infinity to integer");
        }
        if (Double.isNaN(d)) {
            throw ToyError.valueError("cannot convert float NaN to integer");
        }
        if (d < -0x1p63 || d >= 0x1p63) {
            throw Arith.overflow();
        }
        return (long) d;
    }

    /** Python's int(s) in base 10: surrounding whitespace, a sign, digits with single underscores between. */
    static long parseInt(String s) {
        String text = asciiDigits(Whitespace.strip(s));
        if (!INT.matcher(text).matches()) {
            throw ToyError.valueError("invalid literal for int() with base 10: " + Values.repr(s));
        }
        BigInteger value = new BigInteger(text.replace("_", ""));
        if (value.bitLength() > 63) {
            throw Arith.overflow();
        }
        return value.longValue();
    }

    /** Python's float(s): a decimal with optional exponent and underscores, or inf, infinity, nan. */
    static double parseFloat(String s) {
        String text = asciiDigits(Whitespace.strip(s));
        if (SPECIAL.matcher(text).matches()) {
            if (text.toLowerCase().contains("nan")) {
                return Double.NaN;
            }
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!FLOAT.matcher(text).matches()) {
            throw ToyError.valueError("could not convert string to float: " + Values.repr(s));
        }
        return Double.parseDouble(text.replace("_", ""));
    }

    /** Python accepts any Unicode decimal digit ("٣" is 3); the patterns above see only ASCII ones. */
    private static String asciiDigits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int digit = cp < 128 ? -1 : Character.digit(cp, 10);
            if (digit >= 0) {
                sb.append((char) ('0' + digit));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}

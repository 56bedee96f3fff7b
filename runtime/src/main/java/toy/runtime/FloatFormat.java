package toy.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that reads back as the same double (of
 * several, the nearest), laid out in fixed notation for decimal exponents -4..15 and in
 * exponent notation otherwise. JDK 17's {@code Double.toString} is not always shortest, so the
 * digits are found here by rounding the exact binary value and testing the round trip.
 */
public final class FloatFormat {
    private FloatFormat() {
    }

    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return Double.doubleToRawLongBits(x) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(x));
        String digits = shortest.unscaledValue().toString();
        // The value is 0.<digits> * 10**point, as in CPython's float formatting.
        int point = digits.length() - shortest.scale();
        String text = point <= -4 || point > 16 ? exponentNotation(digits, point) : fixedNotation(digits, point);
        return x < 0 ? "-" + text : text;
    }

    /** x is finite and positive. The result has no trailing zeros. */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        // Double.toString always reads back, so its digit count bounds the search from above.
        int precision = Math.min(17, digitCount(Double.toString(x)));
        BigDecimal best = readingBack(exact, precision, x);
        while (best == null) {
            best = readingBack(exact, ++precision, x);
        }
        // If no decimal of n digits reads back, none shorter does either: stop at the first miss.
        for (BigDecimal shorter; precision > 1 && (shorter = readingBack(exact, precision - 1, x)) != null; precision--) {
            best = shorter;
        }
        return best.stripTrailingZeros();
    }

    /** The nearest decimal of this many significant digits that reads back as x, or null if none does. */
    private static BigDecimal readingBack(BigDecimal exact, int precision, double x) {
        BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        if (readsBack(nearest, x)) {
            return nearest;
        }
        // Just above a power of two the doubles below are twice as dense as those above, so the
        // nearest decimal can miss while the one on the other side of x still reads back.
        for (RoundingMode side : new RoundingMode[] {RoundingMode.DOWN, RoundingMode.UP}) {
            BigDecimal other = exact.round(new MathContext(precision, side));
            if (readsBack(other, x)) {
                return other;
            }
        }
        return null;
    }

    private static boolean readsBack(BigDecimal decimal, double x) {
        return Double.parseDouble(decimal.toString()) == x;
    }

    /** Significant digits in Double.toString's output, e.g. 3 for "1.25E-7" and for "0.00125". */
    private static int digitCount(String javaText) {
        int e = javaText.indexOf('E');
        String mantissa = (e < 0 ? javaText : javaText.substring(0, e)).replace(".", "");
        int start = 0;
        int end = mantissa.length();
        while (start < end - 1 && mantissa.charAt(start) == '0') {
            start++;
        }
        while (end > start + 1 && mantissa.charAt(end - 1) == '0') {
            end--;
        }
        return end - start;
    }

    private static String exponentNotation(String digits, int point) {
        StringBuilder sb = new StringBuilder().append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        int exponent = point - 1;
        sb.append(exponent < 0 ? "e-" : "e+");
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            sb.append('0');
        }
        return sb.append(magnitude).toString();
    }

    private static String fixedNotation(String digits, int point) {
        if (point <= 0) {
            return "0." + "0".repeat(-point) + digits;
        }
        if (point < digits.length()) {
            return digits.substring(0, point) + "." + digits.substring(point);
        }
        return digits + "0".repeat(point - digits.length()) + ".0";
    }
}

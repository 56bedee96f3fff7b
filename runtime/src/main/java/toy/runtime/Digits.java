package toy.runtime;

/** Python's notion of a digit ({@code str.isdigit}): Unicode's Numeric_Type Decimal or Digit. */
final class Digits {
    private Digits() {
    }

    /**
     * The characters of Numeric_Type Digit, first and last of each range: superscripts and
     * subscripts, circled, parenthesized and dotted digits and the like, which are digits by
     * value but not decimal digits (general category No), as Python 3.11 (Unicode 14.0) has
     * them. The decimal ones (Nd) are those Java's {@link Character#isDigit} knows.
     */
    private static final int[] DIGIT_RANGES = {
        0x00b2, 0x00b3, 0x00b9, 0x00b9, 0x1369, 0x1371, 0x19da, 0x19da, 0x2070, 0x2070, 0x2074, 0x2079,
        0x2080, 0x2089, 0x2460, 0x2468, 0x2474, 0x247c, 0x2488, 0x2490, 0x24ea, 0x24ea, 0x24f5, 0x24fd,
        0x24ff, 0x24ff, 0x2776, 0x277e, 0x2780, 0x2788, 0x278a, 0x2792, 0x10a40, 0x10a43, 0x10e60, 0x10e68,
        0x11052, 0x1105a, 0x1f100, 0x1f10a,
    };

    /** Whether {@code "c".isdigit()} is true in Python. */
    static boolean isDigit(int c) {
        if (Character.isDigit(c)) {
            return true;
        }
        if (c < DIGIT_RANGES[0]) {
            return false;
        }
        for (int i = 0; i < DIGIT_RANGES.length && c >= DIGIT_RANGES[i]; i += 2) {
            if (c <= DIGIT_RANGES[i + 1]) {
                return true;
            }
        }
        return false;
    }
}

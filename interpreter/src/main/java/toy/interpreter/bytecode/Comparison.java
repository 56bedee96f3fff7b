package toy.interpreter.bytecode;

/**
 * The "test" operand of COMPARE and the fused jumps: which comparison, and for the jumps
 * whether to branch when it is true or when it is false. The two are kept apart (rather than
 * negating the comparison) because with floats {@code not (a < b)} is not {@code a >= b}.
 */
public final class Comparison {
    private Comparison() {
    }

    public static final int EQ = 0;
    public static final int NE = 1;
    public static final int LT = 2;
    public static final int LE = 3;
    public static final int GT = 4;
    public static final int GE = 5;
    /** Added to a comparison in a jump's test: branch when the comparison is false. */
    public static final int WHEN_FALSE = 8;

    private static final String[] SYMBOLS = {"==", "!=", "<", "<=", ">", ">="};

    public static int of(String symbol) {
        for (int i = 0; i < SYMBOLS.length; i++) {
            if (SYMBOLS[i].equals(symbol)) {
                return i;
            }
        }
        throw new IllegalArgumentException(symbol);
    }

    public static String symbol(int test) {
        return SYMBOLS[test & 7];
    }

    /**
     * For each comparison (3 bits each, EQ lowest), which outcomes make it true: bit 0 for
     * less, bit 1 for equal, bit 2 for greater: one shift instead of a branch per comparison kind.
     */
    private static final long OUTCOMES = 0b010L | 0b101L << 3 | 0b001L << 6 | 0b011L << 9 | 0b100L << 12 | 0b110L << 15;

    public static boolean ints(int test, long a, long b) {
        return (OUTCOMES >>> (3 * (test & 7) + Long.compare(a, b) + 1) & 1) != 0;
    }

    /** Whether a jump with this test branches, given the comparison's result. */
    public static boolean branches(int test, boolean result) {
        return result != ((test & WHEN_FALSE) != 0);
    }

    public static String describe(int test) {
        String s = symbol(test);
        return (test & WHEN_FALSE) != 0 ? "not " + s : s;
    }
}

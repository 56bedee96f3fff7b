package toy.runtime;

/**
 * How many arguments a builtin or method takes, and CPython's message when a call gives a
 * wrong number. CPython words it two ways, depending on how the function parses its arguments:
 * {@link #takes} ({@code len() takes exactly one argument (2 given)}) and {@link #expects}
 * ({@code range expected at least 1 argument, got 0}).
 */
public final class Arity {
    private final String name;
    private final int min;
    /** -1 for any number. */
    private final int max;
    private final boolean expectedWording;

    private Arity(String name, int min, int max, boolean expectedWording) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.expectedWording = expectedWording;
    }

    /** Messages like {@code len() takes exactly one argument (2 given)}; max -1 means any number. */
    public static Arity takes(String name, int min, int max) {
        return new Arity(name, min, max, false);
    }

    /** Messages like {@code range expected at most 3 arguments, got 4}; max -1 means any number. */
    public static Arity expects(String name, int min, int max) {
        return new Arity(name, min, max, true);
    }

    /** Throws TypeError unless given is within the bounds. */
    public void check(int given) {
        boolean tooFew = given < min;
        if (!tooFew && (max < 0 || given <= max)) {
            return;
        }
        int bound = tooFew ? min : max;
        String quantity = min == max ? "" : tooFew ? "at least " : "at most ";
        if (expectedWording) {
            throw ToyError.typeError(name + " expected " + quantity + bound + plural(bound) + ", got " + given);
        }
        String what;
        if (min == max) {
            what = bound == 0 ? "no arguments" : bound == 1 ? "exactly one argument" : "exactly " + bound + " arguments";
        } else if (tooFew) {
            what = quantity + bound + " positional" + plural(bound);
        } else {
            what = quantity + bound + plural(bound);
        }
        throw ToyError.typeError(name + "() takes " + what + " (" + given + " given)");
    }

    private static String plural(int n) {
        return n == 1 ? " argument" : " arguments";
    }
}

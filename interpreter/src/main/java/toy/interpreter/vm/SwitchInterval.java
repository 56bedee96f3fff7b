package toy.interpreter.vm;

import toy.runtime.threads.Gil;

/**
 * The GIL's switch interval as given on the command line: a number of instructions
 * ({@code 100000}, CPython 2's check interval) or a duration ({@code 5ms}, {@code 200us},
 * CPython 3's switch interval).
 */
public record SwitchInterval(int instructions, long nanos) {
    /**
     * The default is CPython 3's: 5ms. Measured with samples/bench/threads.toy (README, "Threads
     * and the GIL"), it gave two CPU-bound threads the time of one, where counting
     * instructions cost more: a handover takes tens of microseconds, which a count short
     * enough to switch promptly pays thousands of times.
     */
    public static final SwitchInterval DEFAULT = new SwitchInterval(0, 5_000_000);

    /**
     * Parses "N", "Nms" or "Nus"; throws IllegalArgumentException with a message for the user,
     * also for a duration past what a long counts in nanoseconds (about 292 years).
     */
    public static SwitchInterval parse(String text) {
        String t = text.trim();
        try {
            if (t.endsWith("ms") || t.endsWith("us")) {
                long amount = Long.parseLong(t.substring(0, t.length() - 2));
                if (amount >= 1) {
                    return new SwitchInterval(0, Math.multiplyExact(amount, t.endsWith("ms") ? 1_000_000 : 1_000));
                }
            } else {
                int instructions = Integer.parseInt(t);
                if (instructions >= 1) {
                    return new SwitchInterval(instructions, 0);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a switch interval: at most "
                    + Long.MAX_VALUE / 1_000_000 + "ms");
        }
        throw new IllegalArgumentException("'" + text + "' is not a switch interval: give a number of instructions (at least 1),"
                + " or a duration such as 5ms or 200us");
    }

    /** The interval as the command line gives it: "100000", "5ms" or "200us"; {@link #parse} reads it back. */
    public String text() {
        if (instructions > 0) {
            return Integer.toString(instructions);
        }
        return nanos % 1_000_000 == 0 ? nanos / 1_000_000 + "ms" : nanos / 1_000 + "us";
    }

    void applyTo(Gil gil) {
        if (instructions > 0) {
            gil.setIntervalInstructions(instructions);
        } else {
            gil.setIntervalNanos(nanos);
        }
    }
}

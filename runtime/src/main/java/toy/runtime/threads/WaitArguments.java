package toy.runtime.threads;

import toy.runtime.Keywords;
import toy.runtime.Nil;
import toy.runtime.ToyError;
import toy.runtime.Values;

/**
 * The arguments that say how long a blocking method may wait, read as Python's {@code threading}
 * and {@code queue} read them, and turned into a timeout for {@link Scheduler#await}: nanoseconds,
 * {@link Scheduler#FOREVER}, or 0 for "do not wait".
 */
public final class WaitArguments {
    private WaitArguments() {
    }

    /**
     * The longest timeout, in seconds: Python's {@code threading.TIMEOUT_MAX} on Linux. A longer
     * one (an infinite one) is an OverflowError, as in Python, rather than a wait that never
     * ends and that the deadlock report, which leaves out waits with a timeout, never names.
     */
    static final double TIMEOUT_MAX = 9223372036.0;

    /**
     * {@code timeout} in seconds (an int or a float, 0 to {@link #TIMEOUT_MAX}; nil: no limit) as
     * nanoseconds: Queue's get and put. Negative or NaN: ValueError; too long: OverflowError.
     */
    public static long timeout(Object seconds) {
        if (seconds == Nil.NIL) {
            return Scheduler.FOREVER;
        }
        double s = seconds(seconds);
        if (!(s >= 0)) {
            throw ToyError.valueError("'timeout' must be a non-negative number");
        }
        if (s > TIMEOUT_MAX) {
            throw ToyError.overflowError("timeout value is too large");
        }
        return (long) (s * 1e9);
    }

    /**
     * The timeout of {@code Event.wait}, {@code Condition.wait}, {@code join} and a future's
     * {@code result}, Java null when not given: as {@link #timeout}, except that a negative one
     * (or NaN) does not wait at all, as in Python.
     */
    public static long waitTimeout(Object seconds) {
        if (seconds == null) {
            return Scheduler.FOREVER;
        }
        return seconds == Nil.NIL || seconds(seconds) >= 0 ? timeout(seconds) : 0;
    }

    /** A number of seconds, an int or a float, as a double; anything else is a TypeError. */
    public static double seconds(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Double d) {
            return d;
        }
        throw ToyError.typeError("'" + Values.typeName(value) + "' object cannot be interpreted as a number of seconds");
    }

    /**
     * {@code acquire(blocking=true, timeout=-1)} of Lock, RLock and Semaphore: -1 is no limit,
     * as in Python, and a timeout with {@code blocking} false is a ValueError.
     */
    static long acquire(Object[] args, Keywords keywords) {
        keywords.allowOnly("acquire", "blocking", "timeout");
        Object[] given = positional("acquire", args, keywords, "blocking", "timeout");
        boolean blocking = given[0] == null || Values.truthy(given[0]);
        Object timeout = given[1] == null ? Long.valueOf(-1) : given[1];
        boolean noLimit = timeout instanceof Long l && l == -1 || timeout instanceof Double d && d == -1;
        if (!blocking) {
            if (!noLimit) {
                throw ToyError.valueError("can't specify a timeout for a non-blocking call");
            }
            return 0;
        }
        if (noLimit) {
            return Scheduler.FOREVER;
        }
        if (timeout instanceof Long l && l < 0 || timeout instanceof Double d && d < 0) {
            throw ToyError.valueError("timeout value must be positive");
        }
        return timeout(timeout);
    }

    /** {@code get(block=true, timeout=nil)} and {@code put(x, block=true, timeout=nil)} of Queue, from {@code first} on. */
    static long block(String method, Object[] args, int first, Keywords keywords) {
        Object[] rest = new Object[Math.max(0, args.length - first)];
        System.arraycopy(args, first, rest, 0, rest.length);
        Object[] given = positional(method, rest, keywords, "block", "timeout");
        if (given[0] != null && !Values.truthy(given[0])) {
            return 0;
        }
        return given[1] == null ? Scheduler.FOREVER : timeout(given[1]);
    }

    /**
     * Positional arguments followed by keywords, matched to {@code names} as Python binds a call:
     * Java null where neither gave a value. Too many arguments, or one given twice, is a TypeError.
     */
    static Object[] positional(String method, Object[] args, Keywords keywords, String... names) {
        if (args.length > names.length) {
            throw ToyError.typeError(method + "() takes at most " + names.length + " arguments (" + args.length + " given)");
        }
        keywords.allowOnly(method, names);
        Object[] values = new Object[names.length];
        System.arraycopy(args, 0, values, 0, args.length);
        for (int i = 0; i < names.length; i++) {
            Object value = keywords.get(names[i]);
            if (value != null) {
                if (values[i] != null) {
                    throw ToyError.typeError(method + "() got multiple values for argument '" + names[i] + "'");
                }
                values[i] = value;
            }
        }
        return values;
    }
}

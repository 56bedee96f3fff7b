package toy.runtime;

import java.util.List;
import java.util.Random;

/**
 * random randint shuffle seed: one generator per program, shared by its threads. It is
 * {@link Random} (a 48-bit linear congruential generator, Knuth TAOCP vol. 2 section 3.2.1), so
 * {@code seed(n)} makes every later number the same in every run; the numbers are not CPython's.
 */
public final class RandomBuiltins {
    private final Random random = new Random();

    /** The four builtins, sharing this program's generator. */
    public List<Builtin> all() {
        return List.of(
                new Builtin("random", 0, 0, a -> {
                    synchronized (random) {
                        return random.nextDouble();
                    }
                }),
                new Builtin("randint", 2, 2, a -> randint(Conversions.index(a[0]), Conversions.index(a[1]))),
                new Builtin("shuffle", 1, 1, a -> {
                    if (!(a[0] instanceof ToyList list)) {
                        throw ToyError.typeError("shuffle() argument must be a list, not '" + Values.typeName(a[0]) + "'");
                    }
                    Object[] items = list.toArray();
                    synchronized (random) {
                        // Fisher-Yates (Knuth's Algorithm P).
                        for (int i = items.length - 1; i > 0; i--) {
                            int j = random.nextInt(i + 1);
                            Object t = items[i];
                            items[i] = items[j];
                            items[j] = t;
                        }
                    }
                    list.replaceAll(items);
                    return Nil.NIL;
                }),
                new Builtin("seed", 0, 1, a -> {
                    synchronized (random) {
                        if (a.length == 0 || a[0] == Nil.NIL) {
                            random.setSeed(System.nanoTime());
                        } else if (a[0] instanceof Long || a[0] instanceof Double || a[0] instanceof String || a[0] instanceof Boolean) {
                            random.setSeed(a[0] instanceof Long n ? n : a[0].hashCode());
                        } else {
                            throw ToyError.typeError("seed must be an int, float, str or bool, not '" + Values.typeName(a[0]) + "'");
                        }
                    }
                    return Nil.NIL;
                }));
    }

    private long randint(long a, long b) {
        if (b < a) {
            throw ToyError.valueError("empty range for randrange() (" + a + ", " + (b + 1) + ", " + (b + 1 - a) + ")");
        }
        synchronized (random) {
            long span = b - a + 1;
            if (span > 0) {
                // Rejection keeps every value equally likely.
                long bits;
                long value;
                do {
                    bits = random.nextLong() >>> 1;
                    value = bits % span;
                } while (bits - value + (span - 1) < 0);
                return a + value;
            }
            // The span does not fit in a long: draw until the value lands inside.
            for (;;) {
                long value = random.nextLong();
                if (value >= a && value <= b) {
                    return value;
                }
            }
        }
    }
}

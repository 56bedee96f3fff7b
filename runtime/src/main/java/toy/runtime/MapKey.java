package toy.runtime;

/**
 * How a {@link ToyMap} hashes and compares its keys, so that keys Toy calls equal meet: an
 * integral float is the int it equals ({@code 1.0} and {@code 1}, {@code -0.0} and {@code 0}),
 * while {@code true} stays apart from {@code 1}. A NaN equals nothing, so, as in Python, only
 * the very same object finds its entry. Keys are int, float, str, bool or nil; anything else
 * is a TypeError. The type tests are written out here, rather than left to each key's
 * {@code hashCode} and {@code equals}, so that the JIT sees one small method instead of a
 * virtual call that every {@code HashMap} in the JVM shares.
 */
final class MapKey {
    private MapKey() {
    }

    /** The key's hash, the same for keys Toy calls equal; TypeError ({@code unhashable type}) for a list, map, .... */
    static int hash(Object key) {
        if (key instanceof Long n) {
            return hash((long) n);
        }
        if (key instanceof String s) {
            return s.hashCode();
        }
        if (key instanceof Double d) {
            double x = d;
            if (isIntegral(x)) {
                return hash((long) x);
            }
            return Double.isNaN(x) ? System.identityHashCode(key) : Double.hashCode(x);
        }
        if (key instanceof Boolean b) {
            return b ? 1231 : 1237;
        }
        if (key == Nil.NIL) {
            return 0;
        }
        throw ToyError.typeError("unhashable type: '" + Values.typeName(key) + "'");
    }

    /** The hash of the int key n (and of a float equal to it). */
    static int hash(long n) {
        return Long.hashCode(n);
    }

    /** Whether two keys (each one {@link #hash} accepted) are one key. */
    static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Long x) {
            return equal(b, (long) x);
        }
        if (a instanceof String x) {
            return x.equals(b);
        }
        if (a instanceof Double x) {
            return b instanceof Double y ? x.doubleValue() == y.doubleValue() : b instanceof Long n && equal(x, (long) n);
        }
        return a instanceof Boolean x && x.equals(b);
    }

    /** Whether the key is the int n, or a float equal to it. */
    static boolean equal(Object key, long n) {
        if (key instanceof Long y) {
            return y == n;
        }
        return key instanceof Double d && isIntegral(d) && (long) (double) d == n;
    }

    /** An integral float within the range of a 64-bit int, which is filed as that int. */
    private static boolean isIntegral(double x) {
        return x == Math.rint(x) && x >= -0x1p63 && x < 0x1p63;
    }
}

package toy.runtime;

/**
 * The Java key a {@link ToyMap} files a Toy key under, so that keys Toy calls equal meet: an
 * integral float becomes the Long it equals ({@code 1.0} and {@code 1}, {@code -0.0} and
 * {@code 0}), while {@code true} stays a Boolean, apart from {@code 1}.
 */
final class MapKey {
    private MapKey() {
    }

    static Object of(Object key) {
        if (key instanceof Long || key instanceof String || key instanceof Boolean || key == Nil.NIL) {
            return key;
        }
        if (key instanceof Double d) {
            double x = d;
            if (x == Math.rint(x) && x >= -0x1p63 && x < 0x1p63) {
                return (long) x;
            }
            // A NaN equals nothing, so like in Python only the very same object finds its entry.
            return Double.isNaN(x) ? new Identity(key) : key;
        }
        throw ToyError.typeError("unhashable type: '" + Values.typeName(key) + "'");
    }

    private record Identity(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }
}

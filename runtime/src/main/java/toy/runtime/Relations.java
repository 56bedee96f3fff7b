package toy.runtime;

/** How two values relate: Toy's {@code ==} and its ordering, with Python's rules. */
final class Relations {
    static final int LESS = -1;
    static final int SAME = 0;
    static final int GREATER = 1;
    /** A NaN is involved: every ordering comparison is false. */
    static final int UNORDERED = 2;

    /** Python's recursion limit: comparing two lists that contain themselves fails instead of overflowing the stack. */
    private static final int MAX_DEPTH = 1000;

    private Relations() {
    }

    static boolean equal(Object a, Object b) {
        return equal(a, b, 0);
    }

    /** LESS, SAME, GREATER or UNORDERED; op is only named in the TypeError for values that have no order. */
    static int compare(Object a, Object b, String op) {
        return compare(a, b, op, 0);
    }

    private static boolean equal(Object a, Object b, int depth) {
        if (a instanceof Long x) {
            if (b instanceof Long y) {
                return x.longValue() == y.longValue();
            }
            return b instanceof Double y && compareLongDouble(x, y) == SAME;
        }
        if (a instanceof Double x) {
            if (b instanceof Double y) {
                return x.doubleValue() == y.doubleValue();
            }
            return b instanceof Long y && compareLongDouble(y, x) == SAME;
        }
        if (a == b) {
            return true;
        }
        if (a instanceof String || a instanceof Boolean) {
            return a.equals(b);
        }
        if (a instanceof ToyList x) {
            return b instanceof ToyList y && listsEqual(x.toArray(), y.toArray(), depth);
        }
        if (a instanceof ToyMap x) {
            return b instanceof ToyMap y && mapsEqual(x, y, depth);
        }
        if (a instanceof ToyRange x) {
            return b instanceof ToyRange y && x.sameSequence(y);
        }
        return false;
    }

    /** Equality inside containers: identity first, as Python's containers do (so a NaN equals itself there). */
    private static boolean elementEqual(Object a, Object b, int depth) {
        return a == b || equal(a, b, depth);
    }

    private static boolean listsEqual(Object[] xs, Object[] ys, int depth) {
        if (xs.length != ys.length) {
            return false;
        }
        checkDepth(depth);
        for (int i = 0; i < xs.length; i++) {
            if (!elementEqual(xs[i], ys[i], depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean mapsEqual(ToyMap a, ToyMap b, int depth) {
        if (a.size() != b.size()) {
            return false;
        }
        checkDepth(depth);
        for (var e : a.entries()) {
            Object other = b.get(e.getKey());
            if (other == null || !elementEqual(e.getValue(), other, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static int compare(Object a, Object b, String op, int depth) {
        if (a instanceof Long x) {
            if (b instanceof Long y) {
                return Integer.signum(Long.compare(x, y));
            }
            if (b instanceof Double y) {
                return compareLongDouble(x, y);
            }
        } else if (a instanceof Double x) {
            if (b instanceof Double y) {
                return compareDoubles(x, y);
            }
            if (b instanceof Long y) {
                int c = compareLongDouble(y, x);
                return c == UNORDERED ? c : -c;
            }
        } else if (a instanceof String x && b instanceof String y) {
            return Integer.signum(compareStrings(x, y));
        } else if (a instanceof ToyList x && b instanceof ToyList y) {
            return compareLists(x.toArray(), y.toArray(), op, depth);
        }
        throw ToyError.typeError("'" + op + "' not supported between instances of '" + Values.typeName(a)
                + "' and '" + Values.typeName(b) + "'");
    }

    /** Python's list order: the first pair of elements that differ decides, else the shorter list is less. */
    private static int compareLists(Object[] xs, Object[] ys, String op, int depth) {
        checkDepth(depth);
        int n = Math.min(xs.length, ys.length);
        for (int i = 0; i < n; i++) {
            if (!elementEqual(xs[i], ys[i], depth + 1)) {
                return compare(xs[i], ys[i], op, depth + 1);
            }
        }
        return xs.length < ys.length ? LESS : xs.length == ys.length ? SAME : GREATER;
    }

    private static int compareDoubles(double x, double y) {
        if (x < y) {
            return LESS;
        }
        if (x > y) {
            return GREATER;
        }
        return x == y ? SAME : UNORDERED;
    }

    /** Compares exactly, without rounding a to a double (2**53 + 1 is greater than 2.0**53). */
    static int compareLongDouble(long a, double b) {
        if (Double.isNaN(b)) {
            return UNORDERED;
        }
        if (b >= 0x1p63) {
            return LESS;
        }
        if (b < -0x1p63) {
            return GREATER;
        }
        double floor = Math.floor(b);
        long whole = (long) floor;
        if (a != whole) {
            return a < whole ? LESS : GREATER;
        }
        return floor == b ? SAME : LESS;
    }

    static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                // Step back when the difference is inside a surrogate pair whose first half both share.
                boolean secondHalf = Character.isLowSurrogate(a.charAt(i)) || Character.isLowSurrogate(b.charAt(i));
                if (secondHalf && i > 0 && Character.isHighSurrogate(a.charAt(i - 1))) {
                    i--;
                }
                return Integer.compare(a.codePointAt(i), b.codePointAt(i));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static void checkDepth(int depth) {
        if (depth >= MAX_DEPTH) {
            throw new ToyError("RecursionError", "maximum recursion depth exceeded in comparison");
        }
    }
}

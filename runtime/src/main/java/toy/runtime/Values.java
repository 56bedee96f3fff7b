package toy.runtime;

/**
 * What every Toy value (in boxed form: Long, Double, Boolean, String, {@link Nil}, or a
 * {@link ToyObject}) supports: its type name, printing, truthiness, {@code ==}, ordering and
 * {@code in}.
 */
public final class Values {
    private Values() {
    }

    public static String typeName(Object v) {
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof Double) {
            return "float";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v == Nil.NIL) {
            return "nil";
        }
        if (v instanceof ToyObject o) {
            return o.typeName();
        }
        throw new IllegalArgumentException("not a Toy value: " + v);
    }

    /** What {@code print} shows: strings bare, everything else as inside a list. */
    public static String str(Object v) {
        return Printer.str(v);
    }

    /** How a value shows inside a list or map: strings double-quoted with escapes. */
    public static String repr(Object v) {
        return Printer.repr(v);
    }

    /** The repr cut to at most {@code maxChars} characters (ending in "..." when cut), for traces. */
    public static String repr(Object v, int maxChars) {
        return Printer.repr(v, maxChars);
    }

    public static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long n) {
            return n != 0;
        }
        if (v instanceof Double d) {
            return d != 0.0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v == Nil.NIL) {
            return false;
        }
        if (v instanceof ToyList l) {
            return l.size() != 0;
        }
        if (v instanceof ToyMap m) {
            return m.size() != 0;
        }
        if (v instanceof ToyRange r) {
            return !r.isEmpty();
        }
        return true;
    }

    public static boolean equal(Object a, Object b) {
        return Relations.equal(a, b);
    }

    public static boolean lt(Object a, Object b) {
        return Relations.compare(a, b, "<") == Relations.LESS;
    }

    public static boolean le(Object a, Object b) {
        int c = Relations.compare(a, b, "<=");
        return c == Relations.LESS || c == Relations.SAME;
    }

    public static boolean gt(Object a, Object b) {
        return Relations.compare(a, b, ">") == Relations.GREATER;
    }

    public static boolean ge(Object a, Object b) {
        int c = Relations.compare(a, b, ">=");
        return c == Relations.GREATER || c == Relations.SAME;
    }

    /** {@code item in container}. */
    public static boolean contains(Object container, Object item) {
        if (container instanceof ToyList l) {
            return l.containsItem(item);
        }
        if (container instanceof ToyMap m) {
            return m.containsKey(item);
        }
        if (container instanceof String s) {
            if (item instanceof String t) {
                return s.contains(t);
            }
            throw ToyError.typeError("'in <string>' requires string as left operand, not " + typeName(item));
        }
        if (container instanceof ToyRange r) {
            return r.containsValue(item);
        }
        throw ToyError.typeError("argument of type '" + typeName(container) + "' is not iterable");
    }

    /** Orders strings by code point (Java's compareTo orders by UTF-16 unit, which differs above U+FFFF). */
    public static int compareStrings(String a, String b) {
        return Relations.compareStrings(a, b);
    }
}

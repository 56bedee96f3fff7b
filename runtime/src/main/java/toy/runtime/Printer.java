package toy.runtime;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/** Builds the text of a value; one instance per top-level call, to spot containers that contain themselves. */
final class Printer {
    /** Python's recursion limit, so that printing a very deep nest fails cleanly instead of overflowing the stack. */
    private static final int MAX_DEPTH = 1000;

    /** The containers being printed right now: meeting one again prints {@code [...]} or {@code {...}}. */
    private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private final StringBuilder out = new StringBuilder();
    /** Characters after which printing stops early (the rest would be cut anyway). */
    private final int limit;

    /**
     * The str of the ints {@value #SMALL_MIN} to {@value #SMALL_MAX} (CPython's range of
     * preallocated small ints), made once: {@code str(i % 10)} in a loop then makes no String.
     * CPython shares the one-character results (the digits) the same way.
     */
    private static final int SMALL_MIN = -5;
    private static final int SMALL_MAX = 256;
    private static final String[] SMALL_INTS = new String[SMALL_MAX - SMALL_MIN + 1];

    static {
        for (int i = SMALL_MIN; i <= SMALL_MAX; i++) {
            SMALL_INTS[i - SMALL_MIN] = Integer.toString(i);
        }
    }

    private Printer(int limit) {
        this.limit = limit;
    }

    static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        // An int, bool or nil without a printer and its set of open containers each time.
        if (v instanceof Long n) {
            return str((long) n);
        }
        if (v instanceof Boolean || v == Nil.NIL) {
            return v.toString();
        }
        if (v instanceof ToyObject o && !(v instanceof ToyList) && !(v instanceof ToyMap)) {
            return o.str();
        }
        return repr(v);
    }

    /** The str of an int, shared for the small ones. */
    static String str(long n) {
        return n >= SMALL_MIN && n <= SMALL_MAX ? SMALL_INTS[(int) n - SMALL_MIN] : Long.toString(n);
    }

    static String repr(Object v) {
        Printer p = new Printer(Integer.MAX_VALUE);
        p.append(v);
        return p.out.toString();
    }

    /** The repr cut to at most {@code maxChars} characters, ending in "..." when cut; printing stops once that many are written. */
    static String repr(Object v, int maxChars) {
        if (v instanceof Long || v instanceof Boolean || v == Nil.NIL) {
            // The common case of a trace's stack top, without a printer's set of open containers.
            return v.toString();
        }
        Printer p = new Printer(maxChars);
        p.append(v);
        if (p.out.length() <= maxChars) {
            return p.out.toString();
        }
        return p.out.substring(0, Math.max(0, maxChars - 3)) + "...";
    }

    private void append(Object v) {
        if (v instanceof String s) {
            quote(s);
        } else if (v instanceof Long || v instanceof Boolean || v == Nil.NIL) {
            out.append(v);
        } else if (v instanceof Double d) {
            out.append(FloatFormat.repr(d));
        } else if (v instanceof ToyList l) {
            appendList(l);
        } else if (v instanceof ToyMap m) {
            appendMap(m);
        } else if (v instanceof ToyObject o) {
            out.append(o.repr());
        } else {
            throw new IllegalArgumentException("not a Toy value: " + v);
        }
    }

    private void appendList(ToyList list) {
        if (!enter(list)) {
            out.append("[...]");
            return;
        }
        out.append('[');
        Object[] items = list.toArray();
        for (int i = 0; i < items.length && out.length() <= limit; i++) {
            if (i > 0) {
                out.append(", ");
            }
            append(items[i]);
        }
        out.append(']');
        open.remove(list);
    }

    private void appendMap(ToyMap map) {
        if (!enter(map)) {
            out.append("{...}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<Object, Object> e : map.entries()) {
            if (out.length() > limit) {
                break;
            }
            if (!first) {
                out.append(", ");
            }
            first = false;
            append(e.getKey());
            out.append(": ");
            append(e.getValue());
        }
        out.append('}');
        open.remove(map);
    }

    /** False if the container is already being printed further out. */
    private boolean enter(Object container) {
        if (!open.add(container)) {
            return false;
        }
        if (open.size() > MAX_DEPTH) {
            throw new ToyError("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
        }
        return true;
    }

    /**
     * The str between double quotes, escaped as Python's repr escapes it: a backslash, the
     * quote, newline, tab and carriage return as in a literal, and each character that is not
     * printable ({@link #printable}) as a backslash, {@code x}, {@code u} or {@code U}, and its
     * code point in 2, 4 or 8 hex digits.
     */
    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length() && out.length() <= limit; ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (printable(c)) {
                        out.appendCodePoint(c);
                    } else if (c <= 0xff) {
                        hex(c, 'x', 2);
                    } else if (c <= 0xffff) {
                        hex(c, 'u', 4);
                    } else {
                        hex(c, 'U', 8);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A backslash, the letter and the code point in that many lowercase hex digits. */
    private void hex(int c, char letter, int digits) {
        out.append('\\').append(letter);
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out.append(Character.forDigit(c >> shift & 15, 16));
        }
    }

    /**
     * Python's {@code str.isprintable} of one code point: false for the categories Other (Cc,
     * Cf, Cs, Co, Cn) and Separator (Zl, Zp, Zs) but the ASCII space.
     */
    private static boolean printable(int c) {
        if (c < 0x7f) {
            return c >= 0x20;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}

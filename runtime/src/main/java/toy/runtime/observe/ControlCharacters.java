package toy.runtime.observe;

import java.util.Locale;

/**
 * Control characters written as escapes in the formats for people (the text trace, the stats
 * table), so that a value a script chose (a Lock's {@code name="line one\nline two"}, a script
 * path) keeps a record on one line and cannot move a terminal's cursor: {@code \n}, {@code \r}
 * and {@code \t} as a string literal writes them, any other (U+0000 to U+001F, U+007F to
 * U+009F) as a backslash, {@code x} and 2 hex digits, as {@code repr} writes them (so that a
 * trace shows one control character one way, in a constant and in a lock's name alike). The
 * JSON formats need none of this: their generator escapes them.
 */
final class ControlCharacters {
    private ControlCharacters() {
    }

    /** {@code value} with its control characters escaped; {@code value} itself when it has none. */
    static String escaped(String value) {
        if (plain(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        append(out, value, false);
        return out.toString();
    }

    /** Appends {@code value} with its control characters escaped; returns how many characters were appended. */
    static int append(StringBuilder out, String value) {
        if (plain(value)) {
            out.append(value);
            return value.length();
        }
        int before = out.length();
        append(out, value, false);
        return out.length() - before;
    }

    /**
     * Appends {@code value} between double quotes, with its backslashes, double quotes and
     * control characters escaped, so that it reads back unambiguously.
     */
    static void appendQuoted(StringBuilder out, String value) {
        out.append('"');
        append(out, value, true);
        out.append('"');
    }

    private static void append(StringBuilder out, String value, boolean quoted) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\', '"' -> {
                    if (quoted) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Whether {@code value} has no control character: the common case, appended as it is. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

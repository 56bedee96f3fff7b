package toy.interpreter.compiler;

import java.math.BigInteger;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Turns literal tokens into values, reporting malformed ones as compile errors. */
final class Literals {
    private Literals() {
    }

    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /**
     * The value of an INT token, negated when {@code negate} (so that the most negative int can
     * be written), or null after reporting that it does not fit in 64 bits.
     */
    static Long integer(Token token, boolean negate, List<CompileError> errors) {
        String text = token.getText().replace("_", "");
        BigInteger value = text.startsWith("0x") || text.startsWith("0X")
                ? new BigInteger(text.substring(2), 16)
                : new BigInteger(text);
        if (negate) {
            value = value.negate();
        }
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            errors.add(new CompileError(token.getLine(), token.getCharPositionInLine() + 1,
                    "integer literal is too large for a 64-bit int"));
            return null;
        }
        return value.longValue();
    }

    static double floating(Token token) {
        return Double.parseDouble(token.getText().replace("_", ""));
    }

    /** The text of a STRING token without its quotes, escapes resolved. */
    static String string(Token token, List<CompileError> errors) {
        String raw = token.getText();
        int quotes = quoteLength(raw, 0);
        return unescape(token, quotes, raw.length() - quotes, errors);
    }

    /** 3 for a triple-quoted string whose quotes start at {@code at}, else 1. */
    static int quoteLength(String raw, int at) {
        char q = raw.charAt(at);
        return raw.length() >= at + 6 && raw.charAt(at + 1) == q && raw.charAt(at + 2) == q ? 3 : 1;
    }

    /** The characters of the token's text from {@code from} to {@code to}, escapes resolved. */
    static String unescape(Token token, int from, int to, List<CompileError> errors) {
        String raw = token.getText();
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            int escapeStart = i;
            char e = raw.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '0' -> sb.append('\0');
                case '\\', '"', '\'' -> sb.append(e);
                case '\n' -> {
                    // A backslash at the end of a line of a triple-quoted string joins the lines, as in Python.
                }
                case 'u' -> {
                    if (i + 1 < to && raw.charAt(i + 1) == '{') {
                        int close = raw.indexOf('}', i);
                        Integer codePoint = close > i + 1 && close < to ? hex(raw.substring(i + 2, close)) : null;
                        if (codePoint == null) {
                            error(token, escapeStart, "invalid unicode escape; write it as \\u{1F600}", errors);
                        } else {
                            sb.appendCodePoint(codePoint);
                            i = close;
                        }
                    } else {
                        i = fixedHex(token, raw, i, to, 4, sb, errors);
                    }
                }
                // Python's fixed-length escapes too, which repr writes: \x1b, \u200b, \U0001F600.
                case 'x' -> i = fixedHex(token, raw, i, to, 2, sb, errors);
                case 'U' -> i = fixedHex(token, raw, i, to, 8, sb, errors);
                default -> error(token, escapeStart, "invalid escape sequence '\\" + e + "'", errors);
            }
        }
        return sb.toString();
    }

    /**
     * Python's {@code \\xNN}, {@code \\uNNNN} or {@code \\UNNNNNNNN}, its letter at {@code i}: exactly
     * {@code digits} hex digits naming a code point, appended to sb (a lone surrogate too, as
     * Python allows it and {@code repr} writes it); else an error. Returns the offset of the
     * escape's last character.
     */
    private static int fixedHex(Token token, String raw, int i, int to, int digits, StringBuilder sb, List<CompileError> errors) {
        char letter = raw.charAt(i);
        String hex = i + digits < to ? raw.substring(i + 1, i + 1 + digits) : "";
        if (!isHex(hex)) {
            error(token, i - 1, "invalid \\" + letter + " escape; write it with " + digits + " hex digits, as \\"
                    + letter + "0".repeat(digits - 2) + "1b, or as \\u{1b}", errors);
            return i;
        }
        long codePoint = Long.parseLong(hex, 16);
        if (codePoint > Character.MAX_CODE_POINT) {
            error(token, i - 1, "invalid \\" + letter + " escape: " + hex + " is past the last code point, 0010FFFF", errors);
        } else {
            sb.appendCodePoint((int) codePoint);
        }
        return i + digits;
    }

    /** Whether text is 1 to 8 ASCII hex digits (Java's Character.digit takes other scripts' digits too). */
    private static boolean isHex(String text) {
        return !text.isEmpty() && text.length() <= 8 && text.chars().allMatch(c -> c < 128 && Character.digit(c, 16) >= 0);
    }

    /** 1 to 8 hex digits naming a Unicode scalar value (no surrogate), else null. */
    private static Integer hex(String digits) {
        if (!isHex(digits)) {
            return null;
        }
        long cp = Long.parseLong(digits, 16);
        boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        return cp > Character.MAX_CODE_POINT || surrogate ? null : (int) cp;
    }

    private static void error(Token token, int offset, String message, List<CompileError> errors) {
        int[] at = position(token, offset);
        errors.add(new CompileError(at[0], at[1], message));
    }

    /** The 1-based line and column of the character at {@code offset} in a token's text, which may span lines. */
    static int[] position(Token token, int offset) {
        String raw = token.getText();
        int line = token.getLine();
        int column = token.getCharPositionInLine();
        for (int i = 0; i < offset; i++) {
            if (raw.charAt(i) == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
        return new int[] {line, column + 1};
    }
}

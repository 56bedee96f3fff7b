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
        StringBuilder sb = new StringBuilder(raw.length());
        int end = raw.length() - 1;
        for (int i = 1; i < end; i++) {
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
                case 'u' -> {
                    int close = raw.indexOf('}', i);
                    Integer codePoint = close > i + 1 && raw.charAt(i + 1) == '{' ? hex(raw.substring(i + 2, close)) : null;
                    if (codePoint == null) {
                        error(token, escapeStart, "invalid unicode escape; write it as \\u{1F600}", errors);
                    } else {
                        sb.appendCodePoint(codePoint);
                        i = close;
                    }
                }
                default -> error(token, escapeStart, "invalid escape sequence '\\" + e + "'", errors);
            }
        }
        return sb.toString();
    }

    /** 1 to 6 hex digits naming a Unicode scalar value, else null. */
    private static Integer hex(String digits) {
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        int cp = Integer.parseInt(digits, 16);
        boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        return cp > Character.MAX_CODE_POINT || surrogate ? null : cp;
    }

    private static void error(Token token, int offset, String message, List<CompileError> errors) {
        errors.add(new CompileError(token.getLine(), token.getCharPositionInLine() + offset + 1, message));
    }
}

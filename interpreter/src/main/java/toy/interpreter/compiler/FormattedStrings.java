package toy.interpreter.compiler;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import toy.grammar.ToyParser;

/**
 * Splits f-strings ({@code f"{n:,} items in {t:.3f} s"}) into literal text and replacement
 * fields, and parses each field's expression with the script's own grammar, so that an error
 * in it is reported at its own line and column. Each FSTRING token is split once; the
 * {@link Resolver} and the {@link CodeGenerator} see the same parse trees.
 *
 * <p>A field is {@code {expression[=][!r|!s][:spec]}}, as in Python: {@code =} shows the
 * expression's text before its value (as repr unless a spec or conversion is given); a spec
 * may itself hold fields ({@code {name:<{width}}}). {@code {{} and {@code }}} are literal braces.
 */
final class FormattedStrings {
    /** Literal text (expression null), or a field: an expression, 'r', 's' or 0, and a spec as text or as parts. */
    record Part(String literal, ToyParser.ExpressionContext expression, char conversion, String spec, List<Part> specParts) {
        static Part text(String literal) {
            return new Part(literal, null, (char) 0, "", null);
        }
    }

    private final String fileName;
    private final List<CompileError> errors;
    private final Map<Token, List<Part>> parts = new IdentityHashMap<>();

    FormattedStrings(String fileName, List<CompileError> errors) {
        this.fileName = fileName;
        this.errors = errors;
    }

    /** The parts of an FSTRING token, in order. */
    List<Part> parts(Token token) {
        return parts.computeIfAbsent(token, t -> {
            String raw = t.getText();
            int quotes = Literals.quoteLength(raw, 1);
            return split(t, 1 + quotes, raw.length() - quotes);
        });
    }

    private List<Part> split(Token token, int from, int to) {
        String raw = token.getText();
        List<Part> result = new ArrayList<>();
        int literalStart = from;
        int i = from;
        while (i < to) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if ((c == '{' || c == '}') && i + 1 < to && raw.charAt(i + 1) == c) {
                addText(result, token, literalStart, i + 1);
                i += 2;
                literalStart = i;
            } else if (c == '{') {
                addText(result, token, literalStart, i);
                i = field(token, i, to, result);
                literalStart = i;
            } else if (c == '}') {
                error(token, i, "f-string: single '}' is not allowed");
                addText(result, token, literalStart, i);
                i++;
                literalStart = i;
            } else {
                i++;
            }
        }
        addText(result, token, literalStart, Math.min(i, to));
        return result;
    }

    private void addText(List<Part> result, Token token, int from, int to) {
        if (to > from) {
            result.add(Part.text(Literals.unescape(token, from, to, errors)));
        }
    }

    /** Parses the field whose '{' is at {@code open}; returns the offset after its '}'. */
    private int field(Token token, int open, int to, List<Part> result) {
        String raw = token.getText();
        int k = open + 1;
        int depth = 0;
        char quote = 0;
        for (; k < to; k++) {
            char ch = raw.charAt(k);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '(' || ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (ch == ':' || ch == '!' && (k + 1 >= to || raw.charAt(k + 1) != '='))) {
                break;
            }
        }
        if (k >= to) {
            error(token, open, "f-string: expecting '}'");
            return to;
        }
        String text = raw.substring(open + 1, k);
        if (text.isBlank()) {
            error(token, open, "f-string: empty expression not allowed");
        }
        int expressionEnd = k;
        String trimmed = text.stripTrailing();
        boolean debug = trimmed.endsWith("=") && !trimmed.endsWith("==") && !trimmed.endsWith("!=")
                && !trimmed.endsWith("<=") && !trimmed.endsWith(">=");
        if (debug) {
            result.add(Part.text(text));
            expressionEnd = open + 1 + trimmed.length() - 1;
        }
        char conversion = 0;
        if (raw.charAt(k) == '!') {
            conversion = k + 1 < to ? raw.charAt(k + 1) : 0;
            if (conversion != 'r' && conversion != 's') {
                error(token, k, "f-string: invalid conversion character: expected 's' or 'r'");
            }
            k += 2;
        }
        String spec = "";
        List<Part> specParts = null;
        if (k < to && raw.charAt(k) == ':') {
            int specStart = ++k;
            int nested = 0;
            for (; k < to; k++) {
                char ch = raw.charAt(k);
                if (ch == '{') {
                    nested++;
                } else if (ch == '}') {
                    if (nested == 0) {
                        break;
                    }
                    nested--;
                }
            }
            if (raw.substring(specStart, Math.min(k, to)).indexOf('{') >= 0) {
                specParts = split(token, specStart, Math.min(k, to));
            } else {
                spec = Literals.unescape(token, specStart, Math.min(k, to), errors);
            }
        }
        if (k >= to || raw.charAt(k) != '}') {
            error(token, open, "f-string: expecting '}'");
            return to;
        }
        if (debug && conversion == 0 && spec.isEmpty() && specParts == null) {
            conversion = 'r';
        }
        ToyParser.ExpressionContext expression = text.isBlank() ? null : parse(token, open + 1, expressionEnd);
        if (expression != null) {
            result.add(new Part(null, expression, conversion, spec, specParts));
        }
        return k + 1;
    }

    /** The expression at [from, to) of the token's text, parsed where it stands in the file. */
    private ToyParser.ExpressionContext parse(Token token, int from, int to) {
        int[] at = Literals.position(token, from);
        String padded = "\n".repeat(at[0] - 1) + " ".repeat(at[1] - 1) + token.getText().substring(from, to);
        int before = errors.size();
        ToyParser.FieldExpressionContext field = Parsing.parseField(padded, fileName, errors);
        // The field's own parse ends where the field does, not at the end of the file.
        for (int i = before; i < errors.size(); i++) {
            CompileError e = errors.get(i);
            errors.set(i, new CompileError(e.line(), e.column(), e.message().replace("end of file", "'}'")));
        }
        return field == null ? null : field.expression();
    }

    private void error(Token token, int offset, String message) {
        if (token instanceof NewlineFilter.ClosedString) {
            // Already reported as unterminated; a field cut off by the end of the line is part of that.
            return;
        }
        int[] at = Literals.position(token, offset);
        errors.add(new CompileError(at[0], at[1], message));
    }
}

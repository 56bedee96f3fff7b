package toy.interpreter.repl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import toy.grammar.ToyLexer;

/**
 * Whether the lines typed so far at the REPL are a whole input or need more (the {@code ... }
 * prompt): more while a {@code (}, {@code [} or {@code {} is open (and no bracket was closed
 * by the wrong kind or with nothing open), a triple-quoted string is
 * unterminated, or the last token is one after which a line break does not end a statement (a
 * binary operator, {@code ,}, {@code =}, ...), the same rule the compiler's line-break filter
 * uses. Anything else is complete, errors included: the compiler then reports them.
 */
public final class Continuation {
    private Continuation() {
    }

    /** True when {@code text} (the lines typed so far, joined with line breaks) needs another line. */
    public static boolean needsMore(String text) {
        ToyLexer lexer = new ToyLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        Deque<String> open = new ArrayDeque<>();
        Token last = null;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            switch (t.getText()) {
                case "(" -> open.push(")");
                case "[" -> open.push("]");
                case "{" -> open.push("}");
                case ")", "]", "}" -> {
                    if (!t.getText().equals(open.poll())) {
                        // A bracket closed by the wrong kind, or one with nothing to close: an
                        // error no further line can mend, for the compiler to report now.
                        return false;
                    }
                }
                default -> { }
            }
            if (t.getType() != ToyLexer.NEWLINE) {
                last = t;
            }
        }
        if (!open.isEmpty()) {
            return true;
        }
        if (last == null) {
            return false;
        }
        if (last.getType() == ToyLexer.UNTERMINATED_STRING) {
            return isTripleQuoted(last.getText());
        }
        return CONTINUES_LINE.contains(last.getText());
    }

    /** The tokens after which the compiler's NewlineFilter drops a line break (LANGUAGE.md section 1). */
    private static final Set<String> CONTINUES_LINE = Set.of(
            "+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", "<=", ">", ">=",
            "and", "or", "not", "in", ",", "=", "+=", "-=", "*=", "/=", "//=", "%=", ".", ":");

    private static boolean isTripleQuoted(String token) {
        String quotes = token.startsWith("f") || token.startsWith("F") ? token.substring(1) : token;
        return quotes.startsWith("\"\"\"") || quotes.startsWith("'''");
    }
}

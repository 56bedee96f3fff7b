package toy.interpreter.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import toy.grammar.ToyLexer;

/**
 * Sits between the lexer and the parser and decides which line breaks end a statement
 * (LANGUAGE.md section 1). A NEWLINE token is dropped:
 * <ul>
 *   <li>inside {@code (…)}, {@code […]} or a map literal {@code {…}} (but not inside a block);</li>
 *   <li>after a token that cannot end an expression: a binary operator, {@code ,}, {@code =},
 *       an augmented assignment, {@code .};</li>
 *   <li>before {@code else}, {@code elif} and {@code catch}, so {@code }} may end the line before them;</li>
 *   <li>when it would be a blank line, or the first token of the file.</li>
 * </ul>
 * A NEWLINE is added after the {@code }} that closes a block at statement level when another
 * statement follows on the same line ({@code if c { return 1 } return 2}).
 * Whether a {@code {} opens a block or a map literal is decided by the token before it: a block
 * follows something that ends an expression (a name, a literal, {@code )}, {@code ]}, {@code }})
 * or {@code else}/{@code try}; a map literal follows anything else.
 * Tokens the lexer could not make sense of are reported as compile errors ({@link #lexValid}).
 *
 * <p>A bracket left open by mistake would otherwise swallow every later line break, and each
 * following line would get an error of its own. So a bracket counts as closed, and the parser
 * gets to report the one missing {@code )}, {@code ]} or {@code }}, when a block's {@code {}
 * appears inside it (other than a function's, after its parameters), or when a keyword that
 * only starts statements ({@code let}, {@code while}, {@code return}, …) begins a line inside it.
 * Such a keyword at the start of a line also ends a statement left unfinished above it
 * ({@code let a =}).
 */
final class NewlineFilter implements TokenSource {
    /** How the message of a character the lexer does not know begins ({@link PythonHints} looks for it). */
    static final String INVALID_CHARACTER = "invalid character ";

    private enum Bracket { PAREN, SQUARE, MAP, BLOCK }

    /**
     * A bracket or brace still open, the token that opened it, and, for a PAREN, whether it
     * holds a function's parameters ({@code fn f(} or {@code fn(}).
     */
    private record Open(Bracket kind, Token token, boolean parameters) {
        boolean closedBy(String closer) {
            return pair(token.getText(), closer);
        }
    }

    /** Whether {@code literal}, a token's fixed text or null, is '(', '[' or '{'. */
    static boolean isOpening(String literal) {
        return "(".equals(literal) || "[".equals(literal) || "{".equals(literal);
    }

    /** Whether {@code literal}, a token's fixed text or null, is ')', ']' or '}'. */
    static boolean isClosing(String literal) {
        return ")".equals(literal) || "]".equals(literal) || "}".equals(literal);
    }

    /** Whether {@code closing} closes {@code opening}: '(' and ')', '[' and ']', '{' and '}'. */
    private static boolean pair(String opening, String closing) {
        return switch (opening) {
            case "(" -> ")".equals(closing);
            case "[" -> "]".equals(closing);
            case "{" -> "}".equals(closing);
            default -> false;
        };
    }

    private static final Set<String> CONTINUES_LINE = Set.of(
            "+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", "<=", ">", ">=",
            "and", "or", "not", "in", ",", "=", "+=", "-=", "*=", "/=", "//=", "%=", ".", ":");
    private static final Set<String> BLOCK_AFTER = Set.of(")", "]", "}", "else", "try", "true", "false", "nil");
    private static final Set<String> NOT_A_STATEMENT_START = Set.of(";", ")", "]", "}", "(", "[");
    private static final Set<String> STARTS_STATEMENT_ONLY = Set.of(
            "let", "while", "return", "break", "continue", "with", "try", "raise");
    private static final Set<String> JOINS_PREVIOUS_LINE = Set.of("else", "elif", "catch");
    /** The statement keywords followed by an expression and then a block. */
    private static final Set<String> EXPRESSION_BEFORE_BLOCK = Set.of("if", "elif", "while", "with");

    private final ToyLexer lexer;
    private final List<CompileError> errors;
    private final Deque<Open> brackets = new ArrayDeque<>();
    /** The previous token is the {@code )} that closed a function's parameters. */
    private boolean parametersJustClosed;
    private final Deque<Token> lookahead = new ArrayDeque<>();
    private Token previous;
    private Token beforePrevious;
    /** The previous token is a {@code }} that closed a block at statement level. */
    private boolean blockJustClosed;
    /**
     * The tokens at which a bracket left open shows, each with the brackets open there inside
     * the innermost block, innermost first: the first token of a line inside brackets, and the
     * line break added where a statement keyword ended them ({@link #neverClosedAt}).
     */
    private final Map<Token, List<Token>> insideBracketsAt = new IdentityHashMap<>();
    /**
     * The opening brackets that a closing one of their kind closes, each with that closing one, matched as Python's
     * tokenizer matches them: all of them, whatever {@link #closeBrackets} forgot for the
     * parser's sake ({@code map(fn(x)}, then {@code return} on the next line, then
     * {@code \}, xs)}: the ')' closes the '(' of map).
     */
    private final Map<Token, Token> closers = new IdentityHashMap<>();
    /** The opening brackets not closed yet, as {@link #closers} matches them. */
    private final Deque<Token> openAsWritten = new ArrayDeque<>();
    /** Each closing bracket that did not match the innermost bracket open, with that bracket. */
    private final Map<Token, Token> mismatched = new IdentityHashMap<>();
    /**
     * Each '{' right after {@code if}, {@code elif}, {@code while} or {@code with} that ends its
     * line, as a block's does, with that keyword: there it begins a map, so {@code if {} with
     * the condition left out parses its block as one ({@link #missingExpressionAt}). One
     * followed by more on its line is taken for the map it may well be ({@code if {1: 2} {}).
     */
    private final Map<Token, Token> braceAfterKeyword = new IdentityHashMap<>();

    NewlineFilter(ToyLexer lexer, List<CompileError> errors) {
        this.lexer = lexer;
        this.errors = errors;
    }

    @Override
    public Token nextToken() {
        for (;;) {
            Token token = take();
            if (blockJustClosed && startsStatement(token)) {
                // `if c { return 1 } return 2`: end the block statement here.
                lookahead.addFirst(token);
                blockJustClosed = false;
                return emit(new StatementBreak(token));
            }
            blockJustClosed = false;
            if (previous != null && token.getLine() > previous.getLine()
                    && STARTS_STATEMENT_ONLY.contains(String.valueOf(literalOf(token)))
                    && previous.getType() != ToyLexer.NEWLINE && !isLiteral(previous, ";") && !isLiteral(previous, "{")) {
                // `let x = [1, 2` or `let x =` then `let y = 3` on the next line: the statement
                // above is unfinished; end it where its line ends, so that only it gets an error.
                Token end = new UnfinishedLineEnd(previous);
                if (insideBrackets()) {
                    insideBracketsAt.put(end, openInsideBlock());
                }
                closeBrackets();
                lookahead.addFirst(token);
                return emit(end);
            }
            if (token.getType() == ToyLexer.NEWLINE) {
                if (keepNewline()) {
                    return emit(token);
                }
                continue;
            }
            if (insideBrackets() && previous != null && token.getLine() > SyntaxErrors.endLine(previous)) {
                insideBracketsAt.put(token, openInsideBlock());
            }
            track(token);
            return emit(token);
        }
    }

    private boolean keepNewline() {
        if (previous == null || previous.getType() == ToyLexer.NEWLINE || isLiteral(previous, ";")) {
            return false;
        }
        if (insideBrackets()) {
            return false;
        }
        String last = literalOf(previous);
        if (last != null && CONTINUES_LINE.contains(last)) {
            return false;
        }
        if (innermost() == Bracket.BLOCK && isLiteral(previous, "{")) {
            return false;
        }
        Token next = peekPastNewlines();
        String literal = literalOf(next);
        return literal == null || !JOINS_PREVIOUS_LINE.contains(literal);
    }

    private void track(Token token) {
        String literal = literalOf(token);
        matchAsWritten(token, literal);
        boolean closedParameters = false;
        if (literal != null) {
            switch (literal) {
                case "(" -> {
                    boolean parameters = previous != null && ("fn".equals(literalOf(previous)) || beforePrevious != null
                            && previous.getType() == ToyLexer.NAME && "fn".equals(literalOf(beforePrevious)));
                    brackets.push(new Open(Bracket.PAREN, token, parameters));
                }
                case "[" -> brackets.push(new Open(Bracket.SQUARE, token, false));
                case "{" -> {
                    boolean block = opensBlock();
                    if (block && insideBrackets() && !parametersJustClosed) {
                        // `fn f(a=1 {`: a block cannot start inside brackets; the bracket was never closed.
                        closeBrackets();
                    }
                    brackets.push(new Open(block ? Bracket.BLOCK : Bracket.MAP, token, false));
                    if (!block && previous != null && EXPRESSION_BEFORE_BLOCK.contains(String.valueOf(literalOf(previous)))) {
                        braceAfterKeyword.put(token, previous);
                    }
                }
                case ")", "]", "}" -> {
                    Open open = close(token, literal);
                    if (open != null) {
                        closedParameters = open.parameters();
                        blockJustClosed = open.kind() == Bracket.BLOCK && (brackets.isEmpty() || innermost() == Bracket.BLOCK);
                    }
                }
                default -> {
                }
            }
        }
        parametersJustClosed = closedParameters;
    }

    /**
     * Takes off the stack the bracket that {@code closer} closes, and returns it: the innermost
     * one open when it matches; else the nearest matching one inside the innermost block, the
     * brackets open inside it left unclosed (Python's tokenizer reports there too); else none,
     * and null (a closing bracket with nothing to close inside its block). One that does not
     * match the innermost bracket is remembered for its error ({@link #mismatchedAt}); in a
     * block, where no bracket is open, it is only stray.
     */
    private Open close(Token closer, String literal) {
        Open innermost = brackets.peek();
        if (innermost == null || innermost.kind() == Bracket.BLOCK && !innermost.closedBy(literal)) {
            return null;
        }
        if (!innermost.closedBy(literal)) {
            mismatched.put(closer, innermost.token());
            if (!matchesInsideBlock(literal)) {
                return null;
            }
            while (!brackets.peek().closedBy(literal)) {
                brackets.pop();
            }
        }
        return brackets.pop();
    }

    /** Whether a bracket open inside the innermost block (the block itself included) is closed by {@code closer}. */
    private boolean matchesInsideBlock(String closer) {
        for (Open open : brackets) {
            if (open.closedBy(closer)) {
                return true;
            }
            if (open.kind() == Bracket.BLOCK) {
                return false;
            }
        }
        return false;
    }

    /**
     * The opening bracket that {@code closer}, a closing one, does not match, when it was the
     * innermost one open there ({@code print((1 + 2]}: the second '('); else null.
     */
    Token mismatchedAt(Token closer) {
        return mismatched.get(closer);
    }

    /**
     * The innermost bracket or brace the tokens read so far left open, or null: at the end of
     * the file, the one that was never closed (Python 3.10's "'(' was never closed").
     */
    Token unclosed() {
        return brackets.isEmpty() ? null : brackets.peek().token();
    }

    /**
     * The bracket that a syntax error at {@code token} most likely comes from, or null: when
     * {@code token} begins a line inside brackets or is the line break where a statement
     * keyword ended them, the innermost of those that no closing bracket in the rest of the
     * file closes (Python 3.10's "'(' was never closed" for {@code print(f(x)} then
     * {@code print(y)}). Meaningful once the whole file has been read.
     */
    Token neverClosedAt(Token token) {
        for (Token open : insideBracketsAt.getOrDefault(token, List.of())) {
            if (!closers.containsKey(open)) {
                return open;
            }
        }
        return null;
    }

    /**
     * A statement keyword ({@code if}), the '{' right after it, where its expression should
     * be, and the '}' that closes that, or null.
     */
    record MissingExpression(Token keyword, Token brace, Token closer) {
    }

    /**
     * The statement keyword whose expression a syntax error at {@code token} most likely comes
     * from the want of, or null: when {@code token} is inside the '{' that ends the keyword's
     * line, is its '}', or comes right after it ({@code if {}, then a block's lines parsed as a
     * map's entries, and the block the parser still wants), the innermost such '{' and its
     * keyword. Meaningful once the whole file has been read.
     */
    MissingExpression missingExpressionAt(Token token) {
        MissingExpression innermost = null;
        for (Map.Entry<Token, Token> after : braceAfterKeyword.entrySet()) {
            Token brace = after.getKey();
            Token closer = closers.get(brace);
            if (brace.getTokenIndex() < token.getTokenIndex()
                    && (innermost == null || brace.getTokenIndex() > innermost.brace().getTokenIndex())
                    && (closer == null || token.getTokenIndex() <= closer.getTokenIndex() + 1)) {
                innermost = new MissingExpression(after.getValue(), brace, closer);
            }
        }
        return innermost;
    }

    /** The tokens of the brackets open inside the innermost block, innermost first. */
    private List<Token> openInsideBlock() {
        List<Token> open = new ArrayList<>();
        for (Open bracket : brackets) {
            if (bracket.kind() == Bracket.BLOCK) {
                break;
            }
            open.add(bracket.token());
        }
        return open;
    }

    /**
     * Matches {@code token}, when it is a bracket, against the brackets open as written: an
     * opening one is pushed; a closing one closes the nearest open one of its kind, and those
     * inside it stay unclosed; one that closes none is ignored.
     */
    private void matchAsWritten(Token token, String literal) {
        if (isOpening(literal)) {
            openAsWritten.push(token);
            return;
        }
        if (!isClosing(literal)) {
            return;
        }
        for (Token open : openAsWritten) {
            if (pair(open.getText(), literal)) {
                Token popped;
                do {
                    popped = openAsWritten.pop();
                } while (popped != open);
                closers.put(open, token);
                return;
            }
        }
    }

    /** The kind of the innermost bracket or brace open, or null. */
    private Bracket innermost() {
        return brackets.isEmpty() ? null : brackets.peek().kind();
    }

    private boolean insideBrackets() {
        Bracket open = innermost();
        return open == Bracket.PAREN || open == Bracket.SQUARE || open == Bracket.MAP;
    }

    /** Forgets the brackets opened since the innermost block. */
    private void closeBrackets() {
        while (insideBrackets()) {
            brackets.pop();
        }
    }

    /** Whether a token after a block's {@code }} on the same line begins another statement. */
    private static boolean startsStatement(Token token) {
        int type = token.getType();
        if (type == ToyLexer.NEWLINE || type == Token.EOF) {
            return false;
        }
        String literal = literalOf(token);
        return literal == null || !(CONTINUES_LINE.contains(literal) || NOT_A_STATEMENT_START.contains(literal)
                || JOINS_PREVIOUS_LINE.contains(literal));
    }

    private boolean opensBlock() {
        if (previous == null) {
            return false;
        }
        int type = previous.getType();
        if (type == ToyLexer.NAME || type == ToyLexer.INT || type == ToyLexer.FLOAT || type == ToyLexer.STRING
                || type == ToyLexer.FSTRING) {
            return true;
        }
        String literal = literalOf(previous);
        return literal != null && BLOCK_AFTER.contains(literal);
    }

    private Token emit(Token token) {
        if (previous != null && token.getLine() == SyntaxErrors.endLine(previous)) {
            braceAfterKeyword.remove(previous);
        }
        beforePrevious = previous;
        previous = token;
        return token;
    }

    private Token take() {
        return lookahead.isEmpty() ? lexValid() : lookahead.poll();
    }

    private Token peekPastNewlines() {
        for (Token t : lookahead) {
            if (t.getType() != ToyLexer.NEWLINE) {
                return t;
            }
        }
        for (;;) {
            Token t = lexValid();
            lookahead.add(t);
            if (t.getType() != ToyLexer.NEWLINE) {
                return t;
            }
        }
    }

    /**
     * The next token from the lexer, with lexical errors reported. An invalid character is
     * dropped; an unterminated string is closed, so that parsing goes on and finds later errors.
     */
    private Token lexValid() {
        for (;;) {
            Token token = lexer.nextToken();
            switch (token.getType()) {
                case ToyLexer.UNTERMINATED_STRING -> {
                    report(token, "unterminated string literal");
                    return closed(token);
                }
                case ToyLexer.INVALID_CHARACTER -> report(token, INVALID_CHARACTER + describe(token.getText()));
                default -> {
                    return token;
                }
            }
        }
    }

    /** An unterminated string closed at its end, so that parsing can go on. */
    private static Token closed(Token token) {
        String text = token.getText();
        boolean formatted = text.charAt(0) == 'f' || text.charAt(0) == 'F';
        int quoteAt = formatted ? 1 : 0;
        char quote = text.charAt(quoteAt);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), quoteAt);
        String body = text.substring(quoteAt + (triple ? 3 : 1));
        // Drop a trailing backslash and any partial closing quotes, which would otherwise escape or end the close.
        body = body.replaceAll("\\\\$", "");
        while (triple && body.endsWith(String.valueOf(quote))) {
            body = body.substring(0, body.length() - 1);
        }
        String quotes = String.valueOf(quote).repeat(triple ? 3 : 1);
        CommonToken closed = new ClosedString(token);
        closed.setType(formatted ? ToyLexer.FSTRING : ToyLexer.STRING);
        closed.setText(text.substring(0, quoteAt) + quotes + body + quotes);
        return closed;
    }

    /**
     * The line break the filter puts at the end of a line whose statement a statement keyword on
     * the next line shows unfinished ({@code let x = [1, 2} then {@code let y = 3}), the
     * brackets open in it forgotten: an error's skip stops there too.
     */
    static final class UnfinishedLineEnd extends CommonToken {
        private static final long serialVersionUID = 1L;

        UnfinishedLineEnd(Token last) {
            super(last);
            setType(ToyLexer.NEWLINE);
            setText("\n");
            setCharPositionInLine(last.getCharPositionInLine() + last.getText().length());
        }
    }

    /**
     * The line break the filter puts between a block's {@code }} and another statement on its
     * line, at the position of {@code next}, the token after it (an error there names that token).
     */
    static final class StatementBreak extends CommonToken {
        private static final long serialVersionUID = 1L;
        private final transient Token next;

        StatementBreak(Token next) {
            super(next);
            this.next = next;
            setType(ToyLexer.NEWLINE);
            setText("\n");
        }

        Token next() {
            return next;
        }
    }

    /** A string the filter closed after reporting it unterminated: its other faults follow from that one. */
    static final class ClosedString extends CommonToken {
        private static final long serialVersionUID = 1L;

        ClosedString(Token token) {
            super(token);
        }
    }

    private void report(Token token, String message) {
        errors.add(new CompileError(token.getLine(), token.getCharPositionInLine() + 1, message));
    }

    private static String describe(String text) {
        int cp = text.codePointAt(0);
        return Character.isISOControl(cp) || Character.isWhitespace(cp)
                ? String.format(Locale.ROOT, "U+%04X", cp)
                : "'" + text + "'";
    }

    /** Whether {@code token} is a word that continues the statement before it: else, elif, catch. */
    static boolean joinsPreviousLine(Token token) {
        return JOINS_PREVIOUS_LINE.contains(String.valueOf(literalOf(token)));
    }

    /** The fixed text of a keyword or punctuation token ({@code "("}, {@code "else"}), else null. */
    static String literalOf(Token token) {
        String literal = ToyLexer.VOCABULARY.getLiteralName(token.getType());
        return literal == null ? null : literal.substring(1, literal.length() - 1);
    }

    private static boolean isLiteral(Token token, String text) {
        return text.equals(literalOf(token));
    }

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}

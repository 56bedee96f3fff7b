package toy.interpreter.compiler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ErrorNode;
import toy.grammar.ToyLexer;
import toy.grammar.ToyParser;

/**
 * Turns ANTLR's parse errors into short messages ("unexpected ')'", "expected '}' but found end
 * of file", "'(' was never closed" at the bracket when the file ends inside one, or when
 * the error comes on a later line inside a bracket that nothing closes, and "closing ']' does
 * not match opening '('") and
 * records them, one per line, and none at the end of the file after another, nor for the '}' of
 * a block whose missing '{' was reported: after the first error on a line, ANTLR's recovery
 * tends to produce follow-on errors that would only confuse. A condition left out
 * ({@code if {}) is reported at the '{', which began a map there.
 * Any other error at the end of a file is reported at the end of its last line with a token,
 * not on the empty line after the file's last line break or on a comment after the code.
 */
final class SyntaxErrors extends BaseErrorListener {
    private final List<CompileError> errors;
    private final NewlineFilter tokens;
    private final boolean wholeFile;
    private final Set<Integer> linesWithErrors = new HashSet<>();
    private final Set<Token> reportedBrackets = new HashSet<>();

    /**
     * tokens: the parser's token source, which knows the brackets left open at the end;
     * wholeFile: whether the parse is of a whole file (else of an f-string's field, whose end
     * is its '}').
     */
    SyntaxErrors(List<CompileError> errors, NewlineFilter tokens, boolean wholeFile) {
        this.errors = errors;
        this.tokens = tokens;
        this.wholeFile = wholeFile;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                            String message, RecognitionException e) {
        // After an error of this parse, one at the end of the file is the parser still looking
        // for the end of what that error broke ("for i in range(3) print(i)": its '{'). Not
        // after any error in the list: it holds lexical errors and those of other parses too
        // (each f-string field has its own, whose end is the field's).
        boolean atEnd = offendingSymbol instanceof Token t && t.getType() == Token.EOF;
        if (atEnd && !linesWithErrors.isEmpty()) {
            return;
        }
        if (insideConjuredBlock(recognizer)) {
            return;
        }
        NewlineFilter.MissingExpression missing = askOfWholeFile(recognizer, offendingSymbol, tokens::missingExpressionAt);
        if (missing != null) {
            // `if {`: the block was parsed as a map, and failed inside it or at its '}'; what the
            // parser says later on those lines (the block it still wants) follows from that.
            Token brace = missing.brace();
            if (reportedBrackets.add(brace) && linesWithErrors.add(brace.getLine())) {
                String what = "with".equals(missing.keyword().getText()) ? "an expression" : "a condition";
                errors.add(new CompileError(brace.getLine(), brace.getCharPositionInLine() + 1,
                        "expected " + what + " after '" + missing.keyword().getText() + "' but found '{'"));
            }
            int last = missing.closer() == null ? line : Math.max(line, missing.closer().getLine());
            for (int l = brace.getLine(); l <= last; l++) {
                linesWithErrors.add(l);
            }
            return;
        }
        Token unmatched = offendingSymbol instanceof Token t ? tokens.mismatchedAt(t) : null;
        Token open = atEnd ? tokens.unclosed() : unmatched != null ? null : askOfWholeFile(recognizer, offendingSymbol, tokens::neverClosedAt);
        if (open != null) {
            // The end, or a line after it, came inside brackets never closed: the error is the
            // bracket, not the empty last line or the next statement, whose line is then done.
            if (reportedBrackets.add(open) && !linesWithErrors.contains(line) && linesWithErrors.add(open.getLine())) {
                linesWithErrors.add(line);
                errors.add(new CompileError(open.getLine(), open.getCharPositionInLine() + 1,
                        "'" + open.getText() + "' was never closed"));
            }
            return;
        }
        if (unmatched != null) {
            // As Python 3.10 on: the pair that does not match, rather than what else was expected.
            message = "closing '" + ((Token) offendingSymbol).getText() + "' does not match opening '"
                    + unmatched.getText() + "'" + (unmatched.getLine() != line ? " on line " + unmatched.getLine() : "");
        }
        if (atEnd && wholeFile) {
            Token last = lastToken(((Parser) recognizer).getInputStream(), (Token) offendingSymbol);
            if (last instanceof NewlineFilter.ClosedString) {
                // A string left open ran to the end of the file: its own error says it all.
                return;
            }
            if (last != null) {
                int[] end = endOfLine(last);
                line = end[0];
                column = end[1];
            }
        }
        if (linesWithErrors.add(line)) {
            errors.add(new CompileError(line, column + 1, message));
        }
    }

    /**
     * What {@code question} (one of the filter's, which need the whole file:
     * {@link NewlineFilter#neverClosedAt}, whether a later bracket closes one;
     * {@link NewlineFilter#missingExpressionAt}, where a '{' closes) answers for the token
     * an error is at, once the rest of the file is read (an error's path only); null when the
     * error is at no token.
     */
    private <T> T askOfWholeFile(Recognizer<?, ?> recognizer, Object offendingSymbol, Function<Token, T> question) {
        if (!(offendingSymbol instanceof Token token) || !(recognizer.getInputStream() instanceof BufferedTokenStream stream)) {
            return null;
        }
        stream.fill();
        return question.apply(token);
    }

    /**
     * Whether the parser is in the statement list of a block whose '{' it made up after
     * reporting it missing ({@code try print(1)}): the '}' it then wants, before a
     * {@code catch} on the next line, follows from that error. (An error in one of the
     * block's statements is the statement's own.)
     */
    private static boolean insideConjuredBlock(Recognizer<?, ?> recognizer) {
        return recognizer instanceof Parser parser && parser.getContext() instanceof ToyParser.BlockContext block
                && block.getChildCount() > 0 && block.getChild(0) instanceof ErrorNode missing
                && missing.getSymbol().getTokenIndex() == -1;
    }

    /** The last token before {@code end} other than a line break, or null when there is none. */
    private static Token lastToken(TokenStream stream, Token end) {
        for (int i = end.getTokenIndex() - 1; i >= 0; i--) {
            Token t = stream.get(i);
            if (t.getType() != ToyLexer.NEWLINE) {
                return t;
            }
        }
        return null;
    }

    /**
     * The line where {@code token} ends and the 0-based column after the last character of that
     * line (a comment after the token included), in code points as ANTLR counts columns.
     */
    private int[] endOfLine(Token token) {
        CharStream source = tokens.getInputStream();
        int end = token.getStopIndex() + 1;
        while (end < source.size() && !isLineBreak(source, end)) {
            end++;
        }
        int start = end;
        while (start > 0 && !isLineBreak(source, start - 1)) {
            start--;
        }
        return new int[] {endLine(token), end - start};
    }

    private static boolean isLineBreak(CharStream source, int index) {
        String c = source.getText(Interval.of(index, index));
        return c.equals("\n") || c.equals("\r");
    }

    /**
     * The error strategy that writes the messages: "unexpected X, expected Y" or "expected Y but
     * found X", with a short list of Y only; and where a comma was left out between two elements
     * of a list, ',' among Y and {@link MissingComma#HINT}.
     */
    static final class Strategy extends DefaultErrorStrategy {
        /**
         * In a statement list, a token after a statement that can neither continue nor end the
         * list ({@code let y := 3}: the ':') is reported as unwanted and the rest of the
         * statement skipped ({@link #skipStatement}), so that the next statement is parsed and
         * its errors found. ANTLR's own sync throws at the list's first statement, and the
         * rule's recovery then skipped to what may follow the rule: for the program, the end of
         * the file, so that no later line's error was reported; after later statements it
         * skipped to the next line break, even one inside a block the skipped part opened.
         * An {@code else}, {@code elif} or {@code catch} where a statement may begin (at the
         * REPL, on the line after the {@code }} that ended the input) is skipped with its
         * block too: ANTLR's single-token deletion dropped the word alone and took the block
         * for a map, with an error on each of its lines.
         */
        @Override
        public void sync(Parser parser) throws RecognitionException {
            ATNState state = parser.getInterpreter().atn.states.get(parser.getState());
            boolean statementList = parser.getContext() instanceof ToyParser.ProgramContext
                    || parser.getContext() instanceof ToyParser.BlockContext;
            if (!statementList || inErrorRecoveryMode(parser)) {
                super.sync(parser);
                return;
            }
            IntervalSet next = parser.getATN().nextTokens(state);
            int la = parser.getInputStream().LA(1);
            int type = state.getStateType();
            boolean loop = type == ATNState.STAR_LOOP_ENTRY || type == ATNState.STAR_LOOP_BACK;
            boolean wanted = next.contains(la) || next.contains(Token.EPSILON);
            boolean continuation = NewlineFilter.joinsPreviousLine(parser.getCurrentToken());
            if (wanted || !continuation && (!loop || singleTokenDeletion(parser) != null)) {
                super.sync(parser);
                return;
            }
            reportUnwantedToken(parser);
            skipStatement(parser);
        }

        /**
         * Skips tokens up to a separator (a line break, a ';') or the end of the file, outside
         * any bracket, or up to the line end where the filter ended an unfinished statement
         * ({@link NewlineFilter.UnfinishedLineEnd}, whose brackets it forgot): a bracket the skipped part
         * opens is skipped to its closing one ({@code except e { ... }} whole, not up to the
         * first line break inside its block, which would leave its '}' to be reported too). A
         * closing bracket that nothing skipped opened ends the skip where a statement list may
         * end (a block's '}'), and is skipped with the rest at the top level, where none may.
         */
        private static void skipStatement(Parser parser) {
            int depth = 0;
            for (Token t = parser.getCurrentToken(); t.getType() != Token.EOF; t = parser.getCurrentToken()) {
                String literal = NewlineFilter.literalOf(t);
                boolean closing = NewlineFilter.isClosing(literal);
                boolean separator = t.getType() == ToyLexer.NEWLINE || ";".equals(literal);
                if (t instanceof NewlineFilter.UnfinishedLineEnd
                        || depth == 0 && (separator || closing && !(parser.getContext() instanceof ToyParser.ProgramContext))) {
                    return;
                }
                if (NewlineFilter.isOpening(literal)) {
                    depth++;
                } else if (closing && depth > 0) {
                    depth--;
                }
                parser.consume();
            }
        }

        /**
         * A token matched: forget the place ANTLR's sync last saw where a rule could end
         * ({@code nextTokensContext}), from which it names what was expected at the next
         * mismatch. Kept past a match, it was stale: {@code fn f(x) = 1} said "expected ',',
         * '=' or ')'", what may follow the parameter, with the ')' already there.
         */
        @Override
        public void reportMatch(Parser parser) {
            super.reportMatch(parser);
            nextTokensContext = null;
            nextTokensState = ATNState.INVALID_STATE_NUMBER;
        }

        @Override
        protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
            Token t = e.getOffendingToken();
            parser.notifyErrorListeners(t, unexpected(parser, t, new IntervalSet()), e);
        }

        @Override
        protected void reportInputMismatch(Parser parser, InputMismatchException e) {
            Token t = e.getOffendingToken();
            parser.notifyErrorListeners(t, unexpected(parser, t, e.getExpectedTokens()), e);
        }

        @Override
        protected void reportUnwantedToken(Parser parser) {
            if (inErrorRecoveryMode(parser)) {
                return;
            }
            beginErrorCondition(parser);
            Token t = parser.getCurrentToken();
            parser.notifyErrorListeners(t, unexpected(parser, t, getExpectedTokens(parser)), null);
        }

        @Override
        protected void reportMissingToken(Parser parser) {
            if (inErrorRecoveryMode(parser)) {
                return;
            }
            beginErrorCondition(parser);
            Token t = parser.getCurrentToken();
            IntervalSet expected = getExpectedTokens(parser);
            IntervalSet withComma = MissingComma.expected(parser, t, expected);
            String message = "expected " + names(withComma == null ? expected : withComma) + " but found " + describe(t);
            parser.notifyErrorListeners(t, withComma == null ? message : message + MissingComma.HINT, null);
        }

        /** "unexpected X", then what was expected when that is a short list (none when empty). */
        private static String unexpected(Parser parser, Token t, IntervalSet expected) {
            IntervalSet withComma = MissingComma.expected(parser, t, expected);
            if (withComma != null) {
                return "unexpected " + describe(t) + ", expected " + names(withComma) + MissingComma.HINT;
            }
            // Long lists ("expecting one of 30 tokens") help nobody; name only short ones.
            boolean named = !expected.isNil() && expected.size() <= 3;
            return "unexpected " + describe(t) + (named ? ", expected " + names(expected) : "");
        }

        private static String names(IntervalSet set) {
            StringBuilder sb = new StringBuilder();
            List<Integer> types = set.toList();
            for (int i = 0; i < types.size(); i++) {
                if (i > 0) {
                    sb.append(i == types.size() - 1 ? " or " : ", ");
                }
                sb.append(describeType(types.get(i)));
            }
            return sb.toString();
        }
    }

    static String describe(Token token) {
        if (token instanceof NewlineFilter.StatementBreak statementBreak) {
            // Not a line break the user can see: the word after a block's '}' on its line.
            return describe(statementBreak.next());
        }
        return switch (token.getType()) {
            case Token.EOF -> "end of file";
            case ToyLexer.NEWLINE -> "end of line";
            case ToyLexer.INT, ToyLexer.FLOAT -> "number " + token.getText();
            case ToyLexer.STRING -> "string " + token.getText();
            case ToyLexer.NAME -> "name '" + token.getText() + "'";
            default -> "'" + token.getText() + "'";
        };
    }

    /** The line a token ends on: a triple-quoted string may span lines. */
    static int endLine(Token token) {
        String text = token.getText();
        return token.getLine() + (int) text.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
    }

    private static String describeType(int type) {
        return switch (type) {
            case Token.EOF -> "end of file";
            case ToyLexer.NEWLINE -> "end of line";
            case ToyLexer.INT -> "an integer";
            case ToyLexer.FLOAT -> "a float";
            case ToyLexer.STRING -> "a string";
            case ToyLexer.NAME -> "a name";
            default -> ToyLexer.VOCABULARY.getDisplayName(type);
        };
    }
}

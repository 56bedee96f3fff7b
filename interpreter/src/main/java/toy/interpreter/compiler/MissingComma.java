package toy.interpreter.compiler;

import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTree;
import toy.grammar.ToyLexer;
import toy.grammar.ToyParser;

/**
 * Recognises a comma left out between two elements of a list: {@code print(1 2)}, {@code f(a b)},
 * {@code [x y]}, {@code {"a": 1 "b": 2}}, {@code fn f(a b)}, {@code for k v in m}, and the
 * targets or values of an assignment ({@code a, b c = 1}, {@code let a, b = 1 2}). A syntax
 * error there names {@code ','} among what was expected and ends with {@link #HINT}, as
 * CPython 3.10 and later add "Perhaps you forgot a comma?" to two expressions side by side
 * inside brackets.
 *
 * <p>It is a missing comma when the token the parser stopped at could begin the list's next
 * element (an expression, or a name in a list of names), the token before it could end one on
 * the same line, and the parser is in such a list after an element. On the next line, the
 * bracket before it was more likely left open: {@code print(f(x)} then {@code print(y)}. A
 * statement's targets or values are a list once they hold a comma: {@code x y = 1} is no more
 * a missing comma than a missing operator. Parentheses around one expression and subscripts
 * are no lists in Toy, which has no tuples.
 */
final class MissingComma {
    /** Ends the message of a missing comma. */
    static final String HINT = " (a missing ',' before it?)";

    private static final int COMMA = type(",");
    private static final int OPEN_PAREN = type("(");
    private static final int CLOSE_PAREN = type(")");
    private static final int OPEN_BRACE = type("{");
    private static final int IN = type("in");
    /** The token types that end an expression: a name, a literal, a closing bracket. */
    private static final IntervalSet ENDS_ELEMENT = IntervalSet.of(ToyLexer.NAME);

    static {
        for (int t : new int[] {ToyLexer.INT, ToyLexer.FLOAT, ToyLexer.STRING, ToyLexer.FSTRING,
                type("true"), type("false"), type("nil"), CLOSE_PAREN, type("]"), type("}")}) {
            ENDS_ELEMENT.add(t);
        }
        ENDS_ELEMENT.setReadonly(true);
    }

    private MissingComma() {
    }

    /**
     * What to name as expected in place of {@code next}, the token the parser stopped at:
     * {@code expected}, which ANTLR computed, with {@code ','} added; or, when that is empty or
     * makes more than three, {@code ','} and what else may follow an element of the list. Null
     * when no comma is missing before {@code next}.
     */
    static IntervalSet expected(Parser parser, Token next, IntervalSet expected) {
        if (next.getType() == ToyLexer.NAME && next.getText().equals("is")) {
            // Python's identity operator ('x is nil'), not a next element: PythonHints names Toy's way.
            return null;
        }
        Token previous = previous(parser, next);
        IntervalSet after = previous == null ? null : afterElement(parser, parser.getContext(), previous, next);
        if (after == null) {
            return null;
        }
        IntervalSet named = expected.or(IntervalSet.of(COMMA));
        return !expected.isNil() && named.size() <= 3 ? named : after.or(IntervalSet.of(COMMA));
    }

    /**
     * Whether {@code next} could begin an element of a list of expressions (of names only when
     * {@code namesOnly}) after {@code previous} ended one on the same line, apart from it. A {@code {} after an
     * expression opens a block (NewlineFilter), so it begins no element there.
     */
    static boolean between(Parser parser, Token previous, Token next, boolean namesOnly) {
        // Touching tokens are one word Toy does not know (0o17, r"raw"), not two elements.
        if (!ENDS_ELEMENT.contains(previous.getType()) || SyntaxErrors.endLine(previous) != next.getLine()
                || next.getStartIndex() == previous.getStopIndex() + 1) {
            return false;
        }
        if (namesOnly) {
            return next.getType() == ToyLexer.NAME;
        }
        ATN atn = parser.getATN();
        return next.getType() != OPEN_BRACE
                && atn.nextTokens(atn.ruleToStartState[ToyParser.RULE_expression]).contains(next.getType());
    }

    /**
     * The tokens other than {@code ','} that may follow an element of the list the parser is in
     * ({@code ctx}), when {@code next} could be that list's next element after {@code previous};
     * else null.
     */
    private static IntervalSet afterElement(Parser parser, ParserRuleContext ctx, Token previous, Token next) {
        if (ctx instanceof ToyParser.CallTrailerContext) {
            return between(parser, previous, next, false) ? IntervalSet.of(CLOSE_PAREN) : null;
        }
        if (ctx instanceof ToyParser.ListDisplayContext list && list.comprehensionFor().isEmpty()) {
            return between(parser, previous, next, false) ? IntervalSet.of(type("]")) : null;
        }
        if (ctx instanceof ToyParser.MapDisplayContext map && map.comprehensionFor().isEmpty()) {
            return between(parser, previous, next, false) ? IntervalSet.of(type("}")) : null;
        }
        if (ctx instanceof ToyParser.FunctionDeclarationContext || ctx instanceof ToyParser.FunctionExpressionContext) {
            // Among the parameters: after the '(' and before the ')'.
            boolean inside = ctx.getToken(OPEN_PAREN, 0) != null && ctx.getToken(CLOSE_PAREN, 0) == null;
            return inside && between(parser, previous, next, true) ? IntervalSet.of(CLOSE_PAREN) : null;
        }
        if (ctx instanceof ToyParser.ForStatementContext || ctx instanceof ToyParser.ComprehensionForContext) {
            // Among the names, when an 'in' follows: `for i range(3)` lacks the 'in', not a comma.
            boolean inside = ctx.getToken(IN, 0) == null && inFollowsOnItsLine(parser, next);
            return inside && between(parser, previous, next, true) ? IntervalSet.of(IN) : null;
        }
        if ((ctx instanceof ToyParser.ProgramContext || ctx instanceof ToyParser.BlockContext) && ctx.getChildCount() > 0) {
            return afterStatement(parser, ctx.getChild(ctx.getChildCount() - 1), previous, next);
        }
        return null;
    }

    /**
     * For a statement that just ended at {@code previous}: a {@code let}'s names or values, or an
     * assignment's targets or values, when they hold a comma. (Several targets without an
     * operator are Parsing's to report.)
     */
    private static IntervalSet afterStatement(Parser parser, ParseTree last, Token previous, Token next) {
        IntervalSet endOfLine = IntervalSet.of(ToyLexer.NEWLINE);
        if (last instanceof ToyParser.LetStatementContext let && let.getStop() == previous
                && (let.names.size() > 1 || let.values.size() > 1)) {
            if (let.values.isEmpty()) {
                return between(parser, previous, next, true) ? endOfLine.or(IntervalSet.of(type("="))) : null;
            }
            return between(parser, previous, next, false) ? endOfLine : null;
        }
        if (last instanceof ToyParser.ExpressionStatementContext assignment && assignment.getStop() == previous
                && assignment.op != null && (assignment.targets.size() > 1 || assignment.values.size() > 1)) {
            return between(parser, previous, next, false) ? endOfLine : null;
        }
        return null;
    }

    /** Whether an {@code in} comes after {@code next} on its line, before any {@code '{'}. */
    private static boolean inFollowsOnItsLine(Parser parser, Token next) {
        // The parser has read only up to next: the rest of the line is read now (an error's path).
        BufferedTokenStream tokens = (BufferedTokenStream) parser.getInputStream();
        tokens.fill();
        for (int at = next.getTokenIndex() + 1; at < tokens.size(); at++) {
            Token t = tokens.get(at);
            if (t.getType() == Token.EOF || t.getType() == OPEN_BRACE || t.getLine() != next.getLine()) {
                return false;
            }
            if (t.getType() == IN) {
                return true;
            }
        }
        return false;
    }

    private static Token previous(Parser parser, Token next) {
        TokenStream tokens = parser.getInputStream();
        int at = next.getTokenIndex();
        return at > 0 ? tokens.get(at - 1) : null;
    }

    /** The token type of a keyword or punctuation. */
    private static int type(String literal) {
        for (int t = 1; t <= ToyLexer.VOCABULARY.getMaxTokenType(); t++) {
            if (("'" + literal + "'").equals(ToyLexer.VOCABULARY.getLiteralName(t))) {
                return t;
            }
        }
        throw new IllegalArgumentException("no token " + literal);
    }
}

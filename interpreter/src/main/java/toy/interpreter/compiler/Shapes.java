package toy.interpreter.compiler;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import toy.grammar.ToyLexer;
import toy.grammar.ToyParser;

/**
 * Recognizes expressions of a simple shape (a bare name, an int literal, a postfix chain) under
 * the layers of the precedence grammar, for assignment targets and fused instructions.
 * Each method returns null when the expression is not of that shape.
 */
final class Shapes {
    private Shapes() {
    }

    /** The postfix chain an expression consists of, with no operator around it. */
    static ToyParser.PostfixContext postfix(ToyParser.ExpressionContext e) {
        ToyParser.AdditiveContext additive = additive(e);
        return additive == null ? null : postfix(unary(additive));
    }

    /** The postfix chain an operand consists of, with no operator around it. */
    static ToyParser.PostfixContext postfix(ToyParser.AdditiveContext operand) {
        return postfix(unary(operand));
    }

    /** The NAME token of an operand that is just a name. */
    static Token name(ToyParser.AdditiveContext operand) {
        ToyParser.PostfixContext p = postfix(operand);
        if (p != null && p.trailer().isEmpty() && p.primary() instanceof ToyParser.NameReferenceContext name) {
            return name.NAME().getSymbol();
        }
        return null;
    }

    /** The index of the last of a postfix chain's trailers when that is {@code [i]}, not a slice. */
    static ToyParser.ExpressionContext lastIndex(List<ToyParser.TrailerContext> trailers) {
        return !trailers.isEmpty() && trailers.get(trailers.size() - 1) instanceof ToyParser.SubscriptTrailerContext subscript
                && subscript.slice == null ? subscript.lower : null;
    }

    /** The value of an int literal (possibly negated) that fits in 32 bits. */
    static Long smallInt(ToyParser.ExpressionContext e) {
        ToyParser.AdditiveContext additive = additive(e);
        return additive == null ? null : smallInt(additive);
    }

    static Long smallInt(ToyParser.AdditiveContext operand) {
        ToyParser.UnaryContext unary = unary(operand);
        boolean negate = unary instanceof ToyParser.NegationContext;
        Token literal = numberLiteral(negate ? ((ToyParser.NegationContext) unary).operand : unary);
        if (literal == null || literal.getType() != ToyLexer.INT) {
            return null;
        }
        Long value = Literals.integer(literal, negate, new ArrayList<>());
        return value != null && value == value.intValue() ? value : null;
    }

    /** The INT or FLOAT token of an operand that is just a number. */
    static Token numberLiteral(ToyParser.UnaryContext unary) {
        ToyParser.PostfixContext p = postfix(unary);
        if (p == null || !p.trailer().isEmpty()) {
            return null;
        }
        if (p.primary() instanceof ToyParser.IntLiteralContext i) {
            return i.INT().getSymbol();
        }
        if (p.primary() instanceof ToyParser.FloatLiteralContext f) {
            return f.FLOAT().getSymbol();
        }
        return null;
    }

    private static ToyParser.AdditiveContext additive(ToyParser.ExpressionContext e) {
        if (e.condition != null) {
            return null;
        }
        ToyParser.OrExpressionContext or = e.operand;
        if (or.operands.size() != 1 || or.operands.get(0).operands.size() != 1) {
            return null;
        }
        if (!(or.operands.get(0).operands.get(0) instanceof ToyParser.NotOperandContext not)) {
            return null;
        }
        ToyParser.ComparisonContext comparison = not.comparison();
        return comparison.operands.size() == 1 ? comparison.operands.get(0) : null;
    }

    private static ToyParser.UnaryContext unary(ToyParser.AdditiveContext additive) {
        if (additive.operands.size() != 1 || additive.operands.get(0).operands.size() != 1) {
            return null;
        }
        return additive.operands.get(0).operands.get(0);
    }

    private static ToyParser.PostfixContext postfix(ToyParser.UnaryContext unary) {
        if (unary instanceof ToyParser.UnaryOperandContext operand && operand.power().exponent == null) {
            return operand.power().base;
        }
        return null;
    }
}

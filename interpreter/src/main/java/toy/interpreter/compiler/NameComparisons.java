package toy.interpreter.compiler;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import toy.grammar.ToyParser;
import toy.runtime.ErrorKinds;
import toy.runtime.PythonNames;
import toy.runtime.Suggestions;

/**
 * Comparisons with {@code ==} or {@code !=} that are always false, and so always a mistake,
 * because of what they compare {@code type(x)} or {@code e.kind} with: both are names, a str,
 * from a fixed set (the types of LANGUAGE.md section 2, the kinds of section 6). Python compares
 * them with the type or the kind itself ({@code type(x) == int}, {@code e.kind == ValueError});
 * Python's names ({@code "dict"}), misspelt ones ({@code "ValueErorr"}) and {@code nil} never
 * match. Each is a compile error, at the name or the string, that says what to compare with:
 * the name itself; what Toy has for Python's name ({@link PythonNames}, which the VM's
 * NameError reads too): its type's name, or for an exception Toy has not the kinds it stands
 * for ({@code LookupError}: {@code KeyError} or {@code IndexError}), that a {@code catch} takes
 * every kind ({@code Exception}) or that none sees it ({@code KeyboardInterrupt}); else the
 * nearest name by CPython's "Did you mean" measure ({@link Suggestions#nearest}). For
 * {@code .kind} only where the value is certainly an error, a {@code catch}'s variable, but for
 * an error kind's own builtin ({@code ValueError}), which no {@code .kind} equals.
 */
final class NameComparisons {
    /**
     * What {@code type(x)} gives ({@code Values.typeName} and the {@code typeName()} of each kind
     * of value): TypeNamesTest checks it against a value of every class of value there is.
     */
    static final List<String> TYPE_NAMES = List.of("int", "float", "bool", "nil", "str", "list", "map", "range",
            "function", "builtin", "Thread", "Lock", "RLock", "Semaphore", "Condition", "Event", "Queue", "Pool",
            "Future", "Error");

    private final Resolver resolver;
    private final List<CompileError> errors;

    NameComparisons(Resolver resolver, List<CompileError> errors) {
        this.resolver = resolver;
        this.errors = errors;
    }

    /** Reports a comparison of {@code type(x)} or {@code e.kind} that is always false (see the class comment). */
    void check(ToyParser.ComparisonContext comparison) {
        String symbol = comparison.operators.get(0).getText();
        if (symbol.equals("==") || symbol.equals("!=")) {
            check(comparison.operands.get(0), comparison.operands.get(1));
            check(comparison.operands.get(1), comparison.operands.get(0));
        }
    }

    private void check(ToyParser.AdditiveContext describedOperand, ToyParser.AdditiveContext comparedOperand) {
        ToyParser.PostfixContext described = Shapes.postfix(describedOperand);
        ToyParser.PostfixContext compared = Shapes.postfix(comparedOperand);
        if (described == null || compared == null || !compared.trailer().isEmpty()) {
            return;
        }
        boolean type = isTypeCall(described);
        if (!type && !isKindAttribute(described)) {
            return;
        }
        // Any value's kind compared with an error kind's builtin is never equal; a string or another
        // name only when the value is certainly an error (a map's .kind is a TypeError when it runs).
        boolean known = type || isCaughtErrorsKind(described);
        List<String> names = type ? TYPE_NAMES : ErrorKinds.KINDS;
        String what = type ? "type(x) gives the name of x's type, a str" : "an error's kind is its name, a str";
        String noun = type ? "type" : "kind";
        if (compared.primary() instanceof ToyParser.NameReferenceContext reference
                && resolver.namesUndeclaredGlobal(reference.NAME().getSymbol())) {
            Token name = reference.NAME().getSymbol();
            if (names.contains(name.getText())) {
                error(name, what + ": compare it with \"" + name.getText() + "\"");
            } else if (known) {
                error(name, what + ", and no " + noun + " is named '" + name.getText() + "': "
                        + meant(name.getText(), type, kindExpression(described, type)));
            }
        } else if (known && compared.primary() instanceof ToyParser.NilLiteralContext nil) {
            error(nil.getStart(), (type ? "type(x)" : "an error's kind") + " is never nil: "
                    + (type ? "compare it with \"nil\"" : "it is a str"));
        } else if (known && compared.primary() instanceof ToyParser.StringLiteralContext literal) {
            Token string = literal.STRING().getSymbol();
            // A bad escape is reported where the literal itself is compiled: none of its value here.
            List<CompileError> escapes = new ArrayList<>();
            String value = Literals.string(string, escapes);
            if (escapes.isEmpty() && !names.contains(value)) {
                error(string, (type ? "type(x)" : "an error's kind") + " is never \"" + value + "\": "
                        + meant(value, type, kindExpression(described, type)));
            }
        }
    }

    /**
     * The kind of the value described: {@code e.kind} as written, or for {@code type(x)} the
     * source of x with {@code .kind} (in parentheses unless it is a name or a postfix expression);
     * {@code x.kind} when that source spans lines or holds a comment, which a one-line error
     * message cannot quote.
     */
    private static String kindExpression(ToyParser.PostfixContext described, boolean type) {
        if (!type) {
            return described.getText();
        }
        ToyParser.ArgumentsContext arguments = ((ToyParser.CallTrailerContext) described.trailer(0)).arguments();
        if (arguments == null || arguments.argument().size() != 1 || arguments.argument(0).name != null) {
            return "x.kind";
        }
        ToyParser.ExpressionContext value = arguments.argument(0).value;
        String source = value.getStart().getInputStream().getText(Interval.of(value.getStart().getStartIndex(),
                value.getStop().getStopIndex()));
        if (source.contains("\n") || source.contains("#")) {
            return "x.kind";
        }
        return (Shapes.postfix(value) != null ? source : "(" + source + ")") + ".kind";
    }

    /** {@code type(...)}, with {@code type} the builtin. */
    private boolean isTypeCall(ToyParser.PostfixContext p) {
        return p.primary() instanceof ToyParser.NameReferenceContext callee && callee.NAME().getText().equals("type")
                && resolver.namesUndeclaredGlobal(callee.NAME().getSymbol())
                && p.trailer().size() == 1 && p.trailer().get(0) instanceof ToyParser.CallTrailerContext;
    }

    /** {@code e.kind} where {@code e} is a {@code catch}'s variable. */
    private boolean isCaughtErrorsKind(ToyParser.PostfixContext p) {
        return p.trailer().size() == 1 && p.primary() instanceof ToyParser.NameReferenceContext reference
                && resolver.namesCaughtError(reference.NAME().getSymbol());
    }

    /** {@code something.kind}. */
    private static boolean isKindAttribute(ToyParser.PostfixContext p) {
        List<ToyParser.TrailerContext> trailers = p.trailer();
        return !trailers.isEmpty() && trailers.get(trailers.size() - 1) instanceof ToyParser.AttributeTrailerContext attribute
                && attribute.NAME().getText().equals("kind");
    }

    /**
     * What to compare with instead of name, compared with {@code type(x)} (type) or with a
     * caught error's {@code e.kind}; kindExpression is that {@code e.kind}, or {@code x.kind}
     * for {@code type(x)}: for an error kind's name compared with a type, that kind; else what
     * Toy has for Python's name ({@link PythonNames}), else the nearest name, else the list.
     */
    private static String meant(String name, boolean type, String kindExpression) {
        List<String> names = type ? TYPE_NAMES : ErrorKinds.KINDS;
        if (type) {
            for (String kind : ErrorKinds.KINDS) {
                if (kind.equalsIgnoreCase(name) && !kind.equals("Error")) {
                    return "an error's type is \"Error\", and " + kind + " is its kind: compare " + kindExpression
                            + " with \"" + kind + "\"";
                }
            }
        }
        PythonNames.Entry python = PythonNames.ofAnyCase(name);
        if (type && python != null && python.kinds() != null && python.kinds().isEmpty()) {
            return python.note(); // an exception no catch sees: no error compared has it
        }
        if (type && python != null && python.type() != null) {
            return "compare it with \"" + python.type() + "\"";
        }
        if (!type && python != null && python.kinds() != null) {
            return meantKinds(python, kindExpression);
        }
        String nearest = Suggestions.nearest(name, names);
        if (nearest != null) {
            return "compare it with \"" + nearest + "\"";
        }
        return "it is one of \"" + String.join("\", \"", names) + "\"";
    }

    /** What to do instead of comparing kindExpression with the name of an exception of Python's that Toy has not. */
    private static String meantKinds(PythonNames.Entry python, String kindExpression) {
        List<String> kinds = python.kinds();
        if (python.isEveryKind()) {
            String error = kindExpression.substring(0, kindExpression.lastIndexOf('.'));
            return "catch " + error + " catches every error, whatever its kind, so compare nothing"
                    + " (\"Error\" is only the kind of raise \"...\" and Error(...))";
        }
        if (kinds.isEmpty()) {
            return python.note();
        }
        String why = python.note() == null ? "" : python.note() + "; ";
        if (kinds.size() == 1) {
            return why + "compare it with \"" + kinds.get(0) + "\"";
        }
        return why + "compare with each: "
                + String.join(" or ", kinds.stream().map(k -> kindExpression + " == \"" + k + "\"").toList());
    }

    private void error(Token at, String message) {
        errors.add(new CompileError(at.getLine(), at.getCharPositionInLine() + 1, message));
    }
}

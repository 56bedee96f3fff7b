package toy.interpreter.compiler;

import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;
import toy.grammar.ToyLexer;
import toy.grammar.ToyParser;

/** Source text to parse tree, collecting every lexical and syntax error. */
final class Parsing {
    private Parsing() {
    }

    /**
     * Parses a script, adding its errors to {@code errors}. Returns null when the parser itself
     * found errors (the tree is then unfit for the later passes); lexical errors leave a sound tree.
     */
    static ToyParser.ProgramContext parse(SourceFile source, List<CompileError> errors) {
        ToyParser parser = parser(source.text(), source.name(), errors, true);
        ToyParser.ProgramContext tree = parser.program();
        return parser.getNumberOfSyntaxErrors() == 0 ? tree : null;
    }

    /**
     * Parses the expression of an f-string's field; {@code text} is padded with line breaks and
     * spaces so that its tokens have their positions in the file. Null after a syntax error.
     */
    static ToyParser.FieldExpressionContext parseField(String text, String name, List<CompileError> errors) {
        ToyParser parser = parser(text, name, errors, false);
        ToyParser.FieldExpressionContext tree = parser.fieldExpression();
        return parser.getNumberOfSyntaxErrors() == 0 ? tree : null;
    }

    private static ToyParser parser(String text, String name, List<CompileError> errors, boolean wholeFile) {
        ToyLexer lexer = new ToyLexer(CharStreams.fromString(text, name));
        lexer.removeErrorListeners();
        NewlineFilter tokens = new NewlineFilter(lexer, errors);
        ToyParser parser = new ToyParser(new CommonTokenStream(tokens));
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrors(errors, tokens, wholeFile));
        parser.setErrorHandler(new SyntaxErrors.Strategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.addParseListener(new TargetsWithoutOperator(parser));
        return parser;
    }

    /**
     * Reports {@code a, b} without an assignment operator after it: the grammar takes it as an
     * expression statement with an optional assignment, to decide on one token (Toy.g4). The
     * message names the token after the last expression and the one operator several targets
     * can take: "unexpected end of line, expected '='"; or, when that token could begin another
     * target, the comma too ({@link MissingComma}): "unexpected name 'c', expected ',' or '='
     * (a missing ',' before it?)". Reported while parsing, so that it
     * is a syntax error like the others, in their order and one per line.
     */
    private record TargetsWithoutOperator(ToyParser parser) implements ParseTreeListener {
        @Override
        public void exitEveryRule(ParserRuleContext ctx) {
            if (ctx instanceof ToyParser.ExpressionStatementContext statement && statement.op == null
                    && statement.targets.size() > 1) {
                Token next = parser.getCurrentToken();
                String message = "unexpected " + SyntaxErrors.describe(next);
                if (MissingComma.between(parser, statement.getStop(), next, false)) {
                    message += ", expected ',' or '='" + MissingComma.HINT;
                } else {
                    message += ", expected '='";
                }
                parser.notifyErrorListeners(next, message, null);
            }
        }

        @Override
        public void enterEveryRule(ParserRuleContext ctx) {
        }

        @Override
        public void visitTerminal(TerminalNode node) {
        }

        @Override
        public void visitErrorNode(ErrorNode node) {
        }
    }
}

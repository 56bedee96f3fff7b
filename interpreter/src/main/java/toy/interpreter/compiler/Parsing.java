package toy.interpreter.compiler;

import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
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
        ToyParser parser = parser(source.text(), source.name(), errors);
        ToyParser.ProgramContext tree = parser.program();
        return parser.getNumberOfSyntaxErrors() == 0 ? tree : null;
    }

    /**
     * Parses the expression of an f-string's field; {@code text} is padded with line breaks and
     * spaces so that its tokens have their positions in the file. Null after a syntax error.
     */
    static ToyParser.FieldExpressionContext parseField(String text, String name, List<CompileError> errors) {
        ToyParser parser = parser(text, name, errors);
        ToyParser.FieldExpressionContext tree = parser.fieldExpression();
        return parser.getNumberOfSyntaxErrors() == 0 ? tree : null;
    }

    private static ToyParser parser(String text, String name, List<CompileError> errors) {
        ToyLexer lexer = new ToyLexer(CharStreams.fromString(text, name));
        lexer.removeErrorListeners();
        NewlineFilter tokens = new NewlineFilter(lexer, errors);
        ToyParser parser = new ToyParser(new CommonTokenStream(tokens));
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrors(errors, tokens));
        parser.setErrorHandler(new SyntaxErrors.Strategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        return parser;
    }
}

package toy.interpreter.compiler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import toy.grammar.ToyParser;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Globals;

/**
 * Source to bytecode: parse, resolve names, generate code. Reports the errors it finds, the
 * first of each line: lexical and syntax errors, and, when the script parses, the errors of the
 * later passes.
 */
public final class Compiler {
    private Compiler() {
    }

    /** Compiles a script's top-level code; its globals get slots in {@code globals}. */
    public static Code compile(SourceFile source, Globals globals) throws CompileException {
        return compile(source, globals, -1);
    }

    /**
     * Compiles a REPL input: as {@link #compile}, and each expression statement of its
     * top-level code (not of the functions it defines) calls the global in slot
     * {@code displayHook} with its value, which the REPL defines to show the value's repr.
     */
    public static Code compileInteractive(SourceFile source, Globals globals, int displayHook) throws CompileException {
        return compile(source, globals, displayHook);
    }

    private static Code compile(SourceFile source, Globals globals, int displayHook) throws CompileException {
        List<CompileError> errors = new ArrayList<>();
        Code code = null;
        try {
            ToyParser.ProgramContext tree = Parsing.parse(source, errors);
            if (tree != null) {
                FormattedStrings formattedStrings = new FormattedStrings(source.name(), errors);
                Resolver resolver = new Resolver(globals, errors, formattedStrings);
                resolver.visit(tree);
                code = new CodeGenerator(source, resolver, formattedStrings, errors).displayingValues(displayHook).compileProgram(tree);
            }
        } catch (StackOverflowError e) {
            // The parser and both passes recurse once per level of nesting.
            errors.clear();
            errors.add(new CompileError(1, 1, "the program is nested too deeply to compile"));
        }
        if (!errors.isEmpty()) {
            throw new CompileException(source, firstPerLine(errors));
        }
        return code;
    }

    /**
     * The first error found on each line, in line and column order: the others on a line almost
     * always follow from it (a lexical error comes before the syntax error it causes).
     */
    private static List<CompileError> firstPerLine(List<CompileError> found) {
        Map<Integer, CompileError> first = new LinkedHashMap<>();
        for (CompileError e : found) {
            first.putIfAbsent(e.line(), e);
        }
        List<CompileError> errors = new ArrayList<>(first.values());
        errors.sort(Comparator.comparingInt(CompileError::line).thenComparingInt(CompileError::column));
        return errors;
    }
}

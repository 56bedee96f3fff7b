package toy.interpreter.compiler;

/** One error found while compiling: 1-based line and column. */
public record CompileError(int line, int column, String message) {
}

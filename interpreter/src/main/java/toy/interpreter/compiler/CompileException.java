package toy.interpreter.compiler;

import java.util.List;

/** Thrown when a script has compile errors; carries all of them, in source order. */
public final class CompileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SourceFile source;
    private final transient List<CompileError> errors;

    public CompileException(SourceFile source, List<CompileError> errors) {
        super(errors.size() + " compile error(s) in " + source.name(), null, false, false);
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    public List<CompileError> errors() {
        return errors;
    }

    /**
     * Every error as {@code FILE:LINE:COL: error: MESSAGE}, then the source line and a caret
     * under the column (tabs are kept so the caret lines up).
     */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (CompileError e : errors) {
            String text = source.line(e.line());
            sb.append(source.name()).append(':').append(e.line()).append(':').append(e.column())
                    .append(": error: ").append(e.message()).append('\n');
            sb.append(text).append('\n');
            for (int i = 0; i < e.column() - 1 && i < text.length(); i++) {
                sb.append(text.charAt(i) == '\t' ? '\t' : ' ');
            }
            sb.append("^\n");
        }
        return sb.toString();
    }
}

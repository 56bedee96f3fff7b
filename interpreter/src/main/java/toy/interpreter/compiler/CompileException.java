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

    /** The widest source line echoed whole; a longer one is cut to a window around the caret. */
    static final int MAX_ECHO = 120;

    /**
     * Every error as {@code FILE:LINE:COL: error: MESSAGE}, then the source line and a caret
     * under the column (tabs are kept so the caret lines up), then {@code hint: ...} when the
     * line is written as Python would write it, or the caret is under C's {@code &&}, {@code ||}
     * or {@code !} ({@link PythonHints}). A line longer than
     * {@link #MAX_ECHO} characters is echoed as a window of that width around the column,
     * with {@code ...} where it was cut.
     */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (CompileError e : errors) {
            sb.append(source.name()).append(':').append(e.line()).append(':').append(e.column())
                    .append(": error: ").append(e.message()).append('\n');
            String line = source.line(e.line());
            appendEcho(sb, line, e.column() - 1);
            String hint = PythonHints.forError(line, e.column(), e.message());
            if (hint != null) {
                sb.append("hint: ").append(hint).append('\n');
            }
        }
        return sb.toString();
    }

    private static void appendEcho(StringBuilder sb, String text, int caret) {
        if (text.length() > MAX_ECHO) {
            int from = Math.max(0, Math.min(caret - MAX_ECHO / 2, text.length() - MAX_ECHO));
            int to = Math.min(text.length(), from + MAX_ECHO);
            String head = from > 0 ? "..." : "";
            text = head + text.substring(from, to) + (to < text.length() ? "..." : "");
            caret += head.length() - from;
        }
        sb.append(text).append('\n');
        for (int i = 0; i < caret && i < text.length(); i++) {
            sb.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        sb.append("^\n");
    }
}

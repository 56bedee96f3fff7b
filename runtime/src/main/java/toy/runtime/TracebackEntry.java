package toy.runtime;

/**
 * One line of a Toy traceback: where a frame was when an error passed through it. As in
 * CPython 3.11, it may carry the source line and the columns (1-based, end exclusive, in code
 * points) of the part that failed, shown with carets under it; {@code source} is null and the
 * columns 0 where they are not known.
 */
public record TracebackEntry(String file, int line, String function, String source, int startColumn, int endColumn) {
    /** An entry without its source line. */
    public TracebackEntry(String file, int line, String function) {
        this(file, line, function, null, 0, 0);
    }

    /** The {@code File "x.toy", line 4, in f} line. */
    @Override
    public String toString() {
        return "  File \"" + file + "\", line " + line + ", in " + function;
    }

    /**
     * The source line, stripped, and carets under the failing part, each line indented and
     * ending in a newline; "" without a source line. Like CPython, no carets when they would
     * underline the whole stripped line.
     */
    public String sourceLines() {
        if (source == null || source.isBlank()) {
            return "";
        }
        int[] cps = source.codePoints().toArray();
        int first = 0;
        while (first < cps.length && Character.isWhitespace(cps[first])) {
            first++;
        }
        int last = cps.length;
        while (last > first && Character.isWhitespace(cps[last - 1])) {
            last--;
        }
        String stripped = new String(cps, first, last - first);
        StringBuilder sb = new StringBuilder("    ").append(stripped).append('\n');
        int start = startColumn - 1 - first;
        int end = Math.min(endColumn - 1, last) - first;
        boolean whole = start <= 0 && end >= last - first;
        if (startColumn > 0 && start >= 0 && end > start && !whole) {
            sb.append("    ").append(" ".repeat(start)).append("^".repeat(end - start)).append('\n');
        }
        return sb.toString();
    }
}

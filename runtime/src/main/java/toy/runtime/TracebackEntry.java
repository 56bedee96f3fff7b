package toy.runtime;

/** One line of a Toy traceback: where a frame was when an error passed through it. */
public record TracebackEntry(String file, int line, String function) {
    @Override
    public String toString() {
        return "  File \"" + file + "\", line " + line + ", in " + function;
    }
}

package toy.interpreter.repl;

import java.io.IOException;
import java.io.PrintStream;

/**
 * Where the REPL's lines come from: a terminal, with line editing and history ({@link
 * TerminalLines}), or anything else, read plainly ({@link PlainLines}), so that {@code toy repl
 * < file} works. Either shows its prompt on stderr, as CPython does.
 */
public interface LineSource extends AutoCloseable {
    /**
     * Shows {@code prompt} and reads a line, without its line break. Returns null at the end of
     * the input (Ctrl-D at a terminal). Throws {@link Cancelled} when Ctrl-C cancels the line
     * being typed, IOException when the input cannot be read.
     */
    String readLine(String prompt) throws Cancelled, IOException;

    /** Gives the terminal back as it was; the JVM thread blocked in {@link #readLine}, if any, may stay blocked. */
    @Override
    void close();

    /** Ctrl-C while a line was being typed: the line is dropped. */
    final class Cancelled extends Exception {
        private static final long serialVersionUID = 1L;

        public Cancelled() {
            super("KeyboardInterrupt", null, false, false);
        }
    }

    /**
     * A terminal's lines when standard input and output are a terminal (the JVM's {@link
     * System#console()}), otherwise standard input read plainly. {@code onInterrupt} runs at a
     * Ctrl-C (SIGINT) that the line source does not take to cancel the line being typed: at a
     * terminal, one that comes while no line is being read (a statement runs, or the REPL waits
     * for the threads at its end); when reading plainly, every one.
     */
    static LineSource forStandardInput(PrintStream prompts, Runnable onInterrupt) throws IOException {
        return System.console() != null ? new TerminalLines(onInterrupt) : new PlainLines(System.in, prompts, onInterrupt);
    }
}

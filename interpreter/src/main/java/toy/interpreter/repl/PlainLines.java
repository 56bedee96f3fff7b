package toy.interpreter.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Lines read from a pipe or a file (UTF-8), each prompt written to {@code prompts} first; no
 * editing. A plain read cannot be cancelled, so every SIGINT (Ctrl-C, {@code kill -INT}) runs
 * the REPL's {@code onInterrupt}; the handler it replaced is put back at {@link #close}. A
 * SIGINT that was ignored when the process started stays ignored (the JVM installs no handler
 * for it).
 */
public final class PlainLines implements LineSource {
    private static final Signal INT = new Signal("INT");

    private final BufferedReader in;
    private final PrintStream prompts;
    private final SignalHandler replaced;

    @SuppressWarnings("sunapi")
    public PlainLines(InputStream in, PrintStream prompts, Runnable onInterrupt) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.prompts = prompts;
        this.replaced = Signal.handle(INT, signal -> onInterrupt.run());
    }

    @Override
    public String readLine(String prompt) throws IOException {
        prompts.print(prompt);
        prompts.flush();
        return in.readLine();
    }

    /** Standard input stays open: the reading thread may still be blocked on it. */
    @Override
    @SuppressWarnings("sunapi")
    public void close() {
        Signal.handle(INT, replaced);
    }
}

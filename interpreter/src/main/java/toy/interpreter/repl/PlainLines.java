package toy.interpreter.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Lines read from a pipe or a file (UTF-8), each prompt written to {@code prompts} first; no editing. */
public final class PlainLines implements LineSource {
    private final BufferedReader in;
    private final PrintStream prompts;

    public PlainLines(InputStream in, PrintStream prompts) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.prompts = prompts;
    }

    @Override
    public String readLine(String prompt) throws IOException {
        prompts.print(prompt);
        prompts.flush();
        return in.readLine();
    }

    /** Standard input stays open: the reading thread may still be blocked on it. */
    @Override
    public void close() {
    }
}

package toy.interpreter.repl;

import java.io.IOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Lines typed at a terminal, read by JLine 3: line editing (arrows, Home, End, Ctrl-A/E/K/U/W,
 * as in readline), and the history of this session (up and down arrows, Ctrl-R). The prompt
 * and the echo of what is typed go to stderr, as CPython's do, so that stdout carries only the
 * program's output. Ctrl-C while typing drops the line; Ctrl-D on an empty line ends the input.
 */
public final class TerminalLines implements LineSource {
    private final Terminal terminal;
    private final LineReader reader;

    /** {@code onInterrupt}: what a Ctrl-C does while no line is being read. */
    public TerminalLines(Runnable onInterrupt) throws IOException {
        terminal = TerminalBuilder.builder()
                .system(true)
                .systemOutput(TerminalBuilder.SystemOutput.SysErr)
                .build();
        // Outside readLine (which handles Ctrl-C itself and then puts this handler back).
        terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("toy")
                .build();
        // '!' starts a history expansion in JLine's default, which would eat Toy's '!='.
        reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION);
        // Tab at the start of a line indents: there is nothing to complete.
        reader.setOpt(LineReader.Option.INSERT_TAB);
    }

    @Override
    public String readLine(String prompt) throws Cancelled {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw new Cancelled();
        } catch (EndOfFileException e) {
            // As CPython does: what comes next (the shell's prompt) starts on a line of its own.
            terminal.writer().println();
            terminal.flush();
            return null;
        }
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException e) {
            // The session is over; the terminal's settings are put back by JLine's own exit hook too.
        }
    }
}

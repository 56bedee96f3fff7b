package toy.interpreter.repl;

import java.io.IOError;
import java.io.IOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Lines typed at a terminal, read by JLine 3: line editing (arrows, Home, End, Ctrl-A/E/K/U/W,
 * as in readline), and the history of this session (up and down arrows, Ctrl-R). The prompt
 * and the echo of what is typed go to stderr, as CPython's do, so that stdout carries only the
 * program's output. Ctrl-C while typing drops the line; Ctrl-D on an empty line ends the input.
 *
 * <p>A terminal that reports a size of 0 (a pseudo-terminal nobody gave a size, as some CI
 * runners' are; {@code stty cols 0 rows 0}) is given the VT100's 80x24 for the session: JLine
 * draws the line being edited within the terminal's width, and with none it echoed nothing
 * that was typed. The size it had is put back at the end.
 */
public final class TerminalLines implements LineSource {
    /** The size given to a terminal that reports none: the VT100's, which xterm and tmux start with too. */
    private static final int DEFAULT_COLUMNS = 80;
    private static final int DEFAULT_ROWS = 24;

    private final Terminal terminal;
    private final LineReader reader;
    /** The size the terminal reported when it reported none, to put back; else null. */
    private final Size unsized;

    /** {@code onInterrupt}: what a Ctrl-C does while no line is being read. */
    public TerminalLines(Runnable onInterrupt) throws IOException {
        terminal = TerminalBuilder.builder()
                .system(true)
                .systemOutput(TerminalBuilder.SystemOutput.SysErr)
                .build();
        unsized = sized(terminal);
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

    /**
     * Gives the terminal 80 columns or 24 rows where it reports 0; returns the size it had
     * then, or null if it had one (or keeps none that can be set).
     */
    private static Size sized(Terminal terminal) {
        Size size = terminal.getSize();
        if (size.getColumns() > 0 && size.getRows() > 0) {
            return null;
        }
        try {
            terminal.setSize(given(size));
        } catch (IOError e) {
            // A terminal that refuses a size (the ioctl failed): JLine's own handling of none, as before.
            return null;
        }
        return size;
    }

    /** The size given to a terminal that reported {@code size}: 80 columns or 24 rows where it had 0. */
    private static Size given(Size size) {
        return new Size(size.getColumns() > 0 ? size.getColumns() : DEFAULT_COLUMNS,
                size.getRows() > 0 ? size.getRows() : DEFAULT_ROWS);
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
        // Only if the size is still the one given: a window resized meanwhile has a real one.
        if (unsized != null && terminal.getSize().equals(given(unsized))) {
            try {
                terminal.setSize(unsized);
            } catch (IOError e) {
                // The terminal keeps 80x24, which the next resize of its window replaces.
            }
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // The session is over; the terminal's settings are put back by JLine's own exit hook too.
        }
    }
}

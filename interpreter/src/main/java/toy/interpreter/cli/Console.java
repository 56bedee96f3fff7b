package toy.interpreter.cli;

import java.io.PrintStream;

/**
 * Where a command writes: the program's output, and diagnostics. {@code flushEachLine}: send
 * each complete line of output at once (a pipe or a terminal), not in large blocks (a file).
 * Tests pass their own streams.
 */
record Console(PrintStream out, PrintStream err, boolean flushEachLine) {
}

package toy.interpreter.cli;

import java.io.PrintStream;

/** Where a command writes: the program's output, and diagnostics. Tests pass their own streams. */
record Console(PrintStream out, PrintStream err, boolean interactive) {
}

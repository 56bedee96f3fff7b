package toy.interpreter.cli;

import toy.runtime.threads.Aborted;

/** The exit statuses of the {@code toy} command (CLI.md), the BSD sysexits values clox also uses. */
final class ExitStatus {
    private ExitStatus() {
    }

    static final int OK = 0;
    static final int USAGE = 2;
    static final int COMPILE_ERROR = 65;
    static final int NO_INPUT = 66;
    static final int RUNTIME_ERROR = Aborted.ERROR_STATUS;
}

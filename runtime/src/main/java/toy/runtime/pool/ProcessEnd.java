package toy.runtime.pool;

/**
 * How a child process ended, read from its {@link Process#exitValue()}: the JDK on Linux and
 * macOS reports a death by signal N as status 128 + N, as shells do ({@code $?} is 137 after
 * {@code kill -9}). A process that exits with such a status itself reads the same: a Toy
 * script's {@code exit(137)}, and Toy's own 130 after Ctrl-C and 141 when its standard
 * output's reader went away (when launch stops its processes itself in those two cases, it
 * reports nothing). The JVM ends with 143 on SIGTERM, which was a signal.
 */
public final class ProcessEnd {
    private static final String[] NAMES = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
        "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM"};

    private ProcessEnd() {
    }

    /**
     * The signal that killed a process whose exit status is {@code status}: "SIGKILL" for 137,
     * "signal 20" for one past SIGTERM (their numbers differ between systems); null when the
     * status is not 128 + N for a signal N from 1 to 31, so the process exited on its own.
     */
    public static String signal(int status) {
        if (status <= 128 || status >= 128 + 32) {
            return null;
        }
        int signal = status - 128;
        return signal < NAMES.length ? NAMES[signal] : "signal " + signal;
    }
}

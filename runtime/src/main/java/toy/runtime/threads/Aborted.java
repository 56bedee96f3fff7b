package toy.runtime.threads;

import java.util.Locale;

/**
 * Ends a whole run from whichever thread decides it (a deadlock, {@code exit()} in a thread):
 * every Toy thread throws it at its next check, it cannot be caught by a script, and the main
 * thread reports it and exits with its status.
 */
public final class Aborted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The exit status of a run that ends in an error: uncaught, a deadlock, or a bug in Toy (EX_SOFTWARE). */
    public static final int ERROR_STATUS = 70;
    /** The exit status after Ctrl-C: 128 + SIGINT, as shells report a process that SIGINT ended. */
    public static final int INTERRUPTED_STATUS = 130;
    /**
     * The exit status when standard output was closed by its reader ({@code toy p.toy | head -1}):
     * 128 + SIGPIPE, as shells report a Unix tool that SIGPIPE ended.
     */
    public static final int PIPE_CLOSED_STATUS = 141;
    /** The exit status when a write to standard output failed otherwise (a full disk): sysexits' EX_IOERR. */
    public static final int OUTPUT_ERROR_STATUS = 74;

    /** What ended the run; its {@link #key} is the {@code reason} of the trace's {@code aborted} records. */
    public enum Cause {
        /** Every thread was blocked and none could wake the others (a DeadlockError). */
        DEADLOCK,
        /** {@code exit()}, in any thread, or a stop from outside the program's threads that acts as one. */
        EXIT,
        /** Standard output's reader went away ({@link #PIPE_CLOSED_STATUS}). */
        PIPE_CLOSED,
        /** A write to standard output failed otherwise ({@link #OUTPUT_ERROR_STATUS}). */
        OUTPUT_ERROR,
        /** A bug in Toy itself, in a thread other than MainThread. */
        INTERNAL_ERROR;

        /** Its name in traces, as DropReason's: "deadlock", "exit", "pipe_closed", "output_error", "internal_error". */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Cause cause;
    private final int status;
    private final String report;

    /** report: printed to stderr when the run ends ("" for none). */
    public Aborted(Cause cause, int status, String report) {
        super(report, null, false, false);
        this.cause = cause;
        this.status = status;
        this.report = report;
    }

    public Cause cause() {
        return cause;
    }

    public int status() {
        return status;
    }

    public String report() {
        return report;
    }

    /** The one line that reports a bug in Toy itself instead of a Java stack trace; {@code where} is "" or " in Thread-N". */
    public static String internalError(String where, Throwable e) {
        return "toy: internal error" + where + ": " + e + " (this is a bug in Toy; please report it with the script that caused it)";
    }
}

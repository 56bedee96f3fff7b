package toy.runtime.threads;

/**
 * Ends a whole run from whichever thread decides it (a deadlock, {@code exit()} in a thread):
 * every Toy thread throws it at its next check, it cannot be caught by a script, and the main
 * thread reports it and exits with its status.
 */
public final class Aborted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String report;

    /** report: printed to stderr when the run ends ("" for none). */
    public Aborted(int status, String report) {
        super(report, null, false, false);
        this.status = status;
        this.report = report;
    }

    public int status() {
        return status;
    }

    public String report() {
        return report;
    }
}

package toy.interpreter.worker;

import java.io.IOException;
import java.io.InputStream;

/**
 * For a process that another Toy process started (a pool worker, a {@code toy launch} child):
 * its parent stops it, not the terminal. Ctrl-C sends SIGINT to the whole foreground process
 * group; the parent starts its children with SIGINT ignored ({@code JavaCommand.of}), so that
 * it handles it once and the children end when it does, not each with a KeyboardInterrupt.
 */
public final class ParentWatch {
    /** The status of a child whose parent went away; nobody reads it, shells report 128 + SIGHUP for the like. */
    static final int ORPHANED = 129;

    private ParentWatch() {
    }

    /**
     * Ends the process as soon as its stdin closes, which happens when the
     * parent ends in any way, SIGKILL included (the kernel closes the parent's end of the pipe).
     * For a process whose stdin is otherwise unused: a {@code toy launch} child. It exits as a
     * process that gets SIGTERM does: the shutdown hook ({@code Main}) completes its trace,
     * stats and timeline files, in at most a few seconds, so that Ctrl-C to {@code toy launch}
     * leaves each process's files whole.
     */
    public static void start() {
        Thread watch = new Thread(() -> {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // Nothing is sent on this pipe; reading only waits for it to close.
                }
            } catch (IOException e) {
                // A broken pipe means the same as its end.
            }
            System.exit(ORPHANED);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}

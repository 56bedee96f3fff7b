package toy.interpreter.repl;

import toy.runtime.threads.KeyboardInterrupt;
import toy.runtime.threads.ThreadState;

/**
 * Where Ctrl-C goes while the REPL's loop runs (CLI.md): to the REPL's own thread, MainThread,
 * as a {@link KeyboardInterrupt} it raises at its next checkpoint or wait, so that only the
 * statement running is interrupted and the session goes on (the other threads run on). Before
 * the loop starts and after it ends (the session waits for its threads, as at the end of a
 * script) there is no such thread and Ctrl-C ends the run, as it ends a script.
 */
public final class ReplInterrupt {
    /** MainThread while the loop runs, else null; guarded by this. */
    private ThreadState thread;

    /** The loop starts on {@code main}: Ctrl-C interrupts it from now on. */
    synchronized void open(ThreadState main) {
        thread = main;
    }

    /**
     * The loop ended: Ctrl-C no longer interrupts it, and a request it has not seen is
     * dropped, so that it cannot be raised in the session's final wait for its threads.
     */
    synchronized void close() {
        if (thread != null) {
            KeyboardInterrupt.withdraw(thread);
            thread = null;
        }
    }

    /**
     * Ctrl-C, from the signal handler's thread: asks the loop's thread to raise
     * KeyboardInterrupt. Returns false, asking nothing, when the loop does not run.
     */
    public synchronized boolean deliver() {
        if (thread == null) {
            return false;
        }
        KeyboardInterrupt.request(thread);
        return true;
    }
}

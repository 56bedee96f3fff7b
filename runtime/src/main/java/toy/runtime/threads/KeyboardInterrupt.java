package toy.runtime.threads;

import toy.runtime.ToyError;

/**
 * Ctrl-C delivered to one Toy thread, as CPython delivers SIGINT to its main thread only: the
 * REPL's signal handler calls {@link #request} for its MainThread (other threads run on), and
 * the thread raises a {@code KeyboardInterrupt} error where it next looks: at the GIL's
 * checkpoint (every switch interval of instructions, with {@code --gil off} too) or in {@link
 * Scheduler}'s blocking helper, which the request wakes at once (sleep, join, Lock, Queue,
 * Event, Condition, a Pool's reply). The error unwinds frames like any other, so its traceback
 * shows where the thread was; {@code with} blocks release what they hold on the way, but no
 * {@code catch} block catches it (as Python's {@code except Exception} does not), so that a
 * loop that catches every error stays interruptible.
 */
public final class KeyboardInterrupt {
    /** The error kind, as Python names the exception. */
    public static final String KIND = "KeyboardInterrupt";

    private KeyboardInterrupt() {
    }

    /**
     * Asks {@code thread} to raise KeyboardInterrupt at its next checkpoint or wait, and wakes
     * it if it waits in the scheduler. Callable from any JVM thread (a signal handler).
     */
    public static void request(ThreadState thread) {
        thread.interruptPending = true;
        // Wakes every waiter to look again; the interrupted one then sees its request.
        thread.scheduler.changed();
    }

    /** Drops a request the thread has not seen yet (the REPL's loop ended before it looked). */
    public static void withdraw(ThreadState thread) {
        thread.interruptPending = false;
    }

    /** True when a request waits for {@code thread} to see it. */
    static boolean pending(ThreadState thread) {
        return thread.interruptPending;
    }

    /** Raises KeyboardInterrupt on the calling thread, {@code me}, if it was asked to; the request is then used up. */
    static void raiseIfRequested(ThreadState me) {
        if (me.interruptPending) {
            me.interruptPending = false;
            throw new ToyError(KIND, "");
        }
    }

    /** True for the error Ctrl-C raised, which {@code catch} does not catch. */
    public static boolean is(ToyError error) {
        return KIND.equals(error.kind());
    }
}

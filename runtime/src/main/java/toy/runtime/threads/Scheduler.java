package toy.runtime.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import toy.runtime.TracebackEntry;

/**
 * The threads of one program and everything they block on. Every Toy primitive (Lock,
 * Semaphore, Queue, join) waits on this one monitor, which makes deadlock detection exact:
 * when a thread is about to wait and every other live thread is already waiting here (none
 * running, none waiting for the GIL, none sleeping), nothing can ever wake any of them, and
 * the run stops with {@link Aborted} carrying a DeadlockError report.
 *
 * <p>A change that might let a waiter go on ({@link #changed}) marks all waiters runnable
 * before waking them, so a thread that was woken but has not yet looked again never counts
 * as blocked: there are no false alarms.
 */
public final class Scheduler {
    private final Object monitor = new Object();
    private final List<ThreadState> live = new ArrayList<>();
    private volatile Aborted aborted;
    private Gil gil;
    private int threadsStarted;

    /** The GIL is made after the scheduler it reports aborts to. */
    public void setGil(Gil gil) {
        this.gil = gil;
    }

    /** A new thread's state, counted as live (and runnable) from now on. */
    public ThreadState register(String name, Supplier<TracebackEntry> location) {
        synchronized (monitor) {
            ThreadState state = new ThreadState(name, gil, this, location);
            live.add(state);
            return state;
        }
    }

    /** The name of the next spawned thread: Thread-1, Thread-2, ... */
    public String nextThreadName() {
        synchronized (monitor) {
            return "Thread-" + ++threadsStarted;
        }
    }

    /** The thread ended: it no longer counts, and whoever joins it may go on. */
    public void finished(ThreadState state) {
        synchronized (monitor) {
            state.setState(ThreadState.State.FINISHED);
            live.remove(state);
            changed();
        }
    }

    /**
     * Waits, with the GIL released, until {@code ready} returns true. {@code ready} runs under
     * this scheduler's monitor, so it may test and take a resource in one step. {@code what}
     * names the wait for a deadlock report ("acquire Lock (race.toy:3)").
     */
    public void await(ThreadState me, String what, BooleanSupplier ready) {
        checkAborted();
        synchronized (monitor) {
            if (ready.getAsBoolean()) {
                return;
            }
        }
        gil.release(me);
        try {
            synchronized (monitor) {
                while (!ready.getAsBoolean()) {
                    checkAborted();
                    me.blockOn(what);
                    if (everyThreadBlocked()) {
                        throw abort(new Aborted(Aborted.ERROR_STATUS, deadlockReport()));
                    }
                    monitor.wait();
                }
                me.setState(ThreadState.State.WAITING_FOR_GIL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (aborted == null) {
                gil.acquire(me);
            }
        }
        // An abort may also be what made `ready` true (a joined thread that was stopped).
        checkAborted();
    }

    /**
     * {@link #await} for a wait that an event from outside the program's threads ends (a pool
     * worker's reply, a timer), like {@link #sleep}: the waiter never counts towards a deadlock.
     * Whoever delivers the event calls {@link #changed}.
     */
    public void awaitOutside(ThreadState me, String what, BooleanSupplier ready) {
        me.wokenFromOutside = true;
        try {
            await(me, what, ready);
        } finally {
            me.wokenFromOutside = false;
        }
    }

    /** True when the calling thread is the only live one; for MainThread's final wait. */
    public boolean onlyOneLeft() {
        synchronized (monitor) {
            return live.size() == 1;
        }
    }

    /** Sleeps with the GIL released. A sleeping thread will wake by itself: it never counts as deadlocked. */
    public void sleep(ThreadState me, long nanos) {
        gil.release(me);
        try {
            me.setState(ThreadState.State.SLEEPING);
            long end = System.nanoTime() + nanos;
            for (long left = nanos; left > 0; left = end - System.nanoTime()) {
                checkAborted();
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checkAborted();
        } finally {
            gil.acquire(me);
        }
        checkAborted();
    }

    /** Call, under the monitor or not, after anything that may let a waiter go on. */
    public void changed() {
        synchronized (monitor) {
            for (ThreadState t : live) {
                if (t.state() == ThreadState.State.BLOCKED) {
                    t.setState(ThreadState.State.WAITING_FOR_GIL);
                }
            }
            monitor.notifyAll();
        }
    }

    /** Runs an action under the monitor, for primitives that change state without waiting. */
    public <T> T locked(Supplier<T> action) {
        synchronized (monitor) {
            return action.get();
        }
    }

    /** Ends the run from any thread (exit(), a deadlock): every Toy thread stops at its next check. */
    public Aborted abort(Aborted reason) {
        synchronized (monitor) {
            if (aborted == null) {
                aborted = reason;
            }
            monitor.notifyAll();
        }
        gil.wakeAll();
        return aborted;
    }

    /** Throws the abort, if there was one; called wherever a thread waits or checks in. */
    public void checkAborted() {
        Aborted a = aborted;
        if (a != null) {
            throw a;
        }
    }

    private boolean everyThreadBlocked() {
        for (ThreadState t : live) {
            if (t.state() != ThreadState.State.BLOCKED || t.wokenFromOutside) {
                return false;
            }
        }
        return true;
    }

    private String deadlockReport() {
        StringBuilder sb = new StringBuilder("DeadlockError: every thread is blocked and none can wake the others\n");
        for (ThreadState t : live) {
            sb.append("  ").append(t.name).append(" waits to ").append(t.blockedOn())
                    .append(" at ").append(t.blockedLine()).append('\n');
        }
        return sb.toString();
    }
}

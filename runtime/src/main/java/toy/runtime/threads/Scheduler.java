package toy.runtime.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import toy.runtime.TracebackEntry;
import toy.runtime.observe.BlockedThread;
import toy.runtime.observe.ContentionStats;
import toy.runtime.observe.Observer;
import toy.runtime.observe.UnblockReason;

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
 *
 * <p>When the run is observed, this is also where threads get their {@link
 * toy.runtime.observe.ThreadTrack} and where {@code block}, {@code unblock}, {@code aborted},
 * {@code deadlock}, {@code thread_start} and {@code thread_end} trace events and the
 * primitives' contention counts come from.
 */
public final class Scheduler {
    private final Object monitor = new Object();
    private final List<ThreadState> live = new ArrayList<>();
    private volatile Aborted aborted;
    private Gil gil;
    private int threadsStarted;
    private Observer observer;

    /** The GIL is made after the scheduler it reports aborts to. */
    public void setGil(Gil gil) {
        this.gil = gil;
    }

    /** Observes the run (trace, stats, timeline); called before the first thread registers. */
    public void observe(Observer observer) {
        this.observer = observer;
    }

    /** A new thread's state, counted as live (and runnable) from now on. */
    public ThreadState register(String name, Supplier<TracebackEntry> location) {
        synchronized (monitor) {
            ThreadState state = new ThreadState(name, gil, this, location);
            if (observer != null) {
                state.track = observer.track(name, state::counters);
            }
            live.add(state);
            return state;
        }
    }

    /**
     * The contention counters of a new primitive (Lock, Semaphore, Queue, ...), to pass to
     * {@link #await}; listed in the stats when the run is observed.
     *
     * @param kind "Lock"; {@code name} the script's name for it or null; {@code site} the file:line that created it
     */
    public ContentionStats contention(String kind, String name, String site) {
        return observer != null ? observer.contention(kind, name, site) : new ContentionStats(kind, name, site);
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
            if (state.track != null) {
                state.track.ended();
            }
            state.setState(ThreadState.State.FINISHED);
            live.remove(state);
            changed();
        }
    }

    /** A timeout meaning "wait as long as it takes". */
    public static final long FOREVER = -1;

    /**
     * Waits, with the GIL released, until {@code ready} returns true. {@code ready} runs under
     * this scheduler's monitor, so it may test and take a resource in one step. {@code what}
     * names the wait for a deadlock report ("acquire Lock (race.toy:3)").
     */
    public void await(ThreadState me, String what, BooleanSupplier ready) {
        waitUntil(me, () -> what, null, FOREVER, false, ready);
    }

    /**
     * Waits for a primitive, with the GIL released, until {@code ready} returns true or
     * {@code timeoutNanos} have passed ({@link #FOREVER}: no limit; 0: do not wait at all).
     * Counts the acquisition in {@code primitive}'s counters, as contended (with how long it
     * waited, in nanoseconds) when {@code ready} was not true at once. {@code what} is asked
     * when a report needs it, so it can name a lock's holder at that moment.
     *
     * @return true when {@code ready} came true, false when the timeout ran out first
     */
    public boolean await(ThreadState me, Supplier<String> what, ContentionStats primitive, long timeoutNanos,
            BooleanSupplier ready) {
        return waitUntil(me, what, primitive, timeoutNanos, false, ready);
    }

    /**
     * {@link #await} for a wait that an event from outside the program's threads ends (a pool
     * worker's reply, a timer), like {@link #sleep}: the waiter never counts towards a deadlock.
     * Whoever delivers the event calls {@link #changed}.
     *
     * @return true when {@code ready} came true, false when {@code timeoutNanos} ran out first
     */
    public boolean awaitOutside(ThreadState me, String what, long timeoutNanos, BooleanSupplier ready) {
        return waitUntil(me, () -> what, null, timeoutNanos, true, ready);
    }

    /** Sleeps with the GIL released. A sleeping thread will wake by itself: it never counts as deadlocked. */
    public void sleep(ThreadState me, long nanos) {
        waitUntil(me, null, null, nanos, true, () -> false);
    }

    /**
     * The one blocking helper every wait of a Toy thread goes through (LANGUAGE.md section 7):
     * it gives the GIL up, tells the deadlock detector, the stats and the timeline what the
     * thread is doing, waits on this scheduler's monitor until {@code ready} or the timeout,
     * and takes the GIL again. A wait with a timeout, or one that something outside wakes,
     * never counts towards a deadlock. {@code what} null means sleep(). Ctrl-C's {@link
     * KeyboardInterrupt} ends the wait at once and is raised here.
     */
    private boolean waitUntil(ThreadState me, Supplier<String> what, ContentionStats primitive, long timeoutNanos,
            boolean outside, BooleanSupplier ready) {
        checkAborted();
        boolean sleeping = what == null;
        if (!sleeping) {
            synchronized (monitor) {
                if (ready.getAsBoolean()) {
                    if (primitive != null) {
                        primitive.acquired(false, 0);
                    }
                    return true;
                }
                if (timeoutNanos == 0) {
                    return false;
                }
            }
        }
        long start = System.nanoTime();
        gil.release(me);
        boolean done = false;
        try {
            synchronized (monitor) {
                me.wokenFromOutside = outside || timeoutNanos != FOREVER;
                me.inWait = true;
                me.waitingFor = primitive;
                me.waitStartNanos = start;
                if (me.track != null) {
                    if (sleeping) {
                        me.track.block("sleep", null, me.lineHere());
                    } else {
                        me.blockOn(what);
                        me.track.block(what.get(), primitive == null ? null : primitive.site(), me.blockedLine());
                    }
                }
                while (!(done = ready.getAsBoolean())) {
                    if (aborted != null) {
                        break;
                    }
                    if (KeyboardInterrupt.pending(me)) {
                        break;
                    }
                    long left = timeoutNanos == FOREVER ? 0 : timeoutNanos - (System.nanoTime() - start);
                    if (timeoutNanos != FOREVER && left <= 0) {
                        break;
                    }
                    if (sleeping) {
                        me.setState(ThreadState.State.SLEEPING);
                    } else {
                        // Again at every turn: changed() marks waiters runnable before it wakes them.
                        me.blockOn(what);
                        if (everyThreadBlocked()) {
                            deadlocked(me);
                            break;
                        }
                    }
                    if (timeoutNanos == FOREVER) {
                        monitor.wait();
                    } else {
                        TimeUnit.NANOSECONDS.timedWait(monitor, left);
                    }
                }
                me.wokenFromOutside = false;
                if (aborted != null) {
                    // The abort ended the wait (abort() said so, unless the wait began after it),
                    // or made `ready` true (a joined thread that it stopped): not an unblock, and
                    // the thread does not go on to wait for the GIL.
                    if (me.inWait) {
                        abandonWait(me, aborted);
                    }
                } else {
                    // A sleep waits for nothing but its time (ready is never true): over, it is ready.
                    UnblockReason reason = done ? UnblockReason.READY : KeyboardInterrupt.pending(me) ? UnblockReason.INTERRUPT
                            : sleeping ? UnblockReason.READY : UnblockReason.TIMEOUT;
                    if (primitive != null) {
                        if (reason == UnblockReason.READY) {
                            primitive.acquired(true, System.nanoTime() - start);
                        } else {
                            primitive.gaveUp(System.nanoTime() - start);
                        }
                    }
                    if (me.track != null) {
                        me.track.unblock(reason);
                    }
                    me.setState(ThreadState.State.WAITING_FOR_GIL);
                }
                me.inWait = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (monitor) {
                me.inWait = false;
            }
        } finally {
            if (aborted == null) {
                gil.acquire(me);
            }
        }
        // An abort may also be what made `ready` true (a joined thread that was stopped).
        checkAborted();
        if (!done) {
            // Ctrl-C ends the wait; a wait that succeeded keeps what it took, and the interrupt comes at the next checkpoint.
            KeyboardInterrupt.raiseIfRequested(me);
        }
        return done;
    }

    /**
     * True when the calling thread is the only live one: for MainThread's final wait, and for
     * the JIT, which compiles loops differently while other threads live.
     */
    public boolean onlyOneLeft() {
        synchronized (monitor) {
            return live.size() == 1;
        }
    }

    /** Call, under the monitor or not, after anything that may let a waiter go on. */
    public void changed() {
        synchronized (monitor) {
            // After an abort a waiter wakes only to end: it is not counted runnable.
            if (aborted == null) {
                for (ThreadState t : live) {
                    if (t.state() == ThreadState.State.BLOCKED) {
                        t.wake();
                    }
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

    /**
     * Ends the run from any thread (exit(), a deadlock): every Toy thread stops at its next check.
     * Every wait in progress ends now, with an {@code aborted} trace record for its thread, so
     * that no trace or timeline shows a waiter as having got what it waited for.
     */
    public Aborted abort(Aborted reason) {
        synchronized (monitor) {
            if (aborted == null) {
                aborted = reason;
                for (ThreadState t : live) {
                    if (t.inWait) {
                        abandonWait(t, reason);
                    }
                    t.inWait = false;
                }
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

    /**
     * A wait that the abort ends without what it waited for: its thread's {@code aborted} trace
     * record, and the primitive's count of waits given up. Under the monitor, so that the stats
     * have it whenever the aborted thread runs on.
     */
    private static void abandonWait(ThreadState t, Aborted reason) {
        if (t.track != null) {
            t.track.aborted(reason.cause().key(), reason.report());
        }
        if (t.waitingFor != null) {
            t.waitingFor.gaveUp(System.nanoTime() - t.waitStartNanos);
        }
    }

    /**
     * {@code me}, the last live thread to block, found every thread blocked: aborts the run with
     * a DeadlockError report, and tells the observer, if any, which threads wait for what.
     */
    private void deadlocked(ThreadState me) {
        List<BlockedThread> blocked = new ArrayList<>();
        StringBuilder report = new StringBuilder("DeadlockError: every thread is blocked and none can wake the others\n");
        for (ThreadState t : live) {
            BlockedThread b = new BlockedThread(t.name, t.blockedOn(), t.blockedLine());
            blocked.add(b);
            report.append("  ").append(b.thread()).append(" waits to ").append(b.waitsAt()).append('\n');
        }
        if (observer != null) {
            observer.deadlock(me.name, blocked);
        }
        abort(new Aborted(Aborted.Cause.DEADLOCK, Aborted.ERROR_STATUS, report.toString()));
    }
}

package toy.runtime.threads;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import toy.runtime.ContainerLocks;
import toy.runtime.observe.DropReason;

/**
 * The global interpreter lock: only the thread that holds it executes bytecode.
 *
 * <p><b>The algorithm</b> (after CPython's {@code ceval_gil.c}). The GIL is a {@code holder}
 * field guarded by an internal lock, with two conditions: {@code released} wakes threads
 * waiting to take the GIL, {@code taken} wakes a thread that dropped it and waits for someone
 * else to take it. A running thread counts down a budget of instructions in the interpreter
 * loop (one decrement and one branch per instruction) and calls {@link #checkpoint} when it
 * reaches zero. What happens there depends on the switch interval:
 * <ul>
 *   <li><b>Count</b> ({@code --switch-interval N}, CPython 2's check interval): the budget is
 *       N instructions; at the checkpoint the holder drops the GIL if any thread waits.</li>
 *   <li><b>Time</b> ({@code --switch-interval 5ms}, CPython 3): a waiting thread waits that long
 *       on {@code released}; if the GIL has not changed hands meanwhile, it sets
 *       {@code dropRequested}. The holder checks the flag every {@link #TIME_MODE_BUDGET}
 *       instructions, so it drops within microseconds of the request.</li>
 * </ul>
 * How a holder drops is the policy:
 * <ul>
 *   <li>{@link Policy#HANDOFF} (CPython's FORCE_SWITCHING): release, then wait on {@code taken}
 *       until another thread has taken the GIL, then queue up for it again. Two CPU-bound
 *       threads alternate once per interval.</li>
 *   <li>{@link Policy#UNFAIR} (CPython 2): release and compete again at once. The dropping
 *       thread is already running and usually wins before the woken waiter is scheduled, so
 *       waiters starve: the "GIL battle".</li>
 *   <li>{@link Policy#OFF} (free-threaded): there is no lock; every call returns at once.</li>
 * </ul>
 * A thread that blocks (sleep, join, Lock, Queue ...) releases the GIL first and takes it again
 * afterwards ({@link Scheduler} does this). Every change of hands updates the threads'
 * {@link ThreadState} counters and, when the run is observed, writes the trace events
 * ({@code gil_wait}, {@code gil_acquire}, {@code gil_drop}) through the thread's track; nothing
 * else of the GIL runs per instruction.
 */
public final class Gil {
    public enum Policy { HANDOFF, UNFAIR, OFF }

    /** Instructions between two looks at {@code dropRequested} in time mode. */
    static final int TIME_MODE_BUDGET = 64;
    /**
     * With no GIL there is nothing to check but an abort, yet the check stays as frequent as
     * in time mode: a budget that never ran out while the JIT profiled the loop got compiled
     * as a never-taken branch, and the deoptimization and second compile that followed cost
     * the 2-thread countdown about 20 ms.
     */
    private static final int NO_GIL_BUDGET = TIME_MODE_BUDGET;

    private final Policy policy;
    private final Scheduler scheduler;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final Condition taken = lock.newCondition();
    private ThreadState holder;
    private ThreadState lastHolder;
    private long holderSince;
    /** How many times the GIL went to a different thread than the one that held it last. */
    private long handovers;
    private volatile int waiting;
    private volatile boolean dropRequested;
    /** Exactly one of these is in force: instructions (> 0) or nanoseconds (> 0). */
    private volatile int intervalInstructions;
    private volatile long intervalNanos;

    public Gil(Policy policy, Scheduler scheduler) {
        this.policy = policy;
        this.scheduler = scheduler;
        if (policy == Policy.OFF) {
            ContainerLocks.require();
        }
    }

    /** The policy in force: handoff, unfair or off. */
    public Policy policy() {
        return policy;
    }

    /** CPython 2's check interval: drop after this many instructions if a thread waits. */
    public void setIntervalInstructions(int instructions) {
        if (instructions < 1) {
            throw new IllegalArgumentException("switch interval must be at least 1 instruction");
        }
        intervalInstructions = instructions;
        intervalNanos = 0;
        wakeAll();
    }

    /** CPython 3's switch interval: a thread that waited this long asks the holder to drop. */
    public void setIntervalNanos(long nanos) {
        if (nanos < 1) {
            throw new IllegalArgumentException("switch interval must be positive");
        }
        intervalNanos = nanos;
        intervalInstructions = 0;
        // Waiters in count mode wait without a timeout: let them see the new mode.
        wakeAll();
    }

    /** The interval in instructions, or 0 when it is a duration. */
    public int intervalInstructions() {
        return intervalInstructions;
    }

    /** The interval in nanoseconds, or 0 when it counts instructions. */
    public long intervalNanos() {
        return intervalNanos;
    }

    /** How many instructions a thread runs before its next {@link #checkpoint}. */
    public int budget() {
        if (policy == Policy.OFF) {
            return NO_GIL_BUDGET;
        }
        int instructions = intervalInstructions;
        return instructions > 0 ? instructions : TIME_MODE_BUDGET;
    }

    /** How many times the GIL changed hands. */
    public long handovers() {
        lock.lock();
        try {
            return handovers;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until the calling thread holds the GIL. */
    public void acquire(ThreadState me) {
        if (policy == Policy.OFF) {
            me.setState(ThreadState.State.RUNNING);
            return;
        }
        lock.lock();
        try {
            if (holder == null) {
                take(me, false, 0);
                scheduler.checkAborted();
                return;
            }
            waiting++;
            if (me.track != null) {
                me.track.gilWait();
            }
            waitAndTake(me, System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /** With the internal lock held and {@code me} counted in {@code waiting}: wait for the GIL and take it. */
    private void waitAndTake(ThreadState me, long start) {
        me.setState(ThreadState.State.WAITING_FOR_GIL);
        try {
            long handoversSeen = handovers;
            while (holder != null) {
                scheduler.checkAborted();
                long nanos = intervalNanos;
                if (nanos > 0) {
                    boolean timedOut = released.awaitNanos(nanos) <= 0;
                    // Asked only if nobody got the GIL during the whole wait, as CPython does.
                    if (timedOut && holder != null && handovers == handoversSeen) {
                        dropRequested = true;
                    }
                    handoversSeen = handovers;
                } else {
                    released.await();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.checkAborted();
        } finally {
            waiting--;
        }
        take(me, true, System.nanoTime() - start);
    }

    /** Gives the GIL up because the thread blocks. */
    public void release(ThreadState me) {
        if (policy == Policy.OFF) {
            return;
        }
        lock.lock();
        try {
            giveUp(me);
            me.dropsForBlocking++;
            if (me.track != null) {
                me.track.gilDrop(DropReason.BLOCKING);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives the GIL up, if this thread holds it, because the thread ends (normally or aborted). */
    public void releaseAtEnd(ThreadState me) {
        if (policy == Policy.OFF) {
            return;
        }
        lock.lock();
        try {
            if (holder == me) {
                giveUp(me);
                if (me.track != null) {
                    me.track.gilDrop(DropReason.THREAD_END);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called by the interpreter when its budget runs out. Drops the GIL if the interval says
     * so and takes it again; returns the next budget. Raises KeyboardInterrupt when Ctrl-C
     * asked this thread to.
     */
    public int checkpoint(ThreadState me) {
        scheduler.checkAborted();
        KeyboardInterrupt.raiseIfRequested(me);
        if (policy == Policy.OFF) {
            return NO_GIL_BUDGET;
        }
        boolean drop = intervalNanos > 0 ? dropRequested : waiting > 0;
        if (drop) {
            dropAndTakeAgain(me);
        }
        return budget();
    }

    private void dropAndTakeAgain(ThreadState me) {
        lock.lock();
        try {
            long start = System.nanoTime();
            giveUp(me);
            me.dropsAtInterval++;
            if (me.track != null) {
                me.track.gilDrop(intervalNanos > 0 ? DropReason.REQUEST : DropReason.INTERVAL);
            }
            if (policy == Policy.UNFAIR) {
                // Compete again at once, outside the internal lock, so a woken waiter can
                // win now and then: the operating system decides, as in CPython 2.
                lock.unlock();
                try {
                    acquire(me);
                } finally {
                    lock.lock();
                }
                return;
            }
            // Counted as waiting from the moment it drops, so the next holder offers the GIL
            // back at its own next checkpoint, not only once this thread has woken up again.
            waiting++;
            if (me.track != null) {
                me.track.gilWait();
            }
            boolean counted = true;
            try {
                long before = handovers;
                while (handovers == before && waiting > 1) {
                    scheduler.checkAborted();
                    taken.await(10, TimeUnit.MILLISECONDS);
                }
                counted = false;
                waitAndTake(me, start);
            } finally {
                if (counted) {
                    waiting--;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.checkAborted();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every thread waiting in here, so that each looks again: at an abort, or at a new interval. */
    void wakeAll() {
        lock.lock();
        try {
            released.signalAll();
            taken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void take(ThreadState me, boolean contended, long waitedNanos) {
        holder = me;
        holderSince = System.nanoTime();
        if (lastHolder != me) {
            handovers++;
            lastHolder = me;
        }
        dropRequested = false;
        me.acquisitions++;
        if (contended) {
            me.contendedAcquisitions++;
            me.waitNanos += waitedNanos;
            me.longestWaitNanos = Math.max(me.longestWaitNanos, waitedNanos);
        }
        if (me.track != null) {
            me.track.gilAcquire(waitedNanos);
        }
        me.setState(ThreadState.State.RUNNING);
        taken.signalAll();
    }

    private void giveUp(ThreadState me) {
        if (holder != me) {
            throw new IllegalStateException(me.name + " released the GIL without holding it");
        }
        me.holdNanos += System.nanoTime() - holderSince;
        holder = null;
        released.signal();
    }
}

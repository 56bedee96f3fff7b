package toy.runtime.threads;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import toy.runtime.ContainerLocks;
import toy.runtime.observe.DropReason;

/**
 * The global interpreter lock: only the thread that holds it executes bytecode.
 *
 * <p><b>The algorithm</b> (after CPython's {@code ceval_gil.c}). The GIL is a volatile {@code
 * holder} field that a thread takes with a compare-and-swap from null to itself. A running
 * thread counts down a budget of instructions in the interpreter loop (one decrement and one
 * branch per instruction) and calls {@link #checkpoint} when it reaches zero. What happens
 * there depends on the switch interval:
 * <ul>
 *   <li><b>Count</b> ({@code --switch-interval N}, CPython 2's check interval): the budget is
 *       N instructions; at the checkpoint the holder drops the GIL if any thread waits.</li>
 *   <li><b>Time</b> ({@code --switch-interval 5ms}, CPython 3): a waiting thread waits that long;
 *       if the GIL has not changed hands meanwhile, it sets {@code dropRequested}. The holder
 *       checks the flag every {@link #TIME_MODE_BUDGET} instructions, so it drops within
 *       microseconds of the request.</li>
 * </ul>
 * How a holder drops is the policy:
 * <ul>
 *   <li>{@link Policy#HANDOFF} (CPython's FORCE_SWITCHING): release, then wait until another
 *       thread has taken the GIL, then queue up for it again. Two CPU-bound threads alternate
 *       once per interval.</li>
 *   <li>{@link Policy#UNFAIR} (CPython 2): release and compete again at once. The dropping
 *       thread is already running and usually wins before the woken waiter is scheduled, so
 *       waiters starve: the "GIL battle".</li>
 *   <li>{@link Policy#OFF} (free-threaded): there is no lock; every call returns at once.</li>
 * </ul>
 *
 * <p><b>Spin, then park.</b> Under handoff a waiter that expects the GIL soon (count mode, whose
 * holder drops at its next checkpoint once anyone waits; time mode once the drop was asked for)
 * first spins on the {@code holder} field with {@link Thread#onSpinWait}, and a dropping thread
 * spins the same way until its successor took over; only when the spin limit runs out does it
 * park on a condition of an internal lock ({@code released} or {@code taken}), which the thread
 * that releases or takes the GIL signals only when it sees a thread parked there. Whether to
 * spin adapts to how spins end, as HotSpot's adaptive spinning for contended monitors does
 * ({@code ObjectMonitor}'s spin duration), in two states: after a spin that ended in time,
 * waits spin for up to {@link #MAX_SPIN_NANOS}; after one that did not (the holder runs long,
 * or on a loaded machine is not running at all), they park at once, and only a probe now and
 * then spins, to notice when spinning pays again: the first after {@link #SHORTEST_PROBE_GAP}
 * waits, and each probe that fails doubles the gap, up to {@link #LONGEST_PROBE_GAP}. So a
 * holder that runs long costs its waiters one spin in thousands of waits, not a core. Unfair
 * waiters never spin: a spinning waiter would win the released GIL often, and the policy
 * exists to show the starvation of a sleeping one.
 *
 * <p>A thread that blocks (sleep, join, Lock, Queue ...) releases the GIL first and takes it again
 * afterwards ({@link Scheduler} does this). Every change of hands updates the threads'
 * {@link ThreadState} counters and, when the run is observed, writes the trace events
 * ({@code gil_wait}, {@code gil_acquire}, {@code gil_drop}) through the thread's track; nothing
 * else of the GIL runs per instruction. Only the holder writes the GIL's own bookkeeping
 * ({@code lastHolder}, {@code holderSince}, {@code handovers}); the release (a volatile write of
 * {@code holder}) and the next holder's compare-and-swap order one holder's writes before the next's.
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
    /**
     * The longest spin, in ns: about what waking a parked thread on an idle virtual CPU takes
     * on the project's 2-core VM (docs/speed.md, "GIL handover"), so that a probe can see a
     * woken thread arrive.
     */
    static final long MAX_SPIN_NANOS = 20_000;
    /** While spins do not pay, waits that park at once before the first that spins anyway (a probe). */
    private static final int SHORTEST_PROBE_GAP = 64;
    /** The most waits that park at once between two probes. */
    private static final int LONGEST_PROBE_GAP = 4096;
    /** Spins between two reads of the clock (and of an abort) while spinning. */
    private static final int SPINS_PER_CLOCK_READ = 32;

    private static final VarHandle HOLDER;
    private static final VarHandle WAITING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HOLDER = lookup.findVarHandle(Gil.class, "holder", ThreadState.class);
            WAITING = lookup.findVarHandle(Gil.class, "waiting", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Policy policy;
    private final Scheduler scheduler;
    /** {@link #MAX_SPIN_NANOS}, or 0 for a GIL whose waiters always park at once (tests). */
    private final long maxSpinNanos;
    /** Only for parking: guards the two conditions and the counts of threads parked on them. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final Condition taken = lock.newCondition();
    private volatile int parkedForRelease;
    private volatile int parkedForTake;
    private volatile ThreadState holder;
    private ThreadState lastHolder;
    private long holderSince;
    /** How many times the GIL went to a different thread than the one that held it last. */
    private volatile long handovers;
    /** Threads waiting for the GIL (spinning or parked), and a handoff dropper until it has it back. */
    private volatile int waiting;
    private volatile boolean dropRequested;
    /** Exactly one of these is in force: instructions (> 0) or nanoseconds (> 0). */
    private volatile int intervalInstructions;
    private volatile long intervalNanos;
    /*
     * Whether to spin (see spinNow). Threads write these without a lock; a lost write costs
     * one spin or one park.
     */
    /** True while spins end in time, false after one did not. */
    private boolean spinsPay = true;
    /** While spins do not pay: waits between two probes, and waits since the last. */
    private int probeGap = SHORTEST_PROBE_GAP;
    private int unspunWaits;

    /** A GIL under {@code policy} whose waiters check {@code scheduler} for an abort. */
    public Gil(Policy policy, Scheduler scheduler) {
        this(policy, scheduler, MAX_SPIN_NANOS);
    }

    /** A GIL whose waiters spin for at most {@code maxSpinNanos} ns (0: never) before they park. */
    Gil(Policy policy, Scheduler scheduler, long maxSpinNanos) {
        this.policy = policy;
        this.scheduler = scheduler;
        this.maxSpinNanos = maxSpinNanos;
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
        return handovers;
    }

    /** Blocks until the calling thread holds the GIL. */
    public void acquire(ThreadState me) {
        if (policy == Policy.OFF) {
            me.setState(ThreadState.State.RUNNING);
            return;
        }
        if (holder == null && HOLDER.compareAndSet(this, null, me)) {
            take(me, false, 0);
            scheduler.checkAborted();
            return;
        }
        long start = System.nanoTime();
        WAITING.getAndAdd(this, 1);
        if (me.track != null) {
            me.track.gilWait();
        }
        me.setState(ThreadState.State.WAITING_FOR_GIL);
        waitAndTake(me, start);
    }

    /** With {@code me} counted in {@code waiting}: waits for the GIL, takes it, and stops counting. */
    private void waitAndTake(ThreadState me, long start) {
        boolean interrupted = false;
        try {
            long handoversSeen = handovers;
            while (!(holder == null && HOLDER.compareAndSet(this, null, me))) {
                scheduler.checkAborted();
                if (holder == null || expectsDropSoon() && spinUntilReleased()) {
                    continue;
                }
                lock.lock();
                try {
                    parkedForRelease++;
                    // Looked at again after counting itself parked: a thread that released the
                    // GIL before then either is seen here or sees the count and signals.
                    if (holder != null) {
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
                    interrupted = true;
                } finally {
                    parkedForRelease--;
                    lock.unlock();
                }
            }
        } finally {
            WAITING.getAndAdd(this, -1);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        take(me, true, System.nanoTime() - start);
    }

    /** Whether a waiter had better spin: the holder will drop within an interval's instructions. */
    private boolean expectsDropSoon() {
        return policy == Policy.HANDOFF && (intervalNanos == 0 || dropRequested);
    }

    /** Gives the GIL up because the thread blocks. */
    public void release(ThreadState me) {
        if (policy == Policy.OFF) {
            return;
        }
        me.dropsForBlocking++;
        if (me.track != null) {
            me.track.gilDrop(DropReason.BLOCKING);
        }
        giveUp(me);
    }

    /** Gives the GIL up, if this thread holds it, because the thread ends (normally or aborted). */
    public void releaseAtEnd(ThreadState me) {
        if (policy == Policy.OFF) {
            return;
        }
        if (holder == me) {
            if (me.track != null) {
                me.track.gilDrop(DropReason.THREAD_END);
            }
            giveUp(me);
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
        long start = System.nanoTime();
        me.dropsAtInterval++;
        // The events are written before the release, so that the trace shows them before the
        // next holder's gil_acquire.
        if (me.track != null) {
            me.track.gilDrop(intervalNanos > 0 ? DropReason.REQUEST : DropReason.INTERVAL);
        }
        if (policy == Policy.UNFAIR) {
            // Compete again at once: a parked waiter, just signalled, can win now and then
            // when the operating system runs it in time, as in CPython 2.
            giveUp(me);
            acquire(me);
            return;
        }
        // Counted as waiting from before it drops, so the next holder offers the GIL back at
        // its own next checkpoint, not only once this thread has come round again.
        WAITING.getAndAdd(this, 1);
        if (me.track != null) {
            me.track.gilWait();
        }
        me.setState(ThreadState.State.WAITING_FOR_GIL);
        boolean counted = true;
        boolean interrupted = false;
        try {
            long before = handovers;
            giveUp(me);
            while (handovers == before && waiting > 1 && !spinUntilTaken(before)) {
                lock.lock();
                try {
                    parkedForTake++;
                    // As in waitAndTake: looked at again after counting itself parked. The
                    // timeout covers the last other waiter leaving without taking the GIL (an abort).
                    if (handovers == before && waiting > 1) {
                        taken.await(10, TimeUnit.MILLISECONDS);
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                } finally {
                    parkedForTake--;
                    lock.unlock();
                }
                scheduler.checkAborted();
            }
            counted = false;
            waitAndTake(me, start);
        } finally {
            if (counted) {
                WAITING.getAndAdd(this, -1);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Spins until the GIL is free; false when the spin limit ran out first. */
    private boolean spinUntilReleased() {
        if (!spinNow()) {
            return false;
        }
        long start = System.nanoTime();
        for (int spins = 1; holder != null; spins++) {
            if (!keepSpinning(spins, start)) {
                return false;
            }
        }
        spunInTime();
        return true;
    }

    /** Spins until another thread took the GIL (or none is left to take it); false when the spin limit ran out first. */
    private boolean spinUntilTaken(long handoversBefore) {
        if (!spinNow()) {
            return false;
        }
        long start = System.nanoTime();
        for (int spins = 1; handovers == handoversBefore && waiting > 1; spins++) {
            if (!keepSpinning(spins, start)) {
                return false;
            }
        }
        spunInTime();
        return true;
    }

    /** One turn of a spin: false, and no more spinning for now, once the longest spin has passed since {@code start}. */
    private boolean keepSpinning(int spins, long start) {
        Thread.onSpinWait();
        if (spins % SPINS_PER_CLOCK_READ != 0) {
            return true;
        }
        scheduler.checkAborted();
        if (System.nanoTime() - start <= maxSpinNanos) {
            return true;
        }
        if (!spinsPay) {
            probeGap = Math.min(LONGEST_PROBE_GAP, 2 * probeGap);
        }
        spinsPay = false;
        return false;
    }

    /**
     * Whether this wait spins before it parks. Once spins stopped paying, a probe still spins,
     * for the longest time: a parked thread takes a wake-up to answer, so only a spin that long
     * can see it arrive and set both threads spinning again when the machine has room for them.
     */
    private boolean spinNow() {
        if (maxSpinNanos == 0) {
            return false;
        }
        if (spinsPay) {
            return true;
        }
        if (++unspunWaits < probeGap) {
            return false;
        }
        unspunWaits = 0;
        return true;
    }

    /** A spin ended in time: the next waits spin again. Written only on a change, as every waiter reads it. */
    private void spunInTime() {
        if (!spinsPay) {
            spinsPay = true;
            probeGap = SHORTEST_PROBE_GAP;
        }
    }

    /** Wakes every thread parked in here, so that each looks again: at an abort, or at a new interval. */
    void wakeAll() {
        lock.lock();
        try {
            released.signalAll();
            taken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The bookkeeping of a thread that has just set {@code holder} to itself. */
    private void take(ThreadState me, boolean contended, long waitedNanos) {
        holderSince = System.nanoTime();
        if (lastHolder == me) {
            if (me.track != null) {
                me.track.gilRetaken();
            }
        } else {
            // The run's first take hands nothing over: a one-thread run has no handover.
            if (lastHolder != null) {
                handovers++;
            }
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
        // Read after the write of handovers; a dropper counts itself parked before it reads
        // handovers, so either it sees the new count or this sees it parked.
        if (parkedForTake > 0) {
            lock.lock();
            try {
                taken.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void giveUp(ThreadState me) {
        if (holder != me) {
            throw new IllegalStateException(me.name + " released the GIL without holding it");
        }
        me.holdNanos += System.nanoTime() - holderSince;
        if (me.track != null) {
            me.track.gilReleased();
        }
        holder = null;
        // Read after the write of holder: see waitAndTake.
        if (parkedForRelease > 0) {
            lock.lock();
            try {
                released.signal();
            } finally {
                lock.unlock();
            }
        }
    }
}

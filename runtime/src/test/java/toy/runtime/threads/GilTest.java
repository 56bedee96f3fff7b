package toy.runtime.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import toy.runtime.TracebackEntry;

/**
 * The GIL's policies, measured by what the GIL itself records (how often it changed hands),
 * never by wall-clock time, so that the assertions hold on a machine busy with other work.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GilTest {
    private static final int CHECKPOINTS = 500;

    /**
     * Two threads that each pass {@link #CHECKPOINTS} checkpoints at a switch interval of one
     * instruction; the first starts only once the second waits for the GIL. Waiters spin for at
     * most {@code maxSpinNanos} ns before they park. Returns how many times the GIL changed hands.
     */
    private static long handovers(Gil.Policy policy, long maxSpinNanos) throws InterruptedException {
        Scheduler scheduler = new Scheduler();
        Gil gil = new Gil(policy, scheduler, maxSpinNanos);
        scheduler.setGil(gil);
        gil.setIntervalInstructions(1);
        ThreadState first = scheduler.register("first", () -> new TracebackEntry("t.toy", 1, "first"));
        ThreadState second = scheduler.register("second", () -> new TracebackEntry("t.toy", 1, "second"));
        Thread a = new Thread(() -> {
            gil.acquire(first);
            while (second.state() != ThreadState.State.WAITING_FOR_GIL) {
                Thread.onSpinWait();
            }
            busy(gil, first);
        });
        a.start();
        while (first.state() != ThreadState.State.RUNNING) {
            Thread.onSpinWait();
        }
        Thread b = new Thread(() -> {
            gil.acquire(second);
            busy(gil, second);
        });
        b.start();
        a.join();
        b.join();
        return gil.handovers();
    }

    private static void busy(Gil gil, ThreadState me) {
        for (int i = 0; i < CHECKPOINTS; i++) {
            gil.checkpoint(me);
        }
        gil.releaseAtEnd(me);
        me.scheduler.finished(me);
    }

    @Test
    void handoffAlternatesAtEveryCheckpoint() throws InterruptedException {
        // The dropper waits until the other thread has taken the GIL, and counts as waiting from
        // the moment it drops, so every checkpoint of either thread hands the GIL over: one per
        // checkpoint of both threads, and the second thread's take once the first has ended (it
        // dropped at its last checkpoint, so the first ends while holding the GIL). The first
        // thread's first take hands nothing over.
        assertEquals(2 * CHECKPOINTS + 1, handovers(Gil.Policy.HANDOFF, Gil.MAX_SPIN_NANOS));
    }

    @Test
    void handoffAlternatesAtEveryCheckpointWhenWaitersOnlyPark() throws InterruptedException {
        // The same guarantee when no wait ends in a spin: every handover goes through the
        // conditions a parked waiter and a parked dropper wait on.
        assertEquals(2 * CHECKPOINTS + 1, handovers(Gil.Policy.HANDOFF, 0));
    }

    @Test
    void aWaiterParksWhileTheHolderRunsLong() throws InterruptedException {
        Scheduler scheduler = new Scheduler();
        Gil gil = new Gil(Gil.Policy.HANDOFF, scheduler);
        scheduler.setGil(gil);
        gil.setIntervalInstructions(1);
        ThreadState holder = scheduler.register("holder", () -> new TracebackEntry("t.toy", 1, "holder"));
        ThreadState waiter = scheduler.register("waiter", () -> new TracebackEntry("t.toy", 1, "waiter"));
        gil.acquire(holder);
        Thread w = new Thread(() -> {
            gil.acquire(waiter);
            gil.releaseAtEnd(waiter);
        });
        w.start();
        // The holder reaches no checkpoint, so the waiter's spin runs out: it must end parked
        // (WAITING), not keep a core busy (RUNNABLE).
        while (w.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        gil.release(holder);
        w.join();
        assertEquals(1, gil.handovers());
        assertEquals(1, waiter.contendedAcquisitions());
    }

    @Test
    void unfairRarelyHandsOver() throws InterruptedException {
        // The dropper competes again at once and wins unless the OS stops it in the few
        // instructions between its release and its next acquire, so its handovers are a small
        // fraction of handoff's; a tenth leaves a wide margin on a busy machine.
        long unfair = handovers(Gil.Policy.UNFAIR, Gil.MAX_SPIN_NANOS);
        assertTrue(unfair * 10 < 2 * CHECKPOINTS + 1, "unfair handed over " + unfair + " times");
    }
}

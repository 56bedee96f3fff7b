package toy.runtime.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import toy.runtime.ToyError;
import toy.runtime.TracebackEntry;

/** Where a thread asked to raise KeyboardInterrupt raises it: its next checkpoint, or at once in a wait. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KeyboardInterruptTest {
    private final Scheduler scheduler = new Scheduler();

    private Gil gil(Gil.Policy policy) {
        Gil gil = new Gil(policy, scheduler);
        scheduler.setGil(gil);
        return gil;
    }

    private ThreadState running(Gil gil) {
        ThreadState me = scheduler.register("MainThread", () -> new TracebackEntry("<stdin>", 1, "<main>"));
        me.bindToCurrentThread();
        gil.acquire(me);
        return me;
    }

    @ParameterizedTest
    @EnumSource(Gil.Policy.class)
    void theNextCheckpointRaisesItOnce(Gil.Policy policy) {
        Gil gil = gil(policy);
        ThreadState me = running(gil);
        gil.checkpoint(me);
        KeyboardInterrupt.request(me);
        ToyError e = assertThrows(ToyError.class, () -> gil.checkpoint(me));
        assertEquals("KeyboardInterrupt", e.str());
        assertTrue(KeyboardInterrupt.is(e));
        // Used up: the thread goes on (the REPL's next input) and the GIL is still its own.
        gil.checkpoint(me);
        gil.releaseAtEnd(me);
    }

    @ParameterizedTest
    @EnumSource(Gil.Policy.class)
    void aSleepEndsAtOnceAndTheThreadHoldsTheGilAgain(Gil.Policy policy) throws Exception {
        Gil gil = gil(policy);
        AtomicReference<ThreadState> state = new AtomicReference<>();
        AtomicReference<Throwable> raised = new AtomicReference<>();
        Thread main = new Thread(() -> {
            ThreadState me = running(gil);
            state.set(me);
            try {
                scheduler.sleep(me, TimeUnit.HOURS.toNanos(1));
            } catch (Throwable e) {
                raised.set(e);
            }
            // Holding the GIL again, the thread goes on to its next checkpoint normally.
            gil.checkpoint(me);
            gil.releaseAtEnd(me);
        });
        main.start();
        while (state.get() == null || state.get().state() != ThreadState.State.SLEEPING) {
            Thread.onSpinWait();
        }
        KeyboardInterrupt.request(state.get());
        main.join();
        assertTrue(raised.get() instanceof ToyError e && KeyboardInterrupt.is(e), String.valueOf(raised.get()));
    }

    @Test
    void aWaitThatSucceedsKeepsWhatItTookAndTheCheckpointRaises() {
        Gil gil = gil(Gil.Policy.HANDOFF);
        ThreadState me = running(gil);
        KeyboardInterrupt.request(me);
        assertTrue(scheduler.await(me, () -> "acquire Lock", null, Scheduler.FOREVER, () -> true));
        assertThrows(ToyError.class, () -> gil.checkpoint(me));
        gil.releaseAtEnd(me);
    }

    @Test
    void aRequestWithdrawnIsNeverRaised() {
        Gil gil = gil(Gil.Policy.HANDOFF);
        ThreadState me = running(gil);
        KeyboardInterrupt.request(me);
        KeyboardInterrupt.withdraw(me);
        gil.checkpoint(me);
        gil.releaseAtEnd(me);
    }
}

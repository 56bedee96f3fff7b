package toy.runtime.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import toy.runtime.ToyError;
import toy.runtime.TracebackEntry;

/**
 * A wait that Ctrl-C ends is given up: traced as an {@code unblock} for the reason
 * {@code interrupt}, and its span on the timeline ends marked so. The interrupt is asked for
 * only once the thread is seen asleep: no assertion depends on timing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InterruptedWaitTraceTest {
    @Test
    void aSleepThatCtrlCEndsIsUnblockedForThatReason() throws Exception {
        ObservedRun run = new ObservedRun();
        Scheduler scheduler = run.scheduler;
        Gil gil = run.gil;

        AtomicReference<ThreadState> sleeper = new AtomicReference<>();
        AtomicReference<Throwable> raised = new AtomicReference<>();
        Thread main = new Thread(() -> {
            ThreadState me = scheduler.register("MainThread", () -> new TracebackEntry("t.toy", 1, "<main>"));
            me.bindToCurrentThread();
            gil.acquire(me);
            sleeper.set(me);
            try {
                scheduler.sleep(me, TimeUnit.DAYS.toNanos(1));
            } catch (Throwable e) {
                raised.set(e);
            }
            gil.releaseAtEnd(me);
            scheduler.finished(me);
        });
        main.start();
        while (sleeper.get() == null || sleeper.get().state() != ThreadState.State.SLEEPING) {
            Thread.onSpinWait();
        }
        KeyboardInterrupt.request(sleeper.get());
        main.join();
        assertTrue(raised.get() instanceof ToyError e && KeyboardInterrupt.is(e), String.valueOf(raised.get()));
        run.observer.finish(0, new PrintStream(new ByteArrayOutputStream()));

        List<String> unblocks = run.trace().lines().filter(r -> r.contains("\"event\":\"unblock\"")).toList();
        assertEquals(1, unblocks.size(), unblocks.toString());
        assertTrue(unblocks.get(0).contains("\"reason\":\"interrupt\""), unblocks.get(0));
        String json = run.timeline();
        assertTrue(json.matches("(?s).*\"name\":\"sleeping\",[^}]*\"args\":\\{[^}]*\"ended_by\":\"interrupt\"}.*"), json);
    }
}

package toy.runtime.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import toy.runtime.ToyError;
import toy.runtime.TracebackEntry;
import toy.runtime.observe.Observer;
import toy.runtime.observe.Timeline;
import toy.runtime.observe.TraceWriter;

/**
 * A wait that Ctrl-C ends is given up: traced as an {@code unblock} for the reason
 * {@code interrupt}, and its span on the timeline ends marked so. The interrupt is asked for
 * only once the thread is seen asleep: no assertion depends on timing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InterruptedWaitTraceTest {
    @Test
    void aSleepThatCtrlCEndsIsUnblockedForThatReason() throws Exception {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        ByteArrayOutputStream timeline = new ByteArrayOutputStream();
        Observer observer = new Observer();
        observer.trace(TraceWriter.create("jsonl", trace, "t.jsonl", Long.MAX_VALUE), Set.of());
        observer.timeline(Timeline.create("t.json", timeline), "t.json");
        Scheduler scheduler = new Scheduler();
        Gil gil = new Gil(Gil.Policy.HANDOFF, scheduler);
        scheduler.setGil(gil);
        scheduler.observe(observer);
        observer.start();

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
        observer.finish(0, new PrintStream(new ByteArrayOutputStream()));

        List<String> unblocks = trace.toString(StandardCharsets.UTF_8).lines().filter(r -> r.contains("\"event\":\"unblock\"")).toList();
        assertEquals(1, unblocks.size(), unblocks.toString());
        assertTrue(unblocks.get(0).contains("\"reason\":\"interrupt\""), unblocks.get(0));
        String json = timeline.toString(StandardCharsets.UTF_8);
        assertTrue(json.matches("(?s).*\"name\":\"sleeping\",[^}]*\"args\":\\{[^}]*\"ended_by\":\"interrupt\"}.*"), json);
    }
}

package toy.runtime.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import toy.runtime.TracebackEntry;

/**
 * An abort other than a deadlock ({@code exit()}) that ends threads' waits: each wait in
 * progress ends with an {@code aborted} record (reason {@code exit}), never an {@code unblock},
 * and on the timeline its span ends then, marked ended by the exit, under a marker "exit". The
 * test's thread is MainThread, and aborts only once it has seen the others blocked and asleep
 * (their states, polled with its own GIL released): no assertion depends on timing.
 */
class AbortedWaitsTest {
    private static final Pattern EVENT = Pattern.compile("\"thread\":\"([^\"]+)\",\"event\":\"([a-z_]+)\"(?:,\"on\":\"([^\"]*)\")?"
            + "(?:.*\"reason\":\"([a-z_]+)\")?");

    @Test
    void anExitEndsTheWaitsInProgressAsAbortedNotUnblocked() throws IOException {
        ObservedRun run = new ObservedRun();
        Scheduler scheduler = run.scheduler;
        Gil gil = run.gil;
        ThreadState main = scheduler.register("MainThread", () -> new TracebackEntry("t.toy", 9, "<main>"));
        main.bindToCurrentThread();
        gil.acquire(main);

        ThreadState waiter = scheduler.register("Thread-1", () -> new TracebackEntry("t.toy", 3, "take"));
        ThreadState sleeper = scheduler.register("Thread-2", () -> new TracebackEntry("t.toy", 6, "nap"));
        ToyThread.start(waiter, () -> {
            scheduler.await(waiter, "acquire Lock (t.toy:1)", () -> false);
            return null;
        }, report -> { });
        ToyThread.start(sleeper, () -> {
            scheduler.sleep(sleeper, TimeUnit.DAYS.toNanos(1));
            return null;
        }, report -> { });
        // A wait woken from outside never counts towards a deadlock; each turn looks at the states again.
        while (!scheduler.awaitOutside(main, "wait for the others to wait", TimeUnit.MILLISECONDS.toNanos(1),
                () -> waiter.state() == ThreadState.State.BLOCKED && sleeper.state() == ThreadState.State.SLEEPING)) {
            Thread.onSpinWait();
        }
        scheduler.abort(new Aborted(Aborted.Cause.EXIT, 3, ""));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            while (waiter.state() != ThreadState.State.FINISHED || sleeper.state() != ThreadState.State.FINISHED) {
                Thread.sleep(1);
            }
        });
        gil.releaseAtEnd(main);
        scheduler.finished(main);
        assertEquals(List.of(), run.observer.finish(0, new PrintStream(new ByteArrayOutputStream())));

        List<String> records = run.trace().lines().toList();
        assertEquals(List.of("thread_start", "block acquire Lock (t.toy:1)", "aborted exit", "thread_end"), events(records, "Thread-1"));
        assertEquals(List.of("thread_start", "block sleep", "aborted exit", "thread_end"), events(records, "Thread-2"));

        String json = run.timeline();
        for (int lane = 1; lane <= 2; lane++) {
            Matcher marker = Pattern.compile("\\{\"name\":\"exit\",\"cat\":\"exit\",\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":" + lane
                    + ",\"ts\":([0-9.E]+),\"args\":\\{\"detail\":\"the run was aborted \\(exit\\) while Thread-" + lane + " waited\"}}")
                    .matcher(json);
            assertTrue(marker.find(), json);
            Matcher span = Pattern.compile("\"name\":\"(blocked|sleeping)\",\"cat\":\"thread\",\"ph\":\"X\",\"pid\":1,\"tid\":" + lane
                    + ",\"ts\":([0-9.E]+),\"dur\":([0-9.E]+),\"args\":\\{[^}]*\"ended_by\":\"exit\"}").matcher(json);
            assertTrue(span.find(), json);
            assertEquals(lane == 1 ? "blocked" : "sleeping", span.group(1));
            assertEquals(Double.parseDouble(marker.group(1)), Double.parseDouble(span.group(2)) + Double.parseDouble(span.group(3)), 1e-3);
        }
    }

    /** A thread's events other than the GIL's, each with what it blocked on or why it was aborted. */
    private static List<String> events(List<String> records, String thread) {
        return records.stream().map(EVENT::matcher).filter(m -> m.find() && m.group(1).equals(thread) && !m.group(2).startsWith("gil_"))
                .map(m -> String.join(" ", Arrays.stream(new String[] {m.group(2), m.group(3), m.group(4)})
                        .filter(s -> s != null).toList()))
                .toList();
    }
}

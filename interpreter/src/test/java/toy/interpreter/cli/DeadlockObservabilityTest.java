package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import toy.runtime.observe.BlockedThread;

/**
 * A run that a deadlock ends, as the trace, the stats and the timeline show it: a
 * {@code deadlock} record, a line and a field of the stats, and a marker on the lane of every
 * thread in it; each of their waits ends with an {@code aborted} record, never an
 * {@code unblock}. The deadlock samples deadlock on every run (their threads wait for each
 * other with Events and a Condition first), so every assertion is exact; none is about time.
 * (An {@code exit()} that ends waits: {@code toy.runtime.threads.AbortedWaitsTest}.)
 */
class DeadlockObservabilityTest {
    @TempDir
    Path dir;

    private static Path sample(String name) {
        return ToyRunner.root().resolve("samples/threads/" + name + ".toy");
    }

    /** A path as the golden files give it: from the repository's root. */
    private static String relative(String text) {
        return text.replace(ToyRunner.root() + "/", "");
    }

    /** The lines of the sample's DeadlockError report, from its golden .err: "MainThread waits to join Thread-1 at ...". */
    private static List<String> reportLines(String name) throws IOException {
        List<String> lines = Files.readAllLines(ToyRunner.root().resolve("samples/threads/" + name + ".err"));
        assertEquals("DeadlockError: every thread is blocked and none can wake the others", lines.get(0));
        return lines.subList(1, lines.size()).stream().map(String::strip).toList();
    }

    /** deadlock.toy's threads as the trace's deadlock record and the stats' deadlock field list them. */
    private static final List<Map<String, Object>> DEADLOCK_TOY = List.of(
            blocked("MainThread", "join Thread-1", "samples/threads/deadlock.toy:32"),
            blocked("Thread-1", "acquire Lock \"b\" (samples/threads/deadlock.toy:6), held by Thread-2", "samples/threads/deadlock.toy:14"),
            blocked("Thread-2", "acquire Lock \"a\" (samples/threads/deadlock.toy:5), held by Thread-1", "samples/threads/deadlock.toy:24"));

    private static Map<String, Object> blocked(String thread, String on, String line) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thread", thread);
        m.put("on", on);
        m.put("line", line);
        return m;
    }

    /** The blocked threads of a deadlock record or field, paths made relative. */
    private static List<Map<String, Object>> threads(Object list) {
        List<Map<String, Object>> threads = new ArrayList<>();
        for (Object o : (List<?>) list) {
            Map<?, ?> m = (Map<?, ?>) o;
            threads.add(blocked((String) m.get("thread"), relative((String) m.get("on")), relative((String) m.get("line"))));
        }
        return threads;
    }

    /** Each deadlock sample under each of the golden samples' run options (GIL policies, switch intervals). */
    static Stream<Arguments> samplesAndOptions() {
        return Stream.of("deadlock", "philosophers")
                .flatMap(name -> GoldenSamplesTest.CONFIGURATIONS.stream().map(options -> Arguments.of(name, options)));
    }

    /**
     * One deadlock record, which says what the DeadlockError report says; then an aborted record
     * for every thread in it, in the order of the report (the abort writes them all before any
     * thread goes on); after it no thread is unblocked, takes the GIL or runs an instruction.
     */
    @ParameterizedTest
    @MethodSource("samplesAndOptions")
    void theJsonlTraceHasTheDeadlockAndEveryWaitEndsAborted(String name, List<String> options) throws IOException {
        Path trace = dir.resolve("t.jsonl");
        List<String> args = new ArrayList<>(List.of("run", "--trace", trace.toString(), "--trace-format", "jsonl"));
        args.addAll(options);
        args.add(sample(name).toString());
        ToyRunner.Result r = ToyRunner.run(args.toArray(new String[0]));
        assertEquals(70, r.status(), r.err());
        List<Map<String, Object>> records = JsonRecords.lines(trace);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if ("deadlock".equals(records.get(i).get("event"))) {
                found.add(i);
            }
        }
        assertEquals(1, found.size(), "one deadlock record");
        int at = found.get(0);
        Map<String, Object> deadlock = records.get(at);
        assertEquals(Set.of("seq", "t_ns", "thread", "event", "threads"), deadlock.keySet());
        List<Map<String, Object>> threads = threads(deadlock.get("threads"));
        if (name.equals("deadlock")) {
            assertEquals(DEADLOCK_TOY, threads);
        }
        List<String> said = threads.stream().map(t -> t.get("thread") + " waits to "
                + new BlockedThread((String) t.get("thread"), (String) t.get("on"), (String) t.get("line")).waitsAt()).toList();
        assertEquals(reportLines(name), said);
        // The thread that found it is the last to block, one of those in it.
        assertTrue(threads.stream().anyMatch(t -> t.get("thread").equals(deadlock.get("thread"))), deadlock.toString());

        for (int k = 0; k < threads.size(); k++) {
            Map<String, Object> aborted = records.get(at + 1 + k);
            assertEquals("aborted", aborted.get("event"), aborted.toString());
            assertEquals("deadlock", aborted.get("reason"), aborted.toString());
            assertEquals(threads.get(k).get("thread"), aborted.get("thread"), aborted.toString());
        }
        for (Map<String, Object> after : records.subList(at + 1 + threads.size(), records.size())) {
            assertEquals("thread_end", after.get("event"), "only threads ending after the abort: " + after);
        }
        // Every thread's last block before the deadlock is never followed by an unblock.
        for (Map<String, Object> t : threads) {
            int lastBlock = -1;
            for (int i = 0; i < at; i++) {
                if (t.get("thread").equals(records.get(i).get("thread")) && "block".equals(records.get(i).get("event"))) {
                    lastBlock = i;
                }
            }
            assertTrue(lastBlock >= 0, t.toString());
            assertEquals(t.get("on"), relative((String) records.get(lastBlock).get("on")));
            for (Map<String, Object> later : records.subList(lastBlock + 1, records.size())) {
                assertFalse(t.get("thread").equals(later.get("thread")) && "unblock".equals(later.get("event")), later.toString());
            }
        }
    }

    /** In the text format the record is one line, a field per blocked thread worded as the report's line. */
    @Test
    void theTextTraceHasTheDeadlockOnOneLine() throws IOException {
        Path trace = dir.resolve("t.txt");
        ToyRunner.Result r = ToyRunner.run("run", "--trace", trace.toString(), sample("deadlock").toString());
        assertEquals(70, r.status(), r.err());
        List<String> lines = Files.readAllLines(trace, StandardCharsets.UTF_8).stream().map(DeadlockObservabilityTest::relative).toList();
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("--- deadlock ")) {
                assertEquals(-1, at, "one deadlock record");
                at = i;
            }
        }
        assertTrue(at > 0, String.join("\n", lines));
        String record = lines.get(at);
        assertEquals("--- deadlock MainThread=\"join Thread-1 at samples/threads/deadlock.toy:32\""
                + " Thread-1=\"acquire Lock \\\"b\\\" (samples/threads/deadlock.toy:6), held by Thread-2, at samples/threads/deadlock.toy:14\""
                + " Thread-2=\"acquire Lock \\\"a\\\" (samples/threads/deadlock.toy:5), held by Thread-1, at samples/threads/deadlock.toy:24\"",
                record.substring(record.indexOf("--- ")));
        List<String> next = new ArrayList<>();
        for (String line : lines.subList(at + 1, at + 4)) {
            next.add(line.substring(24).replaceAll(" +", " "));
        }
        assertEquals(List.of("MainThread --- aborted reason=\"deadlock\"", "Thread-1 --- aborted reason=\"deadlock\"",
                "Thread-2 --- aborted reason=\"deadlock\""), next);
    }

    /** --stats says so in one line after the GIL's, --stats-json in one field; every other field is as it was. */
    @Test
    void theStatsSayADeadlockEndedTheRun() throws IOException {
        Path stats = dir.resolve("s.json");
        ToyRunner.Result r = ToyRunner.run("run", "--stats", "--stats-json", stats.toString(), sample("deadlock").toString());
        assertEquals(70, r.status(), r.err());
        List<String> err = r.err().lines().toList();
        int gil = err.indexOf(err.stream().filter(l -> l.startsWith("GIL: ")).findFirst().orElseThrow());
        assertEquals("Deadlock: the run ended in a DeadlockError; blocked for ever: MainThread, Thread-1, Thread-2", err.get(gil + 1));
        assertEquals("", err.get(gil + 2));
        assertTrue(err.get(gil + 3).startsWith("thread "), r.err());

        Map<?, ?> report = (Map<?, ?>) JsonRecords.parse(Files.readString(stats));
        assertEquals(List.of("wall_ns", "handovers", "gil_wait_share", "threads", "locks", "workers", "deadlock"),
                List.copyOf(((Map<?, ?>) report).keySet()));
        assertEquals(DEADLOCK_TOY, threads(report.get("deadlock")));
        // Each Lock was taken once, then waited for by a thread that never got it: a wait given up.
        List<String> locks = ((List<?>) report.get("locks")).stream().map(l -> (Map<?, ?>) l)
                .map(l -> l.get("kind") + " " + l.get("name") + ": acquired " + l.get("acquisitions") + ", gave up " + l.get("gave_up"))
                .toList();
        assertEquals(List.of("Lock a: acquired 1, gave up 1", "Lock b: acquired 1, gave up 1", "Event null: acquired 1, gave up 0",
                "Event null: acquired 1, gave up 0"), locks);
    }

    @Test
    void aRunWithoutADeadlockSaysNone() throws IOException {
        Path stats = dir.resolve("s.json");
        ToyRunner.Result r = ToyRunner.run("run", "--stats", "--stats-json", stats.toString(), sample("philosophers_fixed").toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(r.err().contains("Deadlock"), r.err());
        Map<?, ?> report = (Map<?, ?>) JsonRecords.parse(Files.readString(stats));
        assertTrue(report.containsKey("deadlock") && report.get("deadlock") == null, report.toString());
    }

    /**
     * On the timeline each thread of the deadlock has a marker named "deadlock", whose detail is
     * the report, at the moment its blocked span ends; that span is its last, and says it was
     * ended by the deadlock (no "waiting for the GIL" after it, as if it had got its lock).
     * MainThread's join is one span from its start to the deadlock: the Events and Locks the
     * other threads use wake every waiter to look again, which is not the end of its wait.
     */
    @Test
    void theTimelineMarksTheDeadlockOnTheLaneOfEachThreadInIt() throws IOException {
        Path timeline = dir.resolve("t.json");
        ToyRunner.Result r = ToyRunner.run("run", "--timeline", timeline.toString(), sample("deadlock").toString());
        assertEquals(70, r.status(), r.err());
        String report = relative(r.err()).strip();
        Map<Long, String> lanes = new LinkedHashMap<>();
        Map<String, List<Map<?, ?>>> markers = new LinkedHashMap<>();
        Map<String, Map<?, ?>> lastSpan = new LinkedHashMap<>();
        List<Map<?, ?>> mainSpans = new ArrayList<>();
        List<?> events = (List<?>) ((Map<?, ?>) JsonRecords.parse(Files.readString(timeline))).get("traceEvents");
        for (Object e : events) {
            Map<?, ?> event = (Map<?, ?>) e;
            if ("thread_name".equals(event.get("name"))) {
                lanes.put((Long) event.get("tid"), (String) ((Map<?, ?>) event.get("args")).get("name"));
            }
        }
        for (Object e : events) {
            Map<?, ?> event = (Map<?, ?>) e;
            String lane = lanes.get(event.get("tid"));
            if ("i".equals(event.get("ph"))) {
                markers.computeIfAbsent(lane, k -> new ArrayList<>()).add(event);
            } else if ("X".equals(event.get("ph"))) {
                if ("MainThread".equals(lane)) {
                    mainSpans.add(event);
                }
                Map<?, ?> last = lastSpan.get(lane);
                if (last == null || ((Number) last.get("ts")).doubleValue() < ((Number) event.get("ts")).doubleValue()) {
                    lastSpan.put(lane, event);
                }
            }
        }
        assertEquals(List.of("MainThread", "Thread-1", "Thread-2"), List.copyOf(markers.keySet()));
        for (String thread : markers.keySet()) {
            assertEquals(1, markers.get(thread).size(), thread);
            Map<?, ?> marker = markers.get(thread).get(0);
            assertEquals("deadlock", marker.get("name"));
            assertEquals("t", marker.get("s"), "scoped to its thread's track");
            assertEquals(report, relative((String) ((Map<?, ?>) marker.get("args")).get("detail")));
            Map<?, ?> span = lastSpan.get(thread);
            assertEquals("blocked", span.get("name"), thread + ": " + span);
            Map<?, ?> args = (Map<?, ?>) span.get("args");
            assertEquals("deadlock", args.get("ended_by"), span.toString());
            double end = ((Number) span.get("ts")).doubleValue() + ((Number) span.get("dur")).doubleValue();
            // The same nanosecond, in microseconds as the format has them (a rounding's difference at most).
            assertEquals(((Number) marker.get("ts")).doubleValue(), end, 1e-3, thread);
        }
        List<Map<?, ?>> blocked = mainSpans.stream().filter(span -> "blocked".equals(span.get("name"))).toList();
        assertEquals(1, blocked.size(), mainSpans.toString());
        assertEquals(lastSpan.get("MainThread"), blocked.get(0));
    }
}

package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The observability options end to end: {@code --trace} (text and jsonl, filtered, limited),
 * {@code --stats}, {@code --stats-json}, {@code --timeline} and bad output paths. Every
 * assertion is a guarantee of Toy's, never a timing or what the OS scheduler happened to do.
 */
class ObservabilityTest {
    /**
     * Two busy threads that start counting only once both run (each sets its own flag, so the
     * handshake has no race of its own), then never block.
     */
    private static final String TWO_BUSY_THREADS = """
            let ready1 = false
            let ready2 = false
            fn work1(n) {
                ready1 = true
                while not ready2 {
                }
                while n > 0 {
                    n -= 1
                }
            }
            fn work2(n) {
                ready2 = true
                while not ready1 {
                }
                while n > 0 {
                    n -= 1
                }
            }
            let a = spawn work1(300)
            let b = spawn work2(300)
            a.join()
            b.join()
            print("done")
            """;

    private static final Set<String> INSTRUCTION_FIELDS = Set.of("seq", "t_ns", "thread", "fn", "pc", "line", "op", "arg", "stack");
    private static final Set<String> EVENTS = Set.of("gil_wait", "gil_acquire", "gil_drop", "block", "unblock", "aborted", "deadlock",
            "thread_start", "thread_end");

    @TempDir
    Path dir;

    @Test
    void jsonlRecordsParseAndSeqRisesByOne() throws IOException {
        Path trace = dir.resolve("t.jsonl");
        ToyRunner.Result r = ToyRunner.run("run", "--switch-interval", "1", "--trace", trace.toString(), "--trace-format", "jsonl",
                script(TWO_BUSY_THREADS));
        assertEquals(0, r.status(), r.err());
        assertEquals("done\n", r.out());
        List<Map<String, Object>> records = JsonRecords.lines(trace);
        long seq = 0;
        long lastTime = 0;
        for (Map<String, Object> record : records) {
            assertEquals(seq++, record.get("seq"), "seq rises by one: " + record);
            long t = (Long) record.get("t_ns");
            assertTrue(t >= lastTime, "t_ns never goes back: " + record);
            lastTime = t;
            assertTrue(record.get("thread") instanceof String, record.toString());
            if (record.containsKey("event")) {
                assertTrue(EVENTS.contains(record.get("event")), record.toString());
            } else {
                assertEquals(INSTRUCTION_FIELDS, record.keySet(), record.toString());
            }
        }
        // The two threads meet at a barrier and then run side by side: they drop the GIL at
        // interval ends; which drop comes first (MainThread's join is a blocking one) is the OS's choice.
        assertTrue(records.stream().anyMatch(m -> "gil_drop".equals(m.get("event")) && "interval".equals(m.get("reason"))));
        assertTrue(records.stream().anyMatch(m -> "gil_drop".equals(m.get("event")) && "blocking".equals(m.get("reason"))));
        assertTrue(records.stream().anyMatch(m -> "gil_acquire".equals(m.get("event")) && m.get("waited_ns") instanceof Long));
        Map<String, Object> block = records.stream().filter(m -> "block".equals(m.get("event"))).findFirst().orElseThrow();
        assertEquals("join Thread-1", block.get("on"));
        assertTrue(((String) block.get("line")).endsWith("s.toy:21"), block.toString());
    }

    @Test
    void statsCountEveryInstructionOfAFullTrace() throws IOException {
        Path trace = dir.resolve("t.jsonl");
        Path stats = dir.resolve("s.json");
        for (String interval : List.of("1", "7", "5ms")) {
            ToyRunner.Result r = ToyRunner.run("run", "--switch-interval", interval, "--trace", trace.toString(), "--trace-format",
                    "jsonl", "--stats-json", stats.toString(), script(TWO_BUSY_THREADS));
            assertEquals(0, r.status(), r.err());
            Map<String, Long> traced = new HashMap<>();
            for (Map<String, Object> record : JsonRecords.lines(trace)) {
                if (record.containsKey("op")) {
                    traced.merge((String) record.get("thread"), 1L, Long::sum);
                }
            }
            Map<String, Object> report = json(stats);
            Map<String, Long> counted = new HashMap<>();
            for (Object t : (List<?>) report.get("threads")) {
                Map<?, ?> thread = (Map<?, ?>) t;
                counted.put((String) thread.get("name"), (Long) thread.get("instructions"));
            }
            assertEquals(traced, counted, "at --switch-interval " + interval);
            assertEquals(Set.of("MainThread", "Thread-1", "Thread-2"), counted.keySet());
        }
    }

    @Test
    void aThreadThatRunsNoBytecodeExecutedNoInstructions() throws IOException {
        Path stats = dir.resolve("s.json");
        ToyRunner.Result r = ToyRunner.run("run", "--stats-json", stats.toString(), script("let t = spawn print(\"hi\")\nt.join()\n"));
        assertEquals(0, r.status(), r.err());
        Map<?, ?> thread = (Map<?, ?>) ((List<?>) json(stats).get("threads")).get(1);
        assertEquals("Thread-1", thread.get("name"));
        assertEquals(0L, thread.get("instructions"), "print is a builtin: no bytecode ran in Thread-1");
    }

    @Test
    void withoutAGilNoThreadIsEverShownWaitingForIt() throws IOException {
        Path timeline = dir.resolve("off.json");
        ToyRunner.Result r = ToyRunner.run("run", "--gil", "off", "--timeline", timeline.toString(),
                ToyRunner.root().resolve("samples/threads/producer_consumer.toy").toString());
        assertEquals(0, r.status(), r.err());
        String events = Files.readString(timeline);
        assertTrue(events.contains("running (no GIL)"), events);
        assertTrue(!events.contains("waiting for the GIL"), events);
    }

    @Test
    void everyPrimitiveAndEveryPoolWorkerIsInTheStats() throws IOException {
        Path stats = dir.resolve("s.json");
        ToyRunner.Result r = ToyRunner.run("run", "--stats-json", stats.toString(), script("""
                fn square(x) { return x * x }
                if is_main() {
                    let r = RLock(name="r")
                    with r { with r { } }
                    let c = Condition(name="c")
                    with c { c.wait(0.001) }
                    let e = Event(name="e")
                    e.set()
                    e.wait()
                    let pool = Pool(2)
                    print(pool.map(square, range(10)))
                }
                """));
        assertEquals(0, r.status(), r.err());
        Map<?, ?> report = json(stats);
        List<?> locks = (List<?>) report.get("locks");
        Map<String, String> kinds = new java.util.HashMap<>();
        for (Object entry : locks) {
            Map<?, ?> lock = (Map<?, ?>) entry;
            if (lock.get("name") != null) {
                kinds.put((String) lock.get("name"), (String) lock.get("kind"));
            }
        }
        assertEquals(Map.of("r", "RLock", "c", "Condition", "e", "Event"), kinds);
        List<?> workers = (List<?>) report.get("workers");
        assertEquals(2, workers.size());
        long tasks = 0;
        for (Object entry : workers) {
            tasks += (Long) ((Map<?, ?>) entry).get("tasks");
        }
        assertEquals(10, tasks);
    }

    /**
     * Two pools: each (pool, worker) has a lane and a stats row of its own, named after its pool;
     * a pool's tasks are on its own workers' lanes. Which worker of a pool ran which task is the
     * scheduler's business, so only the counts per pool are asserted.
     */
    @Test
    void workersOfSeveralPoolsAreToldApartByTheirPool() throws IOException {
        Path stats = dir.resolve("s.json");
        Path timeline = dir.resolve("t.json");
        ToyRunner.Result r = ToyRunner.run("run", "--stats", "--stats-json", stats.toString(), "--timeline", timeline.toString(),
                script("""
                        fn square(x) { return x * x }
                        fn cube(x) { return x * x * x }
                        if is_main() {
                            print(Pool(2).map(square, range(4)))
                            print(Pool(1).map(cube, range(3)))
                        }
                        """));
        assertEquals(0, r.status(), r.err());
        assertEquals("[0, 1, 4, 9]\n[0, 1, 8]\n", r.out());

        Map<String, Long> tasksPerPool = new HashMap<>();
        List<String> rows = new ArrayList<>();
        for (Object entry : (List<?>) json(stats).get("workers")) {
            Map<?, ?> worker = (Map<?, ?>) entry;
            assertEquals(Set.of("pool", "index", "tasks", "busy_ns", "bytes_sent", "bytes_received", "round_trip_ns", "recalled",
                    "recalls_begun", "replacements"), worker.keySet());
            rows.add(worker.get("pool") + "/" + worker.get("index"));
            tasksPerPool.merge("Pool " + worker.get("pool"), (Long) worker.get("tasks"), Long::sum);
        }
        assertEquals(List.of("1/0", "1/1", "2/0"), rows, "in the order of the pools");
        assertEquals(Map.of("Pool 1", 4L, "Pool 2", 3L), tasksPerPool);

        Map<Long, String> laneNames = new java.util.TreeMap<>();
        Map<String, Long> tasksPerLanePool = new HashMap<>();
        List<Map<?, ?>> tasks = new ArrayList<>();
        for (Object e : (List<?>) json(timeline).get("traceEvents")) {
            Map<?, ?> event = (Map<?, ?>) e;
            if ("thread_name".equals(event.get("name"))) {
                laneNames.put((Long) event.get("tid"), (String) ((Map<?, ?>) event.get("args")).get("name"));
            } else if ("task".equals(event.get("cat"))) {
                tasks.add(event);
            }
        }
        assertEquals(List.of("MainThread", "Pool 1 worker 0", "Pool 1 worker 1", "Pool 2 worker 0"), List.copyOf(laneNames.values()));
        for (Map<?, ?> task : tasks) {
            String lane = laneNames.get(task.get("tid"));
            Map<?, ?> args = (Map<?, ?>) task.get("args");
            assertEquals("Pool " + args.get("pool") + " worker " + args.get("worker"), lane, task.toString());
            assertEquals(lane.startsWith("Pool 1 ") ? "square" : "cube", task.get("name"), task.toString());
            tasksPerLanePool.merge(lane.substring(0, "Pool 1".length()), 1L, Long::sum);
        }
        assertEquals(Map.of("Pool 1", 4L, "Pool 2", 3L), tasksPerLanePool);

        // The table's worker rows begin with their pool and their index.
        List<String> table = r.err().lines().dropWhile(line -> !line.startsWith("pool ")).toList();
        assertTrue(table.get(0).matches("pool +worker +tasks .*"), r.err());
        assertEquals(List.of("1 0", "1 1", "2 0"),
                table.subList(1, 4).stream().map(line -> String.join(" ", List.of(line.trim().split(" +")).subList(0, 2))).toList(),
                r.err());
    }

    /**
     * A worker runs one task at a time, so its lane's task spans never overlap: they are
     * disjoint (one may end where the next begins), though a worker begins its next task before
     * the parent reads the last reply. Many short tasks, so that this happens often; the
     * assertion holds however the replies were timed.
     */
    @Test
    void aWorkersTasksNeverOverlapOnItsLane() throws IOException {
        Path timeline = dir.resolve("t.json");
        ToyRunner.Result r = ToyRunner.run("run", "--timeline", timeline.toString(), script("""
                fn sq(x) {
                    let s = 0
                    for i in range(2000) { s += i }
                    return x * x
                }
                if is_main() {
                    print(len(Pool(2).map(sq, range(200))))
                }
                """));
        assertEquals(0, r.status(), r.err());
        assertEquals("200\n", r.out());
        Map<Object, List<long[]>> lanes = new HashMap<>();
        for (Object e : (List<?>) json(timeline).get("traceEvents")) {
            Map<?, ?> event = (Map<?, ?>) e;
            if ("task".equals(event.get("cat"))) {
                // ts and dur are in µs with the ns as decimals: back to whole ns.
                long start = Math.round(((Number) event.get("ts")).doubleValue() * 1000);
                long end = start + Math.round(((Number) event.get("dur")).doubleValue() * 1000);
                lanes.computeIfAbsent(event.get("tid"), tid -> new ArrayList<>()).add(new long[] {start, end});
            }
        }
        assertEquals(200, lanes.values().stream().mapToInt(List::size).sum());
        for (List<long[]> spans : lanes.values()) {
            spans.sort(java.util.Comparator.comparingLong(span -> span[0]));
            for (int i = 1; i < spans.size(); i++) {
                assertTrue(spans.get(i - 1)[1] <= spans.get(i)[0], "task " + i + " of a lane begins at " + spans.get(i)[0]
                        + " ns, before the one before it ends at " + spans.get(i - 1)[1]);
            }
        }
    }

    /**
     * Under handoff at a switch interval of 1, a thread that drops the GIL waits until a waiting
     * thread took it: two busy threads run one instruction each in turn, and between two
     * instructions there are exactly the drop, the wait and the other's acquisition.
     */
    @Test
    void twoThreadsAtIntervalOneAlternateWithGilEventsBetween() throws IOException {
        Path trace = dir.resolve("t.jsonl");
        ToyRunner.Result r = ToyRunner.run("run", "--switch-interval", "1", "--trace", trace.toString(), "--trace-format", "jsonl",
                script(TWO_BUSY_THREADS));
        assertEquals(0, r.status(), r.err());
        List<Map<String, Object>> records = JsonRecords.lines(trace);
        // The window: MainThread blocked in join and both workers running, until one ends.
        int start = 0;
        Set<String> seen = new HashSet<>();
        boolean mainBlocked = false;
        while (!(mainBlocked && seen.containsAll(Set.of("Thread-1", "Thread-2")))) {
            Map<String, Object> m = records.get(start++);
            mainBlocked |= "MainThread".equals(m.get("thread")) && "block".equals(m.get("event"));
            if (m.containsKey("op")) {
                seen.add((String) m.get("thread"));
            }
        }
        int end = start;
        while (!"thread_end".equals(records.get(end).get("event"))
                && !"thread_end".equals(records.get(end).get("reason"))) {
            end++;
        }
        List<Map<String, Object>> window = records.subList(start, end);
        Map<String, Object> previous = null;
        List<String> between = new ArrayList<>();
        int instructions = 0;
        for (Map<String, Object> m : window) {
            if (!m.containsKey("op")) {
                between.add(m.get("thread") + " " + m.get("event"));
                continue;
            }
            instructions++;
            if (previous != null) {
                String before = (String) previous.get("thread");
                String now = (String) m.get("thread");
                assertFalse(before.equals(now), "two instructions of " + now + " in a row at seq " + m.get("seq"));
                assertEquals(List.of(before + " gil_drop", before + " gil_wait", now + " gil_acquire"), between,
                        "between seq " + previous.get("seq") + " and " + m.get("seq"));
            }
            previous = m;
            between.clear();
        }
        assertTrue(instructions > 100, "both threads counted side by side: " + instructions);
    }

    @Test
    void traceThreadsKeepsOnlyThoseThreads() throws IOException {
        Path trace = dir.resolve("t.jsonl");
        ToyRunner.Result r = ToyRunner.run("run", "--trace", trace.toString(), "--trace-format", "jsonl", "--trace-threads",
                "Thread-2, MainThread", script(TWO_BUSY_THREADS));
        assertEquals(0, r.status(), r.err());
        Set<Object> threads = JsonRecords.lines(trace).stream().map(m -> m.get("thread")).collect(Collectors.toSet());
        assertEquals(Set.of("Thread-2", "MainThread"), threads);
    }

    @Test
    void traceLimitStopsTracingButNotTheRun() throws IOException {
        Path trace = dir.resolve("t.jsonl");
        ToyRunner.Result r = ToyRunner.run("run", "--switch-interval", "1", "--trace", trace.toString(), "--trace-format", "jsonl",
                "--trace-limit", "50", script(TWO_BUSY_THREADS));
        assertEquals(0, r.status(), r.err());
        assertEquals("done\n", r.out());
        List<Map<String, Object>> records = JsonRecords.lines(trace);
        assertEquals(50, records.stream().filter(m -> m.containsKey("op")).count());
        assertTrue(records.get(records.size() - 1).containsKey("op"), "no event after the last instruction record");
    }

    @Test
    void textTraceHasAlignedColumnsAndUtf8() throws IOException {
        Path trace = dir.resolve("t.txt");
        ToyRunner.Result r = ToyRunner.run("run", "--trace", trace.toString(), script("let s = \"h\u00e9llo \u2603\"\nprint(s)\n"));
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(trace, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).matches(" +seq +t_ns +thread +fn +pc +line +op +arg +stack"), lines.get(0));
        int opColumn = lines.get(0).indexOf("op ");
        String define = lines.stream().filter(l -> l.contains("DEFINE_GLOBAL")).findFirst().orElseThrow();
        assertEquals(opColumn, define.indexOf("DEFINE_GLOBAL"), define);
        assertTrue(define.endsWith("\"h\u00e9llo \u2603\""), define);
        assertTrue(lines.stream().anyMatch(l -> l.contains("MainThread") && l.contains("--- gil_acquire waited_ns=0")), lines.toString());
    }

    /**
     * A Lock's name with a line break (a deadlock on it, so that the thread surely blocks):
     * every record of the text trace is still one line, as is every row of the stats table.
     */
    @Test
    void controlCharactersInANameAreEscapedInTheTextTraceAndTheStats() throws IOException {
        Path trace = dir.resolve("t.txt");
        ToyRunner.Result r = ToyRunner.run("run", "--trace", trace.toString(), "--stats",
                script("let l = Lock(name=\"line one\\nline\\ttwo\")\nl.acquire()\nlet t = spawn l.acquire()\nt.join()\n"));
        assertEquals(70, r.status(), r.err());
        List<String> lines = Files.readAllLines(trace, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            assertTrue(lines.get(i).matches(" +" + (i - 1) + " +\\d+  \\S.*"), "record " + (i - 1) + " is line " + i + ": " + lines.get(i));
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("--- block on=\"acquire Lock \\\"line one\\nline\\ttwo\\\" (")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("  <Lock \"line one\\nline\\ttwo\" (")), lines.toString());
        // The DeadlockError's report, above the table, is the program's own output: it shows the name as it is.
        String table = r.err().substring(r.err().indexOf("\nprimitive "));
        assertTrue(table.contains("\nLock       line one\\nline\\ttwo " + dir.resolve("s.toy") + ":1 "), table);
        assertFalse(table.contains("\t"), table);
    }

    @Test
    void traceToStderrWithDash() {
        ToyRunner.Result r = ToyRunner.run("run", "--trace", "-", "--trace-format", "jsonl", script("print(1 + 2)\n"));
        assertEquals(0, r.status(), r.err());
        assertEquals("3\n", r.out());
        assertTrue(r.err().contains("\"op\":\"CALL\""), r.err());
    }

    @Test
    void anErrorReportOnStderrComesAfterTheTraceRecordsBeforeIt() {
        // A deadlock after a loop: the records of the loop are in the trace's buffer when it is found.
        ToyRunner.Result r = ToyRunner.run("run", "--trace", "-", script(
                "let t = 0\nfor i in range(300) {\n t += i\n}\nlet l = Lock()\nl.acquire()\nl.acquire()\n"));
        assertEquals(70, r.status(), r.err());
        int report = r.err().indexOf("DeadlockError");
        assertTrue(report > 0 && r.err().substring(0, report).contains(" STORE_GLOBAL "), r.err());
        assertTrue(r.err().substring(0, report).contains("--- block "), r.err());
    }

    /** {@code --stats-json -} writes the report to stderr, as {@code --trace -} does, and no file named "-". */
    @Test
    void statsJsonToStderrWithDash() {
        ToyRunner.Result r = ToyRunner.run("run", "--stats-json", "-", script("print(1 + 2)\n"));
        assertEquals(0, r.status(), r.err());
        assertEquals("3\n", r.out());
        Map<?, ?> report = (Map<?, ?>) JsonRecords.parse(r.err());
        assertEquals("MainThread", ((Map<?, ?>) ((List<?>) report.get("threads")).get(0)).get("name"));
        assertTrue(r.err().endsWith("}\n"), r.err());
        assertFalse(Files.exists(Path.of("-")), "a file named '-' in " + Path.of("").toAbsolutePath());
    }

    /** Trace and report both on stderr: the whole trace first, then the report, never one inside the other. */
    @Test
    void traceAndStatsJsonBothOnStderrComeOneAfterTheOther() {
        // Enough records that the trace's buffer holds some of them when the run ends.
        ToyRunner.Result r = ToyRunner.run("run", "--trace", "-", "--trace-format", "jsonl", "--stats-json", "-",
                script("let t = 0\nfor i in range(300) {\n t += i\n}\nprint(t)\n"));
        assertEquals(0, r.status(), r.err());
        int report = r.err().indexOf("{\n");
        assertTrue(report > 0, r.err());
        String[] records = r.err().substring(0, report).split("\n");
        assertTrue(records.length > 300, "records: " + records.length);
        for (String record : records) {
            assertTrue(((Map<?, ?>) JsonRecords.parse(record)).containsKey("seq"), record);
        }
        Map<?, ?> stats = (Map<?, ?>) JsonRecords.parse(r.err().substring(report));
        assertTrue(stats.containsKey("wall_ns"), r.err().substring(report));
    }

    /** Each instruction record shows its instruction exactly as {@code toy dis} prints it, global slots included. */
    @Test
    void traceAndDisFormatInstructionsAlike() throws IOException {
        Path trace = dir.resolve("t.jsonl");
        String file = script(TWO_BUSY_THREADS);
        assertEquals(0, ToyRunner.run("run", "--trace", trace.toString(), "--trace-format", "jsonl", file).status());
        ToyRunner.Result dis = ToyRunner.run("dis", file);
        Set<String> disassembled = new HashSet<>();
        for (String line : dis.out().split("\n")) {
            String rest = line.length() > 8 ? line.substring(8).trim() : "";
            disassembled.add(rest.replaceAll("\\s+", " "));
        }
        int checked = 0;
        for (Map<String, Object> m : JsonRecords.lines(trace)) {
            if (m.containsKey("op")) {
                String expected = (m.get("pc") + " " + m.get("op") + " " + m.get("arg")).trim().replaceAll("\\s+", " ");
                assertTrue(disassembled.contains(expected), "toy dis has no line " + expected + "\n" + dis.out());
                checked++;
            }
        }
        assertTrue(checked > 0);
        assertTrue(dis.out().contains("LOAD_GLOBAL") && JsonRecords.lines(trace).stream()
                .anyMatch(m -> "LOAD_GLOBAL".equals(m.get("op")) && ((String) m.get("arg")).endsWith("(ready2)")));
    }

    @Test
    void statsJsonFollowsTheSchemaAndCountsLockAcquisitions() throws IOException {
        Path stats = dir.resolve("s.json");
        ToyRunner.Result r = ToyRunner.run("run", "--stats-json", stats.toString(), "--stats",
                ToyRunner.root().resolve("samples/threads/race_fixed.toy").toString());
        assertEquals(0, r.status(), r.err());
        Map<String, Object> report = json(stats);
        assertEquals(Set.of("wall_ns", "handovers", "gil_wait_share", "threads", "locks", "workers", "deadlock"), report.keySet());
        assertEquals(List.of(), report.get("workers"));
        List<?> locks = (List<?>) report.get("locks");
        assertEquals(1, locks.size());
        Map<?, ?> lock = (Map<?, ?>) locks.get(0);
        assertEquals("Lock", lock.get("kind"));
        assertTrue(lock.containsKey("name") && lock.get("name") == null);
        assertTrue(((String) lock.get("site")).endsWith("race_fixed.toy:6"), lock.toString());
        assertEquals(4000L, lock.get("acquisitions"), "2 threads take it 2000 times each");
        assertTrue((Long) lock.get("contended") <= 4000L);
        assertEquals(0L, lock.get("gave_up"));
        for (Object t : (List<?>) report.get("threads")) {
            assertEquals(Set.of("name", "instructions", "gil_acquisitions", "gil_waits", "gil_wait_ns", "gil_wait_max_ns",
                    "gil_hold_ns", "drops_interval", "drops_blocking"), ((Map<?, ?>) t).keySet());
        }
        assertTrue(r.err().contains("handovers") && r.err().contains("Thread-2") && r.err().contains("race_fixed.toy:6"), r.err());
    }

    /**
     * A wait whose timeout runs out is given up: counted, with its time, but not as an
     * acquisition; traced as an unblock for that reason, its span on the timeline ended by it.
     */
    @Test
    void aTimedOutAcquireIsAWaitGivenUp() throws IOException {
        Path stats = dir.resolve("s.json");
        Path trace = dir.resolve("t.jsonl");
        Path timeline = dir.resolve("t.json");
        ToyRunner.Result r = ToyRunner.run("run", "--stats-json", stats.toString(), "--trace", trace.toString(),
                "--trace-format", "jsonl", "--timeline", timeline.toString(), script("""
                let lock = Lock()
                fn try_it() {
                    print(lock.acquire(timeout=0.05))
                }
                with lock {
                    (spawn try_it()).join()
                }
                """));
        assertEquals("false\n", r.out(), r.err());
        Map<?, ?> lock = (Map<?, ?>) ((List<?>) json(stats).get("locks")).get(0);
        assertEquals(1L, lock.get("acquisitions"));
        assertEquals(0L, lock.get("contended"));
        assertEquals(1L, lock.get("gave_up"));
        assertTrue((Long) lock.get("wait_ns") > 0, lock.toString());

        // Thread-1 gave up on the Lock. MainThread's join, if it blocked at all (Thread-1 may end
        // before MainThread gets there), ended with what it waited for.
        List<String> unblocks = unblocks(trace);
        assertEquals(List.of("Thread-1 timeout"), unblocks.stream().filter(u -> u.startsWith("Thread-1")).toList());
        assertTrue(unblocks.stream().filter(u -> u.startsWith("MainThread")).allMatch(u -> u.endsWith(" ready")), unblocks.toString());
        List<Map<?, ?>> givenUp = spansEndedBy(timeline);
        assertEquals(1, givenUp.size(), givenUp.toString());
        assertEquals("timeout", ((Map<?, ?>) givenUp.get(0).get("args")).get("ended_by"));
        assertTrue(((String) ((Map<?, ?>) givenUp.get(0).get("args")).get("on")).startsWith("acquire Lock"), givenUp.toString());
    }

    /** --trace-threads naming a thread that never ran (a typo) says so, naming those that did; the run is not failed. */
    @Test
    void traceThreadsNamingNoThreadThatRanSaysSo() throws IOException {
        Path trace = dir.resolve("t.txt");
        ToyRunner.Result r = ToyRunner.run("run", "--trace", trace.toString(), "--trace-threads", "Thread-1,Threda-2",
                script("let t = spawn print(\"hi\")\nt.join()\n"));
        assertEquals(0, r.status(), r.err());
        assertEquals("hi\n", r.out());
        assertEquals("toy: --trace-threads: no thread named 'Threda-2' ran (the threads were MainThread, Thread-1)\n", r.err());
        assertTrue(Files.readString(trace).contains("Thread-1"));
    }

    /** A trace's format, threads or limit without --trace would trace nothing, silently: a usage error. */
    @Test
    void aTracesShapeWithoutTheTraceIsAUsageError() {
        for (List<String> options : List.of(List.of("--trace-threads", "Thread-1"), List.of("--trace-format", "text"),
                List.of("--trace-limit", "10"))) {
            List<String> args = new ArrayList<>(List.of("run"));
            args.addAll(options);
            args.add(script("print(1)\n"));
            ToyRunner.Result r = ToyRunner.run(args.toArray(String[]::new));
            assertEquals(2, r.status(), options.toString());
            assertEquals("", r.out());
            assertEquals("toy: --trace-format, --trace-threads and --trace-limit shape a trace: give --trace FILE too\n", r.err());
        }
        // Before the script is compiled: a usage error comes first.
        assertEquals(2, ToyRunner.run("run", "--trace-limit", "5", script("let x =\n")).status());
    }

    /** Two outputs in one file, or one in the script itself, would overwrite each other: a usage error, nothing written. */
    @Test
    void outputsThatNameOneFileAreAUsageError() throws IOException {
        Path script = Path.of(script("print(1)\n"));
        String source = Files.readString(script);
        Path shared = dir.resolve("out.json");
        ToyRunner.Result r = ToyRunner.run("run", "--trace", shared.toString(), "--timeline", shared.toString(), script.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals("toy: --timeline '" + shared + "' names the same file as --trace, which it would overwrite: give each its own file\n",
                r.err());
        assertFalse(Files.exists(shared));
        // The script through a hard link.
        Path hard = Files.createLink(dir.resolve("hard.toy"), script);
        r = ToyRunner.run("run", "--stats-json", hard.toString(), script.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("names the same file as the script"), r.err());
        assertEquals(source, Files.readString(script));
        // One file not made yet, named through a link to its directory and through the directory.
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        r = ToyRunner.run("run", "--trace", link.resolve("t.json").toString(), "--timeline", real.resolve("t.json").toString(),
                script.toString());
        assertEquals(2, r.status(), r.err());
        assertFalse(Files.exists(real.resolve("t.json")));
        // Standard error, and a device, may take several.
        r = ToyRunner.run("run", "--trace", "-", "--stats-json", "-", script.toString());
        assertEquals(0, r.status(), r.err());
        r = ToyRunner.run("run", "--trace", "/dev/null", "--stats-json", "/dev/null", script.toString());
        assertEquals(0, r.status(), r.err());
    }

    /** Waits that get what they waited for, a timed one and a sleep among them, are unblocked for that reason. */
    @Test
    void waitsThatGetWhatTheyWaitForAreUnblockedReady() throws IOException {
        Path trace = dir.resolve("t.jsonl");
        Path timeline = dir.resolve("t.json");
        // MainThread holds c's lock until its wait lets it go, so the notify comes after the wait began.
        ToyRunner.Result r = ToyRunner.run("run", "--trace", trace.toString(), "--trace-format", "jsonl",
                "--timeline", timeline.toString(), script("""
                let c = Condition()
                fn wake() {
                    with c { c.notify() }
                }
                with c {
                    spawn wake()
                    print(c.wait(60))
                }
                sleep(0.001)
                """));
        assertEquals("true\n", r.out(), r.err());
        List<String> unblocks = unblocks(trace);
        assertTrue(unblocks.stream().filter(u -> u.startsWith("MainThread")).count() >= 2, unblocks.toString());
        assertTrue(unblocks.stream().allMatch(u -> u.endsWith(" ready")), unblocks.toString());
        assertEquals(List.of(), spansEndedBy(timeline));
    }

    /** The trace's unblock records, each as "THREAD REASON". */
    private static List<String> unblocks(Path trace) throws IOException {
        return JsonRecords.lines(trace).stream().filter(m -> "unblock".equals(m.get("event")))
                .map(m -> m.get("thread") + " " + m.get("reason")).toList();
    }

    /** The timeline's spans marked as ended by something other than what they waited for. */
    private static List<Map<?, ?>> spansEndedBy(Path timeline) throws IOException {
        List<Map<?, ?>> spans = new ArrayList<>();
        for (Object e : (List<?>) json(timeline).get("traceEvents")) {
            Map<?, ?> event = (Map<?, ?>) e;
            if ("X".equals(event.get("ph")) && event.get("args") instanceof Map<?, ?> args && args.containsKey("ended_by")) {
                spans.add(event);
            }
        }
        return spans;
    }

    @Test
    void timelineJsonHasATrackPerThread() throws IOException {
        Path timeline = dir.resolve("t.json");
        ToyRunner.Result r = ToyRunner.run("run", "--switch-interval", "3", "--timeline", timeline.toString(), script(TWO_BUSY_THREADS));
        assertEquals(0, r.status(), r.err());
        Map<String, Object> trace = json(timeline);
        Set<Object> names = new HashSet<>();
        Set<Object> states = new HashSet<>();
        for (Object e : (List<?>) trace.get("traceEvents")) {
            Map<?, ?> event = (Map<?, ?>) e;
            if ("thread_name".equals(event.get("name"))) {
                names.add(((Map<?, ?>) event.get("args")).get("name"));
            } else if ("X".equals(event.get("ph"))) {
                states.add(event.get("name"));
                assertTrue(((Number) event.get("dur")).doubleValue() >= 0, event.toString());
            }
        }
        assertEquals(Set.of("MainThread", "Thread-1", "Thread-2"), names);
        assertTrue(states.containsAll(Set.of("running", "waiting for the GIL", "blocked")), states.toString());
    }

    @Test
    void allThreeAtOnceAgree() throws IOException {
        Path trace = dir.resolve("t.jsonl");
        Path stats = dir.resolve("s.json");
        Path timeline = dir.resolve("t.html");
        ToyRunner.Result r = ToyRunner.run("run", "--gil", "off", "--trace", trace.toString(), "--trace-format", "jsonl",
                "--stats-json", stats.toString(), "--timeline", timeline.toString(), script(TWO_BUSY_THREADS));
        assertEquals(0, r.status(), r.err());
        long traced = JsonRecords.lines(trace).stream().filter(m -> m.containsKey("op")).count();
        long counted = ((List<?>) json(stats).get("threads")).stream().mapToLong(t -> (Long) ((Map<?, ?>) t).get("instructions")).sum();
        assertEquals(traced, counted);
        String page = Files.readString(timeline);
        assertTrue(page.contains("[\"L\",1,\"Thread-1\"]") && page.contains("running (no GIL)"));
    }

    @Test
    void anOutputFileThatCannotBeCreatedStopsTheRunWith73() {
        String missing = dir.resolve("no/such/dir/t.jsonl").toString();
        ToyRunner.Result r = ToyRunner.run("run", "--trace", missing, script("print(\"ran\")\n"));
        assertEquals(73, r.status());
        assertEquals("", r.out(), "the script did not start");
        assertEquals("toy: can't create trace file '" + missing + "': No such file or directory\n", r.err());

        r = ToyRunner.run("run", "--stats-json", dir.toString(), script("print(\"ran\")\n"));
        assertEquals(73, r.status());
        assertEquals("toy: can't create stats file '" + dir + "': Is a directory\n", r.err());

        r = ToyRunner.run("run", "--timeline", dir.resolve("no/t.html").toString(), script("print(\"ran\")\n"));
        assertEquals(73, r.status());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    /** Ctrl-C halts the JVM at once; what was observed up to it still reaches the files, whole. */
    @Test
    void ctrlCCompletesTheFiles() throws Exception {
        Path trace = dir.resolve("t.jsonl");
        Path stats = dir.resolve("s.json");
        Path timeline = dir.resolve("t.json");
        String file = script("fn spin() { while true { } }\nspawn spin()\nspin()\n");
        // env --default-signal: a test runner started in the background of a non-interactive shell
        // passes SIGINT on ignored, and then no program sees Ctrl-C.
        Process process = new ProcessBuilder("env", "--default-signal=INT", "java", "-cp", System.getProperty("java.class.path"),
                "toy.interpreter.cli.Main",
                "--trace", trace.toString(), "--trace-format", "jsonl", "--trace-threads", "Thread-1", "--stats-json", stats.toString(),
                "--timeline",
                timeline.toString(), file).redirectErrorStream(true).start();
        try {
            // Ready when Thread-1's records filled the trace's buffer twice: it runs (and MainThread spawned it).
            long guard = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
            while (!Files.exists(trace) || Files.size(trace) < 1 << 17) {
                assertTrue(process.isAlive(), "toy ended before Ctrl-C");
                assertTrue(System.nanoTime() < guard, "Thread-1 never got to run");
                Thread.sleep(20);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "toy did not stop on SIGINT");
            assertEquals(130, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
        List<Map<String, Object>> records = JsonRecords.lines(trace);
        assertEquals((long) records.size() - 1, records.get(records.size() - 1).get("seq"), "every record whole, none missing");
        for (Object t : (List<?>) json(stats).get("threads")) {
            // Both threads still ran: their counts are what they had done so far.
            assertTrue((Long) ((Map<?, ?>) t).get("instructions") > 0, t.toString());
        }
        assertTrue(json(timeline).get("traceEvents") instanceof List);
    }

    /**
     * SIGTERM (kill's default, timeout's) ends the run as Ctrl-C does, quietly, with the JVM's
     * status for it, 143: what was printed (to a file, in blocks) is kept, and the files are
     * complete: stats JSON and the HTML page, which a kill before left empty.
     */
    @Test
    void sigtermCompletesTheFilesAndKeepsWhatWasPrinted() throws Exception {
        Path trace = dir.resolve("t.jsonl");
        Path stats = dir.resolve("s.json");
        Path timeline = dir.resolve("t.html");
        Path out = dir.resolve("out.txt");
        String file = script("fn spin() { while true { } }\nprint(\"started\")\nspawn spin()\nspin()\n");
        Process process = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), "toy.interpreter.cli.Main",
                "--trace", trace.toString(), "--trace-format", "jsonl", "--trace-threads", "Thread-1", "--stats-json", stats.toString(),
                "--timeline", timeline.toString(), file).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            // Ready when Thread-1's records filled the trace's buffer twice: it runs (and MainThread printed and spawned it).
            long guard = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
            while (!Files.exists(trace) || Files.size(trace) < 1 << 17) {
                assertTrue(process.isAlive(), "toy ended before SIGTERM");
                assertTrue(System.nanoTime() < guard, "Thread-1 never got to run");
                Thread.sleep(20);
            }
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
            assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "toy did not stop on SIGTERM");
            assertEquals(143, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
        assertEquals("started\n", Files.readString(out, StandardCharsets.UTF_8));
        List<Map<String, Object>> records = JsonRecords.lines(trace);
        assertEquals((long) records.size() - 1, records.get(records.size() - 1).get("seq"), "every record whole, none missing");
        for (Object t : (List<?>) json(stats).get("threads")) {
            assertTrue((Long) ((Map<?, ?>) t).get("instructions") > 0, t.toString());
        }
        String page = Files.readString(timeline, StandardCharsets.UTF_8);
        assertTrue(page.endsWith("</html>\n"), page.substring(Math.max(0, page.length() - 200)));
        assertTrue(page.contains("\"MainThread\"") && page.contains("\"Thread-1\""), "both lanes are in the page's data");
    }

    @Test
    void aTimelineOfAnotherExtensionIsAUsageError() {
        ToyRunner.Result r = ToyRunner.run("run", "--timeline", dir.resolve("t.txt").toString(), script("print(1)\n"));
        assertEquals(2, r.status());
        assertTrue(r.err().contains(".json") && r.err().contains(".html"), r.err());
        // Unlike --trace and --stats-json, a timeline is a file: "-" (stderr) is no .json or .html.
        r = ToyRunner.run("run", "--timeline", "-", script("print(1)\n"));
        assertEquals(2, r.status());
        assertTrue(r.err().contains("'-' is neither a .json nor a .html file"), r.err());
    }

    /** Every golden sample runs traced (jsonl, all of its values on the stack) with a clean trace and no internal error. */
    @Test
    void everySampleCanBeTraced() throws IOException {
        Path trace = dir.resolve("t.jsonl");
        List<Path> samples;
        try (var files = Files.walk(ToyRunner.root().resolve("samples"))) {
            samples = files.filter(f -> f.toString().endsWith(".toy") && !f.getParent().endsWith("bench")).sorted().toList();
        }
        assertTrue(samples.size() > 10);
        for (Path sample : samples) {
            ToyRunner.Result r = ToyRunner.run("run", "--trace", trace.toString(), "--trace-format", "jsonl", "--trace-limit", "20000",
                    sample.toString(), "1000");
            assertFalse(r.err().contains("internal error"), sample + ": " + r.err());
            assertFalse(JsonRecords.lines(trace).isEmpty(), sample.toString());
        }
    }

    private String script(String source) {
        try {
            Path file = dir.resolve("s.toy");
            Files.writeString(file, source, StandardCharsets.UTF_8);
            return file.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        Object value = JsonRecords.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertNotNull(value);
        return (Map<String, Object>) value;
    }
}

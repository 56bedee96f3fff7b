package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * LANGUAGE.md section 8 end to end: pools of real worker JVMs. Most scripts run in this JVM
 * (its workers are real processes); the fault tests run the parent as a process of its own so
 * that they can kill it or its workers. Those wait for readiness lines on stderr, which is
 * flushed per line (a spawned thread's uncaught error is reported at once), never for a time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PoolTest {
    @TempDir
    Path dir;

    private Path script(String text) throws IOException {
        return Files.writeString(dir.resolve("p.toy"), text);
    }

    private ToyRunner.Result run(String text, String... args) throws IOException {
        return runWith(List.of(), text, args);
    }

    private ToyRunner.Result runWith(List<String> options, String text, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(options);
        all.add(script(text).toString());
        all.addAll(List.of(args));
        return ToyRunner.run(all.toArray(new String[0]));
    }

    @Test
    void mapKeepsOrderOverAnyIterableAndWorkersGetTheRunOptionsAndKnowWhoTheyAre() throws IOException {
        String text = """
                fn square(x) { return x * x }
                fn who(x) { return [x, is_main(), worker_index() < worker_count(), worker_count(), args(), switch_interval()] }
                fn shout(s) { print("worker says " + s); return len(s) }
                if is_main() {
                    print(is_main(), worker_index(), worker_count())
                    let pool = Pool(2)
                    print(pool.map(square, [3, 1, 2]))
                    print(pool.map(square, range(12)))
                    print(pool.map(shout, "ab"))
                    print(pool.map(square, {4: "x", 5: "y"}))
                    print(pool.map(who, [1]))
                    let f = pool.submit(square, 7)
                    print(f.result(), f.done(), f.result(nil))
                    print(pool.map(square, []))
                    pool.shutdown()
                    pool.shutdown()
                    try { pool.submit(square, 1) } catch e { print(e.kind, e.message) }
                }
                """;
        ToyRunner.Result r = runWith(List.of("--gil", "unfair", "--switch-interval", "200us"), text, "an arg");
        assertEquals("", r.err());
        List<String> lines = List.of(r.out().split("\n"));
        assertEquals("true 0 1", lines.get(0));
        assertEquals("[9, 1, 4]", lines.get(1));
        assertEquals("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121]", lines.get(2));
        // The workers' lines come before the result they precede, in either order between them.
        assertEquals(List.of("worker says a", "worker says b"), lines.subList(3, 5).stream().sorted().toList());
        assertEquals("[1, 1]", lines.get(5));
        assertEquals("[16, 25]", lines.get(6));
        assertEquals("[[1, false, true, 2, [\"an arg\"], 0.0002]]", lines.get(7));
        assertEquals("49 true 49", lines.get(8));
        assertEquals("[]", lines.get(9));
        assertEquals("RuntimeError cannot submit work to a Pool after its shutdown()", lines.get(10));
        assertEquals(11, lines.size());
        assertEquals(0, r.status());
    }

    @Test
    void linesFromWorkersAndThreadsComeOutWhole() throws IOException {
        ToyRunner.Result r = run("""
                fn chatter(tag) {
                    for i in range(2000) { print(tag, "line", i, "-" * (i % 97)) }
                    return tag
                }
                if is_main() {
                    let pool = Pool(2)
                    let fs = [pool.submit(chatter, "a"), pool.submit(chatter, "b")]
                    let t = spawn chatter("t")
                    chatter("m")
                    print(fs[0].result(), fs[1].result(), t.join())
                }
                """);
        List<String> lines = List.of(r.out().split("\n"));
        assertEquals(4 * 2000 + 1, lines.size());
        assertEquals("a b t", lines.get(lines.size() - 1));
        for (String line : lines.subList(0, lines.size() - 1)) {
            String[] parts = line.split(" ", -1);
            assertEquals(4, parts.length, line);
            assertTrue(parts[0].matches("[abtm]") && parts[1].equals("line"), line);
            assertEquals(Integer.parseInt(parts[2]) % 97, parts[3].length(), line);
        }
    }

    @Test
    void aWorkerHasNoStandardInput() throws IOException {
        ToyRunner.Result r = run("""
                fn ask(x) { return input("> ") }
                if is_main() {
                    let pool = Pool(1)
                    print(pool.map(ask, [1, 2]))
                }
                """);
        // As at the end of input under toy run: the prompt is printed, input() is nil. The
        // prompts make a line without a newline, which comes out when the worker ends.
        assertEquals("[nil, nil]\n> > \n", r.out());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void anUncaughtErrorStopsTheWorkersWithoutWaitingForTheirTasks() throws IOException {
        ToyRunner.Result r = run("""
                fn slow(x) { sleep(x); print("finished") }
                if is_main() {
                    let pool = Pool(1)
                    pool.submit(slow, 30)
                    raise ValueError("the parent fails")
                }
                """);
        assertEquals("", r.out());
        assertTrue(r.err().endsWith("ValueError: the parent fails\n"), r.err());
        assertEquals(70, r.status());
    }

    @Test
    void anErrorInAWorkerIsRaisedAgainWithTheWorkersTracebackAbove() throws IOException {
        ToyRunner.Result r = run("""
                fn inner(x) { return 10 // x }
                fn divide(x) {
                    return inner(x)
                }
                if is_main() {
                    let pool = Pool(1)
                    try { pool.submit(divide, 0).result() } catch e { print("caught", e.kind, e.message) }
                    print(pool.map(divide, [1, 2]))
                    pool.map(divide, [5, 0, 1])
                }
                """);
        assertEquals("caught ZeroDivisionError integer division or modulo by zero\n[10, 5]\n", r.out());
        String file = dir.resolve("p.toy").toString();
        assertEquals("Traceback (most recent call last):\n"
                + "  File \"" + file + "\", line 3, in divide\n"
                + "    return inner(x)\n"
                + "           ^^^^^^^^\n"
                + "  File \"" + file + "\", line 1, in inner\n"
                + "    fn inner(x) { return 10 // x }\n"
                + "                         ^^^^^^^\n"
                + "ZeroDivisionError: integer division or modulo by zero\n"
                + "\nThe above exception was the direct cause of the following exception:\n\n"
                + "Traceback (most recent call last):\n"
                + "  File \"" + file + "\", line 9, in <main>\n"
                + "    pool.map(divide, [5, 0, 1])\n"
                + "ZeroDivisionError: integer division or modulo by zero\n", r.err());
        assertEquals(70, r.status());
    }

    @Test
    void whatCannotCrossIsATypeErrorInTheCallerBeforeAnythingIsSent() throws IOException {
        ToyRunner.Result r = run("""
                fn echo(x) { return x }
                fn lock() { return Lock() }
                fn make() { fn nested() { return 1 }; return nested }
                fn nest() { return Pool(1) }
                if is_main() {
                    let pool = Pool(1)
                    for bad in [fn() { try { pool.submit(echo, Lock()) } catch e { print(e.kind, e.message) } },
                                fn() { try { pool.map(echo, [1, Queue()]) } catch e { print(e.kind, e.message) } },
                                fn() { try { pool.submit(fn(x) { return x }, 1) } catch e { print(e.kind, e.message) } },
                                fn() { try { pool.submit(make(), 1) } catch e { print(e.kind, e.message) } },
                                fn() { try { pool.submit(len, "abc") } catch e { print(e.kind, e.message) } },
                                fn() { try { pool.submit(lock).result() } catch e { print(e.kind, e.message) } },
                                fn() { try { pool.submit(nest).result() } catch e { print(e.kind, e.message) } }] {
                        bad()
                    }
                    let xs = [1]
                    xs.append(xs)
                    try { pool.submit(echo, xs) } catch e { print(e.kind) }
                    print(pool.submit(echo, [1.5, nil, true, "é😀", {"k": [1]}]).result())
                }
                """);
        String tail = ": only int, float, bool, nil, str, and lists and maps of these can be sent";
        String top = "TypeError a Pool runs only functions declared at the top level of the script, not ";
        assertEquals("TypeError cannot send a 'Lock' to another process" + tail + "\n"
                + "TypeError cannot send a 'Queue' to another process" + tail + "\n"
                + top + "the function '<fn>'\n"
                + top + "the function 'nested'\n"
                + top + "a value of type 'builtin'\n"
                + "TypeError cannot send a 'Lock' to another process" + tail + "\n"
                + "ValueError a Pool cannot be created inside a Pool worker; start pools under `if is_main() { … }`\n"
                + "ValueError\n"
                + "[1.5, nil, true, \"é😀\", {\"k\": [1]}]\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void aTaskWaitsForWhicheverWorkerFreesFirstNotBehindALongOne() throws IOException {
        // Worker 0 holds a long task; the last task is sent while worker 1 is busy too, and must
        // go to worker 1 once it is free rather than queue behind the long one.
        ToyRunner.Result r = run("""
                fn hold(seconds) { sleep(seconds); return worker_index() }
                if is_main() {
                    let pool = Pool(2)
                    pool.submit(hold, 600)
                    let second = pool.submit(hold, 0.5)
                    let third = pool.submit(hold, 0)
                    print(second.result(), third.result(60))
                    exit(0)
                }
                """);
        assertEquals("1 1\n", r.out(), r.err());
        assertEquals(0, r.status());
    }

    @Test
    void aTaskSentBehindOneThatNeverEndsIsTakenBackForAFreeWorker() throws IOException {
        // Worker 0 runs forever() and holds a second task behind it; worker 1, done with the
        // rest, asks for that one back, or map() would wait for ever.
        ToyRunner.Result r = run("""
                fn forever() { while true { sleep(0.01) } }
                fn times_ten(x) { return [x * 10, worker_index()] }
                if is_main() {
                    let pool = Pool(2)
                    let endless = pool.submit(forever)
                    print(pool.map(times_ten, [1, 2, 3, 4]))
                    print(endless.done())
                    exit(0)
                }
                """);
        assertEquals("[[10, 1], [20, 1], [30, 1], [40, 1]]\nfalse\n", r.out(), r.err());
        assertEquals(0, r.status());
    }

    @Test
    void manyShortMapsWithRecallsCrossingTheWorkersOwnTakingAllComplete() throws IOException {
        // At the end of each map a free worker asks back the task another holds, which that
        // worker is often just taking up itself: whichever wins, every map completes in order.
        ToyRunner.Result r = run("""
                fn tiny(x) { return x }
                if is_main() {
                    let pool = Pool(3)
                    for n in range(3000) {
                        assert(pool.map(tiny, [1, 2, 3, 4, 5, 6, 7]) == [1, 2, 3, 4, 5, 6, 7])
                    }
                    print("ok")
                }
                """);
        assertEquals("ok\n", r.out(), r.err());
        assertEquals(0, r.status());
    }

    @Test
    void aWorkersLastLineWithoutANewlineIsPrintedWhenItEnds() throws IOException {
        ToyRunner.Result r = run("""
                fn partial(k) { print("tail-" + str(k), end=""); return k }
                if is_main() {
                    let pool = Pool(1)
                    print(pool.submit(partial, 1).result())
                    pool.shutdown()
                    print("after shutdown")
                }
                """);
        assertEquals("1\ntail-1\nafter shutdown\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void aWorkersLastLineWithoutANewlineIsPrintedAlsoWhenTheRunStopsTheWorkers() throws IOException {
        ToyRunner.Result exited = run("""
                fn partial(k) { print("tail-" + str(k), end=""); return k }
                if is_main() {
                    print(Pool(2).map(partial, [1, 2]))
                    exit(3)
                }
                """);
        // Each worker ran one task; they end side by side, in either order.
        assertTrue(exited.out().startsWith("[1, 2]\n") && exited.out().contains("tail-1\n") && exited.out().contains("tail-2\n")
                && exited.out().length() == "[1, 2]\ntail-1\ntail-2\n".length(), exited.out());
        assertEquals(3, exited.status());
        ToyRunner.Result failed = run("""
                fn f(x) { return x }
                if not is_main() { print("top level of", worker_index(), end="") }
                if is_main() {
                    let pool = Pool(1)
                    raise ValueError("the parent fails")
                }
                """);
        assertEquals("top level of 0\n", failed.out(), failed.err());
        assertEquals(70, failed.status());
    }

    @Test
    void workersAndLaunchedProcessesHaveTheHeapLimitOfToyHeap() throws Exception {
        String allocate = "fn big(n) { return len([0] * n) }\n";
        Path pool = script(allocate + """
                if is_main() {
                    try { print(Pool(1).submit(big, 20_000_000).result()) } catch e { print(e.kind + ": " + e.message) }
                }
                """);
        Path alone = Files.writeString(dir.resolve("alone.toy"), allocate
                + "try { print(big(20_000_000)) } catch e { print(e.kind) }\n");
        // Under the default limit (2 GiB, as ./toy gives) the list fits; in 64 MiB it does not.
        assertEquals("20000000\n", runWithToyHeap(null, pool.toString()));
        String out = runWithToyHeap("64m", pool.toString());
        assertTrue(out.startsWith("WorkerError: Pool worker 0 exited") && out.contains("OutOfMemoryError")
                && out.endsWith(" while running big()\n"), out);
        assertEquals("[0] MemoryError\n", runWithToyHeap("64m", "launch", "-n", "1", alone.toString()));
    }

    /** Toy's stdout, run as a process of its own with TOY_HEAP set to heap, or unset when null. */
    private static String runWithToyHeap(String heap, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "toy.interpreter.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (heap == null) {
            builder.environment().remove("TOY_HEAP");
        } else {
            builder.environment().put("TOY_HEAP", heap);
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void aTimeoutRaisesTimeoutErrorAndExitStopsBusyWorkers() throws IOException {
        ToyRunner.Result r = run("""
                fn forever() { while true { sleep(0.01) } }
                if is_main() {
                    let pool = Pool(1)
                    let f = pool.submit(forever)
                    try { f.result(0) } catch e { print(e.kind, f.done()) }
                    try { f.result(0.001) } catch e { print(e.kind) }
                    exit(4)
                }
                """);
        assertEquals("TimeoutError false\nTimeoutError\n", r.out());
        assertEquals(4, r.status());
    }

    @Test
    void aThreadWaitingForAFutureIsNeverADeadlock() throws IOException {
        // MainThread waits for a worker while Thread-1 waits for MainThread's lock: no thread
        // of this program can go on, yet the worker's reply will come.
        ToyRunner.Result r = run("""
                fn count(n) { while n > 0 { n -= 1 }; return "counted" }
                let lock = Lock()
                fn waiter() { with lock { return "got the lock" } }
                if is_main() {
                    let pool = Pool(1)
                    lock.acquire()
                    let t = spawn waiter()
                    print(pool.submit(count, 3_000_000).result())
                    lock.release()
                    print(t.join())
                }
                """);
        assertEquals("counted\ngot the lock\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void aWorkerWhoseTopLevelFailsMakesPoolRaiseItsError() throws IOException {
        ToyRunner.Result r = run("""
                if not is_main() {
                    let settings = {"a": 1}
                    print(settings["b"])
                }
                let pool = Pool(2)
                print("not reached")
                """);
        assertEquals("", r.out());
        String file = dir.resolve("p.toy").toString();
        assertTrue(r.err().startsWith("Traceback (most recent call last):\n  File \"" + file + "\", line 3, in <main>\n"
                + "    print(settings[\"b\"])\n          ^^^^^^^^^^^^^\n"
                + "KeyError: \"b\"\n\nThe above exception was the direct cause of the following exception:\n\n"
                + "Traceback (most recent call last):\n  File \"" + file + "\", line 5, in <main>\n"), r.err());
        assertTrue(r.err().endsWith("\nKeyError: \"b\"\n"), r.err());
        assertEquals(70, r.status());
    }

    @Test
    void aWorkerThatExitsFailsItsTaskWithWorkerErrorAndIsReplaced() throws IOException {
        ToyRunner.Result r = run("""
                fn quit(status) { exit(status) }
                fn add(a, b) { return a + b }
                if is_main() {
                    let pool = Pool(1)
                    try { pool.submit(quit, 3).result() } catch e { print(e.kind + ": " + e.message) }
                    print(pool.submit(add, 2, 3).result())
                    # The worker dies after shutdown() began: the work it still owes gets a replacement.
                    let owed = [pool.submit(quit, 4), pool.submit(add, 3, 4)]
                    pool.shutdown()
                    try { owed[0].result() } catch e { print(e.kind + ": " + e.message) }
                    print(owed[1].result())
                }
                """);
        assertEquals("WorkerError: Pool worker 0 exited with status 3 while running quit()\n5\n"
                + "WorkerError: Pool worker 0 exited with status 4 while running quit()\n7\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void theExperimentSamplePrintsItsThreeTimings() {
        // samples/processes/experiment.toy varies (timings), so the golden harness leaves it here.
        ToyRunner.Result r = ToyRunner.run("run", ToyRunner.root().resolve("samples/processes/experiment.toy").toString(),
                "200000");
        assertTrue(r.out().matches("sequential:   [0-9.e-]+ s\n"
                + "2 threads:    [0-9.e-]+ s   threads / sequential: [0-9.e-]+\n"
                + "Pool of 2:    [0-9.e-]+ s   processes / sequential: [0-9.e-]+\n"
                + "\\(Pool\\(2\\) was ready in [0-9.e-]+ s, not counted above\\)\n"), r.out());
        assertEquals("", r.err());
        assertEquals(0, r.status());
    }

    /** A parent toy process, its stderr read line by line. */
    private static final class Parent implements AutoCloseable {
        final Process process;
        final BufferedReader err;

        Parent(Path script, boolean ownProcessGroup) throws IOException {
            List<String> command = new ArrayList<>();
            if (ownProcessGroup) {
                command.add("setsid");
            }
            // env --default-signal: SIGINT may reach the tests ignored (a background job), and then no program sees it.
            command.addAll(List.of("env", "--default-signal=INT", "java", "-cp", System.getProperty("java.class.path"), "toy.interpreter.cli.Main",
                    script.toString()));
            process = new ProcessBuilder(command).start();
            err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        }

        /** Reads stderr until a line ending with {@code text}; fails if it ends first. */
        void awaitLine(String text) throws IOException {
            for (String line = err.readLine(); ; line = err.readLine()) {
                assertTrue(line != null, "stderr ended before a line ending with " + text);
                if (line.endsWith(text)) {
                    return;
                }
            }
        }

        List<ProcessHandle> workers() {
            return process.descendants().filter(p -> p.info().commandLine().orElse("").contains("WorkerMain")).toList();
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** A stderr line the script prints at once, as a readiness signal. */
    private static final String SIGNAL = "fn signal(what) { raise what }\n";

    private static void awaitGone(List<ProcessHandle> processes) throws Exception {
        for (ProcessHandle p : processes) {
            p.onExit().get(60, TimeUnit.SECONDS);
            assertFalse(p.isAlive(), "process " + p.pid() + " outlived its parent");
        }
    }

    @Test
    void aKilledWorkerFailsItsTaskWithWorkerErrorAndIsReplaced() throws Exception {
        Path file = script(SIGNAL + """
                fn hang() {
                    spawn signal("task started")
                    while true { sleep(0.01) }
                }
                fn add(a, b) { return a + b }
                if is_main() {
                    let pool = Pool(1)
                    let f = pool.submit(hang)
                    try { f.result() } catch e { print(e.kind + ": " + e.message) }
                    print(pool.submit(add, 2, 3).result())
                }
                """);
        try (Parent parent = new Parent(file, false)) {
            parent.awaitLine("Error: task started");
            List<ProcessHandle> workers = parent.workers();
            assertEquals(1, workers.size());
            workers.get(0).destroyForcibly();
            assertTrue(parent.process.waitFor(60, TimeUnit.SECONDS));
            assertEquals("WorkerError: Pool worker 0 was killed by SIGKILL while running hang()\n5\n",
                    new String(parent.process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(0, parent.process.exitValue());
        }
    }

    private static final String WAIT_WITH_A_POOL = SIGNAL + """
            fn count(n) { while n > 0 { n -= 1 }; return n }
            if is_main() {
                let pool = Pool(2)
                let f = pool.submit(count, 1_000_000_000_000)
                spawn signal("pool ready")
                f.result()
            }
            """;

    @Test
    void noWorkerOutlivesAParentKilledWithSigkill() throws Exception {
        try (Parent parent = new Parent(script(WAIT_WITH_A_POOL), false)) {
            parent.awaitLine("Error: pool ready");
            List<ProcessHandle> workers = parent.workers();
            assertEquals(2, workers.size());
            parent.process.destroyForcibly();
            awaitGone(workers);
        }
    }

    /** A worker whose top level never ends: Pool(1) waits for it to get ready, forever. */
    private static final String WORKER_NEVER_READY = SIGNAL + """
            if not is_main() {
                spawn signal("worker started")
                while true { sleep(0.01) }
            }
            if is_main() {
                Pool(1)
            }
            """;

    @Test
    void noWorkerOutlivesAParentKilledWhileItWaitsForItsWorkersToStart() throws Exception {
        try (Parent parent = new Parent(script(WORKER_NEVER_READY), false)) {
            parent.awaitLine("Error: worker started");
            List<ProcessHandle> workers = parent.workers();
            assertEquals(1, workers.size());
            parent.process.destroyForcibly();
            awaitGone(workers);
        }
    }

    @Test
    void ctrlCStopsTheWorkersAndExits130() throws Exception {
        interruptAndExpect130(WAIT_WITH_A_POOL, "Error: pool ready", 2);
    }

    @Test
    void ctrlCWhileTheWorkersStartStopsThemAndExits130() throws Exception {
        interruptAndExpect130(WORKER_NEVER_READY, "Error: worker started", 1);
    }

    @Test
    void ctrlCAsTheWorkersStartStopsThemAndExits130() throws Exception {
        // SIGINT while Pool(2) starts its workers' JVMs, before their own code runs: they start
        // with it ignored, so it is the parent's one KeyboardInterrupt, never a WorkerError.
        interruptAndExpect130(SIGNAL + """
                if not is_main() { while true { sleep(0.01) } }
                if is_main() {
                    spawn signal("starting")
                    Pool(2)
                }
                """, "Error: starting", -1);
    }

    /**
     * Runs script until stderr shows ready, then sends SIGINT as a terminal does: status 130, no
     * worker left. workerCount: how many workers run at ready, or -1 for any (still starting).
     */
    private void interruptAndExpect130(String text, String ready, int workerCount) throws Exception {
        boolean setsid = Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"));
        Path file = script(text);
        try (Parent parent = new Parent(file, setsid)) {
            parent.awaitLine(ready);
            List<ProcessHandle> workers = new ArrayList<>(parent.workers());
            if (workerCount >= 0) {
                assertEquals(workerCount, workers.size());
            }
            // As a terminal does: SIGINT to the whole process group (its own, thanks to setsid).
            String target = setsid ? "-" + parent.process.pid() : Long.toString(parent.process.pid());
            new ProcessBuilder("kill", "-INT", "--", target).inheritIO().start().waitFor();
            assertTrue(parent.process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(130, parent.process.exitValue());
            // Workers started after the list was taken too: any JVM of this script's pool.
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("WorkerMain")
                    && p.info().commandLine().orElse("").contains(file.toString())).forEach(workers::add);
            awaitGone(workers);
            String rest = new String(parent.process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(rest.contains("Traceback"), rest);
        }
    }
}

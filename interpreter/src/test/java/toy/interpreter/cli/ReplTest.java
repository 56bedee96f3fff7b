package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import toy.interpreter.repl.Continuation;

/** {@code toy repl} with piped input (plain reading): what it prints, what persists, how it ends. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplTest {
    private final InputStream originalIn = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    private static ToyRunner.Result repl(String input, String... options) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        String[] args = new String[options.length + 1];
        args[0] = "repl";
        System.arraycopy(options, 0, args, 1, options.length);
        return ToyRunner.run(args);
    }

    @Test
    void expressionStatementsShowTheirReprAndBindingsPersist() {
        ToyRunner.Result r = repl("""
                let x = 1 + 2
                x
                fn twice(s) { return s + s }
                twice("ab")
                nil
                print("printed")
                [x, 2.5, {"k": nil}]
                _
                """);
        assertEquals("3\n\"abab\"\nprinted\n[3, 2.5, {\"k\": nil}]\n[3, 2.5, {\"k\": nil}]\n", r.out());
        assertEquals(0, r.status());
        // Each prompt on stderr, one per input, the last one answered by the end of the input.
        assertEquals(">>> ".repeat(9), r.err());
    }

    /**
     * docs/observability.md: a thread's instruction count is exactly the number of its
     * instruction records in a full trace of the same run; in the REPL too, where each input is
     * a call from outside the interpreter (one instruction of each was lost). The inputs loop
     * past several checkpoints at a switch interval of 7.
     */
    @Test
    void statsCountEveryInstructionOfEachInputAsTheTraceRecordsIt(@TempDir Path dir) throws IOException {
        Path stats = dir.resolve("s.json");
        Path trace = dir.resolve("t.jsonl");
        ToyRunner.Result r = repl("1\n2\nlet s = 0\nfor i in range(20) { s += i }\ns\n", "--switch-interval", "7", "--stats-json",
                stats.toString(), "--trace", trace.toString(), "--trace-format", "jsonl");
        assertEquals(0, r.status(), r.err());
        assertEquals("1\n2\n190\n", r.out());
        long records = JsonRecords.lines(trace).stream().filter(record -> record.containsKey("op")).count();
        Object threads = ((Map<?, ?>) JsonRecords.parse(Files.readString(stats))).get("threads");
        assertEquals(records, ((Map<?, ?>) ((List<?>) threads).get(0)).get("instructions"));
    }

    @Test
    void openBracketsAndATrailingOperatorAskForMoreLines() {
        ToyRunner.Result r = repl("""
                let total = 1 +
                  2
                fn add(a,
                       b) {
                  return a + b
                }
                add(total, [
                  10][0])
                for i in range(2) { i * 10 }
                let s = \"""two
                lines\"""
                s
                """);
        assertEquals("13\n0\n10\n\"two\\nlines\"\n", r.out());
        assertEquals(">>> ... >>> ... ... ... >>> ... >>> >>> ... >>> >>> ", r.err());
    }

    @Test
    void anErrorIsReportedAndTheSessionGoesOn() {
        ToyRunner.Result r = repl("""
                let xs = [1, 2]
                xs[5]
                let = 3
                xs
                """);
        assertEquals("[1, 2]\n", r.out());
        assertTrue(r.err().contains("""
                Traceback (most recent call last):
                  File "<stdin>", line 1, in <main>
                    xs[5]
                IndexError: list index out of range
                """), r.err());
        assertTrue(r.err().contains("<stdin>:1:5: error:"), r.err());
        assertEquals(0, r.status());
    }

    @Test
    void aPoolNeedsAScriptFile() {
        // A worker runs the script's file; the REPL's "<stdin>" is none (not even a file of that name).
        ToyRunner.Result r = repl("Pool(1)\n\"still here\"\n");
        assertTrue(r.err().contains("ValueError: a Pool needs a script file, whose top level each worker runs;"
                + " the REPL has none: put the code in a file and run it with toy FILE"), r.err());
        assertEquals("\"still here\"\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void theEndOfTheInputWaitsForTheThreadsStillRunning() {
        ToyRunner.Result r = repl("""
                fn count(n) { let i = 0; while i < n { i += 1 }; print("counted", i) }
                spawn count(200000)
                """);
        assertTrue(r.out().endsWith("counted 200000\n"), r.out());
        assertEquals(0, r.status());
    }

    @Test
    void exitEndsTheSessionWithItsStatus() {
        ToyRunner.Result r = repl("""
                print("before")
                exit(3)
                print("never")
                """);
        assertEquals("before\n", r.out());
        assertEquals(3, r.status());
    }

    @Test
    void takesTheRunOptions() {
        ToyRunner.Result r = repl("spawn (fn() { print(1) })()\n2\n", "--gil", "off", "--switch-interval", "1", "--stats");
        assertTrue(r.err().contains("MainThread"), r.err());
        assertEquals(0, r.status());
        assertEquals(2, repl("", "--gil", "sideways").status());
    }

    @Test
    void threadsSpawnedAtThePromptRunWhileItWaitsForInput() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        System.setIn(new PipedInputStream(feed));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        AtomicInteger status = new AtomicInteger(-1);
        Thread run = new Thread(() -> status.set(Main.execute(new String[] {"repl"}, new Console(outStream, errStream, true))));
        run.start();
        feed.write("let q = Queue()\nfn worker() { print(\"worker got\", q.get()) }\nspawn worker()\nq.put(7)\n"
                .getBytes(StandardCharsets.UTF_8));
        feed.flush();
        // No more input comes until the worker printed: it can only do so while the REPL waits.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString(StandardCharsets.UTF_8).contains("worker got 7")) {
            assertTrue(System.nanoTime() < deadline, "the worker never ran while the REPL waited for input");
            Thread.sleep(5);
        }
        assertTrue(run.isAlive());
        feed.write("\"still here\"\n".getBytes(StandardCharsets.UTF_8));
        feed.close();
        run.join();
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("\"still here\"\n"), out.toString(StandardCharsets.UTF_8));
        assertEquals(0, status.get());
    }

    @Test
    void helpListsEveryCommandWithOneLine() {
        String help = ToyRunner.run("--help").out();
        for (String command : new String[] {"run", "launch", "dis", "check", "repl"}) {
            assertTrue(help.lines().anyMatch(l -> l.matches("  " + command + " +\\S.*")), command + " missing from:\n" + help);
        }
    }

    @Test
    void continuationFollowsBracketsStringsAndOperators() {
        assertTrue(Continuation.needsMore("f(1,"));
        assertTrue(Continuation.needsMore("if x {"));
        assertTrue(Continuation.needsMore("let s = \"\"\"open"));
        assertTrue(Continuation.needsMore("a and"));
        assertTrue(Continuation.needsMore("x = [1, 2] +  # a comment"));
        assertFalse(Continuation.needsMore("f(1)"));
        assertFalse(Continuation.needsMore("let s = \"open"));
        assertFalse(Continuation.needsMore("f(1))"));
        assertFalse(Continuation.needsMore("print(\"(\")"));
        assertFalse(Continuation.needsMore(""));
        // A bracket closed by the wrong kind: no later line mends it, so the compiler reports it now.
        assertFalse(Continuation.needsMore("print((1 + 2]"));
        assertFalse(Continuation.needsMore("let d = {\"a\": [1, 2}"));
        assertTrue(Continuation.needsMore("let d = {\"a\": [1, 2]"));
    }
}

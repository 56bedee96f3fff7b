package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ctrl-C in {@code toy repl} with piped input, sent as SIGINT to a real process: it interrupts
 * only the statement running (a KeyboardInterrupt traceback), the session goes on with its
 * bindings, the threads it spawned run on. Every step waits for what the process prints (a
 * line that says the statement runs, a traceback, a value), never for a length of time.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplInterruptTest {
    private Process process;
    private OutputStream in;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    /** The threads copying the process's output into {@link #out} and {@link #err}. */
    private final List<Thread> readers = new ArrayList<>();

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private void start(String... options) throws IOException {
        startWithJit("on", options);
    }

    /** The REPL with the JIT in mode jit (-Dtoy.jit: on, off, eager) and the toy options given. */
    private void startWithJit(String jit, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                // A test runner started in the background passes SIGINT on ignored: put it back.
                "env", "--default-signal=INT", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtoy.jit=" + jit, "-cp", System.getProperty("java.class.path"), "toy.interpreter.cli.Main", "repl"));
        command.addAll(List.of(options));
        process = new ProcessBuilder(command).start();
        in = process.getOutputStream();
        collect(process.getInputStream(), out);
        collect(process.getErrorStream(), err);
    }

    private void collect(InputStream stream, StringBuffer into) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = stream.read(buffer)) > 0; ) {
                    into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // The process ended.
            }
        });
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
    }

    private void type(String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private void interrupt() throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }

    /** Waits until {@code text} occurs {@code times} times in {@code stream}'s output so far. */
    private static void waitFor(StringBuffer stream, String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (occurrences(stream.toString(), text) < times) {
            assertTrue(System.nanoTime() < deadline, "never saw " + times + " times " + text + " in:\n" + stream);
            Thread.sleep(10);
        }
    }

    private static int occurrences(String s, String text) {
        int n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    /** Ends the input; the session then ends with status 0. */
    private void endInput() throws Exception {
        in.close();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the REPL did not end at the end of its input");
        for (Thread reader : readers) {
            reader.join();
        }
        assertEquals(0, process.exitValue(), err.toString());
    }

    @Test
    void ctrlCInterruptsTheRunningStatementAndTheSessionKeepsItsBindings() throws Exception {
        start();
        type("let x = 42");
        type("print(\"spinning\"); while true {}");
        waitFor(out, "spinning\n", 1);
        interrupt();
        waitFor(err, "KeyboardInterrupt\n", 1);
        assertTrue(err.toString().contains("""
                Traceback (most recent call last):
                  File "<stdin>", line 1, in <main>
                    print("spinning"); while true {}
                """), err.toString());

        // A blocked wait wakes at once: the sleep would otherwise last 100 s.
        type("print(\"sleeping\"); sleep(100)");
        waitFor(out, "sleeping\n", 1);
        interrupt();
        waitFor(err, "KeyboardInterrupt\n", 2);
        assertTrue(err.toString().contains("    print(\"sleeping\"); sleep(100)\n"), err.toString());

        type("x");
        waitFor(out, "42\n", 1);
        endInput();
        assertEquals("spinning\nsleeping\n42\n", out.toString());
    }

    @Test
    void noCatchCatchesItAndWithBlocksReleaseWhatTheyHold() throws Exception {
        start();
        type("let lock = Lock()");
        type("fn f() { with lock { print(\"holding\"); while true {} } }");
        type("try { f() } catch e { print(\"caught\", e) }");
        waitFor(out, "holding\n", 1);
        interrupt();
        waitFor(err, "KeyboardInterrupt\n", 1);
        // The traceback shows where the thread was, in the function it called.
        assertTrue(err.toString().contains("""
                    try { f() } catch e { print("caught", e) }
                """), err.toString());
        assertTrue(err.toString().contains("""
                , line 1, in f
                    fn f() { with lock { print("holding"); while true {} } }
                """), err.toString());

        // Condition.wait interrupted takes its lock again before it leaves, as Python's does; a
        // helper waiting with a timeout keeps the wait from counting as a deadlock.
        type("let c = Condition(Lock())");
        type("let done = Event()");
        type("spawn (fn() { done.wait(600) })()");
        type("with c { print(\"waiting\"); c.wait() }");
        waitFor(out, "waiting\n", 1);
        interrupt();
        waitFor(err, "KeyboardInterrupt\n", 2);
        type("[lock.locked(), c.acquire(false)]");
        type("done.set()");
        waitFor(out, "[false, true]\n", 1);
        endInput();
        assertFalse(out.toString().contains("caught"), out.toString());
    }

    @Test
    void aWithBlockReleasesOnceWhereverTheInterruptLands() throws Exception {
        // At a switch interval of 1 instruction every instruction is a checkpoint, so over the
        // rounds the interrupt lands at each instruction of the loops: the first and the last of
        // a with block (its resource just taken, or about to be released), and the jumps out of
        // it by continue and return, where it has already been released once.
        start("--switch-interval", "1");
        type("let lock = Lock()");
        type("let sem = Semaphore(1)");
        type("let n = 0");
        type("fn take() { with lock { n += 1; return n } }");
        String[] loops = {
            "while true { with lock { n += 1 } }",
            "while true { with sem { n += 1; if n % 2 == 0 { continue } } }",
            "while true { take() }",
        };
        int round = 0;
        for (int i = 0; i < 30; i++) {
            for (String loop : loops) {
                round++;
                type("print(\"go\"); " + loop);
                waitFor(out, "go\n", round);
                interrupt();
                waitFor(err, "KeyboardInterrupt\n", round);
                // Held by nobody, and the Semaphore's one permit neither lost nor doubled.
                type("print(\"state\", lock.locked(), sem.acquire(false), sem.acquire(false)); sem.release()");
                waitFor(out, "state ", round);
                assertEquals(round, occurrences(out.toString(), "state false true false\n"),
                        "after " + loop + ":\n" + out + err);
            }
        }
        endInput();
        assertFalse(err.toString().contains("RuntimeError"), err.toString());
    }

    @Test
    void compiledCodeIsInterruptedWhereTheInterpreterIs() throws Exception {
        // The loop takes 6 instructions, the switch interval too: every checkpoint falls before
        // the same one, so the traceback names the same line whenever Ctrl-C comes. Compiled
        // code takes the checkpoints inside a run of quiet instructions at the run's start
        // (BudgetRuns), and must still name the instruction the interpreter stands before.
        String interpreted = interruptedAt("off");
        assertTrue(interpreted.endsWith("b = a\n"), "the interpreter's checkpoint is inside the run: " + interpreted);
        assertEquals(interpreted, interruptedAt("eager"));
    }

    /** The last two lines of the traceback of Ctrl-C in a loop, in the REPL under the JIT mode given. */
    private String interruptedAt(String jit) throws Exception {
        startWithJit(jit, "--switch-interval", "6");
        type("fn spin() {");
        type("    let a = 0");
        type("    let b = 1");
        type("    while true {");
        type("        a = b");
        type("        b = a");
        type("    }");
        type("}");
        type("print(\"spinning\"); spin()");
        waitFor(out, "spinning\n", 1);
        interrupt();
        waitFor(err, "KeyboardInterrupt\n", 1);
        endInput();
        String[] lines = err.toString().split("\n");
        for (int i = lines.length - 1; i > 0; i--) {
            if (lines[i].contains(", in spin")) {
                String at = lines[i].substring(lines[i].indexOf("line")) + "\n" + lines[i + 1].strip() + "\n";
                // The next process starts with empty output; this one's readers are done.
                readers.clear();
                err.setLength(0);
                out.setLength(0);
                return at;
            }
        }
        throw new AssertionError("no frame of spin in:\n" + err);
    }

    @Test
    void threadsSpawnedByTheInterruptedStatementRunOn() throws Exception {
        threadsRunOn("--gil", "handoff");
    }

    @Test
    void withoutAGilTooOnlyTheReplsThreadIsInterrupted() throws Exception {
        threadsRunOn("--gil", "off");
    }

    private void threadsRunOn(String... options) throws Exception {
        start(options);
        type("let going = true");
        type("fn spin() { let n = 0; while going { n += 1 }; print(\"spun down\") }");
        type("let t = spawn spin()");
        type("print(\"joining\"); t.join()");
        waitFor(out, "joining\n", 1);
        interrupt();
        waitFor(err, "KeyboardInterrupt\n", 1);
        type("print(\"alive:\", t.is_alive())");
        waitFor(out, "alive: true\n", 1);
        // A statement that spawns threads and spins: its threads outlive its interruption.
        type("let u = spawn spin(); print(\"spinning too\"); while true {}");
        waitFor(out, "spinning too\n", 1);
        interrupt();
        waitFor(err, "KeyboardInterrupt\n", 2);
        type("print(\"alive:\", u.is_alive())");
        waitFor(out, "alive: true\n", 2);
        type("going = false");
        waitFor(out, "spun down\n", 2);
        endInput();
    }

    @Test
    void ctrlCAtThePromptDropsTheUnfinishedInput() throws Exception {
        start();
        type("let x = [1,");
        // The continuation prompt is shown when the REPL waits for the rest of the input.
        waitFor(err, "... ", 1);
        interrupt();
        waitFor(err, "\nKeyboardInterrupt\n", 1);
        type("x = 7");
        type("print(\"after\")");
        waitFor(out, "after\n", 1);
        endInput();
        // "x = 7" was an input of its own (x was never declared), not the end of the dropped one.
        assertTrue(err.toString().contains("NameError"), err.toString());
    }
}

package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import toy.runtime.pool.JavaCommand;

/**
 * What only a real {@code toy} process shows: its output pipe closed by the reader, Ctrl-C,
 * a heap that runs out, and a working directory of its own. Each test starts {@code java ... toy.interpreter.cli.Main} itself
 * and waits for what the process says, never for a length of time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StandaloneProcessTest {
    @TempDir
    Path dir;

    /** A toy process on a script; {@code jvmOptions} go before the class name. */
    private Process start(String script, String... jvmOptions) throws IOException {
        return start(script, List.of(), jvmOptions);
    }

    private Process start(String script, List<String> toyOptions, String... jvmOptions) throws IOException {
        Path file = Files.writeString(dir.resolve("t.toy"), script);
        return new ProcessBuilder(command(toyOptions, file.toString(), jvmOptions)).start();
    }

    /** The command line of a Toy process with those words after {@code toy}. */
    private static List<String> command(List<String> words) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JavaCommand.LOG_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "toy.interpreter.cli.Main"));
        command.addAll(words);
        return command;
    }

    /** The command line of a Toy process that runs {@code script} with those options. */
    private static List<String> command(List<String> toyOptions, String script, String... jvmOptions) {
        List<String> command = new ArrayList<>(List.of(
                // env --default-signal: a test runner started in the background of a
                // non-interactive shell passes SIGINT on ignored, and then no program, Python or
                // Toy, sees Ctrl-C.
                "env", "--default-signal=INT", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The JVM's log as ./toy sets it: never on the program's stdout.
        command.addAll(JavaCommand.LOG_FLAGS);
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "toy.interpreter.cli.Main"));
        command.addAll(toyOptions);
        command.add(script);
        return command;
    }

    private static BufferedReader lines(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String stderr(Process process) throws IOException {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aClosedOutputPipeStopsTheRunQuietlyWithStatus141() throws Exception {
        // Endless output from two threads: only the closed pipe can end this run.
        Process process = start("""
                fn talk(who) { let i = 0; while true { print(who, i); i += 1 } }
                spawn talk("thread")
                talk("main")
                """);
        try {
            BufferedReader out = lines(process);
            assertTrue(out.readLine().matches("(main|thread) 0"));
            process.getInputStream().close();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "toy went on writing to a closed pipe");
            assertEquals(141, process.exitValue());
            assertEquals("", stderr(process));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void disEndsWith141WhenItsOutputPipeIsClosed() throws Exception {
        // More than a pipe holds (64 KiB): dis writes after the pipe is closed, whenever it starts.
        Path file = Files.writeString(dir.resolve("big.toy"), "print(1)\n".repeat(5000));
        Process process = new ProcessBuilder(command(List.of("dis", file.toString()))).start();
        try {
            process.getInputStream().close();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "dis did not end");
            assertEquals(141, process.exitValue());
            assertEquals("", stderr(process));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aWriteToStandardOutputThatFailsOtherwiseIsReportedWithStatus74() throws Exception {
        Path file = Files.writeString(dir.resolve("t.toy"), "print(\"hello\")\nprint(\"never\")\n");
        // /dev/full fails every write as a full disk does; each command says so in one line.
        for (List<String> words : List.of(List.of(file.toString()), List.of("run", "--stats", file.toString()),
                List.of("dis", file.toString()), List.of("check", "--help"))) {
            Process process = new ProcessBuilder(command(words)).redirectOutput(new File("/dev/full")).start();
            try {
                assertTrue(process.waitFor(60, TimeUnit.SECONDS), words + " did not end");
                String err = stderr(process);
                assertEquals(74, process.exitValue(), words + ": " + err);
                assertTrue(err.endsWith("toy: can't write to standard output: No space left on device\n"), words + ": " + err);
            } finally {
                process.destroyForcibly();
            }
        }
        // The REPL stops at a value it cannot show or a print that fails, before the next input
        // runs, and the message is not left after its prompt.
        for (String input : List.of("1\nraise \"still running\"\n", "print(1)\nraise \"still running\"\n")) {
            Process repl = new ProcessBuilder(command(List.of("repl"))).redirectOutput(new File("/dev/full")).start();
            try (var stdin = repl.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            try {
                assertTrue(repl.waitFor(60, TimeUnit.SECONDS), "the REPL did not end");
                String err = stderr(repl);
                assertEquals(74, repl.exitValue(), err);
                assertEquals(">>> \ntoy: can't write to standard output: No space left on device\n", err);
            } finally {
                repl.destroyForcibly();
            }
        }
        // A standard output closed before the start (sh's >&-).
        List<String> closed = new ArrayList<>(List.of("bash", "-c", "exec \"$@\" >&-", "bash"));
        closed.addAll(command(List.of(file.toString())));
        Process process = new ProcessBuilder(closed).start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "toy did not end");
            String err = stderr(process);
            assertEquals(74, process.exitValue(), err);
            assertTrue(err.matches("toy: can't write to standard output: [^\n]+\n"), err);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aTraceOnStandardErrorWhoseReaderHasGoneEndsWithStatus73() throws Exception {
        // A trace far longer than a pipe holds: it is written after the pipe is closed.
        Process process = start("let i = 0\nwhile i < 20000 { i += 1 }\nprint(\"done\")\n", List.of("--trace", "-"));
        try {
            process.getErrorStream().close();
            assertEquals("done\n", new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "toy did not end");
            assertEquals(73, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void launchStopsItsProcessesWhenItsOutputPipeIsClosed() throws Exception {
        Path file = Files.writeString(dir.resolve("talk.toy"), "let i = 0\nwhile true { print(i); i += 1 }\n");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "toy.interpreter.cli.Main", "launch", "-n", "2",
                file.toString()).start();
        try {
            assertTrue(lines(process).readLine().matches("\\[[01]] 0"));
            process.getInputStream().close();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "launch went on writing to a closed pipe");
            assertEquals(141, process.exitValue());
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void aScriptNamedLikeAnOptionRunsAfterDoubleDashAndTheErrorWithoutSaysSo() throws Exception {
        Files.writeString(dir.resolve("-dash.toy"), "print(args())\n");
        ProcessBuilder option = new ProcessBuilder(command(List.of("--recursion-limit", "50", "-dash.toy", "x"))).directory(dir.toFile());
        Process process = option.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "toy did not end");
            assertEquals("toy: '-dash.toy' is not an option; to run the file of that name, put -- before it"
                    + " (toy run --recursion-limit 50 -- -dash.toy x) or write it ./-dash.toy\nMore: toy run --help\n", stderr(process));
            assertEquals(2, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
        // Another mistake on the line is said as it is, not hidden behind the hint.
        process = new ProcessBuilder(command(List.of("run", "--bogus", "-dash.toy"))).directory(dir.toFile()).start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "toy did not end");
            String err = stderr(process);
            assertEquals(2, process.exitValue());
            assertFalse(err.contains("put -- before it"), err);
        } finally {
            process.destroyForcibly();
        }
        // As the message says; launch passes the name on to its processes after -- too.
        for (List<String> words : List.of(List.of("--", "-dash.toy", "x"), List.of("launch", "-n", "2", "--", "-dash.toy", "x"))) {
            process = new ProcessBuilder(command(words)).directory(dir.toFile()).start();
            try {
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(process.waitFor(60, TimeUnit.SECONDS), words + " did not end");
                assertEquals(words.get(0).equals("--") ? "[\"x\"]\n" : "[0] [\"x\"]\n[1] [\"x\"]\n",
                        out.lines().sorted().map(line -> line + "\n").reduce("", String::concat), words + ": " + stderr(process));
                assertEquals(0, process.exitValue());
            } finally {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void ctrlCStopsEveryThreadAndSaysKeyboardInterrupt() throws Exception {
        Process process = start("""
                fn spin() { while true { } }
                spawn spin()
                spawn spin()
                print("started")
                spin()
                """);
        try (BufferedReader out = lines(process)) {
            // A pipe gets each line as soon as it is complete: "started" means every thread runs.
            assertEquals("started", out.readLine());
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "toy did not stop on SIGINT");
            assertEquals(130, process.exitValue());
            assertEquals(null, out.readLine());
            assertEquals("KeyboardInterrupt\n", stderr(process));
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * A script name the JVM cannot encode (non-ASCII under LANG=C, where Path.of throws) is a
     * script that cannot be opened, exit 66, not an internal error.
     */
    @Test
    void aNameTheLocaleCannotEncodeIsAScriptThatCannotBeOpened() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "toy.interpreter.cli.Main", dir.resolve("日本.toy").toString());
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("LANG", "C");
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "toy did not end");
            String err = stderr(process);
            assertEquals(66, process.exitValue(), err);
            assertTrue(err.startsWith("toy: can't open file '"), err);
            assertTrue(!err.contains("internal error") && !err.contains("Exception"), err);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void runningOutOfMemoryIsAMemoryErrorInEveryThread() throws Exception {
        // A small heap, so that the growing string fills it in a moment.
        Process process = start("""
                try { let big = [0] * 2_000_000_000 } catch e { print("list:", e.kind) }
                fn grow() {
                    let s = "ab"
                    while true { s = s + s }
                }
                try { grow() } catch e { print("string:", e.kind) }
                let t = spawn grow()
                t.join()
                """, "-Xmx64m");
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "toy did not end");
            assertEquals("list: MemoryError\nstring: MemoryError\n",
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            String err = stderr(process);
            assertTrue(err.startsWith("Exception in thread Thread-1:\nTraceback (most recent call last):\n"), err);
            assertTrue(err.contains(", line 4, in grow\n    while true { s = s + s }\n"), err);
            assertTrue(err.endsWith("\nMemoryError\n"), err);
            assertTrue(!err.contains("\tat ") && !err.contains("java."), err);
            assertEquals(70, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aRecursionThatFillsTheHeapIsAMemoryErrorEachTimeAndInEveryThread() throws Exception {
        // Under a recursion limit the heap cannot hold: each MemoryError unwinds millions of
        // frames, whose traceback is one line repeated, and a caught one leaves room to go on.
        Process process = start("""
                fn r(n) { return r(n + 1) + 1 }
                fn a(n) { return b(n + 1) + 1 }
                fn b(n) { return a(n + 1) + 1 }
                try { r(0) } catch e { print("caught", e.kind) }
                try { a(0) } catch e { print("caught", e.kind) }
                # The frames they unwound are let go: the heap has room again (24 MB of 64).
                print(len([0] * 6_000_000))
                let t = spawn r(0)
                try { t.join() } catch e { print("joined", e.kind) }
                a(0)
                """, List.of("--recursion-limit", "1000000000"), "-Xmx64m");
        try {
            // Read while it runs: 2,000 lines of traceback would fill the pipe and stop it.
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> {
                try {
                    return stderr(process);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertEquals("caught MemoryError\ncaught MemoryError\n6000000\njoined MemoryError\n",
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "toy did not end");
            String err = errors.get(60, TimeUnit.SECONDS);
            assertTrue(err.startsWith("Exception in thread Thread-1:\nTraceback (most recent call last):\n"), err);
            // One function: its line once, with a count; two: the lines at each end, with a count between.
            assertTrue(err.matches("(?s).*\\[Previous line repeated \\d+ more times]\nMemoryError\n"
                    + "Traceback \\(most recent call last\\):\n.*\\[\\d+ more frames not shown]\n.*\nMemoryError\n"), err);
            assertTrue(!err.contains("\tat ") && !err.contains("java."), err);
            assertEquals(70, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aScriptReadFromStdinRunsAPoolWhenStdinIsAFileAndSaysWhyNotWhenItIsAPipe() throws Exception {
        // A worker opening /dev/stdin would open its own stdin, its channel, and wait for ever.
        Path file = Files.writeString(dir.resolve("pooled.toy"), """
                fn square(x) { return x * x }
                if is_main() {
                    let pool = Pool(2)
                    print(pool.map(square, [1, 2, 3]))
                    pool.shutdown()
                }
                """);
        Process fromFile = new ProcessBuilder(command(List.of(), "/dev/stdin")).redirectInput(file.toFile()).start();
        Process fromPipe = new ProcessBuilder(command(List.of(), "/dev/stdin")).start();
        try (var stdin = fromPipe.getOutputStream()) {
            stdin.write(Files.readAllBytes(file));
        }
        try {
            assertTrue(fromFile.waitFor(60, TimeUnit.SECONDS), "toy did not end");
            assertEquals("[1, 4, 9]\n", new String(fromFile.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(0, fromFile.exitValue(), stderr(fromFile));
            assertTrue(fromPipe.waitFor(60, TimeUnit.SECONDS), "toy did not end");
            String err = stderr(fromPipe);
            assertTrue(err.endsWith("ValueError: a Pool needs a script file, whose top level each worker runs;"
                    + " another process cannot open '/dev/stdin' again (a pipe, a terminal or a deleted file): save the script to a file\n"),
                    err);
            assertEquals(70, fromPipe.exitValue());
        } finally {
            fromFile.destroyForcibly();
            fromPipe.destroyForcibly();
        }
    }

    /**
     * Under a GIL lists and maps take no lock (ContainerLocks): the GIL alone keeps each
     * operation whole, even when it changes hands every 5 instructions. A process of its own,
     * since in the test JVM an earlier --gil off run has turned locking on for good.
     */
    @Test
    void underAGilUnlockedListAndMapOperationsStayAtomic() throws Exception {
        Process process = start("""
                set_switch_interval(5)
                let xs = []
                let m = {}
                fn churn(k) {
                    for i in range(1000) {
                        xs.append(i)
                        m[k * 100000 + i] = i
                    }
                    for i in range(1000) {
                        xs.pop()
                        m.pop(k * 100000 + i)
                        if len(xs) > 4000 or (k * 100000 + i in m) { print("torn") }
                    }
                }
                let threads = []
                for k in range(4) { threads.append(spawn churn(k)) }
                for t in threads { t.join() }
                print(len(xs), len(m), m)
                """);
        try {
            assertTrue(process.waitFor(100, TimeUnit.SECONDS), "toy did not end");
            assertEquals("0 0 {}\n", new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8), stderr(process));
            assertEquals(0, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }
}

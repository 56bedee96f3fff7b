package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code toy repl} typed at a real pseudo-terminal: a tmux session runs it, keys are sent with
 * {@code send-keys} and the screen is read with {@code capture-pane}. Every step waits for
 * what the screen must show next (a prompt, a value), never for a length of time. Needs tmux
 * ({@code .ci/run} installs it).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplTerminalTest {
    private static final AtomicInteger SERVERS = new AtomicInteger();
    /**
     * A tmux server of this test's own, so that no user's session is touched; one per test
     * method, since a server that was just killed may still be exiting when the next test starts.
     */
    private final String socket = "toy-repl-test-" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet();

    @AfterEach
    void stopServer() throws Exception {
        tmux("kill-server");
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return output;
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-t", "repl");
    }

    /** Waits until {@code pattern} occurs {@code times} times on the screen; returns the screen. */
    private String waitFor(String pattern, int times) throws Exception {
        Pattern p = Pattern.compile(pattern, Pattern.MULTILINE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (;;) {
            String screen = screen();
            Matcher m = p.matcher(screen);
            int found = 0;
            while (m.find()) {
                found++;
            }
            if (found >= times) {
                return screen;
            }
            assertTrue(System.nanoTime() < deadline, "the screen never showed " + pattern + " " + times + " times:\n" + screen);
            Thread.sleep(20);
        }
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "repl"));
        args.addAll(List.of(keys));
        tmux(args.toArray(new String[0]));
    }

    /** A word for {@code sh -c}, in single quotes. */
    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static boolean tmuxInstalled() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code toy repl} in the tmux session "repl" and waits for its first prompt. */
    private void startRepl() throws Exception {
        startRepl("", "");
    }

    /**
     * {@link #startRepl()} with shell commands run in the terminal before the REPL
     * ({@code before}, ending in ";") and after it, after its exit status is shown ({@code after}).
     */
    private void startRepl(String before, String after) throws Exception {
        assumeTrue(tmuxInstalled(), "no tmux on the PATH (.ci/run installs it)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The screen is 120 columns wide and tall enough that nothing scrolls away.
        // The shell reports the REPL's exit status on the screen, then waits (a dead pane's
        // screen cannot be read) until the server is killed after the test. The shell ignores
        // the Ctrl-C sent to the REPL (it is in the same process group), the REPL does not.
        String command = String.join(" ", "trap '' INT;", before, "env --default-signal=INT", quote(java), "-cp",
                quote(System.getProperty("java.class.path")), "toy.interpreter.cli.Main repl; echo \"exit status $?\";", after,
                "exec sleep 600");
        tmux("new-session", "-d", "-s", "repl", "-x", "120", "-y", "50", "sh", "-c", command);
        waitFor("^>>>", 1);
    }

    @Test
    void ctrlCInterruptsTheRunningStatementAndTheSessionGoesOn() throws Exception {
        startRepl();
        keys("let kept = 5", "Enter");
        waitFor("^>>>", 2);
        keys("print(\"spinning\"); while true {}", "Enter");
        waitFor("^spinning$", 1);
        keys("C-c");
        waitFor("^KeyboardInterrupt$", 1);
        waitFor("^>>>", 3);
        keys("kept", "Enter");
        waitFor("^5$", 1);
        waitFor("^>>>", 4);

        // A sleep (a blocked wait) wakes at once.
        keys("print(\"sleeping\"); sleep(100)", "Enter");
        waitFor("^sleeping$", 1);
        keys("C-c");
        waitFor("^KeyboardInterrupt$", 2);
        waitFor("^>>>", 5);
        String screen = waitFor("    print\\(\"sleeping\"\\); sleep\\(100\\)$", 1);
        assertTrue(screen.contains("in <main>"), screen);
        keys("kept + 1", "Enter");
        waitFor("^6$", 1);
        waitFor("^>>>", 6);

        keys("C-d");
        waitFor("^exit status 0$", 1);
    }

    @Test
    void editsLinesKeepsHistoryAndCancelsALineWithCtrlC() throws Exception {
        startRepl();
        keys("let q = Queue()", "Enter");
        waitFor("^>>>", 2);
        keys("fn worker() { print(\"worker got\", q.get()) }", "Enter");
        waitFor("^>>>", 3);
        keys("spawn worker()", "Enter");
        waitFor("^<Thread Thread-1>$", 1);
        waitFor("^>>>", 4);

        // Ctrl-C drops the line being typed, on the first line of an input and on a later one.
        keys("abc");
        waitFor("^>>> abc", 1);
        keys("C-c");
        waitFor("^KeyboardInterrupt$", 1);
        waitFor("^>>>", 5);
        keys("[1,", "Enter");
        waitFor("^\\.\\.\\.", 1);
        keys("C-c");
        waitFor("^KeyboardInterrupt$", 2);
        waitFor("^>>>", 6);

        // Line editing: Home, then typing at the start of the line.
        keys("2 + 3");
        waitFor("^>>> 2 \\+ 3", 1);
        keys("Home", "10 * ", "Enter");
        waitFor("^23$", 1);
        waitFor("^>>>", 7);
        // History: the up arrow brings the last input back.
        keys("Up");
        waitFor("^>>> 10 \\* 2 \\+ 3", 2);
        keys("Enter");
        waitFor("^23$", 2);

        // The worker, blocked on the queue since it was spawned, takes what the REPL puts there.
        keys("q.put(1 != 2)", "Enter");
        waitFor("worker got true", 1);
        waitFor("^>>>", 9);

        // Ctrl-D on an empty line ends the session, with status 0.
        keys("C-d");
        waitFor("^exit status 0$", 1);
    }

    @Test
    void aTerminalThatReportsNoSizeIsUsedAs80By24AndGetsItsSizeBack() throws Exception {
        // A size of 0x0, as a pseudo-terminal nobody sized has. JLine then echoed nothing typed.
        startRepl("stty cols 0 rows 0;", "stty size;");
        keys("print(6 * 7)", "Enter");
        waitFor("^>>> print\\(6 \\* 7\\)$", 1);
        waitFor("^42$", 1);
        waitFor("^>>>", 2);
        // Line editing works as on a sized terminal: Home, then typing at the start of the line.
        keys("2 + 3");
        waitFor("^>>> 2 \\+ 3", 1);
        keys("Home", "10 * ", "Enter");
        waitFor("^23$", 1);
        waitFor("^>>>", 3);
        keys("C-d");
        waitFor("^exit status 0$", 1);
        waitFor("^0 0$", 1);
    }
}

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code toy launch} (CLI.md): N processes, prefixed whole lines, the lowest failing k's status. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LaunchTest {
    @TempDir
    Path dir;

    @Test
    void threeProcessesOf3000LinesComeOutWholeAndPrefixedWithTheLowestFailingStatus() throws IOException {
        Path file = Files.writeString(dir.resolve("lines.toy"), """
                let k = worker_index()
                let filler = "x" * (50 + 37 * k)
                for i in range(3000) {
                    print("process", k, "of", worker_count(), is_main(), "line", i, filler)
                }
                if k == 1 { exit(3) }
                if k == 2 { print(1 // 0) }
                """);
        ToyRunner.Result r = ToyRunner.run("launch", "-n", "3", "--switch-interval", "100", file.toString());
        Pattern line = Pattern.compile("\\[(\\d)] process (\\d) of 3 true line (\\d+) (x+)");
        int[] next = new int[3];
        for (String text : r.out().split("\n")) {
            Matcher m = line.matcher(text);
            assertTrue(m.matches(), "a mixed or broken line: " + text);
            int k = Integer.parseInt(m.group(1));
            assertEquals(k, Integer.parseInt(m.group(2)));
            assertEquals(next[k]++, Integer.parseInt(m.group(3)), "line order within process " + k);
            assertEquals(50 + 37 * k, m.group(4).length());
        }
        assertEquals(List.of(3000, 3000, 3000), List.of(next[0], next[1], next[2]));
        assertEquals("[2] Traceback (most recent call last):\n"
                + "[2]   File \"" + file + "\", line 7, in <main>\n"
                + "[2]     if k == 2 { print(1 // 0) }\n"
                + "[2]                       ^^^^^^\n"
                + "[2] ZeroDivisionError: integer division or modulo by zero\n", r.err());
        assertEquals(3, r.status());
    }

    @Test
    void theRunOptionsAndArgumentsReachEveryProcessAndUsageErrorsAre2() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.toy"), "print(args(), switch_interval())\n");
        ToyRunner.Result r = ToyRunner.run("launch", "-n", "2", "--switch-interval", "250", file.toString(), "a b");
        assertEquals("[0] [\"a b\"] 250\n[1] [\"a b\"] 250\n",
                r.out().lines().sorted().map(s -> s + "\n").reduce("", String::concat));
        assertEquals(0, r.status());
        assertEquals(2, ToyRunner.run("launch", file.toString()).status());
        assertEquals(2, ToyRunner.run("launch", "-n", "0", file.toString()).status());
        assertEquals(2, ToyRunner.run("launch", "-n", "2", "--launch-index", "1", "--launch-count", "2", file.toString()).status());
        assertEquals(66, ToyRunner.run("launch", "-n", "2", dir.resolve("missing.toy").toString()).status());
        // Two outputs in one file: said once, before any process starts.
        Path out = dir.resolve("out.json");
        ToyRunner.Result same = ToyRunner.run("launch", "-n", "2", "--trace", out.toString(), "--timeline", out.toString(), file.toString());
        assertEquals(2, same.status());
        assertEquals("toy: --timeline '" + out + "' names the same file as --trace, which it would overwrite: give each its own file\n",
                same.err());
        // A process's output named for it that is the script (s.1.toy for --trace s.toy): said
        // before process 0 runs too, which then leaves no s.0.toy behind.
        Path script = Files.writeString(dir.resolve("s.1.toy"), "print(1)\n");
        ToyRunner.Result ownScript = ToyRunner.run("launch", "-n", "2", "--trace", dir.resolve("s.toy").toString(), script.toString());
        assertEquals(2, ownScript.status());
        assertEquals("toy: process 1's --trace '" + script + "' names the same file as the script, which it would overwrite:"
                + " give each its own file\n", ownScript.err());
        assertFalse(Files.exists(dir.resolve("s.0.toy")));
    }

    @Test
    void aCompileErrorIsReportedOnceAndNoProcessStarts() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.toy"), "print(\"started\")\nprint(\"a\"\n");
        ToyRunner.Result r = ToyRunner.run("launch", "-n", "2", file.toString());
        assertEquals(65, r.status());
        assertEquals("", r.out());
        assertEquals(file + ":2:6: error: '(' was never closed\nprint(\"a\"\n     ^\n", r.err());
    }

    @Test
    void underRunAProcessIsIndex0Of1() throws IOException {
        Path file = Files.writeString(dir.resolve("who.toy"), "print(worker_index(), worker_count(), is_main())\n");
        assertEquals("0 1 true\n", ToyRunner.run(file.toString()).out());
    }

    @Test
    void ctrlCStopsEveryProcessWithStatus130() throws Exception {
        // Each process reports an error from a thread at once (stderr is flushed per line), then spins.
        Path file = Files.writeString(dir.resolve("spin.toy"), """
                fn signal() { raise "running" }
                spawn signal()
                while true { sleep(0.01) }
                """);
        boolean setsid = Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"));
        List<String> command = new ArrayList<>();
        if (setsid) {
            command.add("setsid");
        }
        // env --default-signal: SIGINT may reach the tests ignored (a background job), and then no program sees it.
        command.addAll(List.of("env", "--default-signal=INT", "java", "-cp", System.getProperty("java.class.path"), "toy.interpreter.cli.Main",
                "launch", "-n", "2", file.toString()));
        Process launch = new ProcessBuilder(command).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(launch.getErrorStream(), StandardCharsets.UTF_8));
            int running = 0;
            while (running < 2) {
                String line = err.readLine();
                assertTrue(line != null, "launch ended before both processes ran");
                if (line.endsWith("Error: running")) {
                    running++;
                }
            }
            List<ProcessHandle> children = launch.children().toList();
            assertEquals(2, children.size());
            // As a terminal does: SIGINT to the whole process group (its own, thanks to setsid).
            String target = setsid ? "-" + launch.pid() : Long.toString(launch.pid());
            new ProcessBuilder("kill", "-INT", "--", target).inheritIO().start().waitFor();
            assertTrue(launch.waitFor(60, TimeUnit.SECONDS));
            assertEquals(130, launch.exitValue());
            for (ProcessHandle child : children) {
                child.onExit().get(60, TimeUnit.SECONDS);
                assertTrue(!child.isAlive(), "a launched process outlived launch");
            }
        } finally {
            launch.descendants().forEach(ProcessHandle::destroyForcibly);
            launch.destroyForcibly();
        }
    }

    /**
     * A process killed by a signal cannot say so: launch says which one and how, as it happens
     * (the other still runs), and the exit status is 128 + 9, the lowest k's.
     */
    @Test
    void aProcessKilledByASignalIsReportedByLaunch() throws Exception {
        Path file = Files.writeString(dir.resolve("wait.toy"), "print(\"ready\")\nsleep(600)\n");
        Process launch = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), "toy.interpreter.cli.Main",
                "launch", "-n", "2", file.toString()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(launch.getInputStream(), StandardCharsets.UTF_8));
            BufferedReader err = new BufferedReader(new InputStreamReader(launch.getErrorStream(), StandardCharsets.UTF_8));
            for (int ready = 0; ready < 2; ready++) {
                String line = out.readLine();
                assertTrue(line != null && line.endsWith("] ready"), "not a readiness line: " + line);
            }
            List<ProcessHandle> children = launch.children().toList();
            assertEquals(2, children.size());
            Pattern killed = Pattern.compile("toy: launch: process ([01]) was killed by SIGKILL \\(status 137\\)");
            List<String> reported = new ArrayList<>();
            for (ProcessHandle child : children) {
                child.destroyForcibly();
                String line = err.readLine();
                assertTrue(line != null, "launch ended without a word on process " + child.pid());
                Matcher m = killed.matcher(line);
                assertTrue(m.matches(), line);
                reported.add(m.group(1));
            }
            assertEquals(List.of("0", "1"), reported.stream().sorted().toList());
            assertTrue(launch.waitFor(60, TimeUnit.SECONDS));
            assertEquals(137, launch.exitValue());
            assertEquals(null, err.readLine());
        } finally {
            launch.descendants().forEach(ProcessHandle::destroyForcibly);
            launch.destroyForcibly();
        }
    }

    @Test
    void theProcessesCompleteTheirFilesWhenLaunchEnds() throws Exception {
        // Whatever ends launch (here SIGKILL, which it cannot handle), its processes see their
        // stdin close and end as a process that gets SIGTERM does: their files whole.
        Path file = Files.writeString(dir.resolve("spin.toy"), "print(\"ready\")\nwhile true { }\n");
        Path stats = dir.resolve("s.json");
        Path timeline = dir.resolve("t.html");
        Process launch = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), "toy.interpreter.cli.Main",
                "launch", "-n", "2", "--stats-json", stats.toString(), "--timeline", timeline.toString(), file.toString()).start();
        List<ProcessHandle> children;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(launch.getInputStream(), StandardCharsets.UTF_8));
            for (int ready = 0; ready < 2; ready++) {
                String line = out.readLine();
                assertTrue(line != null && line.endsWith("] ready"), "not a readiness line: " + line);
            }
            children = launch.children().toList();
            assertEquals(2, children.size());
            launch.destroyForcibly();
            for (ProcessHandle child : children) {
                assertTrue(child.onExit().get(60, TimeUnit.SECONDS) != null, "a process outlived launch");
            }
        } finally {
            launch.descendants().forEach(ProcessHandle::destroyForcibly);
            launch.destroyForcibly();
        }
        for (int k = 0; k < 2; k++) {
            String json = Files.readString(dir.resolve("s." + k + ".json"), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"instructions\"") && json.strip().endsWith("}"), json);
            String page = Files.readString(dir.resolve("t." + k + ".html"), StandardCharsets.UTF_8);
            assertTrue(page.endsWith("</html>\n"), page.substring(Math.max(0, page.length() - 200)));
        }
    }

    @Test
    void aLaunchedProcessHasNoStandardInput() throws IOException {
        Path file = Files.writeString(dir.resolve("ask.toy"), "print(\"read:\", input())\n");
        ToyRunner.Result r = ToyRunner.run("launch", "-n", "2", file.toString());
        assertEquals(List.of("[0] read: nil", "[1] read: nil"), r.out().lines().sorted().toList());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void anOutputFileGetsTheIndexBeforeItsExtension() {
        assertEquals("t.0.jsonl", ObservabilityOptions.indexed("t.jsonl", 0));
        assertEquals("out/run.3.html", ObservabilityOptions.indexed("out/run.html", 3));
        assertEquals("out.d/trace.1", ObservabilityOptions.indexed("out.d/trace", 1));
        assertEquals(".hidden.2", ObservabilityOptions.indexed(".hidden", 2));
        assertEquals("-", ObservabilityOptions.indexed("-", 1));
    }

    @Test
    void everyProcessWritesItsOwnStatsAndTrace() throws IOException {
        Path file = Files.writeString(dir.resolve("own.toy"), "print(worker_index())\n");
        Path stats = dir.resolve("s.json");
        Path trace = dir.resolve("t.jsonl");
        ToyRunner.Result r = ToyRunner.run("launch", "-n", "2", "--stats-json", stats.toString(),
                "--trace", trace.toString(), "--trace-format", "jsonl", file.toString());
        assertEquals(0, r.status(), r.err());
        for (int k = 0; k < 2; k++) {
            assertTrue(Files.readString(dir.resolve("s." + k + ".json")).contains("\"instructions\""));
            assertTrue(Files.readString(dir.resolve("t." + k + ".jsonl")).contains("\"op\":\"LOAD_GLOBAL\""));
        }
        assertTrue(!Files.exists(stats) && !Files.exists(trace));
    }

    /** {@code --stats-json -} stays {@code -} for every process: each report comes out on stderr, its lines prefixed. */
    @Test
    void statsJsonToStderrStaysStderrForEveryProcess() throws IOException {
        Path file = Files.writeString(dir.resolve("own.toy"), "print(worker_index())\n");
        ToyRunner.Result r = ToyRunner.run("launch", "-n", "2", "--stats-json", "-", file.toString());
        assertEquals(0, r.status(), r.err());
        for (int k = 0; k < 2; k++) {
            String prefix = "[" + k + "] ";
            String report = r.err().lines().filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(prefix.length()) + "\n").reduce("", String::concat);
            assertTrue(JsonRecords.parse(report) instanceof Map<?, ?> m && m.containsKey("threads"), r.err());
        }
        assertTrue(!Files.exists(Path.of("-")) && !Files.exists(Path.of("-.0")) && !Files.exists(Path.of("-.1")),
                "an output file in " + Path.of("").toAbsolutePath());
    }
}

package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The classroom kit, {@code samples/exercises/}: what its programs whose output varies
 * (timings, races; marked {@code NAME.varies}) guarantee, run small; and that every folder
 * has a README whose commands name programs that exist. The programs with fixed output are
 * checked by {@link GoldenSamplesTest} like every sample. No duration is asserted.
 */
class ExercisesTest {
    private static final Path KIT = ToyRunner.root().resolve("samples/exercises");

    private static String script(String name) {
        return KIT.resolve(name).toString();
    }

    private static ToyRunner.Result run(String... args) {
        ToyRunner.Result result = ToyRunner.run(args);
        assertEquals(0, result.status(), () -> String.join(" ", args) + " failed:\n" + result.err());
        return result;
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in:\n" + text);
        return Long.parseLong(m.group(1));
    }

    @Test
    void everyExerciseHasProgramsAndAReadmeWhoseCommandsNameThem() throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(KIT)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(folders.size() >= 12, "only " + folders.size() + " exercises");
        Pattern mentioned = Pattern.compile("samples/exercises/[\\w./-]+\\.toy");
        for (Path folder : folders) {
            assertTrue(folder.getFileName().toString().matches("\\d\\d-[a-z-]+"), folder.toString());
            Path readme = folder.resolve("README.md");
            assertTrue(Files.exists(readme), "no README in " + folder);
            String text = Files.readString(readme);
            assertTrue(text.contains("./toy "), "no command to run in " + readme);
            Matcher m = mentioned.matcher(text);
            int found = 0;
            while (m.find()) {
                found++;
                assertTrue(Files.exists(ToyRunner.root().resolve(m.group())), readme + " names a missing " + m.group());
            }
            assertTrue(found > 0, readme + " names no program");
        }
    }

    @Test
    void amdahlPrintsTheBoundOfEachPoolSize() {
        // The shape only: s is measured, and under load the serial part can even take longer
        // than the whole one-worker job, which puts a bound below 1.
        String out = run("run", script("01-amdahl/amdahl.toy"), "200000", "800000").out();
        assertTrue(out.matches("(?s)serial part: [\\d.]+ s of [\\d.]+ s with 1 worker: s = [\\d.]+\n"
                + "1 worker\\(s\\): [\\d.]+ s  speedup 1\\.00  Amdahl's bound 1\\.00\n"
                + "2 worker\\(s\\): [\\d.]+ s  speedup [\\d.]+  Amdahl's bound [\\d.]+\n"
                + "4 worker\\(s\\): [\\d.]+ s  speedup [\\d.]+  Amdahl's bound [\\d.]+\n"), out);
    }

    @Test
    void countdownTimesThreeWays() {
        String out = run("run", script("02-countdown/countdown.toy"), "200000").out();
        assertTrue(out.matches("sequential: +[\\d.]+ s\n2 threads: +[\\d.]+ s +threads / sequential: +[\\d.]+\n"
                + "2 processes: +[\\d.]+ s +processes / sequential: +[\\d.]+\n"), out);
    }

    @Test
    void theRaceLosesUpdatesOnlyWhereTheGilCanChangeHandsInsideAnAddition() {
        // At an interval of 1 instruction the two threads alternate instruction by instruction.
        String racing = run("run", "--switch-interval", "1", script("03-race/race.toy")).out();
        assertTrue(number(racing, "lost updates: (\\d+)") > 0, racing);
        // A budget far beyond the whole loop: each thread's additions run without a switch.
        String calm = run("run", "--switch-interval", "1000000", script("03-race/race.toy")).out();
        assertEquals("expected 2000 got 2000\nlost updates: 0\n", calm);
    }

    @Test
    void starvationCountsEveryNoteInTurns() {
        for (String policy : List.of("handoff", "unfair")) {
            String out = run("run", "--gil", policy, "--switch-interval", "1000", script("06-starvation/starvation.toy"), "200000").out();
            assertEquals(20, number(out, "notes: (\\d+)"), out);
            long turns = number(out, "turns: (\\d+)");
            long longest = number(out, "longest turn: (\\d+)");
            assertTrue(turns >= 2 && turns <= 20 && longest >= 1 && longest <= 19, out);
        }
    }

    @Test
    void theConvoySleeperWakesEveryTimeAndStopsTheSpinner() {
        String out = run("run", script("07-convoy/convoy.toy")).out();
        assertTrue(out.matches("wake-ups: 200  spinner: yes\nlate by [\\d.]+ ms on average, [\\d.]+ ms at worst\n"), out);
        String alone = run("run", script("07-convoy/convoy.toy"), "alone").out();
        assertTrue(alone.startsWith("wake-ups: 200  spinner: no\n"), alone);
    }

    @Test
    void poolTimesBigAndTinyTasks() {
        String out = run("run", script("11-pool/pool.toy"), "200000").out();
        assertTrue(out.matches("in this process: +[\\d.]+ s\nas 2 tasks on 2 workers: +[\\d.]+ s\n"
                + "as 2000 tasks: +[\\d.]+ s\n2000 empty tasks: +[\\d.]+ s +\\(\\d+ us per task\\)\n"), out);
    }

    @Test
    void freeThreadingCountsAndRaces() {
        for (String gil : List.of("off", "handoff")) {
            String out = run("run", "--gil", gil, script("12-free-threading/free.toy"), "20000").out();
            assertTrue(out.matches("1 thread:  [\\d.]+ s for 20000 steps\n2 threads: [\\d.]+ s for 40000 steps  \\([\\d.]+ times the work per second\\)\n"
                    + "shared counter: \\d+ of 4000  lost updates: \\d+\n"), out);
            // However many additions are lost, the counter never exceeds the additions made.
            long counter = number(out, "shared counter: (\\d+)");
            assertTrue(counter >= 1 && counter <= 4000, out);
        }
    }
}

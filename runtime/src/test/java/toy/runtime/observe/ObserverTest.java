package toy.runtime.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The observer without a VM: tracks, trace records, spans, pool workers' records and lanes. */
class ObserverTest {
    private static final ThreadStats NOTHING = new ThreadStats("", 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** An observer, started, that draws a timeline (Chrome's JSON) into json. */
    private static Observer drawing(ByteArrayOutputStream json) throws IOException {
        Observer observer = new Observer();
        observer.timeline(Timeline.create("t.json", json), "t.json");
        observer.start();
        return observer;
    }

    @Test
    void tracedThreadsWriteEventsAndTheLimitStopsEverything() throws IOException {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        Observer observer = new Observer();
        observer.trace(TraceWriter.create("jsonl", trace, "t.jsonl", 2), Set.of("Thread-1"));
        observer.start();
        ThreadTrack main = observer.track("MainThread", () -> NOTHING);
        ThreadTrack worker = observer.track("Thread-1", () -> NOTHING);
        assertEquals(null, main.trace(), "MainThread is not traced");
        main.gilWait();
        worker.gilDrop(DropReason.REQUEST);
        worker.trace().instruction("Thread-1", "f", 0, 1, "NIL", "", null);
        worker.trace().instruction("Thread-1", "f", 1, 1, "RETURN", "", "nil");
        worker.gilDrop(DropReason.THREAD_END);
        assertEquals(List.of(), observer.finish(0, new PrintStream(new ByteArrayOutputStream())));
        String[] lines = trace.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(4, lines.length, String.join("\n", lines));
        assertTrue(lines[0].matches("\\{\"seq\":0,\"t_ns\":\\d+,\"thread\":\"Thread-1\",\"event\":\"thread_start\"}"), lines[0]);
        assertTrue(lines[1].endsWith("\"event\":\"gil_drop\",\"reason\":\"request\"}"), lines[1]);
        assertTrue(lines[3].endsWith("\"fn\":\"f\",\"pc\":1,\"line\":1,\"op\":\"RETURN\",\"arg\":\"\",\"stack\":\"nil\"}"), lines[3]);
    }

    /**
     * A thread that gives the GIL up and takes it back after another thread held it is drawn
     * running, waiting, running: never running while the other does. With no other thread in
     * between, its span goes on.
     */
    @Test
    void aThreadThatTakesTheGilBackAfterAnotherWaitedInBetween() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        Observer observer = drawing(json);
        ThreadTrack first = observer.track("Thread-1", () -> NOTHING);
        ThreadTrack second = observer.track("Thread-2", () -> NOTHING);
        first.enter(ThreadActivity.RUNNING, null, null);
        second.enter(ThreadActivity.WAITING_FOR_GIL, null, null);
        first.gilReleased(); // --gil unfair: it drops and competes again at once
        second.enter(ThreadActivity.RUNNING, null, null);
        second.gilReleased();
        second.enter(ThreadActivity.WAITING_FOR_GIL, null, null);
        first.enter(ThreadActivity.RUNNING, null, null); // it won the GIL back, never counted waiting
        first.gilReleased();
        first.gilRetaken();
        first.enter(ThreadActivity.RUNNING, null, null);
        first.ended();
        second.ended();
        assertEquals(List.of(), observer.finish(0, new PrintStream(new ByteArrayOutputStream())));
        Matcher m = Pattern.compile(
                "\\{\"name\":\"([^\"]+)\",\"cat\":\"thread\",\"ph\":\"X\",\"pid\":1,\"tid\":(\\d+),\"ts\":([0-9.E]+),\"dur\":([0-9.E]+)")
                .matcher(json.toString(StandardCharsets.UTF_8));
        List<String> lanes = new ArrayList<>(List.of("", ""));
        List<double[]> running = new ArrayList<>();
        while (m.find()) {
            int lane = Integer.parseInt(m.group(2));
            lanes.set(lane, lanes.get(lane) + m.group(1) + "; ");
            double start = Double.parseDouble(m.group(3));
            if (m.group(1).equals("running")) {
                running.add(new double[] {lane, start, start + Double.parseDouble(m.group(4))});
            }
        }
        assertEquals(List.of("running; waiting for the GIL; running; ", "waiting for the GIL; running; waiting for the GIL; "), lanes);
        for (double[] a : running) {
            for (double[] b : running) {
                assertTrue(a[0] == b[0] || a[2] <= b[1] || b[2] <= a[1], "lanes " + a[0] + " and " + b[0] + " both running");
            }
        }
    }

    @Test
    void workersGetLanesOfTheirOwnWithTheirTasks() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ByteArrayOutputStream stats = new ByteArrayOutputStream();
        Observer observer = new Observer();
        observer.timeline(Timeline.create("t.json", json), "t.json");
        observer.stats(false, stats, "s.json");
        observer.start();
        ThreadTrack main = observer.track("MainThread", () -> NOTHING);
        main.enter(ThreadActivity.RUNNING, null, "a.toy:1");
        observer.workers(List.of(new WorkerStats(1, 0, 0, 0, 0, 0, 0, 0, 0, 0), new WorkerStats(1, 1, 2, 25, 10, 12, 40, 0, 0, 0)));
        observer.workerTask(1, 1, 10, 20, "square(3)");
        observer.workerTask(1, 1, 30, 45, "square(4)");
        main.enter(ThreadActivity.BLOCKED, "acquire Lock (a.toy:2)", "a.toy:5");
        main.ended();
        assertEquals(List.of(), observer.finish(0, new PrintStream(new ByteArrayOutputStream())));
        String timeline = json.toString(StandardCharsets.UTF_8);
        assertTrue(timeline.contains("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":1,\"args\":{\"name\":\"Worker 0\"}}"), timeline);
        assertTrue(timeline.contains("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":2,\"args\":{\"name\":\"Worker 1\"}}"), timeline);
        assertTrue(timeline.contains("{\"name\":\"square(4)\",\"cat\":\"task\",\"ph\":\"X\",\"pid\":1,\"tid\":2,\"ts\":0.03,\"dur\":0.015,"
                + "\"args\":{\"pool\":1,\"worker\":1}}"), timeline);
        assertTrue(timeline.contains("\"name\":\"blocked\",\"cat\":\"thread\""), timeline);
        assertTrue(timeline.contains("\"args\":{\"on\":\"acquire Lock (a.toy:2)\",\"line\":\"a.toy:5\"}"), timeline);
        assertTrue(stats.toString(StandardCharsets.UTF_8).replaceAll("\\s", "").contains(
                "\"workers\":[{\"pool\":1,\"index\":0,\"tasks\":0,\"busy_ns\":0,\"bytes_sent\":0,\"bytes_received\":0,\"round_trip_ns\":0,"
                + "\"recalled\":0,\"recalls_begun\":0,\"replacements\":0},"
                + "{\"pool\":1,\"index\":1,\"tasks\":2,\"busy_ns\":25,\"bytes_sent\":10,\"bytes_received\":12,\"round_trip_ns\":40,"
                + "\"recalled\":0,\"recalls_begun\":0,\"replacements\":0}]"));
    }

    /** Workers of several pools: a lane each, named after its pool, in the order of the pools. */
    @Test
    void workersOfSeveralPoolsHaveLanesNamedAfterTheirPool() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        Observer observer = drawing(json);
        observer.track("MainThread", () -> NOTHING).ended();
        observer.workers(List.of(new WorkerStats(1, 0, 1, 5, 0, 0, 5, 0, 0, 0), new WorkerStats(2, 0, 1, 5, 0, 0, 5, 0, 0, 0),
                new WorkerStats(3, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        observer.workerTask(2, 0, 10, 20, "g");
        observer.workerTask(1, 0, 30, 40, "f");
        assertThrows(IllegalArgumentException.class, () -> observer.workerTask(2, 1, 10, 20, "h"));
        assertEquals(List.of(), observer.finish(0, new PrintStream(new ByteArrayOutputStream())));
        String timeline = json.toString(StandardCharsets.UTF_8);
        for (String lane : List.of("1,\"args\":{\"name\":\"Pool 1 worker 0\"}", "2,\"args\":{\"name\":\"Pool 2 worker 0\"}",
                "3,\"args\":{\"name\":\"Pool 3 worker 0\"}", "2,\"ts\":0.01,\"dur\":0.01,\"args\":{\"pool\":2,\"worker\":0}",
                "1,\"ts\":0.03,\"dur\":0.01,\"args\":{\"pool\":1,\"worker\":0}")) {
            assertTrue(timeline.contains("\"tid\":" + lane), lane + " in " + timeline);
        }
    }
}

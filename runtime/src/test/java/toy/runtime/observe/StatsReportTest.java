package toy.runtime.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stats report's arithmetic, its table and its JSON, pool workers included. */
class StatsReportTest {
    private static StatsReport report() {
        ContentionStats lock = new ContentionStats("Lock", null, "a.toy:3");
        lock.acquired(false, 0);
        lock.acquired(true, 300);
        lock.acquired(true, 100);
        lock.gaveUp(2_000_000);
        return new StatsReport(2_000_000_000L, 10,
                List.of(new ThreadStats("MainThread", 50, 2, 1, 250, 250, 1000, 0, 1, 1000),
                        new ThreadStats("Thread-1", 70, 3, 2, 250, 200, 1000, 1, 0, 1000)),
                List.of(lock), List.of(new WorkerStats(1, 0, 4, 5_000_000, 120, 80, 6_000_000, 2, 1, 3)), null);
    }

    /** The same run, ended by a deadlock of its two threads. */
    private static StatsReport deadlocked() {
        StatsReport r = report();
        return new StatsReport(r.wallNs(), r.handovers(), r.threads(), r.locks(), r.workers(), List.of(
                new BlockedThread("MainThread", "join Thread-1", "a.toy:9"),
                new BlockedThread("Thread-1", "acquire Lock (a.toy:3), held by MainThread", "a.toy:5")));
    }

    @Test
    void waitShareIsWaitingOverLifetime() {
        assertEquals(0.25, report().gilWaitShare(), 1e-12);
    }

    /** Contended: acquisitions that blocked. The wait's time counts every wait, those that gave up too. */
    @Test
    void contentionCountsOnlyWaitsThatBlocked() {
        ContentionStats lock = report().locks().get(0);
        assertEquals(3, lock.acquisitions());
        assertEquals(2, lock.contended());
        assertEquals(1, lock.gaveUp());
        assertEquals(2_000_400, lock.waitNs());
        assertEquals(2_000_000, lock.waitMaxNs());
    }

    @Test
    void textHasATableForThreadsLocksAndWorkers() {
        String text = report().text();
        assertTrue(text.startsWith("GIL: 10 handovers in 2.000 s (5 per second); threads spent 25.0% of their time waiting for it\n"), text);
        assertTrue(text.contains("\nThread-1                  70         3         2        0.000       0.000        0.001          1          0\n"), text);
        assertTrue(text.contains("\nprimitive  name         created at               acquired  contended      wait ms max wait ms  gave up\n"
                + "Lock       -            a.toy:3                         3          2        2.000       2.000        1\n"), text);
        assertTrue(text.contains("\nworker      tasks      busy ms     bytes sent bytes received    round trip ms  recalled  recall:begun"
                + "  replaced\n"
                + "0               4        5.000            120             80            6.000         2             1         3\n"), text);
        assertTrue(!text.contains("Deadlock"), text);
    }

    /** A name with a line break or a tab keeps its row on one line, its columns aligned on the name as shown. */
    @Test
    void namesWithControlCharactersStayOnTheirRow() {
        ContentionStats lock = new ContentionStats("Lock", "line one\nline two", "dir\tx/a.toy:3");
        lock.acquired(false, 0);
        StatsReport r = new StatsReport(1_000_000, 0, List.of(new ThreadStats("MainThread", 5, 1, 0, 0, 0, 10, 0, 0, 10)),
                List.of(lock), List.of(), List.of(new BlockedThread("Main\rThread", "join Thread-1", "a.toy:9")));
        String text = r.text();
        assertTrue(text.contains("blocked for ever: Main\\rThread\n"), text);
        assertTrue(text.contains("\nprimitive  name         created at               acquired"), text);
        assertTrue(text.contains("\nLock       line one\\nline two dir\\tx/a.toy:3" + " ".repeat(18) + "1          0"), text);
        assertEquals(-1, text.indexOf('\t'), text);
        assertEquals(-1, text.indexOf('\r'), text);
    }

    /** One line after the GIL's says that a deadlock ended the run, and which threads it left blocked; the rest is unchanged. */
    @Test
    void aDeadlockIsOneLineOfTheText() {
        String text = deadlocked().text();
        assertEquals("GIL: 10 handovers in 2.000 s (5 per second); threads spent 25.0% of their time waiting for it\n"
                + "Deadlock: the run ended in a DeadlockError; blocked for ever: MainThread, Thread-1\n"
                + report().text().substring(report().text().indexOf('\n') + 1), text);
    }

    @Test
    void aDeadlockIsOneFieldOfTheJson() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        deadlocked().writeJson(out);
        String json = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", "");
        assertTrue(json.endsWith(",\"deadlock\":[{\"thread\":\"MainThread\",\"on\":\"joinThread-1\",\"line\":\"a.toy:9\"},"
                + "{\"thread\":\"Thread-1\",\"on\":\"acquireLock(a.toy:3),heldbyMainThread\",\"line\":\"a.toy:5\"}]}"), json);
    }

    @Test
    void workersOfSeveralPoolsHaveAPoolColumn() {
        String text = new StatsReport(1, 0, List.of(), List.of(), List.of(new WorkerStats(1, 0, 4, 5_000_000, 120, 80, 6_000_000, 0, 0, 0),
                new WorkerStats(2, 0, 1, 0, 10, 8, 0, 1, 0, 0)), null).text();
        assertTrue(text.endsWith("\npool  worker      tasks      busy ms     bytes sent bytes received    round trip ms  recalled  recall:begun"
                + "  replaced\n"
                + "1     0               4        5.000            120             80            6.000         0             0         0\n"
                + "2     0               1        0.000             10              8            0.000         1             0         0\n"),
                text);
    }

    @Test
    void jsonHasEveryFieldOfTheSchema() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report().writeJson(out);
        String json = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", "");
        assertTrue(json.startsWith("{\"wall_ns\":2000000000,\"handovers\":10,\"gil_wait_share\":0.25,\"threads\":[{\"name\":\"MainThread\","
                + "\"instructions\":50,\"gil_acquisitions\":2,\"gil_waits\":1,\"gil_wait_ns\":250,\"gil_wait_max_ns\":250,"
                + "\"gil_hold_ns\":1000,\"drops_interval\":0,\"drops_blocking\":1}"), json);
        assertTrue(json.contains("\"locks\":[{\"kind\":\"Lock\",\"name\":null,\"site\":\"a.toy:3\",\"acquisitions\":3,\"contended\":2,"
                + "\"wait_ns\":2000400,\"wait_max_ns\":2000000,\"gave_up\":1}]"), json);
        assertTrue(json.endsWith("\"workers\":[{\"pool\":1,\"index\":0,\"tasks\":4,\"busy_ns\":5000000,\"bytes_sent\":120,"
                + "\"bytes_received\":80,\"round_trip_ns\":6000000,\"recalled\":2,\"recalls_begun\":1,\"replacements\":3}],"
                + "\"deadlock\":null}"), json);
    }
}

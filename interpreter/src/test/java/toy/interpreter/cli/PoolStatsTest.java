package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --stats} and {@code --stats-json} count of a pool's workers beyond their tasks:
 * replacements of a worker's process, and recalls (none with one worker: there is never an
 * idle one to recall for). The counts of recalls answered either way are checked against
 * scripted workers in {@code toy.runtime.pool.PoolRecallTest}, where the test chooses the order.
 */
class PoolStatsTest {
    @TempDir
    Path dir;

    /** A worker that exits twice while the pool still owes work: two replacements, in the text and the JSON. */
    @Test
    void replacementsOfAWorkerAreCounted() throws IOException {
        Path script = dir.resolve("p.toy");
        Files.writeString(script, """
                fn quit(status) { exit(status) }
                fn add(a, b) { return a + b }
                if is_main() {
                    let pool = Pool(1)
                    try { pool.submit(quit, 3).result() } catch e { print(e.kind) }
                    print(pool.submit(add, 2, 3).result())
                    let owed = [pool.submit(quit, 4), pool.submit(add, 3, 4)]
                    pool.shutdown()
                    try { owed[0].result() } catch e { print(e.kind) }
                    print(owed[1].result())
                }
                """, StandardCharsets.UTF_8);
        Path stats = dir.resolve("s.json");
        ToyRunner.Result r = ToyRunner.run("run", "--stats", "--stats-json", stats.toString(), script.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("WorkerError\n5\nWorkerError\n7\n", r.out());

        List<?> workers = (List<?>) ((Map<?, ?>) JsonRecords.parse(Files.readString(stats))).get("workers");
        assertEquals(1, workers.size());
        Map<?, ?> worker = (Map<?, ?>) workers.get(0);
        // Tasks that ended with their worker fail with WorkerError: no reply, not counted in tasks.
        assertEquals(List.of(2L, 0L, 0L, 2L), List.of(worker.get("tasks"), worker.get("recalled"), worker.get("recalls_begun"),
                worker.get("replacements")));

        List<String> table = r.err().lines().dropWhile(line -> !line.startsWith("worker ")).toList();
        assertEquals(List.of("worker", "tasks", "busy", "ms", "bytes", "sent", "bytes", "received", "round", "trip", "ms", "recalled",
                "recall:begun", "replaced"), List.of(table.get(0).split(" +")));
        List<String> row = List.of(table.get(1).split(" +"));
        assertEquals(List.of("0", "2", "0", "0", "2"), List.of(row.get(0), row.get(1), row.get(6), row.get(7), row.get(8)), table.get(1));
    }
}

package toy.runtime.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import toy.runtime.observe.WorkerStats;

/**
 * The parent's side of recalls ({@code Pool.recallForIdleWorkers}, {@code RECALLED}) against
 * two {@link ScriptedWorker}s whose every answer the test sends, in the order it chooses: a
 * recall that crosses the task the worker has just begun (answered "begun", 0), one that
 * crosses its result, and one given back (1). Each worker tells the test every message it
 * receives, so each test checks the whole sequence each worker was sent, up to the END of
 * its channel at {@code shutdown()}: a task sent twice, or a recall too many, fails it.
 * Nothing waits for time: each step waits for the message or the line it causes.
 *
 * <p>Every test starts from the same state ({@link #holdTask3BehindTask1}): worker 0 runs
 * task 1 and holds task 3 behind it, and worker 1 has just finished the others, so the parent
 * recalls task 3.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PoolRecallTest {
    private static final Pattern TASK = Pattern.compile("(\\d): TASK (\\d+) (.*)");

    private final TestProgram program = new TestProgram();
    /**
     * What the test sees, in the order it sees it: each worker's reports prefixed "k: ", and
     * the lines the parent hands to {@link Pool.Host#out} prefixed "out: ". The test waits for
     * one at a time, so a message sent to the wrong worker, or a worker the parent killed as
     * broken ("k: CLOSED"), fails it at once rather than leaving it waiting for another.
     */
    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();
    private final Socket[] connections = new Socket[2];
    private final PrintWriter[] commands = new PrintWriter[2];
    private ServerSocket server;
    private Pool pool;
    /** What the pool counts for --stats: the recalls each worker answered. */
    private PoolActivity activity;

    private Pool.Host host() {
        // A small JVM that starts fast: the worker runs no Toy code. Its stderr has only a JVM's
        // own message (a crash): shown with the test's output.
        return program.host(index -> List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                        ScriptedWorker.class.getName(), Integer.toString(server.getLocalPort()), Integer.toString(index)),
                line -> reports.add("out: " + line), line -> System.err.println("scripted worker's stderr: " + line));
    }

    /**
     * A Pool of two scripted workers, each connected to this test, with a thread per connection
     * that moves its reports to {@link #reports} ("k: CLOSED" when it ends); returns once both
     * workers are ready.
     */
    private void startPool() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        // The workers connect before they say READY, so both connections wait in the backlog by now.
        Pool.Host host = host();
        activity = host.activity();
        pool = new Pool(host, 2);
        for (int i = 0; i < 2; i++) {
            Socket connection = server.accept();
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
            String hello = in.readLine();
            assertNotNull(hello, "a scripted worker closed its connection before saying which it is");
            int k = Integer.parseInt(hello.substring("WORKER ".length()));
            connections[k] = connection;
            commands[k] = new PrintWriter(connection.getOutputStream(), true, StandardCharsets.UTF_8);
            Thread relay = new Thread(() -> {
                try {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        reports.add(k + ": " + line);
                    }
                } catch (IOException e) {
                    // Closed by stopPool.
                }
                reports.add(k + ": CLOSED");
            }, "scripted-worker-" + k + "-reports");
            relay.setDaemon(true);
            relay.start();
        }
    }

    @AfterEach
    void stopPool() throws IOException {
        if (pool != null) {
            pool.stop();
        }
        for (Socket connection : connections) {
            if (connection != null) {
                connection.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    /** Checks that the next message either worker was sent is the task {@code call}, sent to {@code worker}; returns its id. */
    private long task(int worker, String call) throws InterruptedException {
        String line = reports.take();
        Matcher m = TASK.matcher(line);
        assertTrue(m.matches() && m.group(1).equals(Integer.toString(worker)) && m.group(3).equals(call),
                "expected " + worker + ": TASK <id> " + call + ", got " + line);
        return Long.parseLong(m.group(2));
    }

    /** Checks that the next thing either worker reports is {@code report}, from {@code worker}. */
    private void expect(int worker, String report) throws InterruptedException {
        assertEquals(worker + ": " + report, reports.take());
    }

    /** Makes worker send a message ({@link ScriptedWorker}'s commands). */
    private void send(int worker, String command) {
        commands[worker].println(command);
    }

    private ToyFuture submit(long n) {
        return pool.submit("f", new Object[] {n});
    }

    /** Waits for the parent to hand on the worker's line {@code OUT mark}: every message that worker sent before it was handled. */
    private void handled(int worker, String mark) throws InterruptedException {
        send(worker, "OUT " + mark);
        assertEquals("out: " + mark, reports.take());
    }

    /** Shuts the pool down and checks that neither worker was sent anything more: the next each reports is the END of its channel. */
    private void shutdownAndCheckNothingMoreWasSent() throws InterruptedException {
        pool.shutdown();
        assertEquals(Set.of("0: END", "1: END"), Set.of(reports.take(), reports.take()));
    }

    /** Checks the recalls each worker answered, as --stats counts them: {given back, begun} of worker 0, then of worker 1. */
    private void recallsCounted(long... counts) {
        List<WorkerStats> workers = activity.workers();
        assertEquals(List.of(counts[0], counts[1], counts[2], counts[3]), List.of(workers.get(0).recalled(),
                workers.get(0).recallsBegun(), workers.get(1).recalled(), workers.get(1).recallsBegun()));
    }

    /** Futures of f(1) to f(5) and the ids their tasks got, by n. */
    private record Held(ToyFuture[] futures, long[] ids) {
    }

    /**
     * Worker 0 runs task 1 (not answered) with task 3 in its window; worker 1 runs tasks 2, 4
     * and 5 in turn and answers each, so that it ends with nothing to do while task 3 waits
     * behind task 1: then the parent asks task 3 back, which this checks. (Of two equally busy
     * workers, the parent picks worker 0.)
     */
    private Held holdTask3BehindTask1() throws InterruptedException {
        ToyFuture[] futures = new ToyFuture[6];
        long[] ids = new long[6];
        futures[1] = submit(1);
        ids[1] = task(0, "f(1)");
        futures[2] = submit(2);
        ids[2] = task(1, "f(2)");
        // Each worker busy: these wait in the parent until more wait than there are workers, then one joins task 1.
        futures[3] = submit(3);
        futures[4] = submit(4);
        futures[5] = submit(5);
        ids[3] = task(0, "f(3)");
        send(1, "RESULT " + ids[2] + " 20");
        ids[4] = task(1, "f(4)");
        send(1, "RESULT " + ids[4] + " 40");
        ids[5] = task(1, "f(5)");
        send(1, "RESULT " + ids[5] + " 50");
        expect(0, "RECALL " + ids[3]);
        assertEquals(20L, futures[2].result(-1));
        assertEquals(40L, futures[4].result(-1));
        assertEquals(50L, futures[5].result(-1));
        return new Held(futures, ids);
    }

    /**
     * The crossing: the recall reaches worker 0 as it finishes task 1 and begins task 3, so it
     * sends task 1's result, then answers "begun" (as WorkerMain does: it takes a task only
     * after sending the last one's result), and task 3's result comes later. Task 3 is not
     * sent again, and the answer frees the recall for a later one: task 7, held behind task 3
     * while task 3 still runs, is asked back, given back, and run by worker 1.
     */
    @Test
    void aRecallCrossingABegunTaskLetsItFinishThereAndALaterRecallIsStillSent() throws Exception {
        program.asMainThread(() -> {
            startPool();
            Held held = holdTask3BehindTask1();
            long[] ids = held.ids();
            send(0, "RESULT " + ids[1] + " 10");
            send(0, "RECALLED " + ids[3] + " 0");
            handled(0, "task 3 begun");
            assertEquals(10L, held.futures()[1].result(-1));
            assertFalse(held.futures()[3].isDone());

            // Task 3 runs on worker 0; worker 1 is free. Task 6 goes to worker 1, and once more
            // wait than there are workers, task 7 joins task 3 on worker 0.
            ToyFuture f6 = submit(6);
            long id6 = task(1, "f(6)");
            ToyFuture f7 = submit(7);
            ToyFuture f8 = submit(8);
            ToyFuture f9 = submit(9);
            long id7 = task(0, "f(7)");
            send(1, "RESULT " + id6 + " 60");
            long id8 = task(1, "f(8)");
            send(1, "RESULT " + id8 + " 80");
            long id9 = task(1, "f(9)");
            send(1, "RESULT " + id9 + " 90");
            // Worker 1 is free again, task 3 still runs, task 7 waits behind it: asked back.
            expect(0, "RECALL " + id7);
            send(0, "RECALLED " + id7 + " 1");
            assertEquals(id7, task(1, "f(7)"));
            send(1, "RESULT " + id7 + " 70");
            assertEquals(70L, f7.result(-1));
            assertFalse(held.futures()[3].isDone());

            send(0, "RESULT " + ids[3] + " 30");
            assertEquals(30L, held.futures()[3].result(-1));
            assertEquals(60L, f6.result(-1));
            assertEquals(80L, f8.result(-1));
            assertEquals(90L, f9.result(-1));
            shutdownAndCheckNothingMoreWasSent();
            // Task 3 asked back once begun, task 7 given back: both from worker 0.
            recallsCounted(1, 1, 0, 0);
        });
    }

    /**
     * The recall crosses task 3's result too: worker 0 finishes tasks 1 and 3 before it reads
     * the recall, whose answer "begun" then names a task the parent has finished. The parent
     * takes that as the late answer it is, and the worker goes on serving.
     */
    @Test
    void aRecallAnsweredAfterTheTasksResultIsNoFault() throws Exception {
        program.asMainThread(() -> {
            startPool();
            Held held = holdTask3BehindTask1();
            long[] ids = held.ids();
            send(0, "RESULT " + ids[1] + " 10");
            send(0, "RESULT " + ids[3] + " 30");
            send(0, "RECALLED " + ids[3] + " 0");
            handled(0, "answered late");
            assertEquals(10L, held.futures()[1].result(-1));
            assertEquals(30L, held.futures()[3].result(-1));

            // Both free: the next task goes to worker 0, which is still serving.
            ToyFuture f6 = submit(6);
            long id6 = task(0, "f(6)");
            send(0, "RESULT " + id6 + " 60");
            assertEquals(60L, f6.result(-1));
            shutdownAndCheckNothingMoreWasSent();
            recallsCounted(0, 1, 0, 0);
        });
    }

    /** Worker 0 gives task 3 back: it runs on worker 1, the free one, and task 1 finishes on worker 0. */
    @Test
    void aHeldTaskGivenBackRunsOnTheFreeWorker() throws Exception {
        program.asMainThread(() -> {
            startPool();
            Held held = holdTask3BehindTask1();
            long[] ids = held.ids();
            send(0, "RECALLED " + ids[3] + " 1");
            assertEquals(ids[3], task(1, "f(3)"));
            send(1, "RESULT " + ids[3] + " 30");
            assertEquals(30L, held.futures()[3].result(-1));
            assertFalse(held.futures()[1].isDone());
            send(0, "RESULT " + ids[1] + " 10");
            assertEquals(10L, held.futures()[1].result(-1));
            shutdownAndCheckNothingMoreWasSent();
            recallsCounted(1, 0, 0, 0);
        });
    }
}

package toy.runtime.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import toy.runtime.ToyError;
import toy.runtime.TracebackEntry;
import toy.runtime.threads.Gil;
import toy.runtime.threads.Scheduler;
import toy.runtime.threads.ThreadState;

/**
 * A worker that writes garbage on the channel is a WorkerError, never a hang. The "workers"
 * here are shell one-liners that speak just enough of the protocol: a READY message is the
 * marker 0xA7 (octal 247), the length 1 and kind 0.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PoolChannelFaultTest {
    private static final String READY = "printf '\\247\\000\\000\\000\\001\\000'";

    private final Scheduler scheduler = new Scheduler();
    private final Gil gil = new Gil(Gil.Policy.HANDOFF, scheduler);
    private final PoolActivity activity = new PoolActivity();
    private final List<String> err = new CopyOnWriteArrayList<>();

    /** Runs body as the MainThread of a program, holding the GIL (on the thread JUnit runs the test in). */
    private void asMainThread(Runnable body) {
        scheduler.setGil(gil);
        ThreadState main = scheduler.register("MainThread", () -> new TracebackEntry("t.toy", 1, "<main>"));
        main.bindToCurrentThread();
        gil.acquire(main);
        try {
            body.run();
        } finally {
            gil.releaseAtEnd(main);
            scheduler.finished(main);
        }
    }

    private Pool.Host host(String shell) {
        return new Pool.Host() {
            @Override
            public List<String> workerCommand(int index, int count) {
                return List.of("sh", "-c", shell);
            }

            @Override
            public void out(String line) {
            }

            @Override
            public void err(String line) {
                err.add(line);
            }

            @Override
            public String functionName(Object function) {
                return (String) function;
            }

            @Override
            public Scheduler scheduler() {
                return scheduler;
            }

            @Override
            public PoolActivity activity() {
                return activity;
            }
        };
    }

    @Test
    void garbageBeforeReadyMakesPoolRaiseWorkerError() {
        asMainThread(() -> {
            ToyError e = assertThrows(ToyError.class, () -> new Pool(host("printf 'garbage\\n'; exec cat >/dev/null"), 1));
            assertEquals("WorkerError", e.kind());
            assertEquals("Pool worker 0 sent a broken message (byte 103 where a message should start) before it was ready",
                    e.errorMessage());
        });
    }

    @Test
    void garbageInsteadOfAReplyFailsTheTaskWithWorkerError() {
        asMainThread(() -> {
            // Ready, then garbage as soon as a task arrives.
            Pool pool = new Pool(host(READY + "; head -c 1 >/dev/null; printf 'garbage'; exec cat >/dev/null"), 1);
            try {
                ToyFuture future = pool.submit("f", new Object[] {1L});
                ToyError e = assertThrows(ToyError.class, () -> future.result(-1));
                assertEquals("WorkerError", e.kind());
                assertEquals("Pool worker 0 sent a broken message (byte 103 where a message should start) while running f()",
                        e.errorMessage());
            } finally {
                pool.stop();
            }
        });
    }

    @Test
    void aLengthThatLiesIsAWorkerErrorNotAWait() {
        asMainThread(() -> {
            // The marker, then a length of 2 GiB: refused at once rather than read.
            ToyError e = assertThrows(ToyError.class,
                    () -> new Pool(host("printf '\\247\\177\\377\\377\\377\\000'; exec cat >/dev/null"), 1));
            assertEquals("WorkerError", e.kind());
            assertTrue(e.errorMessage().contains("a message length of 2147483647 bytes"), e.errorMessage());
        });
    }

    @Test
    void aWorkerThatCannotStartIsAWorkerError() {
        asMainThread(() -> {
            Pool.Host host = host("exit 3");
            ToyError e = assertThrows(ToyError.class, () -> new Pool(host, 2));
            assertEquals("WorkerError", e.kind());
            assertTrue(e.errorMessage().matches("Pool worker [01] exited with status 3 before it was ready"), e.errorMessage());
        });
    }
}

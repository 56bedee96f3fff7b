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

/**
 * A worker that writes garbage on the channel is a WorkerError, never a hang. The "workers"
 * here are shell one-liners that speak just enough of the protocol: a READY message is the
 * marker 0xA7 (octal 247), the length 1 and kind 0.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PoolChannelFaultTest {
    private static final String READY = "printf '\\247\\000\\000\\000\\001\\000'";

    private final TestProgram program = new TestProgram();
    private final List<String> err = new CopyOnWriteArrayList<>();

    private Pool.Host host(String shell) {
        return program.host(index -> List.of("sh", "-c", shell), line -> { }, err::add);
    }

    @Test
    void garbageBeforeReadyMakesPoolRaiseWorkerError() throws Exception {
        program.asMainThread(() -> {
            ToyError e = assertThrows(ToyError.class, () -> new Pool(host("printf 'garbage\\n'; exec cat >/dev/null"), 1));
            assertEquals("WorkerError", e.kind());
            assertEquals("Pool worker 0 sent a broken message (byte 103 where a message should start) before it was ready",
                    e.errorMessage());
        });
    }

    @Test
    void garbageInsteadOfAReplyFailsTheTaskWithWorkerError() throws Exception {
        program.asMainThread(() -> {
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
    void aLengthThatLiesIsAWorkerErrorNotAWait() throws Exception {
        program.asMainThread(() -> {
            // The marker, then a length of 2 GiB: refused at once rather than read.
            ToyError e = assertThrows(ToyError.class,
                    () -> new Pool(host("printf '\\247\\177\\377\\377\\377\\000'; exec cat >/dev/null"), 1));
            assertEquals("WorkerError", e.kind());
            assertTrue(e.errorMessage().contains("a message length of 2147483647 bytes"), e.errorMessage());
        });
    }

    @Test
    void aWorkerThatCannotStartIsAWorkerError() throws Exception {
        program.asMainThread(() -> {
            Pool.Host host = host("exit 3");
            ToyError e = assertThrows(ToyError.class, () -> new Pool(host, 2));
            assertEquals("WorkerError", e.kind());
            assertTrue(e.errorMessage().matches("Pool worker [01] exited with status 3 before it was ready"), e.errorMessage());
        });
    }
}

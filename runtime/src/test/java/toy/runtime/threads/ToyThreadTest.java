package toy.runtime.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import toy.runtime.TracebackEntry;

class ToyThreadTest {
    @Test
    void anInternalFailureInAThreadIsReportedInOneLineAndEndsTheRunWith70() {
        Scheduler scheduler = new Scheduler();
        scheduler.setGil(new Gil(Gil.Policy.HANDOFF, scheduler));
        ThreadState state = scheduler.register("Thread-1", () -> new TracebackEntry("t.toy", 1, "f"));
        List<String> reports = new CopyOnWriteArrayList<>();

        ToyThread.start(state, () -> {
            throw new IllegalStateException("bad opcode 99 at 0");
        }, reports::add);

        Aborted aborted = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (;;) {
                try {
                    scheduler.checkAborted();
                    Thread.sleep(1);
                } catch (Aborted e) {
                    return e;
                }
            }
        });
        assertEquals(70, aborted.status());
        assertEquals(List.of("toy: internal error in Thread-1: java.lang.IllegalStateException: bad opcode 99 at 0"
                + " (this is a bug in Toy; please report it with the script that caused it)\n"), reports);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (state.state() != ThreadState.State.FINISHED) {
                Thread.sleep(1);
            }
        });
        assertThrows(Aborted.class, scheduler::checkAborted);
    }
}

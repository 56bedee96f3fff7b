package toy.runtime.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import toy.runtime.TracebackEntry;

/**
 * On the timeline, a thread's "running" span ends when it gives the GIL up, not when it next
 * changes state: a thread preempted between the two must not be drawn running while another
 * holds the GIL. The preemption is made certain here: MainThread changes state only once it has
 * seen the other thread take the GIL.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunningSpanTest {
    private static final Pattern RUNNING = Pattern.compile(
            "\"name\":\"running\",\"cat\":\"thread\",\"ph\":\"X\",\"pid\":1,\"tid\":(\\d+),\"ts\":([0-9.E]+),\"dur\":([0-9.E]+)");

    private volatile boolean mainAsleep;

    @Test
    void aRunningSpanEndsWhenTheGilIsGivenUp() throws Exception {
        ObservedRun run = new ObservedRun();
        ThreadState main = run.scheduler.register("MainThread", () -> new TracebackEntry("t.toy", 1, "<main>"));
        main.bindToCurrentThread();
        run.gil.acquire(main);
        ThreadState other = run.scheduler.register("Thread-1", () -> new TracebackEntry("t.toy", 2, "spin"));
        ToyThread.start(other, () -> {
            while (!mainAsleep) {
                Thread.onSpinWait();
            }
            return null;
        }, report -> { });

        run.gil.release(main);
        while (other.state() != ThreadState.State.RUNNING) {
            Thread.onSpinWait();
        }
        // As if preempted between its release of the GIL and its next state: that state comes late.
        main.setState(ThreadState.State.SLEEPING);
        mainAsleep = true;
        run.gil.acquire(main);
        run.gil.releaseAtEnd(main);
        run.scheduler.finished(main);
        run.observer.finish(0, new PrintStream(new ByteArrayOutputStream()));

        // Lane 0 is MainThread, lane 1 Thread-1; times in microseconds.
        List<double[]> mainRunning = new ArrayList<>();
        List<double[]> otherRunning = new ArrayList<>();
        Matcher m = RUNNING.matcher(run.timeline());
        while (m.find()) {
            double start = Double.parseDouble(m.group(2));
            double[] span = {start, start + Double.parseDouble(m.group(3))};
            (m.group(1).equals("0") ? mainRunning : otherRunning).add(span);
        }
        assertEquals(2, mainRunning.size(), run.timeline());
        assertEquals(1, otherRunning.size(), run.timeline());
        assertTrue(mainRunning.get(0)[1] <= otherRunning.get(0)[0] + 1e-3,
                "MainThread drawn running until " + mainRunning.get(0)[1] + " µs, Thread-1 from " + otherRunning.get(0)[0]);
    }
}

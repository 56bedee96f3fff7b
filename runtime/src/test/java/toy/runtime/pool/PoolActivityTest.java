package toy.runtime.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import toy.runtime.observe.WorkerStats;

/** The figures --stats and --timeline read: per worker lane (recalls and replacements too), and a span per task on the parent's clock. */
class PoolActivityTest {
    @Test
    void countsPerLaneAndSpansPerTask() {
        PoolActivity activity = new PoolActivity();
        int first = activity.newPool(2);
        int second = activity.newPool(1);
        activity.bytes(first, 1, 100, 0);
        activity.bytes(first, 1, 0, 40);
        // Sent at 1000, reply received at 5000, the worker busy for 3000 of those ns.
        activity.taskDone(first, 1, "f", 1_000, 5_000, 3_000);
        activity.taskDone(first, 1, "g", 6_000, 7_000, 500);
        activity.taskDone(second, 0, "h", 10, 20, 50);
        activity.recallAnswered(first, 0, true);
        activity.recallAnswered(first, 0, true);
        activity.recallAnswered(first, 0, false);
        activity.replaced(second, 0);

        // Round trips: the mean of 4,000 and 1,000 ns; 0 for a worker that ran no task.
        assertEquals(List.of(
                new WorkerStats(1, 0, 0, 0, 0, 0, 0, 2, 1, 0),
                new WorkerStats(1, 1, 2, 3_500, 100, 40, 2_500, 0, 0, 0),
                new WorkerStats(2, 0, 1, 50, 0, 0, 10, 0, 0, 1)), activity.workers());
        assertEquals(List.of(
                new PoolActivity.TaskSpan(1, 1, 2_000, 5_000, "f"),
                new PoolActivity.TaskSpan(1, 1, 6_500, 7_000, "g"),
                // A worker's clock may say it was busy longer than the round trip: the span stays inside it.
                new PoolActivity.TaskSpan(2, 0, 10, 20, "h")), activity.spans());
    }

    /**
     * A worker begins its next task before the parent reads the last reply: the parent reads
     * f's late, after g's ran. Each span keeps the worker's busy time; f's ends where g's
     * begins rather than at its reply, so the lane never runs two tasks at once. Another lane
     * is not touched.
     */
    @Test
    void spansOfALaneNeverOverlapWhenAReplyIsReadLate() {
        PoolActivity activity = new PoolActivity();
        int pool = activity.newPool(2);
        // The worker ran f over [100, 1100] and g over [1100, 1300]; the parent read them at 1400 and 1450.
        activity.taskDone(pool, 0, "f", 0, 1_400, 1_000);
        activity.taskDone(pool, 1, "h", 5, 1_420, 900);
        activity.taskDone(pool, 0, "g", 10, 1_450, 200);
        // Figures that cannot all be true (the two clocks disagree): i, sent at 2000, still begins no earlier, though
        // j's span leaves it only 820 ns of the 1000 the worker reports.
        activity.taskDone(pool, 0, "i", 2_000, 3_100, 1_000);
        activity.taskDone(pool, 0, "j", 2_010, 3_120, 300);

        assertEquals(List.of(
                new PoolActivity.TaskSpan(1, 0, 250, 1_250, "f"),
                new PoolActivity.TaskSpan(1, 1, 520, 1_420, "h"),
                new PoolActivity.TaskSpan(1, 0, 1_250, 1_450, "g"),
                new PoolActivity.TaskSpan(1, 0, 2_000, 2_820, "i"),
                new PoolActivity.TaskSpan(1, 0, 2_820, 3_120, "j")), activity.spans());
        // The stats keep what the worker measured.
        assertEquals(2_500, activity.workers().get(0).busyNs());
    }
}

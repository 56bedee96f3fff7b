package toy.runtime.pool;

import java.util.ArrayList;
import java.util.List;
import toy.runtime.observe.WorkerStats;

/**
 * What the pools of one program did, for {@code --stats} and {@code --timeline} (CLI.md): per
 * worker its counters, and per task a span on the worker's lane. Times are the parent's
 * {@link System#nanoTime()} in ns. A worker and its replacements share one lane: the lane is
 * the worker's index in its pool. Thread-safe; read it once the program has ended.
 */
public final class PoolActivity {
    /**
     * One task on a worker's lane: {@code endNanos} is when the parent received its reply and
     * {@code startNanos} that minus the time the worker reports running it.
     */
    public record TaskSpan(int pool, int index, long startNanos, long endNanos, String function) {
    }

    private final List<long[]> counters = new ArrayList<>();
    private final List<int[]> lanes = new ArrayList<>();
    private final List<TaskSpan> spans = new ArrayList<>();
    private int pools;

    /** Numbers a new pool of {@code size} workers and opens its lanes; returns its number. */
    synchronized int newPool(int size) {
        int pool = ++pools;
        for (int i = 0; i < size; i++) {
            lanes.add(new int[] {pool, i});
            counters.add(new long[8]);
        }
        return pool;
    }

    /** A finished task: its lane, its span, and its costs. */
    synchronized void taskDone(int pool, int index, String function, long sentNanos, long receivedNanos, long busyNanos) {
        long[] c = lane(pool, index);
        c[0]++;
        c[1] += busyNanos;
        c[4] += receivedNanos - sentNanos;
        spans.add(new TaskSpan(pool, index, receivedNanos - Math.min(busyNanos, receivedNanos - sentNanos), receivedNanos,
                function));
    }

    /** Bytes that crossed a worker's channel, either way. */
    synchronized void bytes(int pool, int index, long sent, long received) {
        long[] c = lane(pool, index);
        c[2] += sent;
        c[3] += received;
    }

    /** A worker answered a recall: it gave the task back ({@code givenBack}), or it had begun it. */
    synchronized void recallAnswered(int pool, int index, boolean givenBack) {
        lane(pool, index)[givenBack ? 5 : 6]++;
    }

    /** A new process took the place of the worker's, which ended. */
    synchronized void replaced(int pool, int index) {
        lane(pool, index)[7]++;
    }

    private long[] lane(int pool, int index) {
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i)[0] == pool && lanes.get(i)[1] == index) {
                return counters.get(i);
            }
        }
        throw new IllegalArgumentException("no worker " + index + " in pool " + pool);
    }

    /**
     * Every lane's counters, in the order the pools and their workers were made: the tasks that
     * finished there (with a result or an error), the ns the worker spent running them as it
     * measured them, the bytes each way (message headers included), the mean round trip of a
     * task (0 when none ran), the recalls answered and the replacements.
     */
    public synchronized List<WorkerStats> workers() {
        List<WorkerStats> list = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            long[] c = counters.get(i);
            long meanRoundTrip = c[0] == 0 ? 0 : c[4] / c[0];
            list.add(new WorkerStats(lanes.get(i)[0], lanes.get(i)[1], c[0], c[1], c[2], c[3], meanRoundTrip, c[5], c[6], c[7]));
        }
        return list;
    }

    /** Every task that finished, in the order their replies arrived. */
    public synchronized List<TaskSpan> spans() {
        return List.copyOf(spans);
    }
}

package toy.runtime.pool;

import java.util.ArrayList;
import java.util.Arrays;
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
     * One task on a worker's lane, in the parent's ns (the worker reports only how long it ran
     * the task, its clock being another process's): as long as the worker says, but never
     * beginning before the task was sent, and placed as late as is known to be true. It ends
     * when the parent received its reply, or earlier, where the next span of its lane begins:
     * a worker runs its tasks one at a time in the order sent, and may begin the next before
     * the parent reads the last reply. So the spans of a lane never overlap, and each is where
     * its task ran or later by at most the time its reply took to be read.
     */
    public record TaskSpan(int pool, int index, long startNanos, long endNanos, String function) {
    }

    /** A task's reply as the parent received it: its lane, when it was sent and received (ns), and the ns the worker was busy with it. */
    private record Reply(int pool, int index, String function, long sentNanos, long receivedNanos, long busyNanos) {
    }

    private final List<long[]> counters = new ArrayList<>();
    private final List<int[]> lanes = new ArrayList<>();
    private final List<Reply> replies = new ArrayList<>();
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
        replies.add(new Reply(pool, index, function, sentNanos, receivedNanos, busyNanos));
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
        return counters.get(laneNumber(pool, index));
    }

    /** The lane's place in {@link #lanes} (and {@link #counters}), from 0. */
    private int laneNumber(int pool, int index) {
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i)[0] == pool && lanes.get(i)[1] == index) {
                return i;
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

    /**
     * Every task that finished, in the order their replies arrived, each placed on its lane as
     * {@link TaskSpan} says: from the last reply back, each span ends at its reply or at the
     * start of the next span of its lane, whichever is earlier.
     */
    public synchronized List<TaskSpan> spans() {
        TaskSpan[] spans = new TaskSpan[replies.size()];
        long[] nextStart = new long[lanes.size()];
        Arrays.fill(nextStart, Long.MAX_VALUE);
        for (int i = replies.size() - 1; i >= 0; i--) {
            Reply r = replies.get(i);
            int lane = laneNumber(r.pool(), r.index());
            long end = Math.min(r.receivedNanos(), nextStart[lane]);
            long start = Math.max(r.sentNanos(), end - r.busyNanos());
            spans[i] = new TaskSpan(r.pool(), r.index(), start, end, r.function());
            nextStart[lane] = start;
        }
        return List.of(spans);
    }
}

package toy.runtime.observe;

import java.util.List;

/**
 * One process-pool worker's counters, as {@code PoolActivity} counts them and the {@code workers}
 * entries of {@code --stats-json} report them.
 *
 * @param pool           the worker's pool: 1 for the program's first {@code Pool()}, 2 for the next, ...
 * @param index          the worker's index in its pool, from 0
 * @param tasks          tasks it ran
 * @param busyNs         time it spent running tasks, in nanoseconds
 * @param bytesSent      bytes the parent sent it (tasks and their arguments)
 * @param bytesReceived  bytes it sent back (results, errors, printed lines)
 * @param roundTripNs    the mean time from sending a task to receiving its result, in nanoseconds
 * @param recalled       tasks the pool asked back from it and it gave back, unbegun, for an idle worker
 * @param recallsBegun   tasks the pool asked back once it had begun them: it ran them itself
 * @param replacements   times its process ended while the pool still served, busy or idle, and a new one took its place
 */
public record WorkerStats(int pool, int index, long tasks, long busyNs, long bytesSent, long bytesReceived, long roundTripNs,
        long recalled, long recallsBegun, long replacements) {

    /**
     * The worker's name on its timeline lane: "Worker 0" while the run had one pool, "Pool 2
     * worker 0" once it had several, so that the common case reads as before and no lane of a
     * program with several pools leaves its pool to be guessed.
     */
    String laneName(boolean severalPools) {
        return severalPools ? "Pool " + pool + " worker " + index : "Worker " + index;
    }

    /** Whether {@code workers} come from more than one pool. */
    static boolean severalPools(List<WorkerStats> workers) {
        return workers.stream().anyMatch(w -> w.pool() != workers.get(0).pool());
    }
}
